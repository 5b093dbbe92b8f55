//! The roster's rules on a fresh database (SQLite, or PostgreSQL when TEST_DATABASE_URL names
//! one): deactivation and reactivation, role changes, the last secretariat person, deputies,
//! and invitations that follow the roster.
use chrono::{TimeZone, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::model::forms::FormProblem;
use app::model::meetings::{MeetingDraft, Transition};
use app::model::{CurrentUser, EmailAddress, Role};
use app::server::auth::{SecretariatAccess, require_secretariat};
use app::server::entities::{audit_entry, invitee, outbox_message, person};
use app::server::error::DomainError;
use app::server::mail::MailKind;
use app::server::seed::DEMO_PASSWORD;
use app::server::services::invitations::MailContext;
use app::server::services::meetings;
use app::server::services::people::{roster, sessions};
use app::server::testing::{TestDb, now};

const JONAS: &str = "jonas.dahl@example.org";
const DEPUTY: &str = "rikke.oerum.skovgaard@example.org";
const ANN: &str = "ann.maskell@example.org";
const SOFIE: &str = "sofie.lind@example.org";

struct World {
    test: TestDb,
    mail: MailContext,
    ann: CurrentUser,
    access: SecretariatAccess,
}

async fn world() -> World {
    let test = TestDb::seeded().await;
    let mail = MailContext::load(&test.db, "https://taskforce.example.org")
        .await
        .expect("mail context");
    let ann = test.user(ANN).await;
    let access = require_secretariat(&ann).expect("secretariat");
    World {
        test,
        mail,
        ann,
        access,
    }
}

impl World {
    async fn person(&self, email: &str) -> person::Model {
        person::Entity::find()
            .filter(person::Column::Email.eq(email))
            .one(&self.test.db)
            .await
            .expect("query")
            .expect("a demo person")
    }

    /// A new meeting in April 2022, taken through review to published.
    async fn published_meeting(&self) -> i32 {
        let draft = MeetingDraft {
            title: "Temamøde om onboarding".into(),
            starts_at: Utc.with_ymd_and_hms(2022, 4, 26, 11, 0, 0).unwrap(),
            ends_at: Utc.with_ymd_and_hms(2022, 4, 26, 13, 0, 0).unwrap(),
            location: "Frederiksberg Rådhus".into(),
            online_link: None,
        };
        let db = &self.test.db;
        let id = meetings::create_meeting(db, &self.access, now(), 1, draft)
            .await
            .expect("a meeting");
        let chair = self.test.user("marie.louise.refsgaard@example.org").await;
        for (who, step) in [
            (&self.ann, Transition::SubmitForReview),
            (&chair, Transition::Approve),
            (&self.ann, Transition::Publish),
        ] {
            meetings::transition(db, who, &self.mail, now(), id, step, "")
                .await
                .expect("a step");
        }
        id
    }

    async fn mail_to(&self, email: &str, kind: MailKind) -> usize {
        outbox_message::Entity::find()
            .filter(outbox_message::Column::Recipient.eq(email))
            .filter(outbox_message::Column::Kind.eq(kind))
            .all(&self.test.db)
            .await
            .expect("outbox")
            .len()
    }

    async fn on_list(&self, meeting_id: i32, email: &str) -> bool {
        invitee::Entity::find()
            .filter(invitee::Column::MeetingId.eq(meeting_id))
            .filter(invitee::Column::Email.eq(email))
            .filter(invitee::Column::RemovedAt.is_null())
            .one(&self.test.db)
            .await
            .expect("invitees")
            .is_some()
    }

    async fn deactivate(&self, email: &str) -> Result<(), DomainError> {
        let p = self.person(email).await;
        roster::deactivate(
            &self.test.db,
            &self.access,
            &self.mail,
            now(),
            p.id,
            p.version,
        )
        .await
    }

    async fn reactivate(&self, email: &str) -> Result<(), DomainError> {
        let p = self.person(email).await;
        roster::reactivate(
            &self.test.db,
            &self.access,
            &self.mail,
            now(),
            p.id,
            p.version,
        )
        .await
    }

    async fn change_role(
        &self,
        email: &str,
        role: Role,
        deputy_for: Option<i32>,
    ) -> Result<(), DomainError> {
        let p = self.person(email).await;
        roster::change_role(
            &self.test.db,
            &self.access,
            &self.mail,
            now(),
            p.id,
            p.version,
            roster::Seat { role, deputy_for },
        )
        .await
    }
}

async fn password_sign_in(test: &TestDb, email: &str) -> Result<(), DomainError> {
    let address = EmailAddress::parse(email).expect("an address");
    sessions::sign_in(&test.db, now(), &address, DEMO_PASSWORD.into(), 12)
        .await
        .map(|_| ())
}

#[tokio::test]
async fn deactivating_a_member_refuses_sign_in_ends_their_sessions_and_cancels_upcoming_meetings() {
    let w = world().await;
    let meeting = w.published_meeting().await;
    assert!(w.on_list(meeting, JONAS).await);
    let session = w.test.session_for(JONAS).await;

    w.deactivate(JONAS).await.expect("deactivated");

    let user = sessions::user_for_token(&w.test.db, now(), &session.token)
        .await
        .expect("lookup");
    assert_eq!(user, None, "the open session no longer signs anyone in");
    assert!(matches!(
        password_sign_in(&w.test, JONAS).await,
        Err(DomainError::InvalidCredentials)
    ));
    assert!(!w.on_list(meeting, JONAS).await);
    assert_eq!(w.mail_to(JONAS, MailKind::Cancellation).await, 1);
    let jonas = w.person(JONAS).await;
    assert!(jonas.deactivated_at.is_some(), "kept, not deleted");
    let logged = audit_entry::Entity::find()
        .filter(audit_entry::Column::PersonId.eq(jonas.id))
        .all(&w.test.db)
        .await
        .expect("audit");
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].action, "person.deactivated");
    assert_eq!(logged[0].actor_id, Some(w.ann.person_id));
}

