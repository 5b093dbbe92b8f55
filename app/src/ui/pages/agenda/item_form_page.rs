use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use crate::api::agenda::SaveItem;
use crate::api::meetings::get_meeting;
use crate::error::AppError;
use crate::i18n::{Texts, kind_name, texts};
use crate::model::Lang;
use crate::model::agenda::{AgendaItemView, ItemKind};
use crate::ui::components::PageError;
use crate::ui::escape::raw_text;
use crate::ui::forms::{FieldMessage, FormErrorSummary, FormErrors};
use crate::ui::url::id_param;
use crate::ui::{session, use_app};

#[derive(Clone, Default)]
struct Values {
    kind: String,
    title: String,
    resume: String,
    indstilling: String,
    presenter_id: String,
    duration: String,
    closed: bool,
    version: String,
}

fn stored(item: &AgendaItemView) -> Values {
    Values {
        kind: item.kind.as_str().into(),
        title: item.title.clone(),
        resume: item.resume.clone(),
        indstilling: item.indstilling.clone().unwrap_or_default(),
        presenter_id: item
            .presenter_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
        duration: item.duration_minutes.to_string(),
        closed: item.closed,
        version: item.version.to_string(),
    }
}

/// After a refused plain post the person's own input comes back in the query. After a
/// conflict the version is the stored one, so saving again replaces it knowingly.
fn initial(item: Option<&AgendaItemView>, query: &ParamsMap) -> Values {
    if !FormErrors::returned(query) {
        return item.map(stored).unwrap_or_else(|| Values {
            kind: "O".into(),
            duration: "15".into(),
            ..Values::default()
        });
    }
    let get = |key: &str| query.get(key).unwrap_or_default();
    let stale = query.get("error").as_deref() == Some("stale");
    Values {
        kind: get("kind"),
        title: get("title"),
        resume: get("resume"),
        indstilling: get("indstilling"),
        presenter_id: get("presenter_id"),
        duration: get("duration"),
        closed: !get("closed").is_empty(),
        version: match (stale, item) {
            (true, Some(item)) => item.version.to_string(),
            _ => get("version"),
        },
    }
}

