use sea_orm::entity::prelude::*;

/// A numbered decision. `number` runs per meeting and is never changed or reused (unique with
/// the meeting); `code` is how the register names it (`TF-3.2`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "decision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub agenda_item_id: Option<i32>,
    pub number: i32,
    pub code: String,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub status: crate::model::minutes::DecisionStatus,
    pub created_at: DateTimeUtc,
    pub created_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
