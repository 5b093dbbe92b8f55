//! The taskforce as its overview and members pages show it.
use crate::model::{CurrentUser, Overview, PersonView};
use crate::server::entities::{person, taskforce};
use crate::server::error::DomainError;
use crate::server::services::meetings;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

pub async fn the_taskforce(db: &impl ConnectionTrait) -> Result<taskforce::Model, DomainError> {
    taskforce::Entity::find()
        .order_by_asc(taskforce::Column::Id)
        .one(db)
        .await?
        .ok_or(DomainError::NotFound)
}

pub async fn overview(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
) -> Result<Overview, DomainError> {
    let taskforce = the_taskforce(db).await?;
    let meetings = meetings::visible_to(db, taskforce.id, viewer.role).await?;
    let next_meeting_id = crate::model::meetings::next_meeting(&meetings);
    Ok(Overview {
        name: taskforce.name,
        description: taskforce.description,
        mailbox: taskforce.mailbox,
        meetings,
        next_meeting_id,
    })
}

/// Everyone in the taskforce's orbit, chair first. Addresses are shown to the secretariat.
pub async fn members(
    db: &impl ConnectionTrait,
    viewer: &CurrentUser,
) -> Result<Vec<PersonView>, DomainError> {
    let people = person::Entity::find()
        .filter(person::Column::DeactivatedAt.is_null())
        .order_by_asc(person::Column::SortOrder)
        .order_by_asc(person::Column::Name)
        .all(db)
        .await?;
    people
        .into_iter()
        .map(|p| -> Result<PersonView, DomainError> {
            Ok(PersonView {
                id: p.id,
                sector: p.sector,
                role: p.role,
                language: p.language,
                email: viewer.role.is_secretariat().then(|| p.email.clone()),
                name: p.name,
                title: p.title,
                organisation: p.organisation,
            })
        })
        .collect()
}
