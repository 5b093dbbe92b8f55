use sea_orm::entity::prelude::*;

/// A signed-in browser. Only the SHA-256 of the cookie's token is stored.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub token_hash: String,
    pub account_id: i32,
    pub created_at: DateTimeUtc,
    pub expires_at: DateTimeUtc,
    /// The browser as it named itself, shortened, so a person can tell their sessions apart.
    pub user_agent: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
