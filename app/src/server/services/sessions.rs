//! Signing in and out, sessions, and throttling of failed attempts.
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::model::{CurrentUser, EmailAddress, Lang, Role};
use crate::server::auth::{DUMMY_HASH, new_token, token_hash, verify_password};
use crate::server::entities::{login_throttle, person, session, user_account};
use crate::server::error::DomainError;

/// Failures allowed inside one window before the address is locked.
pub const MAX_FAILURES: i32 = 5;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
pub const LOCK_MINUTES: i64 = 15;

pub struct SignedIn {
    pub token: String,
    pub user: CurrentUser,
    pub expires_at: DateTime<Utc>,
}

#[tracing::instrument(skip_all, fields(email = %email))]
pub async fn sign_in(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    email: &EmailAddress,
    password: String,
    session_hours: i64,
) -> Result<SignedIn, DomainError> {
    let throttle = login_throttle::Entity::find_by_id(email.as_str().to_string())
        .one(db)
        .await?;
    if let Some(locked_until) = throttle.as_ref().and_then(|t| t.locked_until)
        && locked_until > now
    {
        let minutes = (locked_until - now).num_minutes() + 1;
        tracing::warn!("sign-in refused: address locked");
        return Err(DomainError::Throttled { minutes });
    }

    let found = person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .find_also_related(user_account::Entity)
        .one(db)
        .await?;
    let (person, account) = match found {
        Some((person, Some(account))) => (Some(person), Some(account)),
        _ => (None, None),
    };
    let stored = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.to_string());
    let matches = verify_password(password, stored).await?;

    let (Some(person), Some(account), true) = (person, account, matches) else {
        record_failure(db, now, email, throttle).await?;
        tracing::info!("sign-in failed");
        return Err(DomainError::InvalidCredentials);
    };

    login_throttle::Entity::delete_by_id(email.as_str().to_string())
        .exec(db)
        .await?;
    session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;

    let token = new_token();
    let expires_at = now + Duration::hours(session_hours);
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        account_id: Set(account.id),
        created_at: Set(now),
        expires_at: Set(expires_at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut touched: user_account::ActiveModel = account.clone().into();
    touched.last_login_at = Set(Some(now));
    touched.update(db).await?;

    tracing::info!(account_id = account.id, "signed in");
    Ok(SignedIn {
        token,
        user: current_user(&person, account.id)?,
        expires_at,
    })
}

async fn record_failure(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    email: &EmailAddress,
    existing: Option<login_throttle::Model>,
) -> Result<(), DomainError> {
    let window_open = |t: &login_throttle::Model| {
        now - t.window_started_at < Duration::minutes(FAILURE_WINDOW_MINUTES)
    };
    match existing {
        Some(row) if window_open(&row) => {
            let failures = row.failures + 1;
            let mut update: login_throttle::ActiveModel = row.into();
            update.failures = Set(failures);
            if failures >= MAX_FAILURES {
                update.locked_until = Set(Some(now + Duration::minutes(LOCK_MINUTES)));
            }
            update.update(db).await?;
        }
        Some(row) => {
            let mut update: login_throttle::ActiveModel = row.into();
            update.failures = Set(1);
            update.window_started_at = Set(now);
            update.locked_until = Set(None);
            update.update(db).await?;
        }
        None => {
            let inserted = login_throttle::ActiveModel {
                key: Set(email.as_str().to_string()),
                failures: Set(1),
                window_started_at: Set(now),
                locked_until: Set(None),
            }
            .insert(db)
            .await;
            // Two failures racing for a new address: the other one counted it.
            if let Err(e) = inserted {
                tracing::debug!(error = %e, "throttle row already existed");
            }
        }
    }
    Ok(())
}

/// The user behind a session token, if the session exists and has not expired.
pub async fn user_for_token(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    token: &str,
) -> Result<Option<CurrentUser>, DomainError> {
    Ok(viewer_for_token(db, now, token)
        .await?
        .map(|viewer| viewer.user))
}

/// A signed-in person and the data revision at the moment of asking.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub user: CurrentUser,
    /// Grows with every committed change to anything a page shows (see the `revision`
    /// module of the migrations); a page rendered at one revision is current for as long as it is unchanged.
    pub revision: i64,
}

/// The person behind a session token and the data revision, in one query.
pub async fn viewer_for_token(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    token: &str,
) -> Result<Option<Viewer>, DomainError> {
    use sea_orm::sea_query::Expr;
    use sea_orm::{JoinType, QuerySelect, RelationTrait};

    let session_account = session::Entity::belongs_to(user_account::Entity)
        .from(session::Column::AccountId)
        .to(user_account::Column::Id)
        .into();
    let row: Option<(i32, String, String, String, String, i32, i64)> = session::Entity::find()
        .select_only()
        .column(person::Column::Id)
        .column(person::Column::Name)
        .column(person::Column::Email)
        .column(person::Column::Role)
        .column(person::Column::Language)
        .column(user_account::Column::Id)
        .expr(Expr::cust(
            "(SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM revision)",
        ))
        .join(JoinType::InnerJoin, session_account)
        .join(JoinType::InnerJoin, user_account::Relation::Person.def())
        .filter(session::Column::TokenHash.eq(token_hash(token)))
        .filter(session::Column::ExpiresAt.gt(now))
        .into_tuple()
        .one(db)
        .await?;
    let Some((person_id, name, email, role, language, account_id, revision)) = row else {
        return Ok(None);
    };
    Ok(Some(Viewer {
        user: user_from((person_id, name, email, role, language), account_id)?,
        revision,
    }))
}

/// Ends the session behind the token; signing out twice is harmless.
pub async fn sign_out(db: &impl ConnectionTrait, token: &str) -> Result<(), DomainError> {
    session::Entity::delete_many()
        .filter(session::Column::TokenHash.eq(token_hash(token)))
        .exec(db)
        .await?;
    Ok(())
}

pub fn current_user(person: &person::Model, account_id: i32) -> Result<CurrentUser, DomainError> {
    user_from(
        (
            person.id,
            person.name.clone(),
            person.email.clone(),
            person.role.clone(),
            person.language.clone(),
        ),
        account_id,
    )
}

/// A person's id, name, e-mail, role and language, as the database keeps them.
type PersonColumns = (i32, String, String, String, String);

fn user_from(
    (person_id, name, email, role, language): PersonColumns,
    account_id: i32,
) -> Result<CurrentUser, DomainError> {
    let role = Role::parse(&role)
        .ok_or_else(|| DomainError::Internal(format!("unknown role in database: {role}")))?;
    Ok(CurrentUser {
        account_id,
        person_id,
        name,
        email,
        role,
        lang: Lang::parse(&language).unwrap_or_default(),
    })
}
