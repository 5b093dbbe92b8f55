//! People and their sign-ins: what the CLI and the secretariat's users page need.
use crate::model::people::NameError;
use crate::model::{AccountRow, EmailAddress, Lang, PersonName, Role, Sector};
use crate::server::auth::{SecretariatAccess, hash_password};
use crate::server::entities::{person, user_account};
use crate::server::error::DomainError;
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub use crate::model::forms::MIN_PASSWORD_CHARS;

/// A person to create, already parsed.
#[derive(Debug, Clone)]
pub struct NewPerson {
    pub taskforce_id: i32,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub sector: Sector,
    pub email: EmailAddress,
    pub language: Lang,
    pub role: Role,
    pub sort_order: i32,
    /// The secretariat's lead (approves status reports).
    pub lead: bool,
    /// For a deputy: the member they stand in for.
    pub deputy_for_id: Option<i32>,
}

pub fn check_password(password: &str) -> Result<(), DomainError> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(DomainError::Validation {
            field: "password",
            message: format!("the password must have at least {MIN_PASSWORD_CHARS} characters"),
        });
    }
    Ok(())
}

pub async fn create_person(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    new: &NewPerson,
) -> Result<person::Model, DomainError> {
    // The name goes into mail headers and calendar CNs; refuse what they cannot carry.
    let name = PersonName::parse(&new.name).map_err(|e| DomainError::Validation {
        field: "name",
        message: match e {
            NameError::Empty => "the name is empty".into(),
            NameError::TooLong => format!(
                "the name is longer than {} characters",
                PersonName::MAX_CHARS
            ),
            NameError::Unusable => {
                "the name holds a line break or another control character".into()
            }
        },
    })?;
    let taken = person::Entity::find()
        .filter(person::Column::Email.eq(new.email.as_str()))
        .one(db)
        .await?;
    if taken.is_some() {
        return Err(DomainError::Conflict(format!(
            "{} already exists",
            new.email
        )));
    }
    Ok(person::ActiveModel {
        taskforce_id: Set(new.taskforce_id),
        name: Set(name.as_str().to_string()),
        title: Set(new.title.trim().to_string()),
        organisation: Set(new.organisation.trim().to_string()),
        sector: Set(new.sector),
        email: Set(new.email.as_str().to_string()),
        language: Set(new.language),
        role: Set(new.role),
        sort_order: Set(new.sort_order),
        created_at: Set(now),
        lead: Set(new.lead),
        deputy_for_id: Set(new.deputy_for_id),
        version: Set(1),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

/// Gives a person a sign-in with the given (already hashed) password.
pub async fn create_account(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    person_id: i32,
    password_hash: String,
) -> Result<user_account::Model, DomainError> {
    Ok(user_account::ActiveModel {
        person_id: Set(person_id),
        password_hash: Set(password_hash),
        created_at: Set(now),
        last_login_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await?)
}

pub async fn set_password(
    db: &impl ConnectionTrait,
    email: &EmailAddress,
    password: String,
) -> Result<(), DomainError> {
    check_password(&password)?;
    let found = person::Entity::find()
        .filter(person::Column::Email.eq(email.as_str()))
        .find_also_related(user_account::Entity)
        .one(db)
        .await?;
    let Some((_, Some(account))) = found else {
        return Err(DomainError::NotFound);
    };
    let mut update: user_account::ActiveModel = account.into();
    update.password_hash = Set(hash_password(password).await?);
    update.update(db).await?;
    Ok(())
}

/// Everyone who can sign in, for the CLI (trusted: it runs on the server). The people page
/// has its own list (`edit::roster`).
pub async fn list_accounts(db: &impl ConnectionTrait) -> Result<Vec<AccountRow>, DomainError> {
    let rows = person::Entity::find()
        .find_also_related(user_account::Entity)
        .order_by_asc(person::Column::SortOrder)
        .order_by_asc(person::Column::Name)
        .all(db)
        .await?;
    rows.into_iter()
        .filter_map(|(person, account)| account.map(|a| (person, a)))
        .map(|(person, account)| {
            Ok(AccountRow {
                role: person.role,
                name: person.name,
                email: person.email,
                last_login_at: account.last_login_at,
            })
        })
        .collect()
}

pub async fn set_language(
    db: &impl ConnectionTrait,
    person_id: i32,
    lang: Lang,
) -> Result<(), DomainError> {
    let Some(found) = person::Entity::find_by_id(person_id).one(db).await? else {
        return Err(DomainError::NotFound);
    };
    let mut update: person::ActiveModel = found.into();
    update.language = Set(lang);
    update.update(db).await?;
    Ok(())
}

pub async fn language_of(db: &impl ConnectionTrait, person_id: i32) -> Result<Lang, DomainError> {
    let found = person::Entity::find_by_id(person_id).one(db).await?;
    Ok(found.map(|p| p.language).unwrap_or_default())
}

/// The person's calendar feed token; a new one when `renew` (the old address stops working).
pub async fn feed_token(
    db: &impl ConnectionTrait,
    person_id: i32,
    renew: bool,
) -> Result<String, DomainError> {
    let found = person::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    if let (Some(token), false) = (&found.feed_token, renew) {
        return Ok(token.clone());
    }
    let token = crate::server::auth::hex(&rand::random::<[u8; 24]>());
    let mut update: person::ActiveModel = found.into();
    update.feed_token = Set(Some(token.clone()));
    update.update(db).await?;
    Ok(token)
}

/// Secretariat staff choose whether they are invited to the meetings too.
pub async fn set_invitation_opt_in(
    db: &impl ConnectionTrait,
    access: &SecretariatAccess,
    on: bool,
) -> Result<(), DomainError> {
    let found = person::Entity::find_by_id(access.user().person_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let mut update: person::ActiveModel = found.into();
    update.invitation_opt_in = Set(on);
    update.update(db).await?;
    Ok(())
}

pub async fn invitation_opt_in(
    db: &impl ConnectionTrait,
    person_id: i32,
) -> Result<bool, DomainError> {
    Ok(person::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .is_some_and(|p| p.invitation_opt_in))
}
