use sea_orm::entity::prelude::*;

/// A paper (bilag) on an agenda item; its files are the versions.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "paper")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub agenda_item_id: i32,
    pub title: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
