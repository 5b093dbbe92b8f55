use sea_orm::entity::prelude::*;

/// Someone asked for a sign-in or reset link for an address. The request is only written
/// down while the person waits (the same work whatever the address), and the outbox worker
/// decides later whether anyone is mailed: so the answer never tells whether an address is
/// known, by its content or by its timing.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "link_request")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub email: String,
    pub purpose: crate::model::people::LinkPurpose,
    pub requested_at: DateTimeUtc,
    pub handled_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
