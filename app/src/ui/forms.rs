//! Form errors from either path: the server function's answer (JavaScript on) or the query
//! string a refused plain form post was redirected back with (JavaScript off).
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

use crate::error::{AppError, FieldError};
use crate::i18n::{Texts, problem_message};
use crate::model::Lang;
use crate::model::forms::FormProblem;

#[derive(Clone, Copy)]
pub struct FormErrors {
    fields: Memo<Vec<FieldError>>,
    general: Memo<Option<String>>,
}

/// An upload refusal in words; a size refusal names the limit the server sent back with it.
fn upload_message(t: &Texts, code: &str, limit_mb: Option<&str>) -> Option<String> {
    Some(match code {
        "too_large" => {
            let limit =
                limit_mb.filter(|mb| !mb.is_empty() && mb.bytes().all(|b| b.is_ascii_digit()))?;
            crate::i18n::fill(t.papers.err_upload_too_large, &[("mb", limit)])
        }
        "type" => t.papers.err_upload_type.to_string(),
        "empty" => t.papers.err_upload_empty.to_string(),
        "no_file" => t.papers.err_upload_no_file.to_string(),
        _ => return None,
    })
}

/// Field errors carried as `errs=field:code,field:code`.
pub fn errors_from_query(query: &ParamsMap, t: &'static Texts, lang: Lang) -> Vec<FieldError> {
    query
        .get("errs")
        .unwrap_or_default()
        .split(',')
        .filter_map(|pair| pair.split_once(':'))
        .filter_map(|(field, code)| {
            let message = FormProblem::from_code(code)
                .map(|p| problem_message(lang, p).to_string())
                .or_else(|| upload_message(t, code, query.get_str("limit_mb")))?;
            Some(FieldError {
                field: field.to_string(),
                code: code.to_string(),
                message,
            })
        })
        .collect()
}

fn general_from_query(query: &ParamsMap, t: &'static Texts) -> Option<String> {
    match query.get("error")?.as_str() {
        "stale" => Some(t.err_stale.to_string()),
        "status" => Some(t.err_wrong_status.to_string()),
        "forbidden" => Some(t.err_forbidden.to_string()),
        "notfound" => Some(t.err_not_found.to_string()),
        "internal" => Some(t.err_internal.to_string()),
        _ => None,
    }
}

impl FormErrors {
    pub fn new(
        action_error: Signal<Option<AppError>>,
        query: Memo<ParamsMap>,
        t: &'static Texts,
        lang: Lang,
    ) -> FormErrors {
        let fields = Memo::new(move |_| match action_error.get() {
            Some(error) => error.field_errors(),
            None => query.with(|q| errors_from_query(q, t, lang)),
        });
        let general = Memo::new(move |_| match action_error.get() {
            Some(error) if error.field_errors().is_empty() => Some(error.message(t)),
            Some(_) => None,
            None => query.with(|q| general_from_query(q, t)),
        });
        FormErrors { fields, general }
    }

    pub fn field(self, name: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.fields.with(|all| {
                all.iter()
                    .find(|e| e.field == name)
                    .map(|e| e.message.clone())
            })
        })
    }

    pub fn all(self) -> Memo<Vec<FieldError>> {
        self.fields
    }

    pub fn general(self) -> Memo<Option<String>> {
        self.general
    }

    /// Whether the page was reached by a refused plain post (so the query holds the input).
    pub fn returned(query: &ParamsMap) -> bool {
        query.get("error").is_some()
    }
}

/// The summary above a form, linking to each field with a problem.
#[component]
pub fn FormErrorSummary(heading: &'static str, errors: FormErrors) -> impl IntoView {
    move || {
        let fields = errors.all().get();
        let general = errors.general().get();
        (!fields.is_empty() || general.is_some()).then(|| {
            view! {
                <div class="alert alert-error" role="alert">
                    <div class="alert-body">
                        <p class="alert-heading">{heading}</p>
                        {general.map(|message| view! { <p class="alert-text">{message}</p> })}
                        <ul class="alert-text nobullet-list">
                            {fields
                                .into_iter()
                                .map(|e| view! { <li><a href=format!("#{}", e.field)>{e.message}</a></li> })
                                .collect_view()}
                        </ul>
                    </div>
                </div>
            }
        })
    }
}

/// The error line inside a DKFDS form-group.
#[component]
pub fn FieldMessage(id: &'static str, error: Signal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|message| view! { <span class="form-error-message" id=format!("{id}-error")>{message}</span> })
    }
}

/// A human file size: "820 B", "120 kB", "2,4 MB" (Danish decimal comma).
pub fn file_size(lang: Lang, bytes: i64) -> String {
    let text = if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!("{} kB", (bytes + 512) / 1024)
    } else {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    };
    match lang {
        Lang::Da => text.replace('.', ","),
        Lang::En => text,
    }
}
