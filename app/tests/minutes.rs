//! Minutes on a fresh database (SQLite, or PostgreSQL when TEST_DATABASE_URL names one):
//! outcomes as each item's type demands, decision numbers (also under concurrent writers),
//! actions and who may close them, and what is locked.
use chrono::{Duration, NaiveDate};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::model::agenda::ItemKind;
use app::model::minutes::{ActionDraft, ActionStatus, DecisionStatus, NOTED_DA, OutcomeForm};
use app::model::{CurrentUser, MeetingStatus};
use app::server::auth::{SecretariatAccess, require_secretariat};
use app::server::entities::{meeting, person};
use app::server::error::DomainError;
use app::server::services::minutes::{self, actions, decisions};
use app::server::testing::{TestDb, now};

const ANN: &str = "ann.maskell@example.org";
const JONAS: &str = "jonas.dahl@example.org";
const ANETTE: &str = "anette.baekgaard@example.org";

struct World {
    test: TestDb,
    access: SecretariatAccess,
    ann: CurrentUser,
}

async fn world() -> World {
    let test = TestDb::seeded().await;
    let ann = test.user(ANN).await;
    let access = require_secretariat(&ann).expect("secretariat");
    World { test, access, ann }
}

impl World {
    async fn meeting(&self, number: i32) -> meeting::Model {
        meeting::Entity::find()
            .filter(meeting::Column::Number.eq(number))
            .one(&self.test.db)
            .await
            .expect("query")
            .expect("a demo meeting")
    }

    /// The minute-taking page of the held demo meeting 3.
    async fn held(&self) -> app::model::minutes::MinutesView {
        let m = self.meeting(3).await;
        assert_eq!(m.status, MeetingStatus::Held);
        minutes::view(&self.test.db, &self.access, now(), m.id)
            .await
            .expect("the minutes")
    }

    async fn person_id(&self, email: &str) -> i32 {
        person::Entity::find()
            .filter(person::Column::Email.eq(email))
            .one(&self.test.db)
            .await
            .expect("query")
            .expect("a demo person")
            .id
    }
}

#[tokio::test]
async fn each_item_starts_from_what_its_type_demands_and_saves_with_a_version() {
    let w = world().await;
    let view = w.held().await;
    assert!(view.editable);
    let info = view
        .items
        .iter()
        .find(|i| i.kind == ItemKind::O)
        .expect("an O item");
    assert_eq!(info.outcome, NOTED_DA);
    assert_eq!(info.outcome_version, None);
    if let Some(decision) = view.items.iter().find(|i| i.kind == ItemKind::B) {
        assert_eq!(
            decision.outcome,
            decision.indstilling.clone().unwrap_or_default().trim()
        );
    }
    let discussion = view
        .items
        .iter()
        .find(|i| i.kind == ItemKind::D)
        .expect("a D item");
    assert_eq!(discussion.outcome, "");
    let first = OutcomeForm {
        item_id: discussion.id,
        version: None,
        text: "Taskforcen drøftede surveyens målgrupper; Danmarks Statistik trækker stikprøven."
            .into(),
    };
    let version = minutes::save_outcome(&w.test.db, &w.access, now(), &first)
        .await
        .expect("saved");
    assert_eq!(version, 1);
    // A second editor working from the same page (no version yet) is refused, not written over.
    let rival = OutcomeForm {
        text: "Noget andet".into(),
        ..first.clone()
    };
    let refused = minutes::save_outcome(&w.test.db, &w.access, now(), &rival).await;
    assert!(matches!(refused, Err(DomainError::Stale)), "{refused:?}");
    let next = OutcomeForm {
        version: Some(1),
        text: "Taskforcen drøftede surveyens målgrupper.".into(),
        ..first
    };
    assert_eq!(
        minutes::save_outcome(&w.test.db, &w.access, now(), &next)
            .await
            .expect("saved"),
        2
    );
    let stale = minutes::save_outcome(&w.test.db, &w.access, now(), &next).await;
    assert!(matches!(stale, Err(DomainError::Stale)), "{stale:?}");
    let view = w.held().await;
    let saved = view
        .items
        .iter()
        .find(|i| i.id == discussion.id)
        .expect("the item");
    assert_eq!(saved.outcome, "Taskforcen drøftede surveyens målgrupper.");
    assert_eq!(saved.outcome_version, Some(2));
}

#[tokio::test]
async fn decisions_are_numbered_per_meeting_and_keep_their_number() {
    let w = world().await;
    let view = w.held().await;
    let item = view.items[1].id;
    let first = decisions::add(
        &w.test.db,
        &w.access,
        now(),
        item,
        "Surveyens design godkendes.",
    )
    .await
    .expect("decided");
    let second = decisions::add(
        &w.test.db,
        &w.access,
        now(),
        item,
        "Interviewundersøgelsen sættes i gang med to rekrutteringsfirmaer.",
    )
    .await
    .expect("decided");
    assert_eq!((first.as_str(), second.as_str()), ("TF-3.1", "TF-3.2"));
    let empty = decisions::add(&w.test.db, &w.access, now(), item, "  ").await;
    assert!(matches!(empty, Err(DomainError::Form(_))), "{empty:?}");
    let view = w.held().await;
    let listed = &view.items[1].decisions;
    decisions::update(
        &w.test.db,
        &w.access,
        now(),
        listed[0].id,
        Some("Surveyens design godkendes med de faldne bemærkninger."),
        DecisionStatus::FollowUp,
    )
    .await
    .expect("changed");
    let register = decisions::register(&w.test.db, &w.ann)
        .await
        .expect("register");
    let codes: Vec<&str> = register.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(
        codes,
        vec!["TF-3.1", "TF-3.2"],
        "the wording changed, the number did not"
    );
    assert_eq!(register[0].status, DecisionStatus::FollowUp);
}

