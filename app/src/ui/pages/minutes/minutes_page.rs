use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::minutes::{AddAction, AddDecision, SaveOutcome, get_minutes};
use crate::i18n::{Texts, kind_name, texts};
use crate::model::Lang;
use crate::model::agenda::ItemKind;
use crate::model::minutes::{MinutesItem, MinutesView};
use crate::model::time::{Zone, format_date};
use crate::ui::components::PageError;
use crate::ui::forms::{FormErrorSummary, FormErrors};
use crate::ui::pages::minutes::{action_status_name, decision_status_name};
use crate::ui::url::id_param;
use crate::ui::{session, use_app};

/// The three forms every item has, shared so the page refetches after any of them.
#[derive(Clone, Copy)]
struct Forms {
    outcome: ServerAction<SaveOutcome>,
    decision: ServerAction<AddDecision>,
    action: ServerAction<AddAction>,
}

/// `/meetings/:id/minutes`: taking the minutes against the agenda. Secretariat only.
#[component]
pub fn MinutesPage() -> impl IntoView {
    let app = use_app();
    let id = id_param("id");
    let query = use_query_map();
    let forms = Forms {
        outcome: ServerAction::<SaveOutcome>::new(),
        decision: ServerAction::<AddDecision>::new(),
        action: ServerAction::<AddAction>::new(),
    };
    let minutes = Resource::new(
        move || {
            (
                id.get(),
                forms.outcome.version().get(),
                forms.decision.version().get(),
                forms.action.version().get(),
            )
        },
        |(id, ..)| get_minutes(id),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let view_data: MinutesView = match minutes.await {
                    Err(error) => return view! { <PageError error t/> }.into_any(),
                    Ok(data) => data,
                };
                let m = t.minutes;
                let action_error = Signal::derive(move || {
                    forms.outcome.value().get().and_then(Result::err)
                        .or_else(|| forms.decision.value().get().and_then(Result::err))
                        .or_else(|| forms.action.value().get().and_then(Result::err))
                });
                let errors = FormErrors::new(action_error, query, t, info.lang);
                let heading = format!("{} – {}. {}", m.minutes_title, view_data.meeting_number, view_data.title);
                let when = format_date(info.lang, view_data.starts_at, "Europe/Copenhagen");
                let undecided: Vec<String> = view_data.undecided().iter().map(|i| format!("{}. {}", i.number, i.title)).collect();
                let editable = view_data.editable;
                let people = view_data.people.clone();
                let current = view_data.current_item;
                let meeting_id = view_data.meeting_id;
                view! {
                    <Title text=format!("{heading} – {}", t.app_name)/>
                    <h1>{heading}</h1>
                    <p class="font-lead">{when}</p>
                    <p><a class="function-link" href=format!("/meetings/{meeting_id}")>{t.meetings.back_to_meeting}</a></p>
                    {if editable {
                        view! { <p>{m.minutes_intro}</p> }.into_any()
                    } else {
                        view! { <div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text">{m.minutes_locked}</p></div></div> }.into_any()
                    }}
                    <FormErrorSummary heading=t.error_summary errors/>
                    {(!undecided.is_empty()).then(|| view! {
                        <div class="alert alert-warning"><div class="alert-body">
                            <p class="alert-heading">{m.undecided}</p>
                            <ul class="alert-text">{undecided.into_iter().map(|u| view! { <li>{u}</li> }).collect_view()}</ul>
                        </div></div>
                    })}
                    <ol class="minutes-items nobullet-list">
                        {view_data.items.into_iter().map(|item| {
                            let is_current = current == Some(item.id);
                            view! { <MinutesItemView item meeting_id editable is_current people=people.clone() forms t lang=info.lang/> }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn MinutesItemView(
    item: MinutesItem,
    meeting_id: i32,
    editable: bool,
    is_current: bool,
    people: Vec<(i32, String)>,
    forms: Forms,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView {
    let m = t.minutes;
    let item_id = item.id;
    let outcome_id = format!("outcome-{item_id}");
    let decision_id = format!("decision-{item_id}");
    let what_id = format!("what-{item_id}");
    let owner_id = format!("owner-{item_id}");
    let due_id = format!("due-{item_id}");
    let start = Zone::EuropeCopenhagen
        .to_local(item.planned_start)
        .format("%H:%M")
        .to_string();
    let outcome_text = item.outcome.clone();
    let decision_start = if item.kind == ItemKind::B {
        item.outcome.clone()
    } else {
        String::new()
    };
    let outcome_label = if item.kind == ItemKind::D {
        m.outcome_label_d
    } else {
        m.outcome_label
    };
    view! {
        <li class="minutes-item" class:minutes-item--current=is_current id=format!("item-{item_id}")>
            <h2 class="h3">
                {format!("{}. {}", item.number, item.title)}
                " "<span class="minutes-kind">"(" {kind_name(lang, item.kind)} ")"</span>
                {is_current.then(|| view! { " "<strong class="minutes-now">{m.current_item}</strong> })}
            </h2>
            <p class="form-hint">{format!("{} {start} · {} min", m.planned, item.duration_minutes)}</p>
            {(item.kind != ItemKind::B).then(|| view! {
                <ActionForm action=forms.outcome attr:class="outcome-form">
                    <input type="hidden" name="meeting_id" value=meeting_id/>
                    <input type="hidden" name="input[item_id]" value=item_id/>
                    {item.outcome_version.map(|v| view! { <input type="hidden" name="input[version]" value=v/> })}
                    <div class="form-group">
                        <label class="form-label" for=outcome_id.clone()>{outcome_label}</label>
                        <textarea class="form-input" id=outcome_id.clone() name="input[text]" rows="4" disabled=!editable>{crate::ui::escape::raw_text(outcome_text.clone())}</textarea>
                    </div>
                    {editable.then(|| view! { <button type="submit" class="button button-secondary">{m.save_outcome}</button> })}
                </ActionForm>
            })}
            <h3 class="h4">{m.decisions_heading}</h3>
            <ul class="decisions-list">
                {item.decisions.into_iter().map(|d| view! {
                    <li><strong>{d.code}</strong>": "{d.text}" "<span class="form-hint">"(" {decision_status_name(t, d.status)} ")"</span></li>
                }).collect_view()}
            </ul>
            {editable.then(|| view! {
                <ActionForm action=forms.decision attr:class="decision-form">
                    <input type="hidden" name="input[meeting_id]" value=meeting_id/>
                    <input type="hidden" name="input[item_id]" value=item_id/>
                    <div class="form-group">
                        <label class="form-label" for=decision_id.clone()>{m.decision_label}</label>
                        <span class="form-hint" id=format!("{decision_id}-hint")>{m.decision_hint}</span>
                        <textarea class="form-input" id=decision_id.clone() name="input[text]" rows="2" aria-describedby=format!("{decision_id}-hint")>
                            {crate::ui::escape::raw_text(decision_start.clone())}
                        </textarea>
                    </div>
                    <button type="submit" class="button button-secondary">{m.add_decision}</button>
                </ActionForm>
            })}
            <h3 class="h4">{m.actions_heading}</h3>
            <ul class="actions-list">
                {item.actions.into_iter().map(|a| view! {
                    <li>{a.what}" – "{a.owner}", "{a.due_on.format("%d.%m.%Y").to_string()}" "<span class="form-hint">"(" {action_status_name(t, a.status)} ")"</span></li>
                }).collect_view()}
            </ul>
            {editable.then(|| view! {
                <ActionForm action=forms.action attr:class="action-form">
                    <input type="hidden" name="meeting_id" value=meeting_id/>
                    <input type="hidden" name="input[item_id]" value=item_id/>
                    <div class="form-group">
                        <label class="form-label" for=what_id.clone()>{m.action_what}</label>
                        <input class="form-input" id=what_id.clone() name="input[what]" type="text"/>
                    </div>
                    <div class="form-group">
                        <label class="form-label" for=owner_id.clone()>{m.action_owner}</label>
                        <select class="form-select" id=owner_id.clone() name="input[owner_id]">
                            <option value="">{m.choose_owner}</option>
                            {people.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="form-group">
                        <label class="form-label" for=due_id.clone()>{m.action_due}</label>
                        <input class="form-input form-input--medium" id=due_id.clone() name="input[due_on]" type="date"/>
                    </div>
                    <button type="submit" class="button button-secondary">{m.add_action}</button>
                </ActionForm>
            })}
        </li>
    }
}
