//! Papers (bilag): recording uploaded files and deciding who may download them.
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::model::CurrentUser;
use crate::server::auth::SecretariatAccess;
use crate::server::entities::{agenda_item, paper, paper_version};
use crate::server::error::DomainError;
use crate::server::services::agenda::agenda_editable_item;
use crate::server::services::audit;
use crate::server::services::invitations::{self, MailContext};
use crate::server::services::meetings::{may_read_closed, visible_meeting};

/// A file already checked and stored under `stored_name`.
pub struct StoredFile {
    pub stored_name: String,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
}

/// Adds a paper to an item, or — with `paper_id` — a new version of it; older versions stay.
/// Where an upload goes: an item, and either a new paper (with an optional title) or a new
/// version of an existing one.
pub struct Upload {
    pub item_id: i32,
    pub paper_id: Option<i32>,
    pub title: String,
    pub file: StoredFile,
}

pub async fn add_version(
    db: &DatabaseConnection,
    access: &SecretariatAccess,
    mail: &MailContext,
    now: DateTime<Utc>,
    upload: Upload,
) -> Result<i32, DomainError> {
    let txn = crate::server::db::begin_write(db).await?;
    let done = add_version_in(&txn, access, mail, now, upload).await?;
    txn.commit().await?;
    Ok(done)
}

/// [`add_version`] inside the caller's transaction.
pub async fn add_version_in(
    db: &impl ConnectionTrait,
    access: &SecretariatAccess,
    mail: &MailContext,
    now: DateTime<Utc>,
    upload: Upload,
) -> Result<i32, DomainError> {
    let Upload {
        item_id,
        paper_id,
        title,
        file,
    } = upload;
    let title = title.as_str();
    let item = agenda_editable_item(db, item_id).await?;
    let (paper_id, version_no, label) = match paper_id {
        Some(id) => {
            let existing = paper::Entity::find_by_id(id)
                .filter(paper::Column::AgendaItemId.eq(item_id))
                .one(db)
                .await?
                .ok_or(DomainError::NotFound)?;
            let last = paper_version::Entity::find()
                .filter(paper_version::Column::PaperId.eq(id))
                .order_by_desc(paper_version::Column::VersionNo)
                .one(db)
                .await?;
            (
                id,
                last.map(|v| v.version_no + 1).unwrap_or(1),
                existing.title,
            )
        }
        None => {
            let title = match title.trim() {
                "" => file.original_name.clone(),
                given => given.chars().take(200).collect(),
            };
            let created = paper::ActiveModel {
                agenda_item_id: Set(item_id),
                title: Set(title.clone()),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
            (created.id, 1, title)
        }
    };
    paper_version::ActiveModel {
        paper_id: Set(paper_id),
        version_no: Set(version_no),
        original_name: Set(file.original_name.clone()),
        stored_name: Set(file.stored_name),
        content_type: Set(file.content_type),
        size_bytes: Set(file.size_bytes),
        sha256: Set(file.sha256),
        uploaded_by: Set(Some(access.user().person_id)),
        uploaded_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    audit::record(
        db,
        item.meeting_id,
        access.user(),
        now,
        "paper.uploaded",
        format!(
            "{label} v{version_no} ({}, {} bytes) on «{}»",
            file.original_name, file.size_bytes, item.title
        ),
    )
    .await?;
    // Members of a published meeting hear that the papers are out (a burst of uploads is one mail).
    invitations::on_papers_published(db, mail, now, item.meeting_id).await?;
    Ok(item.meeting_id)
}

/// The file behind a version, if the viewer may see its item; NotFound otherwise, so that a
/// refused download does not reveal that the file exists.
pub async fn version_for_download(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
    version_id: i32,
) -> Result<paper_version::Model, DomainError> {
    let version = paper_version::Entity::find_by_id(version_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let paper = paper::Entity::find_by_id(version.paper_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    let item = agenda_item::Entity::find_by_id(paper.agenda_item_id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)?;
    visible_meeting(db, viewer, item.meeting_id).await?;
    if item.closed && !may_read_closed(viewer.role) {
        return Err(DomainError::NotFound);
    }
    Ok(version)
}

/// The stored file names of every version of every paper on an item.
pub async fn stored_names_on_item(
    db: &impl ConnectionTrait,
    item_id: i32,
) -> Result<Vec<String>, DomainError> {
    let papers: Vec<i32> = paper::Entity::find()
        .filter(paper::Column::AgendaItemId.eq(item_id))
        .all(db)
        .await?
        .into_iter()
        .map(|p| p.id)
        .collect();
    Ok(paper_version::Entity::find()
        .filter(paper_version::Column::PaperId.is_in(papers))
        .all(db)
        .await?
        .into_iter()
        .map(|v| v.stored_name)
        .collect())
}
