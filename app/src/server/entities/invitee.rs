use sea_orm::entity::prelude::*;

use crate::model::invitations::Answer;

/// Someone invited to a meeting: a person of the taskforce or a guest without an account.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "invitee")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub person_id: Option<i32>,
    pub name: String,
    pub email: String,
    pub language: crate::model::Lang,
    pub partstat: Answer,
    pub answered_at: Option<DateTimeUtc>,
    pub removed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
