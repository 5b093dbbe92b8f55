use sea_orm::DbErr;

use crate::model::agenda::FormProblem;

/// What services report. The boundary (`context::to_app_error`) turns it into an `AppError`
/// in the caller's language and logs internal causes with their chain.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("invalid {field}: {message}")]
    Validation {
        field: &'static str,
        message: String,
    },
    #[error("invalid form: {0:?}")]
    Form(Vec<(&'static str, FormProblem)>),
    #[error("changed by someone else meanwhile")]
    Stale,
    #[error("not allowed in this status")]
    WrongStatus,
    #[error("refused upload: {0}")]
    Upload(UploadProblem),
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    #[error("locked for {minutes} more minutes")]
    Throttled { minutes: i64 },
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("internal: {0}")]
    Internal(String),
}

/// Why an upload was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadProblem {
    TooLarge { limit_mb: u64 },
    TypeNotAllowed,
    Empty,
    NoFile,
}

impl std::fmt::Display for UploadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UploadProblem::TooLarge { limit_mb } => write!(f, "larger than {limit_mb} MB"),
            UploadProblem::TypeNotAllowed => f.write_str("type not allowed"),
            UploadProblem::Empty => f.write_str("empty file"),
            UploadProblem::NoFile => f.write_str("no file"),
        }
    }
}