/// `/meetings/:id/items/new` and `/meetings/:id/items/:item/edit`.
#[component]
pub fn ItemFormPage() -> impl IntoView {
    let app = use_app();
    let meeting_id = id_param("id");
    let item_id = id_param("item");
    let query = use_query_map();
    let save = ServerAction::<SaveItem>::new();
    let detail = Resource::new(move || meeting_id.get(), get_meeting);
    // After a conflict (JavaScript on) the stored version is fetched again and shown.
    let stale = Signal::derive(move || matches!(save.value().get(), Some(Err(AppError::Stale(_)))));
    let current = Resource::new(
        move || (meeting_id.get(), stale.get()),
        |(id, stale)| async move {
            if stale {
                get_meeting(id).await.ok()
            } else {
                None
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let detail = match detail.await {
                    Err(error) => return view! { <PageError error t/> }.into_any(),
                    Ok(detail) => detail,
                };
                if !detail.can.edit {
                    return view! { <PageError error=AppError::Forbidden(t.err_forbidden.into()) t/> }.into_any();
                }
                let item_id = item_id.get_untracked();
                let item = detail.items.iter().find(|i| i.id == item_id).cloned();
                if item_id != 0 && item.is_none() {
                    return view! { <PageError error=AppError::NotFound t/> }.into_any();
                }
                let action_error = Signal::derive(move || save.value().get().and_then(Result::err));
                let errors = FormErrors::new(action_error, query, t, info.lang);
                let values = query.with_untracked(|q| initial(item.as_ref(), q));
                let version = RwSignal::new(values.version.clone());
                let stale_in_query = query.with_untracked(|q| q.get("error").as_deref() == Some("stale"));
                let heading = if item.is_some() { t.agenda.item_edit_title } else { t.agenda.item_new_title };
                let back = format!("/meetings/{}", detail.meeting.id);
                view! {
                    <Title text=format!("{heading} – {}", t.app_name)/>
                    <h1>{heading}</h1>
                    <p class="font-lead">{format!("{} {}: {}", t.meetings.meeting_word, detail.meeting.number, detail.meeting.title)}</p>
                    <FormErrorSummary heading=t.error_summary errors/>
                    {stale_in_query.then(|| item.clone().map(|item| view! { <CurrentItem item lang=info.lang/> }))}
                    <Suspense fallback=|| ()>
                        {move || Suspend::new(async move {
                            current.await.and_then(|d| d.items.into_iter().find(|i| i.id == item_id)).map(|fresh| {
                                version.set(fresh.version.to_string());
                                view! { <CurrentItem item=fresh lang=info.lang/> }
                            })
                        })}
                    </Suspense>
                    <ActionForm action=save attr:novalidate=true attr:class="item-form">
                        <input type="hidden" name="input[meeting_id]" value=detail.meeting.id/>
                        {item.as_ref().map(|i| view! { <input type="hidden" name="input[item_id]" value=i.id/> })}
                        {item.is_some().then(|| view! { <input type="hidden" name="input[version]" prop:value=move || version.get() value=values.version.clone()/> })}
                        <ItemFields values people=detail.people.clone() errors t lang=info.lang/>
                        <div class="form-actions">
                            <button type="submit" class="button button-primary">{t.save}</button>
                            " "<a href=back class="function-link">{t.meetings.back_to_meeting}</a>
                        </div>
                    </ActionForm>
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
fn ItemFields(
    values: Values,
    people: Vec<crate::model::meetings::PersonOption>,
    errors: FormErrors,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView {
    let group = move |name: &'static str| {
        let error = errors.field(name);
        move || {
            if error.get().is_some() {
                "form-group form-error"
            } else {
                "form-group"
            }
        }
    };
    let invalid = move |name: &'static str| {
        let error = errors.field(name);
        move || error.get().is_some().then_some("true")
    };
    let kind = values.kind.clone();
    view! {
        <fieldset class=group("kind") id="kind">
            <legend class="form-label">{t.agenda.kind_label}</legend>
            <FieldMessage id="kind" error=errors.field("kind")/>
            <ul class="nobullet-list">
                {ItemKind::ALL.into_iter().map(|k| {
                    let id = format!("kind-{}", k.as_str());
                    view! {
                        <li>
                            <input type="radio" class="form-radio radio-large" id=id.clone() name="input[kind]" value=k.as_str() checked=kind == k.as_str()/>
                            <label for=id>{format!("{} – {}", k.as_str(), kind_name(lang, k))}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
        <div class=group("title")>
            <label class="form-label" for="title">{t.agenda.title_label}</label>
            <FieldMessage id="title" error=errors.field("title")/>
            <input class="form-input" id="title" name="input[title]" type="text" value=values.title.clone() aria-invalid=invalid("title")/>
        </div>
        <div class=group("resume")>
            <label class="form-label" for="resume">{t.agenda.resume_label}</label>
            <span class="form-hint" id="resume-hint">{t.agenda.resume_hint}</span>
            <textarea class="form-input" id="resume" name="input[resume]" rows="6" aria-describedby="resume-hint">{raw_text(values.resume.clone())}</textarea>
        </div>
        <div class=group("indstilling")>
            <label class="form-label" for="indstilling">{t.agenda.indstilling_label}</label>
            <span class="form-hint" id="indstilling-hint">{t.agenda.indstilling_hint}</span>
            <FieldMessage id="indstilling" error=errors.field("indstilling")/>
            <textarea class="form-input" id="indstilling" name="input[indstilling]" rows="3" aria-describedby="indstilling-hint" aria-invalid=invalid("indstilling")>{raw_text(values.indstilling.clone())}</textarea>
        </div>
        <div class=group("presenter_id")>
            <label class="form-label" for="presenter_id">{t.agenda.presenter_field}</label>
            <FieldMessage id="presenter_id" error=errors.field("presenter_id")/>
            <select class="form-select" id="presenter_id" name="input[presenter_id]">
                <option value="">{t.agenda.no_presenter}</option>
                {people.into_iter().map(|p| {
                    let selected = values.presenter_id == p.id.to_string();
                    view! { <option value=p.id selected=selected>{p.name}</option> }
                }).collect_view()}
            </select>
        </div>
        <div class=group("duration")>
            <label class="form-label" for="duration">{t.agenda.duration_label}</label>
            <FieldMessage id="duration" error=errors.field("duration")/>
            <input class="form-input input-width-xs" id="duration" name="input[duration]" type="number" inputmode="numeric" value=values.duration.clone() aria-invalid=invalid("duration")/>
        </div>
        <div class="form-group">
            <input type="checkbox" class="form-checkbox" id="closed" name="input[closed]" value="on" checked=values.closed/>
            <label for="closed">{t.agenda.closed_label}</label>
        </div>
    }
}

#[component]
fn CurrentItem(item: AgendaItemView, lang: Lang) -> impl IntoView {
    let t = texts(lang);
    view! {
        <section class="current-version" aria-labelledby="current-version-heading">
            <h2 id="current-version-heading" class="h3">{t.papers.current_version_heading}</h2>
            <dl>
                <dt>{t.agenda.kind_label}</dt><dd>{format!("{} – {}", item.kind.as_str(), kind_name(lang, item.kind))}</dd>
                <dt>{t.agenda.title_label}</dt><dd class="current-title">{item.title.clone()}</dd>
                <dt>{t.agenda.duration_label}</dt><dd>{item.duration_minutes}</dd>
                <dt>{t.agenda.indstilling_label}</dt><dd>{item.indstilling.clone().unwrap_or_default()}</dd>
                <dt>{t.agenda.presenter_field}</dt><dd>{item.presenter_name.clone().unwrap_or_default()}</dd>
            </dl>
            <div class="item-resume" inner_html=item.resume_html.clone()></div>
        </section>
    }
}
