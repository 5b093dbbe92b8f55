//! What a server function needs from the request: the state, the caller, the language, and
//! a way to answer with the right status (or, for a form posted without JavaScript, a
//! redirect back to the form).
use axum::http::{HeaderValue, StatusCode, header, request::Parts};
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::error::{AppError, FieldError};
use crate::i18n::{Texts, problem_message, texts};
use crate::model::{CurrentUser, Lang};
use crate::server::auth::{LANG_COOKIE, SESSION_COOKIE, cookie_value};
use crate::server::error::DomainError;
use crate::server::error::UploadProblem;
use crate::server::services::people::sessions;
use crate::server::state::AppState;

/// Who is asking, worked out once per request: a page render calls several server functions,
/// and each would otherwise look the session up again.
#[derive(Clone, Default)]
pub struct RequestCache(std::sync::Arc<std::sync::Mutex<Option<Known>>>);

/// What the cache keeps: the signed-in user, if any, and the language.
type Known = (Option<CurrentUser>, Lang);

/// The signed-in person, when a layer in front of the app has already looked the session
/// up for this request (the page cache does); saves a second lookup.
#[derive(Clone, Debug)]
pub struct SignedInViewer(pub CurrentUser);

/// The soonest instant at which something the page being rendered shows stops being true
/// ("in 2 days", "overdue"). The page cache puts one in each request it may keep and never
/// serves the kept page at or after that instant.
#[derive(Clone, Debug, Default)]
pub struct PageTrueUntil(std::sync::Arc<std::sync::Mutex<Option<chrono::DateTime<chrono::Utc>>>>);

impl PageTrueUntil {
    pub fn note(&self, at: chrono::DateTime<chrono::Utc>) {
        if let Ok(mut soonest) = self.0.lock() {
            *soonest = Some(soonest.map_or(at, |known| known.min(at)));
        }
    }

    pub fn get(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        self.0.lock().ok().and_then(|soonest| *soonest)
    }
}

/// Every server function that reads the clock to say something on a page calls this with the
/// instant the statement stops being true; a page kept in memory is then not served past it.
pub fn shown_until(at: chrono::DateTime<chrono::Utc>) {
    if let Some(until) = parts().and_then(|p| p.extensions.get::<PageTrueUntil>().cloned()) {
        until.note(at);
    }
}

/// The caller of a server function or the viewer of a page.
pub struct Caller {
    pub state: AppState,
    pub user: Option<CurrentUser>,
    pub lang: Lang,
}

impl Caller {
    pub async fn load() -> Result<Caller, AppError> {
        let state = use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from the server function context");
            AppError::Internal
        })?;
        let cache = use_context::<RequestCache>();
        if let Some(cached) = cache
            .as_ref()
            .and_then(|c| c.0.lock().ok().and_then(|g| g.clone()))
        {
            let (user, lang) = cached;
            return Ok(Caller { state, user, lang });
        }
        let known = parts().and_then(|p| p.extensions.get::<SignedInViewer>().cloned());
        let cookies = cookie_header();
        let user = match (
            known,
            cookies
                .as_deref()
                .and_then(|c| cookie_value(c, SESSION_COOKIE)),
        ) {
            (Some(SignedInViewer(user)), _) => Some(user),
            (None, Some(token)) if !token.is_empty() => {
                sessions::user_for_token(&state.db, state.clock.now(), token)
                    .await
                    .map_err(|e| internal(&e))?
            }
            _ => None,
        };
        let lang = match &user {
            Some(user) => user.lang,
            None => cookies
                .as_deref()
                .and_then(|c| cookie_value(c, LANG_COOKIE))
                .and_then(Lang::parse)
                .unwrap_or_default(),
        };
        if let Some(cache) = cache
            && let Ok(mut slot) = cache.0.lock()
        {
            *slot = Some((user.clone(), lang));
        }
        Ok(Caller { state, user, lang })
    }

    /// The caller of the server function `F`, let in by the access policy (`server::policy`),
    /// or refused: signed out as `require_user` refuses, a role without the capability (or a
    /// function missing from the policy) with a 403.
    pub async fn authorize<F: leptos::server_fn::ServerFn>() -> Result<Caller, AppError> {
        Caller::authorize_path(F::PATH).await
    }

    pub async fn authorize_path(path: &str) -> Result<Caller, AppError> {
        use crate::server::policy::{self, Decision};
        let caller = Caller::load().await?;
        match policy::decide(policy::for_server_function(path), caller.user.as_ref()) {
            Decision::Allowed => Ok(caller),
            Decision::SignInFirst => {
                Err(caller.require_user().err().unwrap_or(AppError::NotSignedIn))
            }
            Decision::Unlisted => {
                tracing::error!(%path, "refused: the server function has no access policy entry");
                Err(caller.refuse(DomainError::Forbidden))
            }
            Decision::Forbidden => Err(caller.refuse(DomainError::Forbidden)),
        }
    }

    /// The signed-in user, or a refusal: a redirect to sign-in when a page is rendering, a 401
    /// when the API is called.
    pub fn require_user(&self) -> Result<&CurrentUser, AppError> {
        match &self.user {
            Some(user) => Ok(user),
            None => {
                let path = request_path();
                if path.starts_with("/api/") {
                    set_status(StatusCode::UNAUTHORIZED);
                } else {
                    leptos_axum::redirect(&format!(
                        "/login?next={}",
                        crate::ui::url::encode(&path)
                    ));
                }
                Err(AppError::NotSignedIn)
            }
        }
    }

    /// Turns a service error into the caller's `AppError`, sets the HTTP status, and logs
    /// what a person should not see.
    pub fn refuse(&self, error: DomainError) -> AppError {
        let t = texts(self.lang);
        let app_error = match error {
            DomainError::NotFound => AppError::NotFound,
            DomainError::Forbidden => {
                tracing::warn!(path = %request_path(), "refused: role not allowed");
                AppError::Forbidden(t.err_forbidden.to_string())
            }
            DomainError::Conflict(message) => AppError::Conflict(message),
            DomainError::Validation { field, message } => AppError::Validation {
                field: field.to_string(),
                message,
            },
            DomainError::Form(problems) => AppError::Invalid(
                problems
                    .into_iter()
                    .map(|(field, problem)| FieldError {
                        field: field.to_string(),
                        code: problem.code().to_string(),
                        message: problem_message(self.lang, problem).to_string(),
                    })
                    .collect(),
            ),
            DomainError::Stale => AppError::Stale(t.err_stale.to_string()),
            DomainError::WrongStatus => AppError::WrongStatus(t.err_wrong_status.to_string()),
            DomainError::Upload(problem) => AppError::Invalid(vec![FieldError {
                field: "file".into(),
                code: upload_code(problem).into(),
                message: upload_message(t, problem),
            }]),
            DomainError::InvalidCredentials => AppError::InvalidCredentials,
            DomainError::Throttled { minutes } => AppError::TooManyAttempts { minutes },
            DomainError::Db(_) | DomainError::Internal(_) => internal(&error),
        };
        set_status(
            StatusCode::from_u16(app_error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
        );
        app_error
    }
}

