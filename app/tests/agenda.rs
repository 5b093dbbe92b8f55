//! Service tests for meetings and agendas, on SQLite or (TEST_DATABASE_URL) PostgreSQL.
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Duration, TimeZone, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use app::model::agenda::{ItemDraft, ItemForm, ItemKind};
use app::model::meetings::{LIFECYCLE, MeetingDraft, Transition};
use app::model::{CurrentUser, MeetingStatus};
use app::server::auth::{SecretariatAccess, require_secretariat};
use app::server::entities::{agenda_item, meeting};
use app::server::error::DomainError;
use app::server::services::agenda::Placement;
use app::server::services::invitations::MailContext;
use app::server::services::{agenda, audit, meetings};
use app::server::testing::{TestDb, now};

async fn secretariat(test: &TestDb) -> SecretariatAccess {
    require_secretariat(&test.user("ann.maskell@example.org").await).expect("Ann is secretariat")
}

async fn mail(test: &TestDb) -> MailContext {
    MailContext::load(&test.db, "http://taskforce.example.org")
        .await
        .expect("a mail context")
}

/// One lifecycle step, without a comment.
async fn step(
    test: &TestDb,
    who: &CurrentUser,
    id: i32,
    step: Transition,
) -> Result<MeetingStatus, DomainError> {
    meetings::transition(&test.db, who, &mail(test).await, now(), id, step, "").await
}

fn draft_meeting() -> MeetingDraft {
    MeetingDraft {
        title: "Ekstra møde om anbefalingerne".into(),
        starts_at: Utc
            .with_ymd_and_hms(2022, 9, 6, 11, 0, 0)
            .single()
            .expect("valid"),
        ends_at: Utc
            .with_ymd_and_hms(2022, 9, 6, 12, 0, 0)
            .single()
            .expect("valid"),
        location: "Online".into(),
        online_link: None,
    }
}

fn item(kind: ItemKind, title: &str, minutes: i32) -> ItemDraft {
    ItemDraft {
        kind,
        title: title.into(),
        resume: "Kort **resumé**.".into(),
        indstilling: (kind == ItemKind::B)
            .then(|| "Det indstilles, at taskforcen godkender.".into()),
        presenter_id: None,
        duration_minutes: minutes,
        closed: false,
    }
}

async fn new_meeting(test: &TestDb) -> (SecretariatAccess, i32) {
    let access = secretariat(test).await;
    let id = meetings::create_meeting(&test.db, &access, now(), 1, draft_meeting())
        .await
        .expect("a new meeting");
    (access, id)
}

fn titles(detail: &app::model::meetings::MeetingDetail) -> Vec<String> {
    detail.items.iter().map(|i| i.title.clone()).collect()
}

#[tokio::test]
async fn a_new_meeting_gets_the_next_number_and_the_three_standing_items() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let detail = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    assert_eq!(detail.meeting.number, 7);
    assert_eq!(detail.meeting.status, MeetingStatus::Draft);
    assert_eq!(
        titles(&detail),
        vec![
            "Godkendelse af dagsorden",
            "Opfølgning på handlinger fra sidste møde",
            "Eventuelt"
        ]
    );
}

#[tokio::test]
async fn new_items_go_before_eventuelt_and_their_times_follow_from_the_durations() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    agenda::add_item(
        &test.db,
        &access,
        now(),
        id,
        item(ItemKind::D, "Survey", 30),
    )
    .await
    .unwrap();
    let detail = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    assert_eq!(
        titles(&detail)[2..],
        ["Survey".to_string(), "Eventuelt".to_string()]
    );
    let start = detail.meeting.starts_at;
    let starts: Vec<_> = detail.items.iter().map(|i| i.starts_at - start).collect();
    assert_eq!(
        starts,
        vec![
            Duration::zero(),
            Duration::minutes(5),
            Duration::minutes(15),
            Duration::minutes(45)
        ]
    );
    assert_eq!(
        detail.overrun_minutes, -10,
        "50 minutes of agenda in a one-hour meeting"
    );
}