#[tokio::test]
async fn twenty_decisions_recorded_at_once_get_twenty_different_numbers() {
    let w = world().await;
    let view = w.held().await;
    let item = view.items[1].id;
    let db = w.test.db.clone();
    let tasks: Vec<_> = (0..20)
        .map(|n| {
            let db = db.clone();
            let access = w.access.clone();
            tokio::spawn(async move {
                decisions::add(&db, &access, now(), item, &format!("Beslutning nummer {n}")).await
            })
        })
        .collect();
    let mut codes = Vec::new();
    for task in tasks {
        codes.push(task.await.expect("a task").expect("decided"));
    }
    codes.sort_by_key(|c| c.trim_start_matches("TF-3.").parse::<i32>().unwrap_or(0));
    let expected: Vec<String> = (1..=20).map(|n| format!("TF-3.{n}")).collect();
    assert_eq!(codes, expected);
}

#[tokio::test]
async fn an_action_is_closed_by_its_owner_or_the_secretariat_and_overdue_ones_come_first() {
    let w = world().await;
    let view = w.held().await;
    let item = view.items[1].id;
    let jonas = w.person_id(JONAS).await;
    let today = now().date_naive();
    let mut ids = Vec::new();
    for (what, due) in [
        (
            "Rekrutteringsfirmaerne kontaktes",
            today + Duration::days(10),
        ),
        ("Spørgeskemaet sendes til KL", today - Duration::days(3)),
    ] {
        ids.push(
            actions::add(
                &w.test.db,
                &w.access,
                now(),
                item,
                ActionDraft {
                    what: what.into(),
                    owner_id: jonas,
                    due_on: due,
                },
            )
            .await
            .expect("agreed"),
        );
    }
    let jonas_user = w.test.user(JONAS).await;
    let mine = actions::list(&w.test.db, &jonas_user, today, true)
        .await
        .expect("my actions");
    assert_eq!(mine.len(), 2);
    assert_eq!(mine[0].what, "Spørgeskemaet sendes til KL");
    assert!(mine[0].overdue);
    assert!(!mine[1].overdue);
    let anette = w.test.user(ANETTE).await;
    let refused =
        actions::set_status(&w.test.db, &anette, now(), ids[0], 1, ActionStatus::Done).await;
    assert!(
        matches!(refused, Err(DomainError::Forbidden)),
        "{refused:?}"
    );
    assert!(
        actions::list(&w.test.db, &anette, today, false)
            .await
            .expect("her actions")
            .is_empty()
    );
    actions::set_status(
        &w.test.db,
        &jonas_user,
        now(),
        ids[0],
        1,
        ActionStatus::Done,
    )
    .await
    .expect("done by the owner");
    let stale =
        actions::set_status(&w.test.db, &w.ann, now(), ids[0], 1, ActionStatus::Dropped).await;
    assert!(matches!(stale, Err(DomainError::Stale)), "{stale:?}");
    let open = actions::open(&w.test.db, &w.access, today)
        .await
        .expect("open");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].what, "Spørgeskemaet sendes til KL");
    let bad_owner = actions::add(
        &w.test.db,
        &w.access,
        now(),
        item,
        ActionDraft {
            what: "Ingen".into(),
            owner_id: 99_999,
            due_on: NaiveDate::from_ymd_opt(2022, 6, 1).unwrap(),
        },
    )
    .await;
    assert!(
        matches!(bad_owner, Err(DomainError::Form(_))),
        "{bad_owner:?}"
    );
}

#[tokio::test]
async fn minutes_cannot_be_written_for_a_meeting_not_yet_begun_or_whose_minutes_are_approved() {
    let w = world().await;
    for number in [2, 4, 6] {
        let m = w.meeting(number).await;
        let view = minutes::view(&w.test.db, &w.access, now(), m.id)
            .await
            .expect("the page");
        assert!(!view.editable, "meeting {number} ({:?})", m.status);
        let item = view.items.first().expect("an item").id;
        let refused = decisions::add(&w.test.db, &w.access, now(), item, "Nej").await;
        assert!(
            matches!(refused, Err(DomainError::WrongStatus)),
            "meeting {number}: {refused:?}"
        );
    }
    // Meeting 4 is published: it opens for minutes when it begins.
    let m = w.meeting(4).await;
    let begun = m.starts_at + Duration::minutes(1);
    let view = minutes::view(&w.test.db, &w.access, begun, m.id)
        .await
        .expect("the page");
    assert!(view.editable);
    assert_eq!(view.current_item, view.items.first().map(|i| i.id));
}
