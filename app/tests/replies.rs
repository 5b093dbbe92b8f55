//! E-mailed answers (iTIP METHOD:REPLY) in the shapes real mail clients send them, from the
//! fixtures in tests/fixtures/replies: each is recorded as the right answer for the right
//! invitee, with CRLF and with LF line endings, and the same message from someone else is
//! refused as not the invitee's.
use chrono::{TimeZone, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::model::forms::FormProblem;
use app::model::invitations::Answer;
use app::model::meetings::{MeetingDraft, Transition};
use app::server::auth::require_secretariat;
use app::server::entities::{invitee, meeting};
use app::server::error::DomainError;
use app::server::services::invitations::{self, MailContext, ReplyOutcome};
use app::server::services::meetings;
use app::server::testing::{TestDb, now};

/// The UID every fixture answers: the one our invitation carried.
const UID: &str = "8c7d2f0e-4b1a-4c55-9d3e-2a6f0b1c9e11@taskforce.example.org";

struct Fixture {
    file: &'static str,
    /// The invitee whose answer it is (demo seed address).
    email: &'static str,
    partstat: &'static str,
    /// The sender's address exactly as the From header writes it.
    from_as_written: &'static str,
}

const FIXTURES: [Fixture; 5] = [
    // multipart/alternative, text/calendar in base64, Windows zone names, B-encoded name,
    // address and MAILTO in another case.
    Fixture {
        file: "outlook_exchange.eml",
        email: "lasse.soenderup@example.org",
        partstat: "ACCEPTED",
        from_as_written: "Lasse.Soenderup@example.org",
    },
    // text/calendar in quoted-printable plus application/ics "invite.ics" in base64.
    Fixture {
        file: "gmail.eml",
        email: "malene.kjaer-jepsen@example.org",
        partstat: "DECLINED",
        from_as_written: "malene.kjaer-jepsen@example.org",
    },
    // The calendar only as an attachment (text/calendar, quoted-printable), nested
    // multipart/mixed > multipart/alternative, LF line endings, PARTSTAT in lower case.
    Fixture {
        file: "apple_calendar.eml",
        email: "pernille.halberg.salamon@example.org",
        partstat: "TENTATIVE",
        from_as_written: "pernille.halberg.salamon@example.org",
    },
    // application/ics attachment in base64; the From address in capitals.
    Fixture {
        file: "apple_application_ics.eml",
        email: "jesper.fisker@example.org",
        partstat: "ACCEPTED",
        from_as_written: "JESPER.FISKER@EXAMPLE.ORG",
    },
    // 8bit, and a From with an encoded-word Danish name folded over two lines.
    Fixture {
        file: "thunderbird.eml",
        email: "anette.baekgaard@example.org",
        partstat: "ACCEPTED",
        from_as_written: "anette.baekgaard@example.org",
    },
];

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/replies/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn with_line_endings(raw: &[u8], ending: &str) -> Vec<u8> {
    let text = String::from_utf8(raw.to_vec()).expect("the fixtures are UTF-8");
    text.replace("\r\n", "\n")
        .replace('\n', ending)
        .into_bytes()
}

/// The demo taskforce with one published meeting whose UID is the fixtures'.
async fn published_meeting() -> TestDb {
    let test = TestDb::seeded().await;
    let mail = MailContext::load(&test.db, "https://taskforce.example.org")
        .await
        .expect("mail context");
    let ann = test.user("ann.maskell@example.org").await;
    let chair = test.user("marie.louise.refsgaard@example.org").await;
    let access = require_secretariat(&ann).expect("secretariat");
    let at = |h| {
        Utc.with_ymd_and_hms(2022, 4, 26, h, 0, 0)
            .single()
            .expect("valid")
    };
    let draft = MeetingDraft {
        title: "Temamøde om onboarding".into(),
        starts_at: at(11),
        ends_at: at(13),
        location: "Frederiksberg Rådhus".into(),
        online_link: None,
    };
    let id = meetings::create_meeting(&test.db, &access, now(), 1, draft)
        .await
        .expect("a meeting");
    for (who, step) in [
        (&ann, Transition::SubmitForReview),
        (&chair, Transition::Approve),
        (&ann, Transition::Publish),
    ] {
        meetings::transition(&test.db, who, &mail, now(), id, step, "")
            .await
            .expect("the meeting goes out");
    }
    meeting::Entity::update_many()
        .col_expr(meeting::Column::Uid, Expr::value(Some(UID.to_string())))
        .filter(meeting::Column::Id.eq(id))
        .exec(&test.db)
        .await
        .expect("the fixtures' UID");
    test
}

/// The invitee's row on the fixtures' meeting.
async fn invitee_of(test: &TestDb, email: &str) -> invitee::Model {
    let m = meeting::Entity::find()
        .filter(meeting::Column::Uid.eq(UID))
        .one(&test.db)
        .await
        .expect("meetings")
        .expect("the fixtures' meeting");
    invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(m.id))
        .filter(invitee::Column::Email.eq(email))
        .one(&test.db)
        .await
        .expect("invitees")
        .unwrap_or_else(|| panic!("{email} is not invited"))
}

async fn forget_answers(test: &TestDb) {
    invitee::Entity::update_many()
        .col_expr(invitee::Column::Partstat, Expr::value("NEEDS-ACTION"))
        .col_expr(
            invitee::Column::AnsweredAt,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .exec(&test.db)
        .await
        .expect("answers reset");
}

async fn answer(test: &TestDb, raw: &[u8]) -> Result<ReplyOutcome, DomainError> {
    invitations::apply_reply(&test.db, now(), raw).await
}

#[tokio::test]
async fn replies_from_outlook_gmail_apple_and_thunderbird_are_recorded_for_their_invitee() {
    let test = published_meeting().await;
    for f in &FIXTURES {
        for (ending, label) in [("\r\n", "CRLF"), ("\n", "LF")] {
            forget_answers(&test).await;
            let raw = with_line_endings(&fixture(f.file), ending);
            let outcome = answer(&test, &raw)
                .await
                .unwrap_or_else(|e| panic!("{} ({label}) was refused: {e:?}", f.file));
            assert_eq!(
                outcome,
                ReplyOutcome::Recorded {
                    email: f.email.into(),
                    answer: f.partstat.into()
                },
                "{} ({label})",
                f.file
            );
            let row = invitee_of(&test, f.email).await;
            assert_eq!(row.partstat.partstat(), f.partstat, "{} ({label})", f.file);
            assert_eq!(row.answered_at, Some(now()), "{} ({label})", f.file);
        }
    }
}

#[tokio::test]
async fn the_same_replies_sent_by_another_person_are_refused_as_not_the_invitees() {
    let test = published_meeting().await;
    forget_answers(&test).await;
    for f in &FIXTURES {
        let text = String::from_utf8(fixture(f.file)).expect("UTF-8");
        assert!(text.contains(f.from_as_written), "{}", f.file);
        // The header comes first; the calendar's own ATTENDEE stays the invitee's.
        let forged = text.replacen(f.from_as_written, "kasper.kyed@example.org", 1);
        let outcome = answer(&test, forged.as_bytes()).await;
        assert!(
            matches!(outcome, Err(DomainError::Form(ref p)) if p[0].1 == FormProblem::ReplyForged),
            "{}: {outcome:?}",
            f.file
        );
        assert_eq!(
            invitee_of(&test, f.email).await.partstat,
            Answer::NoAnswer,
            "{}",
            f.file
        );
        assert_eq!(
            invitee_of(&test, "kasper.kyed@example.org").await.partstat,
            Answer::NoAnswer,
            "{}",
            f.file
        );
    }
}