#[tokio::test]
async fn an_agenda_that_runs_past_the_meetings_end_reports_the_overrun() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    agenda::add_item(
        &test.db,
        &access,
        now(),
        id,
        item(ItemKind::D, "Lang drøftelse", 60),
    )
    .await
    .unwrap();
    let detail = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    assert_eq!(detail.overrun_minutes, 20);
    assert_eq!(
        detail.agenda_ends_at,
        detail.meeting.ends_at + Duration::minutes(20)
    );
}

#[tokio::test]
async fn moving_an_item_swaps_it_with_its_neighbour_and_the_first_cannot_move_up() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let detail = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    let second = detail.items[1].id;
    agenda::move_item(&test.db, &access, now(), second, Placement::Up)
        .await
        .unwrap();
    let after = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    assert_eq!(after.items[0].id, second);
    agenda::move_item(&test.db, &access, now(), second, Placement::Up)
        .await
        .unwrap();
    let unchanged = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    assert_eq!(unchanged.items[0].id, second);
}

#[tokio::test]
async fn an_item_dropped_at_a_place_goes_there_and_the_others_close_up_behind_it() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    for title in ["A", "B", "C"] {
        agenda::add_item(&test.db, &access, now(), id, item(ItemKind::O, title, 5))
            .await
            .unwrap();
    }
    let ids = |detail: &app::model::meetings::MeetingDetail| -> Vec<i32> {
        detail.items.iter().map(|i| i.id).collect()
    };
    let before = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    let order = ids(&before);
    let last = *order.last().unwrap();
    agenda::move_item(&test.db, &access, now(), last, Placement::To(1))
        .await
        .unwrap();
    let after = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    let mut expected = vec![last];
    expected.extend(&order[..order.len() - 1]);
    assert_eq!(ids(&after), expected);
    let numbers: Vec<usize> = after.items.iter().map(|i| i.number).collect();
    assert_eq!(numbers, (1..=order.len()).collect::<Vec<_>>());

    // Far beyond the end means last; the clock times follow the new order.
    agenda::move_item(&test.db, &access, now(), last, Placement::To(99))
        .await
        .unwrap();
    let back = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    assert_eq!(ids(&back), order);
    assert_eq!(back.items[0].starts_at, back.meeting.starts_at);

    let log = audit::for_meeting(&test.db, &access, id).await.unwrap();
    assert!(
        log.iter()
            .any(|r| r.action == "item.moved"
                && r.details.ends_with(&format!("1 → {}", order.len()))),
        "the move is in the audit log"
    );
}

/// Every item's stored place on the meeting's agenda, in order.
async fn positions(test: &TestDb, meeting_id: i32) -> Vec<i32> {
    agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_id))
        .order_by_asc(agenda_item::Column::Position)
        .all(&test.db)
        .await
        .expect("the items")
        .into_iter()
        .map(|i| i.position)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_parallel_additions_moves_and_removals_leave_every_item_its_own_place() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let mut doomed = Vec::new();
    for title in ["Fjernes 1", "Fjernes 2", "Fjernes 3"] {
        doomed.push(
            agenda::add_item(&test.db, &access, now(), id, item(ItemKind::O, title, 5))
                .await
                .unwrap(),
        );
    }
    let standing: Vec<i32> = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap()
        .items
        .iter()
        .filter(|i| i.standing.is_some())
        .map(|i| i.id)
        .collect();
    let mut tasks = tokio::task::JoinSet::new();
    for n in 0..30usize {
        let (db, ann) = (test.db.clone(), access.clone());
        tasks.spawn(async move {
            let draft = item(ItemKind::D, &format!("Anette Bækgaards punkt {n}"), 5);
            agenda::add_item(&db, &ann, now(), id, draft)
                .await
                .map(|_| ())
        });
        let (db, ann) = (test.db.clone(), access.clone());
        let moved = standing[n % standing.len()];
        let placement = match n % 3 {
            0 => Placement::Up,
            1 => Placement::Down,
            _ => Placement::To(n % 7 + 1),
        };
        tasks.spawn(async move {
            agenda::move_item(&db, &ann, now(), moved, placement)
                .await
                .map(|_| ())
        });
    }
    for removed in doomed {
        let (db, ann) = (test.db.clone(), access.clone());
        tasks.spawn(async move {
            agenda::remove_item(&db, &ann, now(), removed, &std::env::temp_dir())
                .await
                .map(|_| ())
        });
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("no panic").expect("every change succeeds");
    }
    let expected: Vec<i32> = (1..=33).collect();
    assert_eq!(positions(&test, id).await, expected);
}

