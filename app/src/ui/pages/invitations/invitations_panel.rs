use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::invitations::{InviteGuest, RemoveInvitee, RetryMessage, get_invitations};
use crate::api::meetings::CancelMeeting;
use crate::error::AppError;
use crate::i18n::{answer_name, mail_kind_name, outbox_status_name, texts};
use crate::model::Lang;
use crate::model::invitations::InvitationsView;
use crate::model::invitations::OutboxRow;
use crate::model::time::format_stamp;
use crate::ui::components::Field;
use crate::ui::forms::FormErrors;
use crate::ui::{session, use_app};

/// The panel's actions. The meeting page owns them, and its data follows each of them.
#[derive(Clone, Copy)]
pub struct PanelActions {
    pub invite: ServerAction<InviteGuest>,
    pub remove: ServerAction<RemoveInvitee>,
    pub retry: ServerAction<RetryMessage>,
    pub cancel: ServerAction<CancelMeeting>,
}

impl PanelActions {
    pub fn new() -> PanelActions {
        PanelActions {
            invite: ServerAction::new(),
            remove: ServerAction::new(),
            retry: ServerAction::new(),
            cancel: ServerAction::new(),
        }
    }

    /// Reads every action's version, so whatever calls this reruns after any of them.
    pub fn track(&self) -> [usize; 4] {
        [
            self.invite.version().get(),
            self.remove.version().get(),
            self.retry.version().get(),
            self.cancel.version().get(),
        ]
    }
}

/// The invitations of a meeting, or nothing (and no request) for anyone but the secretariat.
pub type PanelData = Resource<Option<Result<InvitationsView, AppError>>>;

/// Made once by the meeting page, outside its suspense: a resource made inside it would be
/// made (and fetched) again each time the server renders the suspense.
pub fn panel_data(id: Memo<i32>, actions: PanelActions) -> PanelData {
    let app = use_app();
    Resource::new(
        move || (id.get(), actions.track()),
        move |(id, _)| async move {
            if session(app).await.is_secretariat() {
                Some(get_invitations(id).await)
            } else {
                None
            }
        },
    )
}

