use sea_orm::entity::prelude::*;

/// One uploaded file. `stored_name` is generated; the person's file name is only shown.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "paper_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub paper_id: i32,
    pub version_no: i32,
    pub original_name: String,
    pub stored_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub uploaded_by: Option<i32>,
    pub uploaded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