#[tokio::test]
async fn upgrading_renumbers_an_agenda_whose_items_share_a_place_and_then_no_two_can() {
    use migrations::{Migrator, MigratorTrait};
    let test = TestDb::seeded().await;
    let all = Migrator::migrations();
    let unique = all
        .iter()
        .position(|m| m.name().ends_with("unique_agenda_positions"))
        .expect("the migration");
    Migrator::down(&test.db, Some(u32::try_from(all.len() - unique).unwrap()))
        .await
        .unwrap();
    let meeting_4 = 4;
    let before: Vec<i32> = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting_4))
        .order_by_asc(agenda_item::Column::Position)
        .all(&test.db)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    // The fifth item lands on the fourth's place, as the concurrent saves left it.
    agenda_item::Entity::update_many()
        .col_expr(agenda_item::Column::Position, Expr::value(4))
        .filter(agenda_item::Column::Id.eq(before[4]))
        .exec(&test.db)
        .await
        .unwrap();
    assert_eq!(positions(&test, meeting_4).await[3..5], [4, 4]);

    Migrator::up(&test.db, None).await.unwrap();
    let expected: Vec<i32> = (1..=i32::try_from(before.len()).unwrap()).collect();
    assert_eq!(positions(&test, meeting_4).await, expected);
    let after: Vec<i32> = meetings::meeting_detail(
        &test.db,
        &test.user("ann.maskell@example.org").await,
        meeting_4,
    )
    .await
    .unwrap()
    .items
    .iter()
    .map(|i| i.id)
    .collect();
    assert_eq!(after, before, "the shown order is kept");
    let shared = agenda_item::Entity::update_many()
        .col_expr(agenda_item::Column::Position, Expr::value(4))
        .filter(agenda_item::Column::Id.eq(before[4]))
        .exec(&test.db)
        .await;
    assert!(
        shared
            .as_ref()
            .is_err_and(app::server::db::is_unique_violation),
        "{shared:?}"
    );
}

#[tokio::test]
async fn removing_an_item_takes_it_off_the_agenda() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let added = agenda::add_item(
        &test.db,
        &access,
        now(),
        id,
        item(ItemKind::O, "Fjernes", 10),
    )
    .await
    .unwrap();
    agenda::remove_item(&test.db, &access, now(), added, &std::env::temp_dir())
        .await
        .unwrap();
    let detail = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    assert!(!titles(&detail).contains(&"Fjernes".to_string()));
}

#[tokio::test]
async fn a_decision_item_without_an_indstilling_is_refused_by_the_form_and_by_the_service() {
    let form = ItemForm {
        kind: "B".into(),
        title: "Beslutning".into(),
        duration: "10".into(),
        ..ItemForm::default()
    };
    let problems = form.parse().expect_err("B needs an indstilling");
    assert_eq!(problems[0].0, "indstilling");

    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let mut bare = item(ItemKind::B, "Beslutning", 10);
    bare.indstilling = None;
    let result = agenda::add_item(&test.db, &access, now(), id, bare).await;
    assert!(
        matches!(result, Err(DomainError::Form(ref p)) if p[0].0 == "indstilling"),
        "{result:?}"
    );
}

