//! Service tests on a fresh database with the real migrations: SQLite by default, PostgreSQL
//! when TEST_DATABASE_URL points at one (the test script runs both).
use chrono::Duration;

use app::model::{EmailAddress, Lang, MeetingStatus, Role, Sector};
use app::server::error::DomainError;
use app::server::seed::{DEMO_PASSWORD, SeedOutcome, seed_demo};
use app::server::services::people::accounts::{self, NewPerson};
use app::server::services::people::sessions;
use app::server::services::{meetings, taskforce};
use app::server::testing::{TestDb, now};

fn email(text: &str) -> EmailAddress {
    EmailAddress::parse(text).expect("a valid address")
}

#[tokio::test]
async fn the_demo_seed_holds_the_chair_nine_members_the_secretariat_and_six_meetings() {
    let test = TestDb::fresh().await;
    let outcome = seed_demo(&test.db, now()).await.unwrap();
    assert_eq!(
        outcome,
        SeedOutcome::Seeded {
            people: 15,
            meetings: 6
        }
    );

    let secretariat = test.user("ann.maskell@example.org").await;
    let people = taskforce::members(&test.db, &secretariat).await.unwrap();
    let count = |role| people.iter().filter(|p| p.role == role).count();
    assert_eq!(count(Role::Chair), 1);
    assert_eq!(count(Role::Member), 9);
    assert_eq!(count(Role::Secretariat), 1);
    assert_eq!(count(Role::SteeringGroup), 2);
    let chair = people.iter().find(|p| p.role == Role::Chair).unwrap();
    assert_eq!(chair.name, "Marie Louise Refsgaard");
    assert_eq!(
        chair.email.as_deref(),
        Some("marie.louise.refsgaard@example.org")
    );
    assert!(people.iter().all(|p| {
        p.email
            .as_deref()
            .is_some_and(|e| e.ends_with("@example.org"))
    }));
    assert!(
        people
            .iter()
            .any(|p| p.email.as_deref() == Some("anette.baekgaard@example.org"))
    );
}

#[tokio::test]
async fn seeding_a_database_that_has_data_changes_nothing() {
    let test = TestDb::seeded().await;
    assert_eq!(
        seed_demo(&test.db, now()).await.unwrap(),
        SeedOutcome::AlreadyHasData
    );
    let rows = accounts::list_accounts(&test.db).await.unwrap();
    assert_eq!(rows.len(), 15);
}

#[tokio::test]
async fn the_demo_meetings_span_2021_and_2022_and_the_first_ones_are_held() {
    let test = TestDb::seeded().await;
    let all = meetings::visible_to(&test.db, 1, Role::Secretariat)
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|m| m.number).collect::<Vec<_>>(),
        vec![1, 2, 3, 4, 5, 6]
    );
    assert!(
        all.iter()
            .all(|m| (2021..=2022).contains(&chrono::Datelike::year(&m.starts_at)))
    );
    assert!(!all[0].status.is_upcoming());
    assert!(!all[2].status.is_upcoming());
    assert!(
        all.iter()
            .all(|m| m.ends_at > m.starts_at && m.time_zone == "Europe/Copenhagen")
    );
}

#[tokio::test]
async fn members_see_only_published_meetings_and_the_chair_also_those_in_review() {
    let test = TestDb::seeded().await;
    let statuses = |role| {
        let db = test.db.clone();
        async move {
            meetings::visible_to(&db, 1, role)
                .await
                .unwrap()
                .into_iter()
                .map(|m| m.status)
                .collect::<Vec<_>>()
        }
    };
    let for_member = statuses(Role::Member).await;
    assert_eq!(for_member.len(), 4);
    assert!(for_member.iter().all(|s| s.is_public()));
    let for_chair = statuses(Role::Chair).await;
    assert!(for_chair.contains(&MeetingStatus::InReview));
    assert!(!for_chair.contains(&MeetingStatus::Draft));
    assert_eq!(statuses(Role::Secretariat).await.len(), 6);
    assert_eq!(statuses(Role::SteeringGroup).await, for_member);
}