fn internal(error: &DomainError) -> AppError {
    tracing::error!(error = %crate::server::error::Chain(error), "internal error");
    AppError::Internal
}

fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

fn cookie_header() -> Option<String> {
    parts()?
        .headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The browser's name as it sends it (`User-Agent`).
pub fn user_agent() -> Option<String> {
    parts()?
        .headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

/// The session token in the request's cookie, if any.
pub fn session_token() -> Option<String> {
    cookie_header()
        .as_deref()
        .and_then(|c| cookie_value(c, SESSION_COOKIE))
        .filter(|token| !token.is_empty())
        .map(str::to_string)
}

pub fn request_path() -> String {
    parts()
        .map(|p| p.uri.path().to_string())
        .unwrap_or_default()
}

/// A form posted by a browser without JavaScript asks for HTML back.
pub fn is_plain_form_post() -> bool {
    parts()
        .and_then(|p| {
            p.headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|a| a.contains("text/html"))
        })
        .unwrap_or(false)
}

pub fn set_status(status: StatusCode) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.set_status(status);
    }
}

pub fn set_cookie(cookie: &str) {
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(cookie),
    ) {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// Without JavaScript, a refused form goes back to its page with the error in the query, so
/// the page can show it next to the field. With JavaScript the error is simply returned.
pub fn back_to_form(error: AppError, page: &str, keep: &[(&str, &str)]) -> AppError {
    if is_plain_form_post() {
        let mut query = vec![("error", error.code().to_string())];
        if let Some(field) = error.field() {
            query.push(("field", field.to_string()));
        }
        if let AppError::TooManyAttempts { minutes } = &error {
            query.push(("minutes", minutes.to_string()));
        }
        // Never a sentence: a page shown with free text from its address would show anyone's
        // text on this site. Pages turn the codes back into catalogue text.
        let coded: Vec<String> = error
            .field_errors()
            .into_iter()
            .filter(|e| !e.code.is_empty())
            .map(|e| format!("{}:{}", e.field, e.code))
            .collect();
        if !coded.is_empty() {
            query.push(("errs", coded.join(",")));
        }
        for (key, value) in keep {
            query.push((key, value.to_string()));
        }
        leptos_axum::redirect(&format!("{page}?{}", crate::ui::url::query(&query)));
    }
    error
}

pub fn upload_code(problem: UploadProblem) -> &'static str {
    match problem {
        UploadProblem::TooLarge { .. } => "too_large",
        UploadProblem::TypeNotAllowed => "type",
        UploadProblem::Empty => "empty",
        UploadProblem::NoFile => "no_file",
    }
}

pub fn upload_message(t: &Texts, problem: UploadProblem) -> String {
    match problem {
        UploadProblem::TooLarge { limit_mb } => crate::i18n::fill(
            t.papers.err_upload_too_large,
            &[("mb", &limit_mb.to_string())],
        ),
        UploadProblem::TypeNotAllowed => t.papers.err_upload_type.to_string(),
        UploadProblem::Empty => t.papers.err_upload_empty.to_string(),
        UploadProblem::NoFile => t.papers.err_upload_no_file.to_string(),
    }
}
