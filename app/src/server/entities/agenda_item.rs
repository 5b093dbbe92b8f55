use sea_orm::entity::prelude::*;

use crate::model::agenda::{ItemKind, Standing};

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agenda_item")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: i32,
    pub position: i32,
    pub kind: ItemKind,
    pub title: String,
    pub resume: String,
    pub indstilling: Option<String>,
    pub presenter_id: Option<i32>,
    pub duration_minutes: i32,
    pub closed: bool,
    pub standing: Option<Standing>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
