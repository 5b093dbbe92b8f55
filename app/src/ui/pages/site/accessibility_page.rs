use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::texts;
use crate::ui::{session, use_app};

/// Where a complaint about accessibility goes (Digitaliseringsstyrelsen's web accessibility
/// supervision).
const COMPLAINT_URL: &str = "https://www.was.digst.dk/";

/// `/accessibility`: the tilgængelighedserklæring Danish public bodies' web solutions must
/// have, linked from every page's footer, signed in or not.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let app = use_app();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let t = texts(session(app).await.lang);
                let s = t.site;
                let list = |items: &'static [&'static str]| {
                    view! { <ul>{items.iter().map(|item| view! { <li>{*item}</li> }).collect_view()}</ul> }
                };
                view! {
                    <Title text=format!("{} – {}", s.a11y_title, t.app_name)/>
                    <div class="row">
                        <div class="col-12 col-lg-8 accessibility-statement">
                            <h1>{s.a11y_title}</h1>
                            <p class="font-lead">{s.a11y_intro}</p>
                            <h2>{s.a11y_status_heading}</h2>
                            <p>{s.a11y_status}</p>
                            <h2>{s.a11y_tested_heading}</h2>
                            {list(s.a11y_tested)}
                            <h2>{s.a11y_known_heading}</h2>
                            {list(s.a11y_known)}
                            <h2>{s.a11y_report_heading}</h2>
                            <p>{s.a11y_report}</p>
                            <h2>{s.a11y_complaint_heading}</h2>
                            <p>{s.a11y_complaint}" "<a href=COMPLAINT_URL rel="noopener">{s.a11y_complaint_link}</a></p>
                            <p class="form-hint">{s.a11y_prepared}</p>
                        </div>
                    </div>
                }
            })}
        </Suspense>
    }
}