#[tokio::test]
async fn an_unknown_presenter_is_refused_at_the_presenter_field() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let mut bad = item(ItemKind::O, "Oplæg", 10);
    bad.presenter_id = Some(99_999);
    let result = agenda::add_item(&test.db, &access, now(), id, bad).await;
    assert!(
        matches!(result, Err(DomainError::Form(ref p)) if p[0].0 == "presenter_id"),
        "{result:?}"
    );
}

#[tokio::test]
async fn the_second_of_two_concurrent_saves_is_refused_and_the_first_is_kept() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let detail = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    let target = &detail.items[1];
    let read_version = target.version;
    agenda::update_item(
        &test.db,
        &access,
        now(),
        target.id,
        read_version,
        item(ItemKind::O, "Første gem", 10),
    )
    .await
    .unwrap();
    let second = agenda::update_item(
        &test.db,
        &access,
        now(),
        target.id,
        read_version,
        item(ItemKind::O, "Andet gem", 10),
    )
    .await;
    assert!(matches!(second, Err(DomainError::Stale)), "{second:?}");
    let after = meetings::meeting_detail(&test.db, access.user(), id)
        .await
        .unwrap();
    assert_eq!(after.items[1].title, "Første gem");
    assert_eq!(after.items[1].version, read_version + 1);
}

#[tokio::test]
async fn a_stale_meeting_edit_is_refused_too() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    meetings::update_meeting(
        &test.db,
        &access,
        &mail(&test).await,
        now(),
        id,
        1,
        draft_meeting(),
    )
    .await
    .unwrap();
    let again = meetings::update_meeting(
        &test.db,
        &access,
        &mail(&test).await,
        now(),
        id,
        1,
        draft_meeting(),
    )
    .await;
    assert!(matches!(again, Err(DomainError::Stale)));
}

#[tokio::test]
async fn closed_items_show_only_that_they_exist_to_members_and_the_steering_group() {
    let test = TestDb::seeded().await;
    let meeting_4 = 4;
    for email in [
        "jonas.dahl@example.org",
        "styregruppe@example.org",
        "sofie.lind@example.org",
    ] {
        let viewer = test.user(email).await;
        let detail = meetings::meeting_detail(&test.db, &viewer, meeting_4)
            .await
            .unwrap();
        let closed: Vec<_> = detail.items.iter().filter(|i| i.closed).collect();
        assert_eq!(closed.len(), 1, "{email}");
        assert!(closed[0].restricted);
        assert!(
            closed[0].title.is_empty()
                && closed[0].resume_html.is_empty()
                && closed[0].indstilling.is_none()
        );
        assert!(closed[0].papers.is_empty());
    }
    for email in [
        "ann.maskell@example.org",
        "marie.louise.refsgaard@example.org",
    ] {
        let viewer = test.user(email).await;
        let detail = meetings::meeting_detail(&test.db, &viewer, meeting_4)
            .await
            .unwrap();
        let closed = detail.items.iter().find(|i| i.closed).unwrap();
        assert!(!closed.restricted, "{email}");
        assert_eq!(closed.title, "Rekruttering af interviewpersoner");
    }
}

#[tokio::test]
async fn nothing_about_a_draft_is_visible_to_members_or_the_chair() {
    let test = TestDb::seeded().await;
    let (_, id) = new_meeting(&test).await;
    for email in [
        "jonas.dahl@example.org",
        "marie.louise.refsgaard@example.org",
        "styregruppe@example.org",
    ] {
        let viewer = test.user(email).await;
        let result = meetings::meeting_detail(&test.db, &viewer, id).await;
        assert!(matches!(result, Err(DomainError::NotFound)), "{email}");
    }
}

