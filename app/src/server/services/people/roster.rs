//! The roster as the secretariat keeps it: deactivating and reactivating a person, and
//! changing a role, under the rules that protect the taskforce's access.
//!
//! - Only the secretariat changes people (every function takes a [`SecretariatAccess`]).
//! - Nobody changes their own role; the last active secretariat person can be neither
//!   deactivated nor given another role.
//! - Deactivation refuses sign-in, ends the person's sessions and takes them off upcoming
//!   meetings (each gets their own CANCEL); nothing they did is deleted.
//! - Invitations follow the roster: someone who comes (back) onto the taskforce, or is given
//!   a seat on it, is invited to the upcoming published meetings.
//! - Every change is in the audit log, with the person it is about.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, Set,
};

use crate::model::Role;
use crate::model::forms::FormProblem;
use crate::server::auth::SecretariatAccess;
use crate::server::entities::person;
use crate::server::error::DomainError;
use crate::server::services::audit;
use crate::server::services::invitations::{self, MailContext};
use crate::server::services::people::sessions;

/// A person, or NotFound.
pub(super) async fn find(
    db: &impl ConnectionTrait,
    person_id: i32,
) -> Result<person::Model, DomainError> {
    person::Entity::find_by_id(person_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)
}

/// The person as the form saw them, or Stale when someone changed them meanwhile.
pub(super) fn expect_version(found: &person::Model, expected: i32) -> Result<(), DomainError> {
    if found.version == expected {
        Ok(())
    } else {
        Err(DomainError::Stale)
    }
}

/// Whether `found` is the only active secretariat person.
pub(super) async fn is_last_secretariat(
    db: &impl ConnectionTrait,
    found: &person::Model,
) -> Result<bool, DomainError> {
    if found.role != Role::Secretariat || found.deactivated_at.is_some() {
        return Ok(false);
    }
    let others = person::Entity::find()
        .filter(person::Column::Role.eq(Role::Secretariat))
        .filter(person::Column::DeactivatedAt.is_null())
        .filter(person::Column::Id.ne(found.id))
        .count(db)
        .await?;
    Ok(others == 0)
}

/// Writes the change with the version raised by one.
pub(super) async fn save(
    db: &impl ConnectionTrait,
    found: &person::Model,
    change: impl FnOnce(&mut person::ActiveModel),
) -> Result<person::Model, DomainError> {
    let mut update: person::ActiveModel = found.clone().into();
    change(&mut update);
    update.version = Set(found.version + 1);
    Ok(update.update(db).await?)
}