#[tokio::test]
async fn a_reactivated_member_signs_in_again_and_is_invited_to_upcoming_meetings_again() {
    let w = world().await;
    let meeting = w.published_meeting().await;
    w.deactivate(JONAS).await.expect("deactivated");
    w.reactivate(JONAS).await.expect("reactivated");

    assert!(password_sign_in(&w.test, JONAS).await.is_ok());
    assert!(w.on_list(meeting, JONAS).await);
    assert_eq!(w.mail_to(JONAS, MailKind::Invitation).await, 2);
}

#[tokio::test]
async fn a_deactivated_member_is_not_invited_when_a_meeting_is_published_and_leaves_the_members_list()
 {
    let w = world().await;
    w.deactivate(JONAS).await.expect("deactivated");
    let meeting = w.published_meeting().await;
    assert!(!w.on_list(meeting, JONAS).await);
    assert_eq!(w.mail_to(JONAS, MailKind::Invitation).await, 0);
    let members = app::server::services::taskforce::members(&w.test.db, &w.ann)
        .await
        .expect("members");
    assert!(members.iter().all(|p| p.email.as_deref() != Some(JONAS)));
}

#[tokio::test]
async fn the_last_secretariat_person_can_be_neither_deactivated_nor_given_another_role() {
    let w = world().await;
    let refused = |r: Result<(), DomainError>, field: &str| match r {
        Err(DomainError::Form(problems)) => {
            assert_eq!(problems, vec![(field, FormProblem::LastSecretariat)]);
        }
        other => panic!("expected the last-secretariat refusal, got {other:?}"),
    };
    // Ann is the only one in the secretariat, so she stays.
    refused(w.deactivate(ANN).await, "active");
    // Once Sofie is in the secretariat too, Ann can be deactivated, and then Sofie cannot.
    w.change_role(SOFIE, Role::Secretariat, None)
        .await
        .expect("a second secretariat person");
    let sofie = w.test.user(SOFIE).await;
    let sofie_access = require_secretariat(&sofie).expect("secretariat");
    let ann = w.person(ANN).await;
    roster::deactivate(
        &w.test.db,
        &sofie_access,
        &w.mail,
        now(),
        ann.id,
        ann.version,
    )
    .await
    .expect("Ann deactivated by Sofie");
    let sofie_row = w.person(SOFIE).await;
    refused(
        roster::deactivate(
            &w.test.db,
            &sofie_access,
            &w.mail,
            now(),
            sofie_row.id,
            sofie_row.version,
        )
        .await,
        "active",
    );
}

