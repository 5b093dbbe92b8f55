use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "person")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub taskforce_id: i32,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub sector: crate::model::Sector,
    pub email: String,
    pub language: crate::model::Lang,
    pub role: crate::model::Role,
    pub sort_order: i32,
    pub created_at: DateTimeUtc,
    pub feed_token: Option<String>,
    pub invitation_opt_in: bool,
    /// Set when the secretariat deactivates the person: sign-in refused, history kept.
    pub deactivated_at: Option<DateTimeUtc>,
    /// For a deputy (stedfortræder): the member they act for.
    pub deputy_for_id: Option<i32>,
    /// The secretariat's lead, who approves status reports.
    pub lead: bool,
    /// Grows with every change from the people page; a form saved against an older one is refused.
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(has_one = "super::user_account::Entity")]
    UserAccount,
}

impl Related<super::user_account::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::UserAccount.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
