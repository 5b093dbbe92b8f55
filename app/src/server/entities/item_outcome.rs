use sea_orm::entity::prelude::*;

/// What the minutes say under an agenda item: the main points of a D item, the note of an O
/// item (a B item's decisions are `decision` rows). `version` grows with every save; a save
/// made from an older version is refused.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "item_outcome")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub agenda_item_id: i32,
    #[sea_orm(column_type = "Text")]
    pub text: String,
    pub version: i32,
    pub updated_at: DateTimeUtc,
    pub updated_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
