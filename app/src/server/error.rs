use sea_orm::DbErr;

use crate::model::forms::FormProblem;

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
    #[error("database")]
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

/// An error and every cause beneath it, `outer: inner: innermost`, for the log. A cause whose
/// text its parent already repeats is not written twice.
pub struct Chain<'a>(pub &'a (dyn std::error::Error + 'static));

impl std::fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut said = self.0.to_string();
        f.write_str(&said)?;
        let mut cause = self.0.source();
        while let Some(error) = cause {
            let text = error.to_string();
            if !said.contains(&text) {
                write!(f, ": {text}")?;
            }
            said = text;
            cause = error.source();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("connection refused")]
    struct Refused;

    #[derive(Debug, thiserror::Error)]
    #[error("cannot reach the pool")]
    struct Pool(#[source] Refused);

    #[test]
    fn a_database_error_is_logged_with_every_cause_beneath_it() {
        let error = DomainError::Db(DbErr::Custom("pool timed out".into()));
        assert_eq!(
            Chain(&error).to_string(),
            "database: Custom Error: pool timed out"
        );
        let nested = Pool(Refused);
        assert_eq!(
            Chain(&nested).to_string(),
            "cannot reach the pool: connection refused"
        );
    }

    #[test]
    fn a_cause_its_parent_already_names_is_not_repeated() {
        #[derive(Debug, thiserror::Error)]
        #[error("sending failed: connection refused")]
        struct Says(#[source] Refused);
        assert_eq!(
            Chain(&Says(Refused)).to_string(),
            "sending failed: connection refused"
        );
    }
}
