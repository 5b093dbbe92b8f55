use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::texts;
use crate::ui::{session, use_app};

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let app = use_app();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let t = texts(session(app).await.lang);
                view! {
                    <Title text=format!("{} – {}", t.not_found_title, t.app_name)/>
                    <h1>{t.not_found_title}</h1>
                    <p>{t.err_not_found}</p>
                    <p><a href="/">{t.nav_overview}</a></p>
                }
            })}
        </Suspense>
    }
}
