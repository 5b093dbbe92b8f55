//! A meeting as its page shows it to a viewer, and what the viewer may do there.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::model::agenda::{AgendaItemView, item_starts};
use crate::model::meetings::{MeetingDetail, MeetingPermissions, PersonOption, Transition};
use crate::model::papers::{PaperVersionView, PaperView};
use crate::model::{CurrentUser, MeetingStatus, Role};
use crate::server::entities::{agenda_item, meeting, paper, paper_version, person};
use crate::server::error::DomainError;
use crate::server::markdown;
use crate::server::services::agenda::agenda_editable;
use crate::server::services::meetings;

/// Closed items (lukket punkt) are read by the secretariat and the chair only.
pub fn may_read_closed(role: Role) -> bool {
    matches!(role, Role::Secretariat | Role::Chair)
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
    let may = |step: Transition| meetings::allowed(role, step) && step.reaches(status).is_some();
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