#[tokio::test]
async fn a_meeting_goes_from_draft_through_the_chairs_review_to_published_and_held() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let ann = access.user().clone();
    let chair = test.user("marie.louise.refsgaard@example.org").await;
    let member = test.user("jonas.dahl@example.org").await;

    assert_eq!(
        step(&test, &ann, id, Transition::SubmitForReview)
            .await
            .unwrap(),
        MeetingStatus::InReview
    );
    assert!(
        meetings::meeting_detail(&test.db, &chair, id)
            .await
            .unwrap()
            .can
            .review
    );
    assert!(matches!(
        meetings::meeting_detail(&test.db, &member, id).await,
        Err(DomainError::NotFound)
    ));
    assert!(
        matches!(
            step(&test, &ann, id, Transition::Publish).await,
            Err(DomainError::WrongStatus)
        ),
        "not before the chair approves"
    );
    assert!(
        matches!(
            step(&test, &ann, id, Transition::Approve).await,
            Err(DomainError::Forbidden)
        ),
        "only the chair approves"
    );

    step(&test, &chair, id, Transition::Approve).await.unwrap();
    assert!(
        matches!(
            step(&test, &chair, id, Transition::Publish).await,
            Err(DomainError::Forbidden)
        ),
        "the secretariat publishes"
    );
    assert_eq!(
        step(&test, &ann, id, Transition::Publish).await.unwrap(),
        MeetingStatus::Published
    );

    let seen = meetings::meeting_detail(&test.db, &member, id)
        .await
        .unwrap();
    assert_eq!(seen.meeting.status, MeetingStatus::Published);
    assert_eq!(seen.items.len(), 3);
    assert!(matches!(
        step(&test, &member, id, Transition::MarkHeld).await,
        Err(DomainError::Forbidden)
    ));
    step(&test, &ann, id, Transition::MarkHeld).await.unwrap();
    assert_eq!(
        step(&test, &ann, id, Transition::Close).await.unwrap(),
        MeetingStatus::Closed
    );
}

#[tokio::test]
async fn every_step_from_every_status_is_taken_exactly_where_the_lifecycle_table_allows_it() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let ann = access.user().clone();
    let chair = test.user("marie.louise.refsgaard@example.org").await;
    let mail = mail(&test).await;
    for from in MeetingStatus::ALL {
        for step in Transition::ALL {
            // Approved by the chair, so that publishing is refused only for its status.
            meeting::Entity::update_many()
                .col_expr(meeting::Column::Status, Expr::value(from))
                .col_expr(meeting::Column::ApprovedAt, Expr::value(Some(now())))
                .filter(meeting::Column::Id.eq(id))
                .exec(&test.db)
                .await
                .unwrap();
            let who = match step {
                Transition::Approve | Transition::SendBack => &chair,
                _ => &ann,
            };
            let result = meetings::transition(
                &test.db,
                who,
                &mail,
                now(),
                id,
                step,
                "Punkt 3 mangler bilag.",
            )
            .await;
            let allowed = LIFECYCLE
                .iter()
                .find(|(f, s, _)| *f == from && *s == step)
                .map(|(_, _, to)| *to);
            let stored = meeting::Entity::find_by_id(id)
                .one(&test.db)
                .await
                .unwrap()
                .unwrap()
                .status;
            match (allowed, result) {
                (_, Err(DomainError::NotFound)) if !who.role.may_see_meeting(from) => {}
                (Some(to), Ok(reached)) => {
                    assert_eq!(reached, to, "{from:?} --{step:?}-->");
                    assert_eq!(stored, to, "{from:?} --{step:?}--> is stored");
                }
                (None, Err(DomainError::WrongStatus)) => {
                    assert_eq!(stored, from, "{from:?} --{step:?}--> changed nothing");
                }
                (allowed, result) => {
                    panic!("{from:?} --{step:?}--> gave {result:?}, the table says {allowed:?}")
                }
            }
        }
    }
}