/// The secretariat's part of the meeting page: who is invited, their answers, every message
/// and its status, guests, and cancelling.
#[component]
pub fn InvitationsPanel(
    meeting_id: i32,
    lang: Lang,
    can_cancel: bool,
    cancelled: bool,
    actions: PanelActions,
    data: PanelData,
) -> impl IntoView {
    let t = texts(lang);
    let PanelActions {
        invite,
        remove,
        retry,
        cancel,
    } = actions;
    let query = use_query_map();
    let invite_error = Signal::derive(move || invite.value().get().and_then(Result::err));
    let errors = FormErrors::new(invite_error, query, t, lang);
    let kept = move |key: &str| {
        query.with_untracked(|q| {
            if FormErrors::returned(q) {
                q.get(key).unwrap_or_default()
            } else {
                String::new()
            }
        })
    };
    let at = move |when: chrono::DateTime<chrono::Utc>| format_stamp(lang, when);
    view! {
        <section class="invitations" aria-labelledby="invitations-heading">
            <h2 id="invitations-heading">{t.invitations.invitations_heading}</h2>
            {cancelled.then(|| view! {
                <div class="alert alert-warning" role="status"><div class="alert-body"><p class="alert-text">{t.meetings.cancelled_note}</p></div></div>
            })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let data = match data.await {
                        Some(Ok(data)) => data,
                        Some(Err(error)) => return view! { <p>{error.message(t)}</p> }.into_any(),
                        None => return ().into_any(),
                    };
                    let progress = crate::i18n::fill(
                        t.invitations.progress_line,
                        &[
                            ("queued", &data.progress.queued.to_string()),
                            ("sent", &data.progress.sent.to_string()),
                            ("failed", &data.progress.failed.to_string()),
                        ],
                    );
                    view! {
                        <p class="outbox-progress" role="status">{progress}</p>
                        {(!data.invitees.is_empty()).then(|| view! {
                            <table class="table table--compact invitees-table">
                                <caption class="sr-only">{t.invitations.invitations_heading}</caption>
                                <thead><tr>
                                    <th scope="col">{t.people.col_name}</th>
                                    <th scope="col">{t.people.col_email}</th>
                                    <th scope="col">{t.invitations.col_answer}</th>
                                    <th scope="col">{t.invitations.col_answered}</th>
                                    <th scope="col"><span class="sr-only">{t.invitations.remove_invitee}</span></th>
                                </tr></thead>
                                <tbody>
                                    {data.invitees.into_iter().map(|i| view! {
                                        <tr class:removed=i.removed data-answer=i.answer.link_word()>
                                            <th scope="row">{i.name.clone()}{i.guest.then(|| view! { " "<span class="guest-tag">"("{t.invitations.guest_tag}")"</span> })}
                                                {i.removed.then(|| view! { " "<span class="guest-tag">"("{t.invitations.removed_tag}")"</span> })}</th>
                                            <td>{i.email.clone()}</td>
                                            <td>{answer_name(t, i.answer)}</td>
                                            <td>{i.answered_at.map(at).unwrap_or_default()}</td>
                                            <td>{(!i.removed).then(|| view! {
                                                <ActionForm action=remove attr:class="inline-form">
                                                    <input type="hidden" name="invitee_id" value=i.id/>
                                                    <button type="submit" class="button button-secondary button-small" aria-label=format!("{}: {}", t.invitations.remove_invitee, i.name)>{t.invitations.remove_invitee}</button>
                                                </ActionForm>
                                            })}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                        <MessagesTable messages=data.messages lang retry/>
                    }
                    .into_any()
                })}
            </Suspense>
            {(!cancelled).then(|| view! {
                <details class="guest-form">
                    <summary>{t.invitations.add_guest_heading}</summary>
                    <ActionForm action=invite attr:novalidate=true>
                        <input type="hidden" name="input[meeting_id]" value=meeting_id/>
                        <Field id="guest_name" name="input[name]" label=t.invitations.guest_name
                            value=Signal::stored(kept("guest_name")) error=errors.field("guest_name")/>
                        <Field id="guest_email" name="input[email]" label=t.invitations.guest_email kind="email"
                            value=Signal::stored(kept("guest_email")) error=errors.field("guest_email")/>
                        <div class="form-group">
                            <label class="form-label" for="guest_language">{t.invitations.guest_language}</label>
                            <select class="form-select" id="guest_language" name="input[language]">
                                <option value="da">{t.language_da}</option>
                                <option value="en">{t.language_en}</option>
                            </select>
                        </div>
                        <button type="submit" class="button button-secondary">{t.invitations.invite_button}</button>
                    </ActionForm>
                </details>
            })}
            {can_cancel.then(|| view! {
                <ActionForm action=cancel attr:class="cancel-form">
                    <input type="hidden" name="meeting_id" value=meeting_id/>
                    <button type="submit" class="button button-secondary">{t.meetings.cancel_meeting}</button>
                </ActionForm>
            })}
        </section>
    }
}

#[component]
pub fn MessagesTable(
    messages: Vec<OutboxRow>,
    lang: Lang,
    retry: ServerAction<RetryMessage>,
    /// The table is a section of its own right under the page's `<h1>` (the outbox), not
    /// inside the invitations' `<h2>`: its heading is then an `<h2>`, so no level is skipped.
    #[prop(optional)]
    under_page_heading: bool,
) -> impl IntoView {
    let t = texts(lang);
    if messages.is_empty() {
        return view! { <p>{t.invitations.no_messages}</p> }.into_any();
    }
    let heading = if under_page_heading {
        view! { <h2 class="h4">{t.invitations.messages_heading}</h2> }.into_any()
    } else {
        view! { <h3 class="h4">{t.invitations.messages_heading}</h3> }.into_any()
    };
    view! {
        {heading}
        <table class="table table--compact outbox-table">
            <caption class="sr-only">{t.invitations.messages_heading}</caption>
            <thead><tr>
                <th scope="col">{t.invitations.col_recipient}</th>
                <th scope="col">{t.invitations.col_kind}</th>
                <th scope="col">{t.taskforce.col_status}</th>
                <th scope="col">{t.invitations.col_attempts}</th>
                <th scope="col">{t.invitations.col_error}</th>
                <th scope="col"><span class="sr-only">{t.invitations.retry}</span></th>
            </tr></thead>
            <tbody>
                {messages.into_iter().map(|m| view! {
                    <tr data-status=m.status.clone()>
                        <td>{m.recipient.clone()}</td>
                        <td>{mail_kind_name(t, &m.kind)}</td>
                        <td>{outbox_status_name(t, &m.status)}</td>
                        <td>{m.attempts}</td>
                        <td>{m.last_error.clone().unwrap_or_default()}</td>
                        <td>{(m.status == "dead").then(|| view! {
                            <ActionForm action=retry attr:class="inline-form">
                                <input type="hidden" name="id" value=m.id/>
                                <button type="submit" class="button button-secondary button-small" aria-label=format!("{}: {}", t.invitations.retry, m.recipient)>{t.invitations.retry}</button>
                            </ActionForm>
                        })}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
