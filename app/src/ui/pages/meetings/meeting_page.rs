use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::agenda::{ItemAction, ItemCommand};
use crate::api::meetings::{ChangeStatus, get_meeting};
use crate::i18n::{Texts, fill, kind_name, status_name, texts};
use crate::model::agenda::AgendaItemView;
use crate::model::meetings::{MeetingDetail, MeetingPermissions};
use crate::model::time::{
    StartsIn, format_clock, format_date, format_time_range, machine_readable,
};
use crate::model::{Lang, MeetingStatus};
use crate::ui::components::PageError;
use crate::ui::forms::{FieldMessage, FormErrors, errors_from_query, file_size};
use crate::ui::pages::invitations::invitations_panel::{
    InvitationsPanel, PanelActions, PanelData, panel_data,
};
use crate::ui::url::id_param;
use crate::ui::{session, use_app};

#[component]
pub fn MeetingPage() -> impl IntoView {
    let app = use_app();
    let id = id_param("id");
    let item_action = ServerAction::<ItemAction>::new();
    let change_status = ServerAction::<ChangeStatus>::new();
    let panel = PanelActions::new();
    let detail = Resource::new(
        move || {
            (
                id.get(),
                item_action.version().get(),
                change_status.version().get(),
                panel.cancel.version().get(),
            )
        },
        |(id, ..)| get_meeting(id),
    );
    let invitations = panel_data(id, panel);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                match detail.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(detail) => view! { <MeetingView detail lang=info.lang item_action change_status panel invitations/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MeetingView(
    detail: MeetingDetail,
    lang: Lang,
    item_action: ServerAction<ItemAction>,
    change_status: ServerAction<ChangeStatus>,
    panel: PanelActions,
    invitations: PanelData,
) -> impl IntoView {
    let t = texts(lang);
    let m = detail.meeting;
    let zone = m.time_zone.clone();
    let heading = format!("{} {}: {}", t.meetings.meeting_word, m.number, m.title);
    let action_error = Signal::derive(move || {
        change_status
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| item_action.value().get().and_then(Result::err))
    });
    let query = use_query_map();
    let errors = FormErrors::new(action_error, query, t, lang);
    let agenda_end = format_clock(lang, detail.agenda_ends_at, &zone);
    let meeting_end = format_clock(lang, m.ends_at, &zone);
    let fit = if detail.overrun_minutes > 0 {
        view! {
            <div class="alert alert-warning overrun" role="status">
                <div class="alert-body"><p class="alert-text">
                    {t.agenda.overrun_warning.fill(detail.overrun_minutes, &[("end", &agenda_end), ("minutes", &detail.overrun_minutes.to_string()), ("meeting_end", &meeting_end)])}
                </p></div>
            </div>
        }
        .into_any()
    } else {
        view! { <p class="agenda-end">{fill(t.agenda.agenda_ends, &[("end", &agenda_end)])}</p> }
            .into_any()
    };
    let can = detail.can;
    let id = m.id;
    let items = detail.items;
    let drag = DragState::new();
    let count = items.len();
    view! {
        <Title text=format!("{heading} – {}", t.app_name)/>
        <h1>{heading}</h1>
        <dl class="meeting-facts">
            <dt>{t.meetings.when_label}</dt>
            <dd>
                <time datetime=machine_readable(m.starts_at, &zone)>{format_date(lang, m.starts_at, &zone)}" "{format_time_range(lang, m.starts_at, m.ends_at, &zone)}</time>
                {detail.starts_in.map(|when| view! { " " <span class="starts-in">"("{starts_in_text(t, when)}")"</span> })}
            </dd>
            <dt>{t.meetings.where_label}</dt>
            <dd>{m.location.clone()}{m.online_link.clone().map(|link| view! { " · "<a href=link>{t.meetings.join_online}</a> })}</dd>
            <dt>{t.taskforce.col_status}</dt>
            <dd>
                <span class="status-tag" data-status=m.status.as_str()>{status_name(lang, m.status)}</span>
                {detail.cancelled.then(|| view! { " "<span class="status-tag cancelled-tag">{t.meetings.cancelled_tag}</span> })}
            </dd>
        </dl>
        {move || errors.general().get().map(|message| view! {
            <div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">{message}</p></div></div>
        })}
        <ReviewState status=m.status approved=detail.approved review_comment=detail.review_comment t/>
        <nav class="meeting-links" aria-label=t.meetings.actions_heading>
            <ul class="nobullet-list inline-list">
                {can.edit.then(|| view! { <li><a class="button button-secondary" href=format!("/meetings/{id}/edit")>{t.meetings.edit_meeting}</a></li> })}
                {can.edit.then(|| view! { <li><a class="button button-secondary" href=format!("/meetings/{id}/items/new")>{t.agenda.add_item}</a></li> })}
                <li><a class="function-link" href=format!("/meetings/{id}/print")>{t.meetings.print_link}</a></li>
                {can.read_audit.then(|| view! { <li><a class="function-link" href=format!("/meetings/{id}/log")>{t.meetings.audit_link}</a></li> })}
                {can.read_audit.then(|| view! { <li><a class="function-link" href=format!("/meetings/{id}/minutes")>{t.minutes.minutes_link}</a></li> })}
                <li><a class="function-link" href=format!("/meetings/{id}/calendar.ics") download="">{t.invitations.add_to_calendar}</a></li>
            </ul>
        </nav>
        <StatusActions can id t change_status errors/>
        <h2>{t.agenda.agenda_heading}</h2>
        {fit}
        <ol class="agenda nobullet-list">
            {items.into_iter().map(|item| view! {
                <AgendaItem item lang zone=zone.clone() meeting_id=id editable=can.edit count item_action drag/>
            }).collect_view()}
        </ol>
        {can.read_audit.then(|| view! {
            <InvitationsPanel
                meeting_id=id
                lang
                cancelled=detail.cancelled
                can_cancel=!detail.cancelled && m.status.is_upcoming()
                actions=panel
                data=invitations
            />
        })}
    }
}

#[component]
fn ReviewState(
    status: MeetingStatus,
    approved: bool,
    review_comment: Option<String>,
    t: &'static Texts,
) -> impl IntoView {
    let in_review = status == MeetingStatus::InReview;
    let sent_back = status == MeetingStatus::Draft && review_comment.is_some();
    view! {
        {(in_review && approved).then(|| view! {
            <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{t.meetings.approved_note}</p></div></div>
        })}
        {(in_review && !approved).then(|| view! {
            <div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text">{t.meetings.awaiting_approval}</p></div></div>
        })}
        {sent_back.then(|| view! {
            <div class="alert alert-warning" role="status"><div class="alert-body">
                <p class="alert-heading">{t.meetings.sent_back_note}</p>
                <p class="alert-text review-comment">{review_comment.unwrap_or_default()}</p>
            </div></div>
        })}
    }
}

#[component]
fn StatusActions(
    can: MeetingPermissions,
    id: i32,
    t: &'static Texts,
    change_status: ServerAction<ChangeStatus>,
    errors: FormErrors,
) -> impl IntoView {
    let button = move |step: &'static str, label: &'static str, primary: bool| {
        view! {
            <ActionForm action=change_status attr:class="status-form">
                <input type="hidden" name="input[meeting_id]" value=id/>
                <input type="hidden" name="input[step]" value=step/>
                <button type="submit" class=if primary { "button button-primary" } else { "button button-secondary" }>{label}</button>
            </ActionForm>
        }
    };
    let any = can.submit_for_review || can.review || can.publish || can.mark_held || can.close;
    any.then(|| view! {
        <section class="status-actions" aria-labelledby="status-actions-heading">
            <h2 id="status-actions-heading" class="h3">{t.meetings.actions_heading}</h2>
            {can.submit_for_review.then(|| button("submit", t.meetings.submit_review, true))}
            {can.review.then(|| view! {
                {button("approve", t.meetings.approve, true)}
                <ActionForm action=change_status attr:class="status-form send-back-form">
                    <input type="hidden" name="input[meeting_id]" value=id/>
                    <input type="hidden" name="input[step]" value="send_back"/>
                    <div class="form-group" class:form-error=move || errors.field("comment").get().is_some()>
                        <label class="form-label" for="comment">{t.meetings.comment_label}</label>
                        <FieldMessage id="comment" error=errors.field("comment")/>
                        <textarea class="form-input" id="comment" name="input[comment]" rows="3"></textarea>
                    </div>
                    <button type="submit" class="button button-secondary">{t.meetings.send_back}</button>
                </ActionForm>
            })}
            {can.publish.then(|| button("publish", t.meetings.publish, true))}
            {can.mark_held.then(|| button("held", t.meetings.mark_held, false))}
            {can.close.then(|| button("close", t.meetings.close_meeting, false))}
        </section>
    })
}

/// Drag and drop on the agenda, on top of the buttons: it exists only once the page runs in
/// the browser (an effect sets `live`), so without JavaScript nothing suggests dragging.
#[derive(Clone, Copy)]
struct DragState {
    live: RwSignal<bool>,
    dragged: RwSignal<Option<i32>>,
    over: RwSignal<Option<i32>>,
}

impl DragState {
    fn new() -> DragState {
        let live = RwSignal::new(false);
        Effect::new(move |_| live.set(true));
        DragState {
            live,
            dragged: RwSignal::new(None),
            over: RwSignal::new(None),
        }
    }

    fn end(self) {
        self.dragged.set(None);
        self.over.set(None);
    }
}

#[component]
fn AgendaItem(
    item: AgendaItemView,
    lang: Lang,
    zone: String,
    meeting_id: i32,
    editable: bool,
    count: usize,
    item_action: ServerAction<ItemAction>,
    drag: DragState,
) -> impl IntoView {
    let t = texts(lang);
    let starts = format_clock(lang, item.starts_at, &zone);
    let anchor = format!("item-{}", item.id);
    if item.restricted {
        return view! {
            <li class="agenda-item agenda-item--closed" id=anchor>
                <h3 class="h4">{format!("{}. {}", item.number, t.agenda.closed_item)}</h3>
                <p class="item-meta">{format!("kl. {starts} · {} {}", item.duration_minutes, t.agenda.minutes_short)}</p>
                <p>{t.agenda.closed_item_note}</p>
            </li>
        }
        .into_any();
    }
    let query = use_query_map();
    let item_id = item.id;
    let upload_error = Memo::new(move |_| {
        query.with(|q| {
            (q.get("item").and_then(|v| v.parse::<i32>().ok()) == Some(item_id))
                .then(|| {
                    errors_from_query(q, t, lang)
                        .into_iter()
                        .find(|e| e.field == "file")
                        .map(|e| e.message)
                })
                .flatten()
        })
    });
    let uploaded = Memo::new(move |_| {
        query.with(|q| q.get("uploaded").and_then(|v| v.parse::<i32>().ok()) == Some(item_id))
    });
    let control = move |action: &'static str, label: &'static str| {
        view! {
            <ActionForm action=item_action attr:class="item-control">
                <input type="hidden" name="input[item_id]" value=item_id/>
                <input type="hidden" name="input[action]" value=action/>
                <button type="submit" class="button button-secondary button-small" aria-label=format!("{label}: {} {}", t.agenda.item_word, item.number)>{label}</button>
            </ActionForm>
        }
    };
    let number = item.number;
    let row = NodeRef::<leptos::html::Li>::new();
    let on_drag_start = move |ev: leptos::ev::DragEvent| {
        drag.dragged.set(Some(item_id));
        if let Some(data) = ev.data_transfer() {
            // Firefox starts a drag only with data set; the item's row is the drag image.
            let _ = data.set_data("text/plain", &item_id.to_string());
            data.set_effect_allowed("move");
            if let Some(li) = row.get_untracked() {
                data.set_drag_image(&li, 16, 16);
            }
        }
    };
    let on_drag_over = move |ev: leptos::ev::DragEvent| {
        if editable && drag.dragged.get_untracked().is_some_and(|d| d != item_id) {
            ev.prevent_default();
            if drag.over.get_untracked() != Some(item_id) {
                drag.over.set(Some(item_id));
            }
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(dragged) = drag.dragged.get_untracked().filter(|d| *d != item_id) {
            item_action.dispatch(ItemAction {
                input: ItemCommand {
                    item_id: dragged,
                    action: "place".into(),
                    place: Some(number),
                },
            });
        }
        drag.end();
    };
    let papers = item.papers.clone();
    let file_id = format!("file-{item_id}");
    let title_id = format!("paper-title-{item_id}");
    let version_id = format!("paper-version-{item_id}");
    view! {
        <li class="agenda-item" id=anchor data-kind=item.kind.as_str() node_ref=row
            class:drop-target=move || drag.over.get() == Some(item_id)
            class:dragged=move || drag.dragged.get() == Some(item_id)
            on:dragover=on_drag_over
            on:dragleave=move |_| if drag.over.get_untracked() == Some(item_id) { drag.over.set(None) }
            on:drop=on_drop>
            <h3 class="h4">
                {move || (editable && drag.live.get()).then(|| view! {
                    <span class="drag-handle" draggable="true" title=t.agenda.drag_hint
                        on:dragstart=on_drag_start on:dragend=move |_| drag.end()>
                        <span aria-hidden="true">"⠿"</span>
                    </span>
                })}
                {format!("{}. {}", item.number, item.title)}" "
                <span class="kind-tag" title=kind_name(lang, item.kind)>
                    <abbr title=kind_name(lang, item.kind)>{item.kind.as_str()}</abbr>
                    <span class="sr-only">" – "{kind_name(lang, item.kind)}</span>
                </span>
                {item.closed.then(|| view! { " "<span class="closed-tag">{t.agenda.closed_item}</span> })}
            </h3>
            <p class="item-meta">
                {format!("kl. {starts} · {} {}", item.duration_minutes, t.agenda.minutes_short)}
                {item.presenter_name.clone().map(|name| view! { " · "{t.agenda.presenter_label}" "{name} })}
            </p>
            <div class="item-resume" inner_html=item.resume_html.clone()></div>
            {item.indstilling.clone().map(|text| view! {
                <div class="indstilling"><strong>{t.agenda.indstilling_label}": "</strong>{text}</div>
            })}
            {(!papers.is_empty()).then(|| view! {
                <div class="papers">
                    <p class="papers-label"><strong>{t.papers.papers_label}</strong></p>
                    <ul class="papers-list">
                        {papers.clone().into_iter().map(|paper| {
                            let latest = paper.versions.first().cloned();
                            let older: Vec<_> = paper.versions.iter().skip(1).cloned().collect();
                            view! {
                                <li>
                                    {latest.map(|v| view! {
                                        <a href=format!("/files/papers/{}", v.id) download="">{paper.title.clone()}</a>
                                        " ("{v.original_name.clone()}", "{file_size(lang, v.size_bytes)}", "{t.papers.version_word}" "{v.version_no}")"
                                    })}
                                    {(!older.is_empty()).then(|| view! {
                                        <details class="older-versions">
                                            <summary>{t.papers.older_versions}</summary>
                                            <ul>
                                                {older.into_iter().map(|v| view! {
                                                    <li><a href=format!("/files/papers/{}", v.id) download="">{format!("{} {} – {}", t.papers.version_word, v.version_no, v.original_name)}</a></li>
                                                }).collect_view()}
                                            </ul>
                                        </details>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })}
            {editable.then(|| view! {
                <div class="item-controls">
                    {(item.number > 1).then(|| control("up", t.agenda.move_up))}
                    {(item.number < count).then(|| control("down", t.agenda.move_down))}
                    <a class="button button-secondary button-small" href=format!("/meetings/{meeting_id}/items/{item_id}/edit")
                        aria-label=format!("{}: {} {}", t.edit, t.agenda.item_word, item.number)>{t.edit}</a>
                    {control("remove", t.remove)}
                </div>
                <details class="upload" open=move || upload_error.get().is_some()>
                    <summary>{t.papers.upload_heading}</summary>
                    {move || uploaded.get().then(|| view! { <p class="upload-ok" role="status">{t.papers.uploaded_note}</p> })}
                    <form method="post" enctype="multipart/form-data" action=format!("/meetings/{meeting_id}/items/{item_id}/papers") class="upload-form">
                        <div class="form-group" class:form-error=move || upload_error.get().is_some()>
                            <label class="form-label" for=file_id.clone()>{t.papers.upload_file_label}</label>
                            {move || upload_error.get().map(|message| view! { <span class="form-error-message">{message}</span> })}
                            <input class="form-file-input" type="file" id=file_id.clone() name="file" required=true
                                accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.gif,.txt,.md,.csv"/>
                        </div>
                        <div class="form-group">
                            <label class="form-label" for=title_id.clone()>{t.papers.paper_title_label}</label>
                            <input class="form-input" type="text" id=title_id.clone() name="title"/>
                        </div>
                        {(!papers.is_empty()).then(|| view! {
                            <div class="form-group">
                                <label class="form-label" for=version_id.clone()>{t.papers.new_version_of}</label>
                                <select class="form-select" id=version_id.clone() name="paper_id">
                                    <option value="">{t.papers.new_paper}</option>
                                    {papers.iter().map(|p| view! { <option value=p.id>{p.title.clone()}</option> }).collect_view()}
                                </select>
                            </div>
                        })}
                        <button type="submit" class="button button-secondary">{t.papers.upload_button}</button>
                    </form>
                </details>
            })}
        </li>
    }
    .into_any()
}

fn starts_in_text(t: &Texts, when: StartsIn) -> String {
    match when {
        StartsIn::Today => t.meetings.starts_today.to_string(),
        StartsIn::Tomorrow => t.meetings.starts_tomorrow.to_string(),
        StartsIn::Days(days) => t
            .meetings
            .starts_in_days
            .fill(days, &[("days", &days.to_string())]),
    }
}
