use sea_orm::entity::prelude::*;

/// A one-time link mailed to a person: to sign in, to set a first password (welcome) or a
/// new one (reset). Only the SHA-256 of the token in the link is stored; it is bound to the
/// address it was mailed to and works once, before `expires_at`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_link")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub token_hash: String,
    pub person_id: i32,
    pub email: String,
    pub purpose: crate::model::people::LinkPurpose,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
