use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::invitations::{RetryMessage, get_outbox};
use crate::i18n::texts;
use crate::ui::components::PageError;
use crate::ui::pages::invitations::invitations_panel::MessagesTable;
use crate::ui::{session, use_app};

/// `/outbox`: every message and its status; dead ones can be retried. Secretariat only.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let app = use_app();
    let retry = ServerAction::<RetryMessage>::new();
    let rows = Resource::new(move || retry.version().get(), |_| get_outbox());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                match rows.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(messages) => view! {
                        <Title text=format!("{} – {}", t.invitations.outbox_title, t.app_name)/>
                        <h1>{t.invitations.outbox_title}</h1>
                        <p class="font-lead">{t.invitations.outbox_intro}</p>
                        <p><a class="function-link" href="/replies">{t.invitations.reply_title}</a></p>
                        <MessagesTable messages lang=info.lang retry under_page_heading=true/>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
