use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::invitations::ReadReply;
use crate::error::AppError;
use crate::i18n::texts;
use crate::ui::components::PageError;
use crate::ui::forms::{FieldMessage, FormErrors};
use crate::ui::{session, use_app};

/// `/replies`: paste an e-mailed iTIP REPLY; the answer is recorded. Secretariat only.
#[component]
pub fn RepliesPage() -> impl IntoView {
    let app = use_app();
    let read = ServerAction::<ReadReply>::new();
    let query = use_query_map();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                match &info.user {
                    None => return view! { <PageError error=AppError::NotSignedIn t/> }.into_any(),
                    Some(user) if !user.role.is_secretariat() => {
                        return view! { <PageError error=AppError::Forbidden(t.err_forbidden.into()) t/> }.into_any();
                    }
                    Some(_) => {}
                }
                let error = Signal::derive(move || read.value().get().and_then(Result::err));
                let errors = FormErrors::new(error, query, t, info.lang);
                let recorded = move || {
                    read.value().get().and_then(Result::ok).or_else(|| query.with(|q| q.get("recorded")))
                };
                view! {
                    <Title text=format!("{} – {}", t.invitations.reply_title, t.app_name)/>
                    <h1>{t.invitations.reply_title}</h1>
                    <p class="font-lead">{t.invitations.reply_intro}</p>
                    {move || recorded().map(|summary| view! {
                        <div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{t.invitations.reply_recorded}" "<strong class="reply-summary">{summary}</strong></p></div></div>
                    })}
                    <ActionForm action=read attr:novalidate=true>
                        <div class="form-group" class:form-error=move || errors.field("reply").get().is_some()>
                            <label class="form-label" for="reply">{t.invitations.reply_label}</label>
                            <FieldMessage id="reply" error=errors.field("reply")/>
                            <textarea class="form-input" id="reply" name="input[message]" rows="14"></textarea>
                        </div>
                        <button type="submit" class="button button-primary">{t.invitations.reply_button}</button>
                    </ActionForm>
                }
                .into_any()
            })}
        </Suspense>
    }
}
