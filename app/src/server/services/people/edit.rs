//! Adding and editing people from the people page, and what the page lists.
//!
//! - A new person gets a sign-in without a password and a welcome mail with a link to choose
//!   one; a new chair or member is invited to the upcoming published meetings.
//! - Editing follows the roster's rules for the role (see `roster`); a new address ends the
//!   person's sessions, voids their open links and tells both addresses.
//! - A form saved against an older version of the person is refused (Stale), never applied
//!   over someone else's change.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::i18n::{fill, texts};
use crate::model::forms::FormProblem;
use crate::model::people::{LinkPurpose, PersonDraft, Roster, RosterRow};
use crate::server::auth::SecretariatAccess;
use crate::server::calendar::Party;
use crate::server::entities::{invitee, person, user_account};
use crate::server::error::DomainError;
use crate::server::mail::MailKind;
use crate::server::notice::Notice;
use crate::server::services::audit;
use crate::server::services::invitations::{self, MailContext, organizer};
use crate::server::services::people::accounts::{self, NewPerson};
use crate::server::services::people::links;
use crate::server::services::people::roster::{self, Seat};
use crate::server::services::people::sessions;
use crate::server::services::taskforce::the_taskforce;

/// Everyone on the people page, active first in the taskforce's order, and the members a
/// deputy can stand in for.
pub async fn roster(
    db: &impl ConnectionTrait,
    _access: &SecretariatAccess,
) -> Result<Roster, DomainError> {
    let rows = person::Entity::find()
        .find_also_related(user_account::Entity)
        .order_by_asc(person::Column::SortOrder)
        .order_by_asc(person::Column::Name)
        .all(db)
        .await?;
    let names: std::collections::HashMap<i32, String> =
        rows.iter().map(|(p, _)| (p.id, p.name.clone())).collect();
    let members = rows
        .iter()
        .filter(|(p, _)| p.deactivated_at.is_none() && p.role.sits_on_taskforce())
        .map(|(p, _)| (p.id, p.name.clone()))
        .collect();
    let mut people: Vec<RosterRow> = rows
        .into_iter()
        .map(|(p, account)| RosterRow {
            id: p.id,
            deputy_for: p
                .deputy_for_id
                .and_then(|id| names.get(&id).map(|name| (id, name.clone()))),
            active: p.deactivated_at.is_none(),
            last_login_at: account.as_ref().and_then(|a| a.last_login_at),
            has_password: account.is_some_and(|a| !a.password_hash.is_empty()),
            name: p.name,
            title: p.title,
            organisation: p.organisation,
            sector: p.sector,
            email: p.email,
            role: p.role,
            language: p.language,
            lead: p.lead,
            version: p.version,
        })
        .collect();
    people.sort_by_key(|row| !row.active);
    Ok(Roster { people, members })
}

