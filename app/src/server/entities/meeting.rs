use sea_orm::entity::prelude::*;

use crate::model::MeetingStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub taskforce_id: i32,
    pub number: i32,
    pub title: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub time_zone: String,
    pub location: String,
    pub online_link: Option<String>,
    pub status: MeetingStatus,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub review_comment: Option<String>,
    pub approved_at: Option<DateTimeUtc>,
    pub uid: Option<String>,
    pub sequence: i32,
    pub cancelled_at: Option<DateTimeUtc>,
    pub reminder_sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
