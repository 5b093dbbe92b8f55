//! The one error every server function returns. It crosses the wire, so it carries only what
//! a person may read: a kind and, where useful, a sentence already in their language.
use serde::{Deserialize, Serialize};
use server_fn_codec::{FromServerFnError, JsonEncoding, ServerFnErrorErr};

use crate::i18n::Texts;

/// One field's problem: the field's name, a stable code, and the sentence to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    NotSignedIn,
    #[error("forbidden: {0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("invalid {field}: {message}")]
    Validation { field: String, message: String },
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("changed by someone else meanwhile")]
    Stale(String),
    #[error("not possible in the meeting's current status")]
    WrongStatus(String),
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    #[error("too many failed sign-ins; wait {minutes} minutes")]
    TooManyAttempts { minutes: i64 },
    #[error("cross-site request refused")]
    CrossSite,
    #[error("internal error")]
    Internal,
    #[error("request failed: {0}")]
    Transport(String),
}

impl AppError {
    /// The sentence a person sees.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            AppError::NotSignedIn => t.err_not_signed_in.to_string(),
            AppError::Forbidden(message)
            | AppError::Conflict(message)
            | AppError::Stale(message)
            | AppError::WrongStatus(message) => message.clone(),
            AppError::Invalid(errors) => errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join(" "),
            AppError::Validation { message, .. } => message.clone(),
            AppError::NotFound => t.err_not_found.to_string(),
            AppError::InvalidCredentials => t.people.err_credentials.to_string(),
            AppError::TooManyAttempts { minutes } => t
                .people
                .err_throttled
                .fill(*minutes, &[("minutes", &minutes.to_string())]),
            AppError::CrossSite => t.err_cross_site.to_string(),
            AppError::Internal | AppError::Transport(_) => t.err_internal.to_string(),
        }
    }

    /// The field a validation error belongs next to, if any.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Validation { field, .. } => Some(field),
            AppError::Invalid(errors) => errors.first().map(|e| e.field.as_str()),
            AppError::InvalidCredentials | AppError::TooManyAttempts { .. } => Some("password"),
            _ => None,
        }
    }

    /// The errors that belong next to fields, by field name.
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            AppError::Invalid(errors) => errors.clone(),
            AppError::Validation { field, message } => vec![FieldError {
                field: field.clone(),
                code: String::new(),
                message: message.clone(),
            }],
            _ => Vec::new(),
        }
    }

    /// A short code for carrying the error through a redirect when JavaScript is off.
    pub fn code(&self) -> &'static str {
        match self {
            AppError::NotSignedIn => "signin",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound => "notfound",
            AppError::Conflict(_) => "conflict",
            AppError::Validation { .. } | AppError::Invalid(_) => "invalid",
            AppError::Stale(_) => "stale",
            AppError::WrongStatus(_) => "status",
            AppError::InvalidCredentials => "credentials",
            AppError::TooManyAttempts { .. } => "throttled",
            AppError::CrossSite => "crosssite",
            AppError::Internal | AppError::Transport(_) => "internal",
        }
    }

    #[cfg(feature = "ssr")]
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotSignedIn | AppError::InvalidCredentials => 401,
            AppError::Forbidden(_) | AppError::CrossSite => 403,
            AppError::NotFound => 404,
            AppError::Conflict(_) => 409,
            AppError::Validation { .. } | AppError::Invalid(_) => 422,
            AppError::Stale(_) | AppError::WrongStatus(_) => 409,
            AppError::TooManyAttempts { .. } => 429,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

/// Re-exported names, so the rest of the crate does not care where server_fn keeps them.
mod server_fn_codec {
    pub use leptos::server_fn::codec::JsonEncoding;
    pub use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
}