#[tokio::test]
async fn the_overview_marks_the_first_meeting_not_yet_held_as_next() {
    let test = TestDb::seeded().await;
    let member = test.user("jonas.dahl@example.org").await;
    let overview = taskforce::overview(&test.db, &member).await.unwrap();
    let next = overview
        .meetings
        .iter()
        .find(|m| Some(m.id) == overview.next_meeting_id)
        .unwrap();
    assert_eq!(next.number, 4);
    assert_eq!(next.status, MeetingStatus::Published);
}

#[tokio::test]
async fn only_the_secretariat_sees_e_mail_addresses_on_the_members_page() {
    let test = TestDb::seeded().await;
    let member = test.user("jonas.dahl@example.org").await;
    let people = taskforce::members(&test.db, &member).await.unwrap();
    assert!(people.iter().all(|p| p.email.is_none()));
}

#[tokio::test]
async fn the_demo_password_signs_in_and_the_session_finds_its_user_until_it_expires() {
    let test = TestDb::seeded().await;
    let signed_in = sessions::sign_in(
        &test.db,
        now(),
        &email("Jonas.Dahl@example.org"),
        DEMO_PASSWORD.into(),
        12,
    )
    .await
    .unwrap();
    assert_eq!(signed_in.user.role, Role::Member);
    assert_eq!(signed_in.expires_at, now() + Duration::hours(12));
    let found = sessions::user_for_token(&test.db, now() + Duration::hours(11), &signed_in.token)
        .await
        .unwrap();
    assert_eq!(
        found.map(|u| u.email),
        Some("jonas.dahl@example.org".to_string())
    );
    let expired = sessions::user_for_token(&test.db, now() + Duration::hours(12), &signed_in.token)
        .await
        .unwrap();
    assert!(expired.is_none());
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_address_are_refused_alike() {
    let test = TestDb::seeded().await;
    let wrong = sessions::sign_in(
        &test.db,
        now(),
        &email("jonas.dahl@example.org"),
        "not-the-password".into(),
        12,
    )
    .await;
    assert!(matches!(wrong, Err(DomainError::InvalidCredentials)));
    let unknown = sessions::sign_in(
        &test.db,
        now(),
        &email("nobody@example.org"),
        DEMO_PASSWORD.into(),
        12,
    )
    .await;
    assert!(matches!(unknown, Err(DomainError::InvalidCredentials)));
}

#[tokio::test]
async fn five_failed_sign_ins_lock_the_address_for_fifteen_minutes_even_for_the_right_password() {
    let test = TestDb::seeded().await;
    let address = email("jonas.dahl@example.org");
    for attempt in 0..5 {
        let at = now() + Duration::minutes(attempt);
        let result = sessions::sign_in(&test.db, at, &address, "wrong-password".into(), 12).await;
        assert!(
            matches!(result, Err(DomainError::InvalidCredentials)),
            "attempt {attempt}"
        );
    }
    let locked = sessions::sign_in(
        &test.db,
        now() + Duration::minutes(5),
        &address,
        DEMO_PASSWORD.into(),
        12,
    )
    .await;
    assert!(
        matches!(locked, Err(DomainError::Throttled { minutes }) if minutes > 0 && minutes <= 15)
    );
    let later = sessions::sign_in(
        &test.db,
        now() + Duration::minutes(20),
        &address,
        DEMO_PASSWORD.into(),
        12,
    )
    .await;
    assert!(later.is_ok(), "the lock lifts after fifteen minutes");
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let test = TestDb::seeded().await;
    let signed_in = test.session_for("ann.maskell@example.org").await;
    sessions::sign_out(&test.db, &signed_in.token)
        .await
        .unwrap();
    assert!(
        sessions::user_for_token(&test.db, now(), &signed_in.token)
            .await
            .unwrap()
            .is_none()
    );
    sessions::sign_out(&test.db, &signed_in.token)
        .await
        .expect("signing out twice is harmless");
}

#[tokio::test]
async fn a_new_password_replaces_the_old_one_and_short_ones_are_refused() {
    let test = TestDb::seeded().await;
    let address = email("jonas.dahl@example.org");
    let short = accounts::set_password(&test.db, &address, "short".into()).await;
    assert!(matches!(
        short,
        Err(DomainError::Validation {
            field: "password",
            ..
        })
    ));
    accounts::set_password(&test.db, &address, "a-much-longer-secret".into())
        .await
        .unwrap();
    let old = sessions::sign_in(&test.db, now(), &address, DEMO_PASSWORD.into(), 12).await;
    assert!(matches!(old, Err(DomainError::InvalidCredentials)));
    assert!(
        sessions::sign_in(&test.db, now(), &address, "a-much-longer-secret".into(), 12)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn a_person_with_an_address_already_taken_is_a_conflict() {
    let test = TestDb::seeded().await;
    let duplicate = NewPerson {
        taskforce_id: 1,
        name: "Jonas Dahl".into(),
        title: "Direktør".into(),
        organisation: "Region Midtjylland".into(),
        sector: Sector::Region,
        email: email("jonas.dahl@example.org"),
        language: Lang::Da,
        role: Role::Member,
        sort_order: 0,
        lead: false,
        deputy_for_id: None,
    };
    let result = accounts::create_person(&test.db, now(), &duplicate).await;
    assert!(matches!(result, Err(DomainError::Conflict(_))));
}

#[tokio::test]
async fn a_chosen_language_is_remembered_for_the_person() {
    let test = TestDb::seeded().await;
    let member = test.user("jonas.dahl@example.org").await;
    assert_eq!(member.lang, Lang::Da);
    accounts::set_language(&test.db, member.person_id, Lang::En)
        .await
        .unwrap();
    let again = test.user("jonas.dahl@example.org").await;
    assert_eq!(again.lang, Lang::En);
}

#[tokio::test]
async fn the_test_database_is_the_backend_the_tier_asked_for() {
    let test = TestDb::fresh().await;
    let expected = if std::env::var("TEST_DATABASE_URL").is_ok_and(|u| u.starts_with("postgres")) {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(test.backend(), expected);
}

#[tokio::test]
async fn the_data_revision_rises_with_every_committed_change_and_not_when_a_session_ends() {
    let test = TestDb::seeded().await;
    let ann = test.session_for("ann.maskell@example.org").await;
    let revision = async || {
        sessions::viewer_for_token(&test.db, now(), &ann.token)
            .await
            .expect("the query")
            .expect("a viewer")
            .revision
    };
    let start = revision().await;
    assert_eq!(revision().await, start, "reading changes nothing");

    // Signing in records the time of sign-in (a change); the session ending is none.
    let session = test.session_for("jonas.dahl@example.org").await;
    let after_sign_in = revision().await;
    sessions::sign_out(&test.db, &session.token)
        .await
        .expect("sign-out");
    assert_eq!(revision().await, after_sign_in, "signing out");

    accounts::set_language(&test.db, ann.user.person_id, Lang::En)
        .await
        .expect("a change");
    let after_change = revision().await;
    assert!(after_change > after_sign_in, "a change to a person");

    let viewer = sessions::viewer_for_token(&test.db, now(), &ann.token)
        .await
        .expect("the query")
        .expect("a viewer");
    assert_eq!(viewer.user.name, "Ann Maskell");
    assert_eq!(viewer.user.role, Role::Secretariat);
    assert_eq!(viewer.user.lang, Lang::En);
    assert!(
        sessions::viewer_for_token(&test.db, now() + Duration::hours(13), &ann.token)
            .await
            .expect("the query")
            .is_none(),
        "an expired session has no viewer"
    );
}

#[tokio::test]
async fn every_migration_can_be_undone_and_done_again() {
    use migrations::{Migrator, MigratorTrait};
    let test = TestDb::fresh().await;
    Migrator::down(&test.db, None).await.expect("all undone");
    assert!(
        Migrator::get_applied_migrations(&test.db)
            .await
            .expect("the list")
            .is_empty()
    );
    Migrator::up(&test.db, None).await.expect("all done again");
    let outcome = seed_demo(&test.db, now()).await.expect("seed");
    assert_eq!(
        outcome,
        SeedOutcome::Seeded {
            people: 15,
            meetings: 6
        }
    );
    let ann = test.session_for("ann.maskell@example.org").await;
    let viewer = sessions::viewer_for_token(&test.db, now(), &ann.token)
        .await
        .expect("the query")
        .expect("a viewer");
    assert!(viewer.revision > 1, "the triggers are back");
}

#[tokio::test]
async fn two_command_services_in_one_transaction_take_effect_together_or_not_at_all() {
    use app::model::agenda::{ItemDraft, ItemKind};
    use app::model::meetings::Transition;
    use app::server::auth::require_secretariat;
    use app::server::services::invitations::MailContext;
    use app::server::services::{agenda, meetings};

    let test = TestDb::seeded().await;
    let ann = test.user("ann.maskell@example.org").await;
    let access = require_secretariat(&ann).expect("Ann is secretariat");
    let mail = MailContext::load(&test.db, "http://taskforce.example.org")
        .await
        .expect("a mail context");
    let meeting_6 = 6;
    let before = meetings::meeting_detail(&test.db, &ann, meeting_6)
        .await
        .unwrap();
    assert_eq!(before.meeting.status, MeetingStatus::Draft);
    let draft = ItemDraft {
        kind: ItemKind::O,
        title: "Lasse Sønderups orientering".into(),
        resume: String::new(),
        indstilling: None,
        presenter_id: None,
        duration_minutes: 10,
        closed: false,
    };

    let txn = app::server::db::begin_write(&test.db).await.unwrap();
    agenda::add_item_in(&txn, &access, now(), meeting_6, &draft)
        .await
        .unwrap();
    let status = meetings::transition_in(
        &txn,
        &ann,
        &mail,
        now(),
        meeting_6,
        Transition::SubmitForReview,
        "",
    )
    .await
    .unwrap();
    assert_eq!(status, MeetingStatus::InReview);
    let inside = meetings::meeting_detail(&txn, &ann, meeting_6)
        .await
        .unwrap();
    assert_eq!(
        inside.items.len(),
        before.items.len() + 1,
        "both happened inside"
    );
    assert_eq!(inside.meeting.status, MeetingStatus::InReview);
    txn.rollback().await.unwrap();

    let after = meetings::meeting_detail(&test.db, &ann, meeting_6)
        .await
        .unwrap();
    assert_eq!(after.meeting.status, MeetingStatus::Draft);
    assert_eq!(after.items, before.items, "neither took effect");
}

/// Signs in `passwords.len()` times at once for Jonas Dahl, each with its password.
async fn sign_in_in_parallel(
    test: &TestDb,
    passwords: Vec<String>,
) -> Vec<Result<sessions::SignedIn, DomainError>> {
    let address = email("jonas.dahl@example.org");
    let attempts: Vec<_> = passwords
        .into_iter()
        .map(|password| {
            let db = test.db.clone();
            let address = address.clone();
            tokio::spawn(async move { sessions::sign_in(&db, now(), &address, password, 12).await })
        })
        .collect();
    let mut results = Vec::new();
    for attempt in attempts {
        results.push(attempt.await.expect("the attempt ran to its end"));
    }
    results
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_bursts_of_twenty_parallel_wrong_passwords_get_only_five_judged() {
    let test = TestDb::seeded().await;
    let mut judged = 0;
    for burst in 0..4 {
        let results = sign_in_in_parallel(&test, vec!["wrong-password".into(); 20]).await;
        for result in results {
            match result {
                Err(DomainError::InvalidCredentials) => judged += 1,
                Err(DomainError::Throttled { .. }) => {}
                Err(other) => panic!("burst {burst}: {other:?}"),
                Ok(_) => panic!("burst {burst}: a wrong password signed in"),
            }
        }
    }
    assert_eq!(
        judged,
        sessions::MAX_FAILURES,
        "passwords judged before the lock"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_right_password_among_nineteen_parallel_wrong_ones_makes_no_attempt_fail_inside() {
    let test = TestDb::seeded().await;
    let mut passwords = vec!["wrong-password".to_string(); 19];
    passwords.insert(7, DEMO_PASSWORD.into());
    let results = sign_in_in_parallel(&test, passwords).await;
    let mut judged_wrong = 0;
    for (n, result) in results.into_iter().enumerate() {
        match result {
            Ok(_) => assert_eq!(n, 7, "only the right password signs in"),
            Err(DomainError::InvalidCredentials) => judged_wrong += 1,
            Err(DomainError::Throttled { .. }) => {}
            Err(other) => panic!("attempt {n}: {other:?}"),
        }
    }
    // Signing in clears the count, so the attempts after it may be judged afresh.
    assert!(
        judged_wrong <= 2 * sessions::MAX_FAILURES,
        "{judged_wrong} wrong passwords judged"
    );
}
