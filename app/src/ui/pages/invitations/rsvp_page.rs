use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::invitations::{AnswerRsvp, get_rsvp};
use crate::error::AppError;
use crate::i18n::{answer_name, texts};
use crate::model::invitations::Answer;
use crate::model::time::{format_date, format_time_range};
use crate::ui::{session, use_app};

/// `/rsvp/:token?answer=accepted`: the answer link from an invitation. It asks before it
/// records, so a mail scanner that opens links answers nothing.
#[component]
pub fn RsvpPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let query = use_query_map();
    let token = Memo::new(move |_| params.with(|p| p.get("token").unwrap_or_default()));
    let save = ServerAction::<AnswerRsvp>::new();
    let rsvp = Resource::new(
        move || (token.get(), save.version().get()),
        |(token, _)| get_rsvp(token),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let view_data = rsvp.await;
                let heading = view! { <Title text=format!("{} – {}", t.invitations.rsvp_title, t.app_name)/><h1>{t.invitations.rsvp_title}</h1> };
                let data = match view_data {
                    Ok(data) => data,
                    Err(error) => {
                        #[cfg(feature = "ssr")]
                        crate::server::context::set_status(axum::http::StatusCode::from_u16(error.status()).unwrap_or(axum::http::StatusCode::NOT_FOUND));
                        let message = if matches!(error, AppError::WrongStatus(_)) { t.invitations.rsvp_expired } else { t.invitations.rsvp_invalid };
                        return view! {
                            {heading}
                            <div class="alert alert-error" role="alert"><div class="alert-body"><p class="alert-text">{message}</p></div></div>
                        }
                        .into_any();
                    }
                };
                let chosen = query.with_untracked(|q| q.get("saved").or_else(|| q.get("answer"))).and_then(|a| Answer::from_link(&a)).unwrap_or(data.answer);
                let saved = query.with_untracked(|q| q.get("saved").is_some()) || matches!(save.value().get_untracked(), Some(Ok(())));
                let zone = data.time_zone.clone();
                view! {
                    {heading}
                    <p class="font-lead">{crate::i18n::fill(t.invitations.rsvp_intro, &[("name", &data.invitee_name), ("number", &data.meeting_number.to_string()), ("title", &data.meeting_title)])}</p>
                    <p>{format_date(info.lang, data.starts_at, &zone)}" "{format_time_range(info.lang, data.starts_at, data.ends_at, &zone)}" · "{data.location.clone()}</p>
                    {data.cancelled.then(|| view! { <p><strong>{t.meetings.cancelled_tag}</strong></p> })}
                    {saved.then(|| view! {
                        <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{t.invitations.rsvp_saved}" "<strong>{answer_name(t, data.answer)}</strong></p></div></div>
                    })}
                    {(!saved && data.answer != Answer::NoAnswer).then(|| view! { <p>{t.invitations.rsvp_current}" "<strong>{answer_name(t, data.answer)}</strong></p> })}
                    <ActionForm action=save attr:class="rsvp-form">
                        <input type="hidden" name="input[token]" value=token.get_untracked()/>
                        <fieldset class="form-group">
                            <legend class="form-label">{t.invitations.rsvp_legend}</legend>
                            <ul class="nobullet-list">
                                {[Answer::Accepted, Answer::Tentative, Answer::Declined].into_iter().map(|a| {
                                    let id = format!("answer-{}", a.link_word());
                                    view! {
                                        <li>
                                            <input type="radio" class="form-radio radio-large" id=id.clone() name="input[answer]" value=a.link_word() checked=chosen == a/>
                                            <label for=id>{answer_name(t, a)}</label>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        </fieldset>
                        <button type="submit" class="button button-primary">{t.invitations.rsvp_save}</button>
                    </ActionForm>
                }
                .into_any()
            })}
        </Suspense>
    }
}
