use sea_orm::DbErr;

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
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    #[error("locked for {minutes} more minutes")]
    Throttled { minutes: i64 },
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("internal: {0}")]
    Internal(String),
}
