//! Pieces several pages use.
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::ui::url::encode;

use crate::error::AppError;
use crate::i18n::Texts;

/// How a page answers a failed load: sign-in for the signed-out, a plain refusal for the
/// wrong role, and a short apology otherwise.
#[component]
pub fn PageError(error: AppError, t: &'static Texts) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if error != AppError::NotSignedIn {
        crate::server::context::set_status(
            axum::http::StatusCode::from_u16(error.status())
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
    match error {
        AppError::NotSignedIn => {
            let here = use_location().pathname.get_untracked();
            view! { <Redirect path=format!("/login?next={}", encode(&here))/> }.into_any()
        }
        AppError::Forbidden(message) => view! {
            <Title text=format!("{} – {}", t.forbidden_title, t.app_name)/>
            <h1>{t.forbidden_title}</h1>
            <div class="alert alert-error" role="alert">
                <div class="alert-body"><p class="alert-text">{message}</p></div>
            </div>
        }
        .into_any(),
        AppError::NotFound => view! {
            <Title text=format!("{} – {}", t.not_found_title, t.app_name)/>
            <h1>{t.not_found_title}</h1>
            <p>{t.err_not_found}</p>
        }
        .into_any(),
        other => view! {
            <Title text=t.app_name/>
            <div class="alert alert-error" role="alert">
                <div class="alert-body"><p class="alert-text">{other.message(t)}</p></div>
            </div>
        }
        .into_any(),
    }
}

/// A labelled input with its error message next to it (DKFDS form-group).
#[component]
pub fn Field(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(into)] value: Signal<String>,
    #[prop(optional)] on_input: Option<Callback<String>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described = error_id.clone();
    view! {
        <div class="form-group" class:form-error=move || error.get().is_some()>
            <label class="form-label" for=id>{label}</label>
            {move || error.get().map(|message| view! {
                <span class="form-error-message" id=error_id.clone()>{message}</span>
            })}
            <input
                class="form-input"
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                prop:value=move || value.get()
                value=move || value.get()
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=move || error.get().is_some().then(|| described.clone())
                on:input=move |ev| {
                    if let Some(callback) = on_input {
                        callback.run(event_target_value(&ev));
                    }
                }
            />
        </div>
    }
}

/// The error summary DKFDS puts above a form, linking to the fields.
#[component]
pub fn ErrorSummary(heading: &'static str, errors: Vec<(String, String)>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="alert alert-error" role="alert" tabindex="-1">
                <div class="alert-body">
                    <p class="alert-heading">{heading}</p>
                    <ul class="alert-text nobullet-list">
                        {errors
                            .into_iter()
                            .map(|(field, message)| view! { <li><a href=format!("#{field}")>{message}</a></li> })
                            .collect_view()}
                    </ul>
                </div>
            </div>
        }
    })
}

/// An audit log, newest first: when, who, what and the details.
#[component]
pub fn AuditTable(
    rows: Vec<crate::model::meetings::AuditRow>,
    caption: &'static str,
    t: &'static Texts,
    lang: crate::model::Lang,
) -> impl IntoView {
    use crate::model::time::format_stamp;
    view! {
        <table class="table table--zebra audit-table">
            <caption class="sr-only">{caption}</caption>
            <thead><tr>
                <th scope="col">{t.meetings.col_when}</th>
                <th scope="col">{t.meetings.col_who}</th>
                <th scope="col">{t.meetings.col_action}</th>
                <th scope="col">{t.meetings.col_details}</th>
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|row| view! {
                    <tr>
                        <td>{format_stamp(lang, row.at)}</td>
                        <td>{row.actor}</td>
                        <td><code>{row.action}</code></td>
                        <td>{row.details}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
