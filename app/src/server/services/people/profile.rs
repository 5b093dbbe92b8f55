//! One's own profile: language, password, and the browsers one is signed in with.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::CurrentUser;
use crate::model::forms::{FormProblem, new_password};
use crate::model::people::{Profile, SessionRow};
use crate::server::auth::{hash_password, token_hash, verify_password};
use crate::server::entities::{person, session, user_account};
use crate::server::error::DomainError;
use crate::server::services::people::sessions;

/// The signed-in person's profile; `token` is the session looking at it.
pub async fn profile(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    user: &CurrentUser,
    token: &str,
) -> Result<Profile, DomainError> {
    let found = person::Entity::find_by_id(user.person_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let account = user_account::Entity::find_by_id(user.account_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let current = token_hash(token);
    let sessions = session::Entity::find()
        .filter(session::Column::AccountId.eq(account.id))
        .filter(session::Column::ExpiresAt.gt(now))
        .order_by_desc(session::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| SessionRow {
            created_at: s.created_at,
            expires_at: s.expires_at,
            user_agent: s.user_agent,
            current: s.token_hash == current,
        })
        .collect();
    Ok(Profile {
        name: found.name,
        email: found.email,
        role: found.role,
        language: found.language,
        has_password: !account.password_hash.is_empty(),
        sessions,
    })
}

/// What the password form posts.
#[derive(Debug, Clone, Default)]
pub struct PasswordChange {
    pub current: String,
    pub password: String,
    pub again: String,
}

/// Changes one's password: the current one is required, and the other browsers signed in
/// with the old one are signed out (the one changing it stays signed in).
pub async fn change_password(
    db: &DatabaseConnection,
    user: &CurrentUser,
    token: &str,
    change: PasswordChange,
) -> Result<(), DomainError> {
    let account = user_account::Entity::find_by_id(user.account_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let mut problems = Vec::new();
    if !verify_password(change.current, account.password_hash.clone()).await? {
        problems.push(("current", FormProblem::PasswordWrong));
    }
    if let Err(problem) = new_password(&change.password, &change.again) {
        let field = match problem {
            FormProblem::PasswordsDiffer => "again",
            _ => "password",
        };
        problems.push((field, problem));
    }
    if !problems.is_empty() {
        return Err(DomainError::Form(problems));
    }
    let hash = hash_password(change.password).await?;
    let txn = crate::server::db::begin_write(db).await?;
    let mut update: user_account::ActiveModel = account.into();
    update.password_hash = Set(hash);
    update.update(&txn).await?;
    session::Entity::delete_many()
        .filter(session::Column::AccountId.eq(user.account_id))
        .filter(session::Column::TokenHash.ne(token_hash(token)))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    tracing::info!(account_id = user.account_id, "password changed");
    Ok(())
}

/// Signs the person out in every browser, this one included.
pub async fn sign_out_everywhere(
    db: &impl ConnectionTrait,
    user: &CurrentUser,
) -> Result<u64, DomainError> {
    sessions::end_sessions_of(db, user.person_id).await
}
