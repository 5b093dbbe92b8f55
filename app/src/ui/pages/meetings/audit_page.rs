use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::meetings::get_audit_log;
use crate::i18n::texts;
use crate::ui::components::{AuditTable, PageError};
use crate::ui::url::id_param;
use crate::ui::{session, use_app};

/// `/meetings/:id/log`: every change to the meeting, newest first. Secretariat only.
#[component]
pub fn AuditPage() -> impl IntoView {
    let app = use_app();
    let id = id_param("id");
    let log = Resource::new(move || id.get(), get_audit_log);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let lang = info.lang;
                match log.await {
                    Err(error) => view! { <PageError error t/> }.into_any(),
                    Ok(rows) => view! {
                        <Title text=format!("{} – {}", t.meetings.audit_title, t.app_name)/>
                        <h1>{t.meetings.audit_title}</h1>
                        <p><a href=format!("/meetings/{}", id.get_untracked()) class="function-link">{t.meetings.back_to_meeting}</a></p>
                        <AuditTable rows caption=t.meetings.audit_title t lang/>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}