/// Adds a person from the people page: a sign-in without a password, a welcome mail with a
/// link to choose one, invitations to the upcoming meetings for a chair or member. Returns
/// the new person's id.
pub async fn add_person(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    draft: PersonDraft,
) -> Result<i32, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    if address_taken(&txn, draft.email.as_str(), None).await? {
        return Err(DomainError::Form(vec![("email", FormProblem::EmailTaken)]));
    }
    if let Some(member_id) = draft.deputy_for {
        roster::check_stands_in_for(&txn, member_id, None).await?;
    }
    let tf = the_taskforce(&txn).await?;
    let last: Option<i32> = person::Entity::find()
        .select_only()
        .column_as(person::Column::SortOrder.max(), "last")
        .into_tuple::<Option<i32>>()
        .one(&txn)
        .await?
        .flatten();
    let added = accounts::create_person(
        &txn,
        now,
        &NewPerson {
            taskforce_id: tf.id,
            name: draft.name.as_str().to_string(),
            title: draft.title,
            organisation: draft.organisation,
            sector: draft.sector,
            email: draft.email,
            language: draft.language,
            role: draft.role,
            sort_order: last.map_or(0, |n| n.saturating_add(1)),
            lead: draft.lead,
            deputy_for_id: draft.deputy_for,
        },
    )
    .await?;
    // No password yet: the welcome link is how the person chooses one.
    accounts::create_account(&txn, now, added.id, String::new()).await?;
    links::issue_in(&txn, ctx, now, &added, LinkPurpose::Welcome).await?;
    let invited = if added.role.sits_on_taskforce() {
        invitations::join_upcoming_in(&txn, access, ctx, now, &added).await?
    } else {
        0
    };
    audit::record_person(
        &txn,
        added.id,
        access.user(),
        now,
        "person.added",
        format!(
            "{} as {}; welcome mailed, invited to {invited} meetings",
            added.email,
            added.role.as_str()
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(added.id)
}

/// Whether another person (not `except`) has the address.
async fn address_taken(
    db: &impl ConnectionTrait,
    email: &str,
    except: Option<i32>,
) -> Result<bool, DomainError> {
    let mut query = person::Entity::find().filter(person::Column::Email.eq(email));
    if let Some(id) = except {
        query = query.filter(person::Column::Id.ne(id));
    }
    Ok(query.one(db).await?.is_some())
}

/// Saves the person form over the person as it was at `expected_version`.
pub async fn update_person(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    person_id: i32,
    expected_version: i32,
    draft: PersonDraft,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let found = roster::find(&txn, person_id).await?;
    roster::expect_version(&found, expected_version)?;
    let new_email = draft.email.as_str().to_string();
    let email_changed = new_email != found.email;
    if email_changed && address_taken(&txn, &new_email, Some(person_id)).await? {
        return Err(DomainError::Form(vec![("email", FormProblem::EmailTaken)]));
    }
    let seat = Seat {
        role: draft.role,
        deputy_for: draft.deputy_for,
    };
    let seated = roster::seat_in(&txn, access, ctx, now, &found, seat).await?;
    let current = seated.as_ref().map_or(&found, |(p, _)| p).clone();
    let mut changed: Vec<&str> = Vec::new();
    for (field, differs) in [
        ("name", draft.name.as_str() != found.name),
        ("title", draft.title != found.title),
        ("organisation", draft.organisation != found.organisation),
        ("sector", draft.sector != found.sector),
        ("email", email_changed),
        ("language", draft.language != found.language),
        ("lead", draft.lead != found.lead),
        ("role", seated.is_some()),
    ] {
        if differs {
            changed.push(field);
        }
    }
    if changed.is_empty() {
        return Ok(());
    }
    let lead = draft.lead && current.role == crate::model::Role::Secretariat;
    roster::save(&txn, &current, |p| {
        p.name = Set(draft.name.as_str().to_string());
        p.title = Set(draft.title.clone());
        p.organisation = Set(draft.organisation.clone());
        p.sector = Set(draft.sector);
        p.email = Set(new_email.clone());
        p.language = Set(draft.language);
        p.lead = Set(lead);
    })
    .await?;
    if email_changed {
        sessions::end_sessions_of(&txn, person_id).await?;
        links::void_open_links_in(&txn, now, person_id).await?;
        tell_both_addresses(&txn, ctx, now, &found, &draft).await?;
    }
    if email_changed || draft.name.as_str() != found.name {
        // Messages to come carry the new name and go to the new address; calendars keep
        // the event's UID, so the entry already in a calendar is the one that changes.
        invitee::Entity::update_many()
            .col_expr(invitee::Column::Email, Expr::value(new_email.clone()))
            .col_expr(
                invitee::Column::Name,
                Expr::value(draft.name.as_str().to_string()),
            )
            .filter(invitee::Column::PersonId.eq(person_id))
            .exec(&txn)
            .await?;
    }
    audit::record_person(
        &txn,
        person_id,
        access.user(),
        now,
        "person.updated",
        if email_changed {
            format!("{}: {} (now {new_email})", found.email, changed.join(", "))
        } else {
            format!("{}: {}", found.email, changed.join(", "))
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The notice of a changed address, to the old address and the new one.
async fn tell_both_addresses(
    db: &impl ConnectionTrait,
    ctx: &MailContext,
    now: DateTime<Utc>,
    before: &person::Model,
    draft: &PersonDraft,
) -> Result<(), DomainError> {
    let tf = the_taskforce(db).await?;
    let lang = draft.language;
    let p = texts(lang).people;
    for address in [before.email.as_str(), draft.email.as_str()] {
        let notice = Notice {
            kind: MailKind::AddressChanged,
            lang,
            sender: organizer(&tf, lang),
            recipient: Party {
                name: draft.name.as_str().to_string(),
                email: address.to_string(),
            },
            subject: p.mail_address_subject.to_string(),
            paragraphs: vec![
                fill(
                    p.mail_address_intro,
                    &[("old", &before.email), ("new", draft.email.as_str())],
                ),
                p.mail_address_signed_out.to_string(),
            ],
            link: Some((
                texts(lang).people.sign_in_title.to_string(),
                format!("{}/login", ctx.base_url),
            )),
            after: vec![p.mail_address_not_you.to_string()],
            message_id: links::message_id(ctx, MailKind::AddressChanged),
            date: now,
        };
        links::enqueue_notice(db, now, &notice).await?;
    }
    Ok(())
}

/// Mails a person a new welcome link (the last one expired, or never arrived). Their older
/// open links stop working.
pub async fn resend_welcome(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    ctx: &MailContext,
    now: DateTime<Utc>,
    person_id: i32,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let found = roster::find(&txn, person_id).await?;
    if found.deactivated_at.is_some() {
        return Err(DomainError::WrongStatus);
    }
    links::void_open_links_in(&txn, now, person_id).await?;
    links::issue_in(&txn, ctx, now, &found, LinkPurpose::Welcome).await?;
    audit::record_person(
        &txn,
        person_id,
        access.user(),
        now,
        "person.welcome_sent",
        found.email.clone(),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