#[tokio::test]
async fn the_chair_sends_a_draft_back_with_a_comment_and_a_comment_is_required() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let ann = access.user().clone();
    let chair = test.user("marie.louise.refsgaard@example.org").await;
    step(&test, &ann, id, Transition::SubmitForReview)
        .await
        .unwrap();
    let empty = meetings::transition(
        &test.db,
        &chair,
        &mail(&test).await,
        now(),
        id,
        Transition::SendBack,
        "  ",
    )
    .await;
    assert!(matches!(empty, Err(DomainError::Form(ref p)) if p[0].0 == "comment"));
    meetings::transition(
        &test.db,
        &chair,
        &mail(&test).await,
        now(),
        id,
        Transition::SendBack,
        "Punkt 3 mangler bilag.",
    )
    .await
    .unwrap();
    let detail = meetings::meeting_detail(&test.db, &ann, id).await.unwrap();
    assert_eq!(detail.meeting.status, MeetingStatus::Draft);
    assert_eq!(
        detail.review_comment.as_deref(),
        Some("Punkt 3 mangler bilag.")
    );
}

#[tokio::test]
async fn changing_an_approved_agenda_withdraws_the_approval() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let ann = access.user().clone();
    let chair = test.user("marie.louise.refsgaard@example.org").await;
    step(&test, &ann, id, Transition::SubmitForReview)
        .await
        .unwrap();
    step(&test, &chair, id, Transition::Approve).await.unwrap();
    assert!(
        meetings::meeting_detail(&test.db, &ann, id)
            .await
            .unwrap()
            .can
            .publish
    );
    agenda::add_item(
        &test.db,
        &access,
        now(),
        id,
        item(ItemKind::O, "Sent tilføjet", 5),
    )
    .await
    .unwrap();
    let detail = meetings::meeting_detail(&test.db, &ann, id).await.unwrap();
    assert!(!detail.approved && !detail.can.publish);
}

#[tokio::test]
async fn every_change_is_in_the_audit_log_with_who_did_it() {
    let test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let added = agenda::add_item(
        &test.db,
        &access,
        now(),
        id,
        item(ItemKind::D, "Survey", 30),
    )
    .await
    .unwrap();
    agenda::update_item(
        &test.db,
        &access,
        now() + Duration::minutes(1),
        added,
        1,
        item(ItemKind::D, "Surveyen", 45),
    )
    .await
    .unwrap();
    meetings::transition(
        &test.db,
        access.user(),
        &mail(&test).await,
        now() + Duration::minutes(2),
        id,
        Transition::SubmitForReview,
        "",
    )
    .await
    .unwrap();
    let log = audit::for_meeting(&test.db, &access, id).await.unwrap();
    let actions: Vec<_> = log.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(
        actions,
        vec![
            "status.submit",
            "item.updated",
            "item.added",
            "meeting.created"
        ]
    );
    assert!(log.iter().all(|r| r.actor == "Ann Maskell"));
    assert!(
        log[1].details.contains("title: «Survey» → «Surveyen»"),
        "{}",
        log[1].details
    );
    assert!(log[1].details.contains("duration: «30» → «45»"));
}

#[tokio::test]
async fn the_meeting_page_costs_the_same_number_of_queries_whatever_the_number_of_items() {
    let mut test = TestDb::seeded().await;
    let (access, id) = new_meeting(&test).await;
    let counter = Arc::new(AtomicUsize::new(0));
    let seen = counter.clone();
    test.db.set_metric_callback(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
    });
    let count = || {
        let counter = counter.clone();
        let db = test.db.clone();
        let viewer = access.user().clone();
        async move {
            counter.store(0, Ordering::SeqCst);
            meetings::meeting_detail(&db, &viewer, id).await.unwrap();
            counter.load(Ordering::SeqCst)
        }
    };
    let with_three = count().await;
    for n in 0..9 {
        agenda::add_item(
            &test.db,
            &access,
            now(),
            id,
            item(ItemKind::O, &format!("Punkt {n}"), 5),
        )
        .await
        .unwrap();
    }
    let with_twelve = count().await;
    assert!(with_three > 0);
    assert_eq!(with_three, with_twelve);
}