#[tokio::test]
async fn nobody_changes_their_own_role() {
    let w = world().await;
    let result = w.change_role(ANN, Role::Chair, None).await;
    assert!(
        matches!(&result, Err(DomainError::Form(p)) if p == &vec![("role", FormProblem::OwnRole)]),
        "{result:?}"
    );
    assert_eq!(w.person(ANN).await.role, Role::Secretariat);
}

#[tokio::test]
async fn a_change_against_an_older_version_is_refused_as_stale() {
    let w = world().await;
    let jonas = w.person(JONAS).await;
    w.change_role(JONAS, Role::Observer, None)
        .await
        .expect("changed");
    let stale = roster::deactivate(
        &w.test.db,
        &w.access,
        &w.mail,
        now(),
        jonas.id,
        jonas.version,
    )
    .await;
    assert!(matches!(stale, Err(DomainError::Stale)), "{stale:?}");
    assert!(w.person(JONAS).await.deactivated_at.is_none());
}

#[tokio::test]
async fn a_seat_on_the_taskforce_gained_is_an_invitation_and_a_seat_lost_a_cancel() {
    let w = world().await;
    let meeting = w.published_meeting().await;
    assert!(
        !w.on_list(meeting, SOFIE).await,
        "an observer is not invited"
    );

    w.change_role(SOFIE, Role::Member, None)
        .await
        .expect("a member now");
    assert!(w.on_list(meeting, SOFIE).await);
    assert_eq!(w.mail_to(SOFIE, MailKind::Invitation).await, 1);

    w.change_role(SOFIE, Role::Observer, None)
        .await
        .expect("an observer again");
    assert!(!w.on_list(meeting, SOFIE).await);
    assert_eq!(w.mail_to(SOFIE, MailKind::Cancellation).await, 1);
}

#[tokio::test]
async fn a_deputy_must_stand_in_for_an_active_member() {
    let w = world().await;
    let ann = w.person(ANN).await;
    let none = w.change_role(SOFIE, Role::Deputy, None).await;
    assert!(
        matches!(&none, Err(DomainError::Form(p)) if p == &vec![("deputy_for", FormProblem::DeputyForRequired)])
    );
    let not_a_member = w.change_role(SOFIE, Role::Deputy, Some(ann.id)).await;
    assert!(
        matches!(&not_a_member, Err(DomainError::Form(p)) if p == &vec![("deputy_for", FormProblem::DeputyForUnknown)])
    );
    let jonas = w.person(JONAS).await;
    w.change_role(SOFIE, Role::Deputy, Some(jonas.id))
        .await
        .expect("Sofie stands in for Jonas");
    let sofie = w.person(SOFIE).await;
    assert_eq!(
        (sofie.role, sofie.deputy_for_id),
        (Role::Deputy, Some(jonas.id))
    );
}

#[tokio::test]
async fn a_deputy_sees_exactly_the_meetings_and_items_the_member_sees() {
    let w = world().await;
    let jonas = w.test.user(JONAS).await;
    let deputy = w.test.user(DEPUTY).await;
    assert_eq!(deputy.role, Role::Deputy);
    assert_eq!(
        w.person(DEPUTY).await.deputy_for_id,
        Some(jonas.person_id),
        "the demo deputy stands in for Jonas Dahl"
    );
    let mut seen = 0;
    for id in 1..=6 {
        let member_view = meetings::meeting_detail(&w.test.db, &jonas, id).await;
        let deputy_view = meetings::meeting_detail(&w.test.db, &deputy, id).await;
        match (member_view, deputy_view) {
            (Ok(m), Ok(d)) => {
                assert_eq!(m.items, d.items, "meeting {id}");
                seen += 1;
            }
            (Err(DomainError::NotFound), Err(DomainError::NotFound)) => {}
            (m, d) => panic!("meeting {id}: member {m:?}, deputy {d:?}"),
        }
    }
    assert_eq!(seen, 4, "the four published or held demo meetings");
    assert!(!meetings::may_read_closed(Role::Deputy));
}
