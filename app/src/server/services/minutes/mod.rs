//! Minutes (referat), taken against the agenda while the meeting runs and after it: each
//! item's outcome, numbered decisions (`decisions`) and actions (`actions`).
//!
//! - The secretariat writes; the meeting must be under way (published and started) or held.
//!   Minutes of a meeting whose minutes are approved, or that is closed, are locked.
//! - An outcome is saved against the version the form was made from; a save made from an
//!   older one is refused (Stale) with the text kept in the form, never written over
//!   someone else's.
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::model::MeetingStatus;
use crate::model::agenda::item_starts;
use crate::model::forms::FormProblem;
use crate::model::minutes::{MinutesItem, MinutesView, OutcomeForm, outcome_text, starting_text};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::{agenda_item, item_outcome, meeting, person};
use crate::server::error::DomainError;
use crate::server::services::agenda::places::{in_order, lock_meeting};
use crate::server::services::audit;

pub mod actions;
pub mod decisions;

/// Whether minutes can be written for the meeting at `now`.
pub fn minutes_editable(m: &meeting::Model, now: DateTime<Utc>) -> bool {
    m.cancelled_at.is_none()
        && match m.status {
            MeetingStatus::Published => now >= m.starts_at,
            MeetingStatus::Held => true,
            _ => false,
        }
}

/// The meeting, locked for writing its minutes, or WrongStatus.
pub(crate) async fn editable_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i32,
    now: DateTime<Utc>,
) -> Result<meeting::Model, DomainError> {
    let m = lock_meeting(db, meeting_id).await?;
    if minutes_editable(&m, now) {
        Ok(m)
    } else {
        Err(DomainError::WrongStatus)
    }
}

/// The item and its meeting, locked for writing.
pub(crate) async fn editable_item(
    db: &impl ConnectionTrait,
    item_id: i32,
    now: DateTime<Utc>,
) -> Result<(meeting::Model, agenda_item::Model), DomainError> {
    let item = agenda_item::Entity::find_by_id(item_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let m = editable_meeting(db, item.meeting_id, now).await?;
    Ok((m, item))
}

/// The minute-taking page.
pub async fn view(
    db: &impl ConnectionTrait,
    _access: &SecretariatAccess,
    now: DateTime<Utc>,
    meeting_id: i32,
) -> Result<MinutesView, DomainError> {
    let m = meeting::Entity::find_by_id(meeting_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let items = in_order(db, meeting_id).await?;
    let outcomes = item_outcome::Entity::find()
        .filter(item_outcome::Column::AgendaItemId.is_in(items.iter().map(|i| i.id)))
        .all(db)
        .await?;
    let mut decisions = decisions::of_meeting(db, &m).await?;
    let mut actions = actions::of_meeting(db, &m, now.date_naive()).await?;
    let durations: Vec<i32> = items.iter().map(|i| i.duration_minutes).collect();
    let (starts, _) = item_starts(m.starts_at, &durations);
    let running = m.status == MeetingStatus::Published && now >= m.starts_at && now < m.ends_at;
    let current_item = running
        .then(|| {
            items
                .iter()
                .zip(&starts)
                .rev()
                .find(|(_, start)| **start <= now)
                .map(|(item, _)| item.id)
        })
        .flatten();
    let people = person::Entity::find()
        .filter(person::Column::DeactivatedAt.is_null())
        .all(db)
        .await?;
    let mut people: Vec<(i32, String)> = people.into_iter().map(|p| (p.id, p.name)).collect();
    people.sort_by(|a, b| a.1.cmp(&b.1));
    let items = items
        .into_iter()
        .zip(starts)
        .enumerate()
        .map(|(index, (item, planned_start))| {
            let saved = outcomes.iter().find(|o| o.agenda_item_id == item.id);
            MinutesItem {
                id: item.id,
                number: index + 1,
                kind: item.kind,
                title: item.title,
                closed: item.closed,
                planned_start,
                duration_minutes: item.duration_minutes,
                outcome: saved.map_or_else(
                    || starting_text(item.kind, item.indstilling.as_deref()),
                    |o| o.text.clone(),
                ),
                outcome_version: saved.map(|o| o.version),
                indstilling: item.indstilling,
                decisions: take(&mut decisions, |d| d.item_id == Some(item.id)),
                actions: take(&mut actions, |a| a.item_id == Some(item.id)),
            }
        })
        .collect();
    Ok(MinutesView {
        meeting_id: m.id,
        meeting_number: m.number,
        title: m.title.clone(),
        starts_at: m.starts_at,
        ends_at: m.ends_at,
        editable: minutes_editable(&m, now),
        current_item,
        items,
        people,
    })
}

/// Moves the rows that match out of `all`, keeping their order.
fn take<T>(all: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Vec<T> {
    let (taken, rest): (Vec<T>, Vec<T>) = std::mem::take(all).into_iter().partition(|x| matches(x));
    *all = rest;
    taken
}

/// Saves an item's outcome; refused as Stale when it changed since the form was made.
/// Returns the new version.
pub async fn save_outcome(
    db: &sea_orm::DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    form: &OutcomeForm,
) -> Result<i32, DomainError> {
    let text = outcome_text(&form.text).map_err(|p| DomainError::Form(vec![("text", p)]))?;
    let txn = crate::server::db::begin_write(db).await?;
    let (m, item) = editable_item(&txn, form.item_id, now).await?;
    let saved = item_outcome::Entity::find()
        .filter(item_outcome::Column::AgendaItemId.eq(item.id))
        .one(&txn)
        .await?;
    let version = match (saved, form.version) {
        (None, None) => {
            item_outcome::ActiveModel {
                agenda_item_id: Set(item.id),
                text: Set(text.clone()),
                version: Set(1),
                updated_at: Set(now),
                updated_by: Set(Some(access.user().person_id)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            1
        }
        (Some(saved), Some(expected)) if saved.version == expected => {
            if saved.text == text {
                return Ok(saved.version);
            }
            let changed = item_outcome::Entity::update_many()
                .col_expr(item_outcome::Column::Text, Expr::value(text.clone()))
                .col_expr(item_outcome::Column::Version, Expr::value(expected + 1))
                .col_expr(item_outcome::Column::UpdatedAt, Expr::value(now))
                .col_expr(
                    item_outcome::Column::UpdatedBy,
                    Expr::value(Some(access.user().person_id)),
                )
                .filter(item_outcome::Column::Id.eq(saved.id))
                .filter(item_outcome::Column::Version.eq(expected))
                .exec(&txn)
                .await?;
            if changed.rows_affected == 0 {
                return Err(DomainError::Stale);
            }
            expected + 1
        }
        _ => return Err(DomainError::Stale),
    };
    audit::record(
        &txn,
        m.id,
        access.user(),
        now,
        "minutes.outcome",
        format!("{}: version {version}", item.title),
    )
    .await?;
    txn.commit().await?;
    Ok(version)
}

/// A too-long or empty text as the form shows it.
pub(crate) fn text_problem(field: &'static str, problem: FormProblem) -> DomainError {
    DomainError::Form(vec![(field, problem)])
}
