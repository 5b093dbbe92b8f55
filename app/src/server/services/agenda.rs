//! The meeting page: a meeting with its agenda, papers and what the viewer may do; and the
//! secretariat's changes to the agenda. Every change is audited in the same transaction.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::agenda::{
    AgendaItemView, ItemDraft, ItemKind, MeetingDetail, MeetingPermissions, PaperVersionView,
    PaperView, PersonOption, Standing, Transition, item_starts,
};
use crate::model::{CurrentUser, MeetingStatus, Role};
use crate::server::auth::SecretariatAccess;
use crate::server::entities::{agenda_item, meeting, paper, paper_version, person};
use crate::server::error::DomainError;
use crate::server::markdown;
use crate::server::services::{audit, meeting_admin, meetings};

mod places;

/// Closed items (lukket punkt) are read by the secretariat and the chair only.
pub fn may_read_closed(role: Role) -> bool {
    matches!(role, Role::Secretariat | Role::Chair)
}

/// The agenda can change until the meeting has been held.
pub fn agenda_editable(status: MeetingStatus) -> bool {
    status < MeetingStatus::Held
}

/// A meeting the viewer may see, or NotFound — a hidden meeting does not reveal that it exists.
pub async fn visible_meeting(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    meeting_id: i32,
) -> Result<meeting::Model, DomainError> {
    let found = meeting::Entity::find_by_id(meeting_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    if viewer.role.may_see_meeting(found.status) {
        Ok(found)
    } else {
        Err(DomainError::NotFound)
    }
}

/// The whole meeting page in five queries, however many items and papers it has.
pub async fn meeting_detail(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    meeting_id: i32,
) -> Result<MeetingDetail, DomainError> {
    let row = visible_meeting(db, viewer, meeting_id).await?;
    let items = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .order_by_asc(agenda_item::Column::Position)
        .all(db)
        .await?;
    let item_ids: Vec<i32> = items.iter().map(|i| i.id).collect();
    let papers = paper::Entity::find()
        .filter(paper::Column::AgendaItemId.is_in(item_ids))
        .order_by_asc(paper::Column::Id)
        .all(db)
        .await?;
    let paper_ids: Vec<i32> = papers.iter().map(|p| p.id).collect();
    let versions = paper_version::Entity::find()
        .filter(paper_version::Column::PaperId.is_in(paper_ids))
        .order_by_desc(paper_version::Column::VersionNo)
        .all(db)
        .await?;
    let people = person::Entity::find()
        .order_by_asc(person::Column::SortOrder)
        .all(db)
        .await?;
    let names: HashMap<i32, String> = people.iter().map(|p| (p.id, p.name.clone())).collect();

    let mut versions_by_paper: HashMap<i32, Vec<PaperVersionView>> = HashMap::new();
    for v in versions {
        versions_by_paper
            .entry(v.paper_id)
            .or_default()
            .push(PaperVersionView {
                id: v.id,
                version_no: v.version_no,
                original_name: v.original_name,
                content_type: v.content_type,
                size_bytes: v.size_bytes,
                uploaded_at: v.uploaded_at,
            });
    }
    let mut papers_by_item: HashMap<i32, Vec<PaperView>> = HashMap::new();
    for p in papers {
        papers_by_item
            .entry(p.agenda_item_id)
            .or_default()
            .push(PaperView {
                id: p.id,
                versions: versions_by_paper.remove(&p.id).unwrap_or_default(),
                title: p.title,
            });
    }

    let durations: Vec<i32> = items.iter().map(|i| i.duration_minutes).collect();
    let (starts, agenda_ends_at) = item_starts(row.starts_at, &durations);
    let reads_closed = may_read_closed(viewer.role);
    let views = items
        .into_iter()
        .zip(starts)
        .enumerate()
        .map(|(index, (item, starts_at))| {
            item_view(
                item,
                index + 1,
                starts_at,
                reads_closed,
                &names,
                &mut papers_by_item,
            )
        })
        .collect::<Result<Vec<_>, DomainError>>()?;

    let summary = meetings::summary(row.clone());
    let can = permissions(viewer.role, summary.status, row.approved_at.is_some());
    Ok(MeetingDetail {
        overrun_minutes: (agenda_ends_at - summary.ends_at).num_minutes(),
        agenda_ends_at,
        version: row.version,
        review_comment: row.review_comment,
        approved: row.approved_at.is_some(),
        cancelled: row.cancelled_at.is_some(),
        items: views,
        people: if viewer.role.is_secretariat() {
            people
                .into_iter()
                .map(|p| PersonOption {
                    id: p.id,
                    name: p.name,
                })
                .collect()
        } else {
            Vec::new()
        },
        meeting: summary,
        can,
        starts_in: None,
    })
}

fn item_view(
    item: agenda_item::Model,
    number: usize,
    starts_at: DateTime<Utc>,
    reads_closed: bool,
    names: &HashMap<i32, String>,
    papers_by_item: &mut HashMap<i32, Vec<PaperView>>,
) -> Result<AgendaItemView, DomainError> {
    let kind = item.kind;
    let restricted = item.closed && !reads_closed;
    let papers = papers_by_item.remove(&item.id).unwrap_or_default();
    if restricted {
        return Ok(AgendaItemView {
            id: item.id,
            number,
            kind,
            title: String::new(),
            resume: String::new(),
            resume_html: String::new(),
            indstilling: None,
            presenter_id: None,
            presenter_name: None,
            duration_minutes: item.duration_minutes,
            closed: true,
            restricted: true,
            standing: None,
            version: item.version,
            starts_at,
            papers: Vec::new(),
        });
    }
    Ok(AgendaItemView {
        id: item.id,
        number,
        kind,
        resume_html: markdown::render(&item.resume),
        resume: item.resume,
        title: item.title,
        indstilling: item.indstilling,
        presenter_name: item.presenter_id.and_then(|id| names.get(&id).cloned()),
        presenter_id: item.presenter_id,
        duration_minutes: item.duration_minutes,
        closed: item.closed,
        restricted: false,
        standing: item.standing,
        version: item.version,
        starts_at,
        papers,
    })
}

/// The buttons follow the lifecycle table and who may take each step.
pub fn permissions(role: Role, status: MeetingStatus, approved: bool) -> MeetingPermissions {
    let secretariat = role == Role::Secretariat;
    let may =
        |step: Transition| meeting_admin::allowed(role, step) && step.reaches(status).is_some();
    MeetingPermissions {
        edit: secretariat && agenda_editable(status),
        submit_for_review: may(Transition::SubmitForReview),
        review: may(Transition::Approve) && !approved,
        publish: may(Transition::Publish) && approved,
        mark_held: may(Transition::MarkHeld),
        close: may(Transition::Close),
        read_audit: secretariat,
    }
}

/// The standing items every new meeting gets, in order.
pub fn standing_items() -> [(Standing, ItemKind, &'static str, Option<&'static str>, i32); 3] {
    [
        (
            Standing::Approval,
            ItemKind::B,
            "Godkendelse af dagsorden",
            Some("Det indstilles, at taskforcen godkender dagsordenen."),
            5,
        ),
        (
            Standing::FollowUp,
            ItemKind::O,
            "Opfølgning på handlinger fra sidste møde",
            None,
            10,
        ),
        (Standing::Aob, ItemKind::D, "Eventuelt", None, 5),
    ]
}

/// The meeting, locked for this transaction, if its agenda may still change.
async fn editable_meeting(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> Result<meeting::Model, DomainError> {
    let row = places::lock_meeting(db, meeting_id).await?;
    if agenda_editable(row.status) {
        Ok(row)
    } else {
        Err(DomainError::WrongStatus)
    }
}

/// The service re-checks what the form checked: a draft built any other way obeys the rules too.
async fn check_draft(db: &impl ConnectionTrait, draft: &ItemDraft) -> Result<(), DomainError> {
    if draft.kind == ItemKind::B
        && draft
            .indstilling
            .as_deref()
            .is_none_or(|s| s.trim().is_empty())
    {
        return Err(DomainError::Form(vec![(
            "indstilling",
            crate::model::agenda::FormProblem::IndstillingRequired,
        )]));
    }
    if draft.duration_minutes < 1 {
        return Err(DomainError::Form(vec![(
            "duration",
            crate::model::agenda::FormProblem::DurationOutOfRange,
        )]));
    }
    if let Some(id) = draft.presenter_id
        && person::Entity::find_by_id(id).one(db).await?.is_none()
    {
        return Err(DomainError::Form(vec![(
            "presenter_id",
            crate::model::agenda::FormProblem::PresenterUnknown,
        )]));
    }
    Ok(())
}

/// A changed agenda needs the chair's approval again.
async fn withdraw_approval(
    db: &impl ConnectionTrait,
    row: &meeting::Model,
) -> Result<(), DomainError> {
    if row.approved_at.is_some() && row.status == MeetingStatus::InReview {
        meeting::Entity::update_many()
            .col_expr(
                meeting::Column::ApprovedAt,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .filter(meeting::Column::Id.eq(row.id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// Adds an item before "Eventuelt", which stays last, in a transaction of its own.
pub async fn add_item(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    meeting_id: i32,
    draft: ItemDraft,
) -> Result<i32, DomainError> {
    crate::server::db::retry_unique_violations(|| async {
        let txn = crate::server::db::begin_write(db).await?;
        let inserted = add_item_in(&txn, access, now, meeting_id, &draft).await?;
        txn.commit().await?;
        Ok(inserted)
    })
    .await
}

/// Adds an item before "Eventuelt" (or last, without one) inside the caller's transaction.
pub async fn add_item_in(
    txn: &impl ConnectionTrait,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    meeting_id: i32,
    draft: &ItemDraft,
) -> Result<i32, DomainError> {
    let row = editable_meeting(txn, meeting_id).await?;
    check_draft(txn, draft).await?;
    let items = places::in_order(txn, meeting_id).await?;
    let before = items
        .iter()
        .position(|i| i.standing == Some(Standing::Aob))
        .unwrap_or(items.len());
    let position = places::make_room(txn, &items, before).await?;
    let inserted = insert_item(txn, now, meeting_id, position, draft, None).await?;
    withdraw_approval(txn, &row).await?;
    audit::record(
        txn,
        meeting_id,
        access.user(),
        now,
        "item.added",
        format!("{} {}", draft.kind.as_str(), draft.title),
    )
    .await?;
    Ok(inserted)
}

pub async fn insert_item(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    meeting_id: i32,
    position: i32,
    draft: &ItemDraft,
    standing: Option<Standing>,
) -> Result<i32, DomainError> {
    let model = agenda_item::ActiveModel {
        meeting_id: Set(meeting_id),
        position: Set(position),
        kind: Set(draft.kind),
        title: Set(draft.title.clone()),
        resume: Set(draft.resume.clone()),
        indstilling: Set(draft.indstilling.clone()),
        presenter_id: Set(draft.presenter_id),
        duration_minutes: Set(draft.duration_minutes),
        closed: Set(draft.closed),
        standing: Set(standing),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(model.id)
}

/// Saves an item if nobody changed it since `expected_version` was read; otherwise `Stale`.
pub async fn update_item(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    expected_version: i32,
    draft: ItemDraft,
) -> Result<(), DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    update_item_in(&txn, access, now, item_id, expected_version, draft).await?;
    txn.commit().await?;
    Ok(())
}

/// The same inside the caller's transaction.
pub async fn update_item_in(
    txn: &impl ConnectionTrait,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    expected_version: i32,
    draft: ItemDraft,
) -> Result<(), DomainError> {
    let (current, row) = editable_item(txn, item_id).await?;
    check_draft(txn, &draft).await?;
    let result = agenda_item::Entity::update_many()
        .col_expr(agenda_item::Column::Kind, Expr::value(draft.kind))
        .col_expr(agenda_item::Column::Title, Expr::value(draft.title.clone()))
        .col_expr(
            agenda_item::Column::Resume,
            Expr::value(draft.resume.clone()),
        )
        .col_expr(
            agenda_item::Column::Indstilling,
            Expr::value(draft.indstilling.clone()),
        )
        .col_expr(
            agenda_item::Column::PresenterId,
            Expr::value(draft.presenter_id),
        )
        .col_expr(
            agenda_item::Column::DurationMinutes,
            Expr::value(draft.duration_minutes),
        )
        .col_expr(agenda_item::Column::Closed, Expr::value(draft.closed))
        .col_expr(
            agenda_item::Column::Version,
            Expr::value(expected_version + 1),
        )
        .col_expr(agenda_item::Column::UpdatedAt, Expr::value(now))
        .filter(agenda_item::Column::Id.eq(item_id))
        .filter(agenda_item::Column::Version.eq(expected_version))
        .exec(txn)
        .await?;
    if result.rows_affected == 0 {
        return Err(DomainError::Stale);
    }
    let details = audit::changes(&[
        (
            "type",
            current.kind.as_str().to_string(),
            draft.kind.as_str().to_string(),
        ),
        ("title", current.title.clone(), draft.title.clone()),
        ("resume", current.resume.clone(), draft.resume.clone()),
        (
            "indstilling",
            current.indstilling.clone().unwrap_or_default(),
            draft.indstilling.clone().unwrap_or_default(),
        ),
        (
            "presenter",
            format!("{:?}", current.presenter_id),
            format!("{:?}", draft.presenter_id),
        ),
        (
            "duration",
            current.duration_minutes.to_string(),
            draft.duration_minutes.to_string(),
        ),
        (
            "closed",
            current.closed.to_string(),
            draft.closed.to_string(),
        ),
    ]);
    withdraw_approval(txn, &row).await?;
    audit::record(
        txn,
        current.meeting_id,
        access.user(),
        now,
        "item.updated",
        format!("{}: {details}", current.title),
    )
    .await?;
    Ok(())
}

/// Removes an item with its papers; their files in `files_dir` go once the removal commits.
pub async fn remove_item(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    files_dir: &std::path::Path,
) -> Result<i32, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let (current, row) = editable_item(&txn, item_id).await?;
    let files = crate::server::services::papers::stored_names_on_item(&txn, item_id).await?;
    agenda_item::Entity::delete_by_id(item_id)
        .exec(&txn)
        .await?;
    places::close_up(&txn, current.meeting_id).await?;
    withdraw_approval(&txn, &row).await?;
    audit::record(
        &txn,
        current.meeting_id,
        access.user(),
        now,
        "item.removed",
        current.title.clone(),
    )
    .await?;
    txn.commit().await?;
    crate::server::files::remove_stored(files_dir, &files).await;
    Ok(current.meeting_id)
}

/// Where an item goes on its agenda.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// One place up (the buttons).
    Up,
    /// One place down (the buttons).
    Down,
    /// To this place, counting from 1 (drag and drop); beyond the end means last.
    To(usize),
}

/// Moves an item on its agenda; the others close up behind it. Moving the first item up or
/// the last down changes nothing.
pub async fn move_item(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    placement: Placement,
) -> Result<i32, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let done = move_item_in(&txn, access, now, item_id, placement).await?;
    txn.commit().await?;
    Ok(done)
}

/// The same inside the caller's transaction.
pub async fn move_item_in(
    txn: &impl ConnectionTrait,
    access: &SecretariatAccess,
    now: DateTime<Utc>,
    item_id: i32,
    placement: Placement,
) -> Result<i32, DomainError> {
    let (current, row) = editable_item(txn, item_id).await?;
    let mut items = places::in_order(txn, current.meeting_id).await?;
    let from = items
        .iter()
        .position(|i| i.id == item_id)
        .ok_or(DomainError::NotFound)?;
    let last = items.len() - 1;
    let to = match placement {
        Placement::Up => from.saturating_sub(1),
        Placement::Down => (from + 1).min(last),
        Placement::To(place) => place.clamp(1, last + 1) - 1,
    };
    if to != from {
        let moved = items.remove(from);
        items.insert(to, moved);
        places::renumber(txn, &items).await?;
        withdraw_approval(txn, &row).await?;
        audit::record(
            txn,
            current.meeting_id,
            access.user(),
            now,
            "item.moved",
            format!("{}: {} → {}", current.title, from + 1, to + 1),
        )
        .await?;
    }
    Ok(current.meeting_id)
}

/// An item whose meeting's agenda may still change.
pub async fn agenda_editable_item(
    db: &impl ConnectionTrait,
    item_id: i32,
) -> Result<agenda_item::Model, DomainError> {
    Ok(editable_item(db, item_id).await?.0)
}

/// An item and its meeting (locked for this transaction), if the meeting's agenda may still
/// change. The item is read again under the lock: what was read before it may be stale.
async fn editable_item(
    db: &impl ConnectionTrait,
    item_id: i32,
) -> Result<(agenda_item::Model, meeting::Model), DomainError> {
    let find = || async {
        agenda_item::Entity::find_by_id(item_id)
            .one(db)
            .await?
            .ok_or(DomainError::NotFound)
    };
    let row = editable_meeting(db, find().await?.meeting_id).await?;
    Ok((find().await?, row))
}
