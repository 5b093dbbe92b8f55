use sea_orm::entity::prelude::*;

/// Who changed what, and when. Written in the same transaction as the change.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_entry")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub meeting_id: Option<i32>,
    pub actor_id: Option<i32>,
    /// The person the change is about (people page changes), if any.
    pub person_id: Option<i32>,
    pub at: DateTimeUtc,
    pub action: String,
    pub details: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::person::Entity",
        from = "Column::ActorId",
        to = "super::person::Column::Id"
    )]
    Actor,
}

impl Related<super::person::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Actor.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