/// Deactivates a person: sign-in refused, sessions ended, taken off upcoming meetings (a
/// CANCEL each where they were invited). Their history stays. Deactivating twice is harmless.
pub async fn deactivate(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    person_id: i32,
    expected_version: i32,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let found = find(&txn, person_id).await?;
    if found.deactivated_at.is_some() {
        return Ok(());
    }
    expect_version(&found, expected_version)?;
    if is_last_secretariat(&txn, &found).await? {
        return Err(DomainError::Form(vec![(
            "active",
            FormProblem::LastSecretariat,
        )]));
    }
    save(&txn, &found, |p| p.deactivated_at = Set(Some(now))).await?;
    let ended = sessions::end_sessions_of(&txn, person_id).await?;
    let cancelled = invitations::leave_upcoming_in(&txn, access, ctx, now, person_id).await?;
    audit::record_person(
        &txn,
        person_id,
        access.user(),
        now,
        "person.deactivated",
        format!(
            "{}: {ended} sessions ended, taken off {cancelled} meetings",
            found.email
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Lets a deactivated person sign in again; a member of the taskforce is invited to the
/// upcoming published meetings again.
pub async fn reactivate(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    person_id: i32,
    expected_version: i32,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let found = find(&txn, person_id).await?;
    if found.deactivated_at.is_none() {
        return Ok(());
    }
    expect_version(&found, expected_version)?;
    let back = save(&txn, &found, |p| p.deactivated_at = Set(None)).await?;
    let invited = if back.role.sits_on_taskforce() {
        invitations::join_upcoming_in(&txn, access, ctx, now, &back).await?
    } else {
        0
    };
    audit::record_person(
        &txn,
        person_id,
        access.user(),
        now,
        "person.reactivated",
        format!("{}: invited to {invited} meetings", found.email),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A role, and for a deputy the member they stand in for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat {
    pub role: Role,
    pub deputy_for: Option<i32>,
}

/// Gives a person another role. Nobody changes their own; the last active secretariat
/// person keeps theirs. Invitations follow: a seat on the taskforce gained is an invitation
/// to each upcoming published meeting, a seat lost a CANCEL.
pub async fn change_role(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    person_id: i32,
    expected_version: i32,
    seat: Seat,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let found = find(&txn, person_id).await?;
    expect_version(&found, expected_version)?;
    let Some((changed, meetings)) = seat_in(&txn, access, ctx, now, &found, seat).await? else {
        return Ok(());
    };
    audit::record_person(
        &txn,
        person_id,
        access.user(),
        now,
        "person.role_changed",
        format!(
            "{}: {} → {}; {meetings} meetings follow",
            found.email,
            found.role.as_str(),
            changed.role.as_str()
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Gives `found` the seat, under the rules, in the caller's transaction; `None` when it
/// already has it. Returns the person as saved and how many meetings followed (invited to or
/// taken off).
pub(super) async fn seat_in(
    txn: &impl ConnectionTrait,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    found: &person::Model,
    seat: Seat,
) -> Result<Option<(person::Model, usize)>, DomainError> {
    let Seat { role, deputy_for } = seat;
    let person_id = found.id;
    if found.role == role && found.deputy_for_id == deputy_for {
        return Ok(None);
    }
    if person_id == access.user().person_id && found.role != role {
        return Err(DomainError::Form(vec![("role", FormProblem::OwnRole)]));
    }
    if role != Role::Secretariat && is_last_secretariat(txn, found).await? {
        return Err(DomainError::Form(vec![(
            "role",
            FormProblem::LastSecretariat,
        )]));
    }
    let deputy_for = match (role, deputy_for) {
        (Role::Deputy, None) => {
            return Err(DomainError::Form(vec![(
                "deputy_for",
                FormProblem::DeputyForRequired,
            )]));
        }
        (Role::Deputy, Some(member_id)) => {
            check_stands_in_for(txn, member_id, Some(person_id)).await?;
            Some(member_id)
        }
        _ => None,
    };
    let changed = save(txn, found, |p| {
        p.role = Set(role);
        p.deputy_for_id = Set(deputy_for);
        if role != Role::Secretariat {
            p.lead = Set(false);
        }
    })
    .await?;
    let before = found.deactivated_at.is_none() && found.role.sits_on_taskforce();
    let after = changed.deactivated_at.is_none() && changed.role.sits_on_taskforce();
    let meetings = match (before, after) {
        (false, true) => invitations::join_upcoming_in(txn, access, ctx, now, &changed).await?,
        (true, false) => invitations::leave_upcoming_in(txn, access, ctx, now, person_id).await?,
        _ => 0,
    };
    Ok(Some((changed, meetings)))
}

/// A deputy stands in for an active chair or member, never for themselves.
pub(super) async fn check_stands_in_for(
    db: &impl ConnectionTrait,
    member_id: i32,
    deputy_id: Option<i32>,
) -> Result<(), DomainError> {
    let member = person::Entity::find_by_id(member_id).one(db).await?;
    if member.is_some_and(|m| {
        m.deactivated_at.is_none() && m.role.sits_on_taskforce() && Some(m.id) != deputy_id
    }) {
        Ok(())
    } else {
        Err(DomainError::Form(vec![(
            "deputy_for",
            FormProblem::DeputyForUnknown,
        )]))
    }
}
