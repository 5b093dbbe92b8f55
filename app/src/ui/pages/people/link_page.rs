use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::people::get_link;
use crate::i18n::texts;
use crate::model::people::{LinkPurpose, LinkState};
use crate::ui::forms::{FieldMessage, FormErrorSummary, FormErrors};
use crate::ui::pages::people::login_page::LinkRequestForm;
use crate::ui::{session, use_app};

/// `/link/:token`: a mailed link. Opening the page does not use the link (mail scanners
/// open links); its button does. A welcome or reset link asks for the new password first.
/// The form posts as a plain form with JavaScript on or off: using the link sets the session
/// cookie, and the next page is loaded whole.
#[component]
pub fn LinkPage() -> impl IntoView {
    let app = use_app();
    let params = use_params_map();
    let query = use_query_map();
    let token = Memo::new(move |_| params.with(|p| p.get("token").unwrap_or_default()));
    let link = Resource::new(move || token.get(), get_link);
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                let p = t.people;
                let errors = FormErrors::new(Signal::derive(|| None), query, t, info.lang);
                let spent_now = query.with_untracked(|q| q.get("errs").is_some_and(|e| e.contains("link:link_spent")));
                let state = match link.await {
                    Ok(LinkState::Valid(_)) if spent_now => LinkState::Used,
                    Ok(state) => state,
                    Err(_) => LinkState::Unknown,
                };
                let purpose = match state {
                    LinkState::Valid(purpose) => purpose,
                    _ => {
                        #[cfg(feature = "ssr")]
                        crate::server::context::set_status(axum::http::StatusCode::GONE);
                        return view! {
                            <Title text=format!("{} – {}", p.link_page_spent_title, t.app_name)/>
                            <div class="row"><div class="col-12 col-md-8 col-lg-6">
                                <h1>{p.link_page_spent_title}</h1>
                                <p class="font-lead">{p.link_page_spent_intro}</p>
                                <LinkRequestForm purpose="sign_in" button=p.link_button t lang=info.lang/>
                                <p><a href="/login" class="function-link">{p.back_to_sign_in}</a></p>
                            </div></div>
                        }
                        .into_any();
                    }
                };
                let heading = match purpose {
                    LinkPurpose::SignIn => p.link_page_sign_in_title,
                    LinkPurpose::Reset => p.link_page_reset_title,
                    LinkPurpose::Welcome => p.link_page_welcome_title,
                };
                let password_field = move |name: &'static str, label: &'static str| {
                    let error = errors.field(name);
                    view! {
                        <div class="form-group" class:form-error=move || error.get().is_some()>
                            <label class="form-label" for=name>{label}</label>
                            <FieldMessage id=name error/>
                            <input class="form-input" id=name name=format!("input[{name}]") type="password" autocomplete="new-password"
                                aria-invalid=move || error.get().is_some().then_some("true")
                                aria-describedby=move || error.get().is_some().then(|| format!("{name}-error"))/>
                        </div>
                    }
                };
                view! {
                    <Title text=format!("{heading} – {}", t.app_name)/>
                    <div class="row"><div class="col-12 col-md-8 col-lg-6">
                        <h1>{heading}</h1>
                        <FormErrorSummary heading=t.error_summary errors/>
                        <form method="post" action="/api/link_use" class="link-use-form" novalidate=true>
                            <input type="hidden" name="input[token]" value=token.get_untracked()/>
                            {if purpose.sets_password() {
                                view! {
                                    <p class="font-lead">{p.link_page_password_intro}</p>
                                    {password_field("password", p.new_password_label)}
                                    {password_field("again", p.repeat_password_label)}
                                    <button type="submit" class="button button-primary">{p.link_page_password_button}</button>
                                }
                                .into_any()
                            } else {
                                view! {
                                    <p class="font-lead">{p.link_page_sign_in_intro}</p>
                                    <button type="submit" class="button button-primary">{p.sign_in_button}</button>
                                }
                                .into_any()
                            }}
                        </form>
                    </div></div>
                }
                .into_any()
            })}
        </Suspense>
    }
}
