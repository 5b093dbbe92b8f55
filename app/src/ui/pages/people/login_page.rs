use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;

use crate::api::people::{login_notice, login_problem};
use crate::i18n::{Texts, texts};
use crate::model::Lang;
use crate::ui::components::{ErrorSummary, Field};
use crate::ui::forms::errors_from_query;
use crate::ui::{session, use_app};

/// The error a no-JavaScript sign-in brought back in the query, as (field, message). Only
/// codes travel there; a code this page does not know shows nothing.
fn error_from_query(
    t: &Texts,
    code: Option<String>,
    errs: Option<String>,
    minutes: Option<String>,
) -> Option<(String, String)> {
    match code?.as_str() {
        "credentials" => Some(("password".into(), t.people.err_credentials.to_string())),
        "throttled" => {
            let minutes =
                minutes.filter(|m| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()))?;
            let count: i64 = minutes.parse().ok()?;
            Some((
                "password".into(),
                t.people.err_throttled.fill(count, &[("minutes", &minutes)]),
            ))
        }
        "invalid" => errs?
            .split(',')
            .filter_map(|pair| pair.split_once(':'))
            .find_map(|(field, code)| {
                let field = ["email", "password"].into_iter().find(|f| *f == field)?;
                Some((field.to_string(), login_problem(t, code)?.to_string()))
            }),
        _ => Some(("password".into(), t.err_internal.to_string())),
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let app = use_app();
    let query = use_query_map();
    let email = RwSignal::new(query.with_untracked(|q| q.get("email").unwrap_or_default()));
    let next = query.with_untracked(|q| q.get("next").unwrap_or_default());

    view! {
        <Suspense fallback=|| ()>
            {move || {
                let next = next.clone();
                Suspend::new(async move {
                    let info = session(app).await;
                    let t = texts(info.lang);
                    if info.user.is_some() {
                        return view! { <Redirect path="/"/> }.into_any();
                    }
                    let error = Memo::new(move |_| {
                        let from_action = app.login.value().get().and_then(Result::err)
                            .map(|e| (e.field().unwrap_or("password").to_string(), e.message(t)));
                        // A refused link request comes back marked `form=link`: its error is the link form's.
                        from_action.or_else(|| query.with(|q| (q.get("form").is_none()).then(|| error_from_query(t, q.get("error"), q.get("errs"), q.get("minutes"))).flatten()))
                    });
                    let error_for = move |field: &'static str| Signal::derive(move || error.get().filter(|(f, _)| f == field).map(|(_, m)| m));
                    let password = Signal::derive(String::new);
                    view! {
                        <Title text=format!("{} – {}", t.people.sign_in_title, t.app_name)/>
                        <div class="row">
                            <div class="col-12 col-md-8 col-lg-6">
                                <h1>{t.people.sign_in_title}</h1>
                                <p class="font-lead">{t.people.sign_in_intro}</p>
                                {move || query.with(|q| q.get("message")).and_then(|code| login_notice(t, &code)).map(|notice| view! {
                                    <div class="alert alert-info" role="status"><div class="alert-body"><p class="alert-text">{notice}</p></div></div>
                                })}
                                {move || error.get().map(|e| view! { <ErrorSummary heading=t.error_summary errors=vec![e]/> })}
                                <ActionForm action=app.login attr:novalidate=true attr:class="login-form">
                                    <input type="hidden" name="input[next]" value=next.clone()/>
                                    <Field id="email" name="input[email]" label=t.people.email_label kind="email" autocomplete="username"
                                        value=email on_input=Callback::new(move |v| email.set(v)) error=error_for("email")/>
                                    <Field id="password" name="input[password]" label=t.people.password_label kind="password" autocomplete="current-password"
                                        value=password error=error_for("password")/>
                                    <button type="submit" class="button button-primary">{t.people.sign_in_button}</button>
                                </ActionForm>
                                <p><a href="/login/reset" class="function-link">{t.people.forgot_password}</a></p>
                                <h2>{t.people.link_heading}</h2>
                                <p>{t.people.link_intro}</p>
                                <LinkRequestForm purpose="sign_in" button=t.people.link_button t lang=info.lang/>
                            </div>
                        </div>
                    }
                    .into_any()
                })
            }}
        </Suspense>
    }
}

/// The form that asks for a mailed link: on the sign-in page (to sign in) and on the
/// forgotten-password page (to choose a new password). It posts as a plain form with
/// JavaScript on or off; the answer is the sign-in page with the same notice for any address.
#[component]
pub fn LinkRequestForm(
    purpose: &'static str,
    button: &'static str,
    t: &'static Texts,
    lang: Lang,
) -> impl IntoView {
    let query = use_query_map();
    let error = Memo::new(move |_| {
        query.with(|q| {
            q.get("form").filter(|f| f == "link")?;
            let throttled = q.get("error").as_deref() == Some("throttled");
            if throttled {
                let minutes = q.get("minutes").unwrap_or_default();
                let count: i64 = minutes.parse().ok()?;
                return Some(t.people.err_throttled.fill(count, &[("minutes", &minutes)]));
            }
            errors_from_query(q, t, lang)
                .into_iter()
                .find(|e| e.field == "link_email")
                .map(|e| e.message)
        })
    });
    let email = query.with_untracked(|q| q.get("error").and(q.get("email")).unwrap_or_default());
    view! {
        <form method="post" action="/api/link_request" class="link-request-form" novalidate=true>
            <input type="hidden" name="input[purpose]" value=purpose/>
            <div class="form-group" class:form-error=move || error.get().is_some()>
                <label class="form-label" for="link_email">{t.people.link_email_label}</label>
                {move || error.get().map(|message| view! {
                    <span class="form-error-message" id="link_email-error">{message}</span>
                })}
                <input class="form-input" id="link_email" name="input[email]" type="email" autocomplete="email" value=email
                    aria-invalid=move || error.get().is_some().then_some("true")
                    aria-describedby=move || error.get().is_some().then_some("link_email-error")/>
            </div>
            <button type="submit" class="button button-secondary">{button}</button>
        </form>
    }
}

/// `/login/reset`: "forgot password", a link to choose a new one.
#[component]
pub fn ResetRequestPage() -> impl IntoView {
    let app = use_app();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let info = session(app).await;
                let t = texts(info.lang);
                view! {
                    <Title text=format!("{} – {}", t.people.reset_title, t.app_name)/>
                    <div class="row">
                        <div class="col-12 col-md-8 col-lg-6">
                            <h1>{t.people.reset_title}</h1>
                            <p class="font-lead">{t.people.reset_intro}</p>
                            <LinkRequestForm purpose="reset" button=t.people.reset_button t lang=info.lang/>
                            <p><a href="/login" class="function-link">{t.people.back_to_sign_in}</a></p>
                        </div>
                    </div>
                }
            })}
        </Suspense>
    }
}
