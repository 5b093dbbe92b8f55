//! Database schema, in the order it grew. Migrations never import the app's entities:
//! a migration describes the schema as it was on the day it was written.
pub use sea_orm_migration::prelude::*;

mod m20261126_000001_foundation;
mod m20261126_000002_agendas;
mod m20261126_000003_invitations;
mod m20261126_000004_invitation_opt_in;
mod m20261127_000005_data_revision;
mod m20261202_000006_unique_agenda_positions;
mod m20261202_000020_scoped_revision;
mod m20261204_000030_people;
mod m20261204_000040_minutes;
pub mod revision;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261126_000001_foundation::Migration),
            Box::new(m20261126_000002_agendas::Migration),
            Box::new(m20261126_000003_invitations::Migration),
            Box::new(m20261126_000004_invitation_opt_in::Migration),
            Box::new(m20261127_000005_data_revision::Migration),
            Box::new(m20261202_000006_unique_agenda_positions::Migration),
            Box::new(m20261202_000020_scoped_revision::Migration),
            Box::new(m20261204_000030_people::Migration),
            Box::new(m20261204_000040_minutes::Migration),
        ]
    }
}
