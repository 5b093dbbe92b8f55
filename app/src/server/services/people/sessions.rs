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

/// Never prints the token.
impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("user", &self.user)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Signs in with a password, for a caller that is not a browser (tests, tools).
pub async fn sign_in(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    email: &EmailAddress,
    password: String,
    session_hours: i64,
) -> Result<SignedIn, DomainError> {
    sign_in_browser(db, now, email, password, session_hours, None).await
}

/// Signs in with a password; the session remembers the browser's name (`User-Agent`) so
/// that the person can tell their sessions apart on their profile.
#[tracing::instrument(skip_all, fields(email = %email))]
pub async fn sign_in_browser(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    email: &EmailAddress,
    password: String,
    session_hours: i64,
    user_agent: Option<&str>,
) -> Result<SignedIn, DomainError> {
    // The attempt is counted before the password is judged, in one atomic statement, so
    // that no more than MAX_FAILURES attempts per window are ever judged, however many arrive
    // at once; a sign-in clears the count again.
    let attempt = reserve_attempt(db, now, email.as_str()).await?;
    if let Some(minutes) = attempt.locked_for(now) {
        tracing::warn!("sign-in refused: address locked");
        return Err(DomainError::Throttled { minutes });
    }

    let found = person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .find_also_related(user_account::Entity)
        .one(db)
        .await?;
    // A deactivated person, or one who has not chosen a password yet, is refused exactly as
    // an unknown address is: after the same work, with the same answer.
    let (person, account) = match found {
        Some((person, Some(account)))
            if person.deactivated_at.is_none() && !account.password_hash.is_empty() =>
        {
            (Some(person), Some(account))
        }
        _ => (None, None),
    };
    let stored = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.to_string());
    let matches = verify_password(password, stored).await?;

    let (Some(person), Some(account), true) = (person, account, matches) else {
        // The attempt was counted when it was reserved.
        tracing::info!("sign-in failed");
        return Err(DomainError::InvalidCredentials);
    };

    let token = start_session(db, now, &account, email, session_hours, user_agent).await?;
    tracing::info!(account_id = account.id, "signed in");
    Ok(SignedIn {
        user: current_user(&person, account.id)?,
        token: token.0,
        expires_at: token.1,
    })
}

/// The longest browser name a session keeps.
const USER_AGENT_CHARS: usize = 160;

