use sea_orm::entity::prelude::*;

/// An action agreed at a meeting: what, who, by when, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "action_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub agenda_item_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub what: String,
    pub owner_id: i32,
    pub due_on: Date,
    pub status: crate::model::minutes::ActionStatus,
    pub created_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