/// A new session for a sign-in that has proved itself (a password, a mailed link): the
/// address's failure count cleared, expired sessions swept, the sign-in time noted. Returns
/// the cookie's token and when it expires.
pub(crate) async fn start_session(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    account: &user_account::Model,
    email: &EmailAddress,
    session_hours: i64,
    user_agent: Option<&str>,
) -> Result<(String, DateTime<Utc>), DomainError> {
    login_throttle::Entity::delete_by_id(email.as_str().to_string())
        .exec(db)
        .await?;
    session::Entity::delete_many()
        .filter(session::Column::ExpiresAt.lte(now))
        .exec(db)
        .await?;
    let token = new_token();
    let expires_at = now + Duration::hours(session_hours);
    let user_agent = user_agent
        .map(|agent| {
            agent
                .chars()
                .filter(|c| !c.is_control())
                .take(USER_AGENT_CHARS)
                .collect::<String>()
        })
        .filter(|agent| !agent.trim().is_empty());
    session::ActiveModel {
        token_hash: Set(token_hash(&token)),
        account_id: Set(account.id),
        created_at: Set(now),
        expires_at: Set(expires_at),
        user_agent: Set(user_agent),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut touched: user_account::ActiveModel = account.clone().into();
    touched.last_login_at = Set(Some(now));
    touched.update(db).await?;
    Ok((token, expires_at))
}

/// An attempt to sign in, counted: its number in the current window, and the lock that
/// numbers past MAX_FAILURES meet.
pub(crate) struct Attempt {
    number: i32,
    locked_until: Option<DateTime<Utc>>,
}

impl Attempt {
    /// For an attempt past MAX_FAILURES: the whole minutes until the lock opens.
    pub(crate) fn locked_for(&self, now: DateTime<Utc>) -> Option<i64> {
        (self.number > MAX_FAILURES).then(|| {
            self.locked_until
                .filter(|until| *until > now)
                // Whole minutes, rounded up: 15:00 left is "15 minutes", 14:01 too.
                .map_or(LOCK_MINUTES, |until| {
                    ((until - now).num_seconds() + 59) / 60
                })
        })
    }
}

/// Counts an attempt under `key` (a sign-in's address; `link:` and the address for mailed
/// links) and returns its number, in one statement that both
/// databases run atomically (an upsert holds the row's lock until it is done). A window that
/// has run out, or a lock that has run out, starts the count again at 1; the attempt that
/// reaches MAX_FAILURES sets the lock, which only a sign-in (or time) clears.
pub(crate) async fn reserve_attempt(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    key: &str,
) -> Result<Attempt, DomainError> {
    use sea_orm::{DbBackend, Statement};

    let backend = db.get_database_backend();
    let p = |n: usize| match backend {
        DbBackend::Postgres => format!("${n}"),
        _ => format!("?{n}"),
    };
    let (slot, at, window_start, lock_end, max) = (p(1), p(2), p(3), p(4), p(5));
    let fresh = format!(
        "((t.locked_until IS NULL AND t.window_started_at <= {window_start}) \
         OR (t.locked_until IS NOT NULL AND t.locked_until <= {at}))"
    );
    let sql = format!(
        "INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until) \
         VALUES ({slot}, 1, {at}, CASE WHEN 1 >= {max} THEN {lock_end} END) \
         ON CONFLICT (key) DO UPDATE SET \
           failures = CASE WHEN {fresh} THEN 1 ELSE t.failures + 1 END, \
           window_started_at = CASE WHEN {fresh} THEN {at} ELSE t.window_started_at END, \
           locked_until = CASE \
             WHEN {fresh} THEN CASE WHEN 1 >= {max} THEN {lock_end} END \
             WHEN t.locked_until IS NOT NULL THEN t.locked_until \
             WHEN t.failures + 1 >= {max} THEN {lock_end} \
           END \
         RETURNING failures, locked_until"
    );
    let statement = Statement::from_sql_and_values(
        backend,
        sql,
        [
            key.into(),
            now.into(),
            (now - Duration::minutes(FAILURE_WINDOW_MINUTES)).into(),
            (now + Duration::minutes(LOCK_MINUTES)).into(),
            MAX_FAILURES.into(),
        ],
    );
    let row = db
        .query_one_raw(statement)
        .await?
        .ok_or_else(|| DomainError::Internal("counting a sign-in returned no row".into()))?;
    Ok(Attempt {
        number: row.try_get("", "failures")?,
        locked_until: row.try_get("", "locked_until")?,
    })
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
    let row: Option<(i32, String, String, Role, Lang, i32, i64)> = session::Entity::find()
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
        .filter(person::Column::DeactivatedAt.is_null())
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

/// Ends every session of a person's sign-in (deactivation, a new address).
pub async fn end_sessions_of(
    db: &impl ConnectionTrait,
    person_id: i32,
) -> Result<u64, DomainError> {
    let accounts: Vec<i32> = user_account::Entity::find()
        .filter(user_account::Column::PersonId.eq(person_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    Ok(session::Entity::delete_many()
        .filter(session::Column::AccountId.is_in(accounts))
        .exec(db)
        .await?
        .rows_affected)
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
            person.role,
            person.language,
        ),
        account_id,
    )
}

/// A person's id, name, e-mail, role and language, as the database keeps them.
type PersonColumns = (i32, String, String, Role, Lang);

fn user_from(
    (person_id, name, email, role, language): PersonColumns,
    account_id: i32,
) -> Result<CurrentUser, DomainError> {
    Ok(CurrentUser {
        account_id,
        person_id,
        name,
        email,
        role,
        lang: language,
    })
}
