//! Invitations end to end: publishing writes one message per invitee to the outbox, the worker
//! delivers them over SMTP to a real server on 127.0.0.1 (aiosmtpd), and calendars, updates,
//! cancellations, answers and faults behave as RFC 5546/6047 and the issue ask.
use std::collections::HashSet;

use base64::Engine;
use chrono::{Duration, TimeZone, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::model::invitations::Answer;
use app::model::meetings::{MeetingDraft, Transition};
use app::model::{CurrentUser, MeetingStatus};
use app::server::auth::{SecretariatAccess, require_secretariat};
use app::server::calendar::{EventData, Party};
use app::server::entities::outbox_message::OutboxStatus;
use app::server::entities::{invitee, outbox_message};
use app::server::error::DomainError;
use app::server::mail::{self, MailKind};
use app::server::mailer::Mailer;
use app::server::services::invitations::{self, MailContext};
use app::server::services::meetings;
use app::server::services::outbox::{self, Outcome};
use app::server::testing::{SmtpSink, TestDb, now};

const INVITEES: usize = 10; // the chair and nine members

struct World {
    test: TestDb,
    mail: MailContext,
    ann: CurrentUser,
    chair: CurrentUser,
    access: SecretariatAccess,
}

async fn world() -> World {
    let test = TestDb::seeded().await;
    let mail = MailContext::load(&test.db, "https://taskforce.example.org")
        .await
        .expect("mail context");
    let ann = test.user("ann.maskell@example.org").await;
    let chair = test.user("marie.louise.refsgaard@example.org").await;
    let access = require_secretariat(&ann).expect("secretariat");
    World {
        test,
        mail,
        ann,
        chair,
        access,
    }
}

fn draft() -> MeetingDraft {
    MeetingDraft {
        title: "Temamøde om onboarding".into(),
        starts_at: Utc
            .with_ymd_and_hms(2022, 4, 26, 11, 0, 0)
            .single()
            .expect("valid"),
        ends_at: Utc
            .with_ymd_and_hms(2022, 4, 26, 13, 0, 0)
            .single()
            .expect("valid"),
        location: "Frederiksberg Rådhus".into(),
        online_link: None,
    }
}

impl World {
    async fn new_meeting(&self) -> i32 {
        meetings::create_meeting(&self.test.db, &self.access, now(), 1, draft())
            .await
            .expect("a meeting")
    }

    async fn step(
        &self,
        who: &CurrentUser,
        id: i32,
        step: Transition,
    ) -> Result<MeetingStatus, DomainError> {
        meetings::transition(&self.test.db, who, &self.mail, now(), id, step, "").await
    }

    async fn publish(&self, id: i32) {
        self.step(&self.ann.clone(), id, Transition::SubmitForReview)
            .await
            .expect("submit");
        self.step(&self.chair.clone(), id, Transition::Approve)
            .await
            .expect("approve");
        self.step(&self.ann.clone(), id, Transition::Publish)
            .await
            .expect("publish");
    }

    async fn outbox(&self) -> Vec<outbox_message::Model> {
        outbox_message::Entity::find()
            .all(&self.test.db)
            .await
            .expect("outbox")
    }

    /// Runs the worker until nothing is due; returns the outcomes.
    async fn drain(&self, mailer: &Mailer, at: chrono::DateTime<Utc>) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        loop {
            match outbox::try_execute_task(&self.test.db, mailer, at)
                .await
                .expect("worker")
            {
                Outcome::Idle => return outcomes,
                other => outcomes.push(other),
            }
        }
    }
}

/// The decoded text/calendar alternative of a raw message, and the MIME text around it.
fn calendar_part(raw: &str) -> String {
    let marker = "Content-Type: text/calendar; charset=utf-8; method=";
    let start = raw.find(marker).expect("a text/calendar part");
    let body_start = start + raw[start..].find("\r\n\r\n").expect("part headers end") + 4;
    let body: String = raw[body_start..]
        .lines()
        .take_while(|l| !l.starts_with("--") && !l.is_empty())
        .collect();
    String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(body.trim())
            .expect("base64"),
    )
    .expect("UTF-8")
}

fn header(raw: &str, name: &str) -> String {
    let prefix = format!("{name}: ");
    raw.split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .split("\r\n")
        .find(|l| l.starts_with(&prefix))
        .map(|l| l[prefix.len()..].to_string())
        .unwrap_or_default()
}

#[tokio::test]
async fn nothing_is_sent_while_the_meeting_is_a_draft_or_in_review() {
    let w = world().await;
    let id = w.new_meeting().await;
    w.step(&w.ann.clone(), id, Transition::SubmitForReview)
        .await
        .unwrap();
    w.step(&w.chair.clone(), id, Transition::Approve)
        .await
        .unwrap();
    assert!(w.outbox().await.is_empty());
}

#[tokio::test]
async fn publishing_writes_one_invitation_per_invitee_with_the_status_change() {
    let w = world().await;
    let id = w.new_meeting().await;
    w.publish(id).await;
    let messages = w.outbox().await;
    assert_eq!(messages.len(), INVITEES);
    assert!(messages.iter().all(|m| m.kind == MailKind::Invitation
        && m.status == OutboxStatus::Queued
        && m.meeting_id == Some(id)));
    let recipients: HashSet<_> = messages.iter().map(|m| m.recipient.clone()).collect();
    assert_eq!(recipients.len(), INVITEES, "one message per person");
    assert!(recipients.contains("marie.louise.refsgaard@example.org"));
    assert!(
        !recipients.contains("styregruppe@example.org"),
        "the steering group is not invited"
    );
}

#[tokio::test]
async fn invitations_reach_a_real_smtp_server_as_itip_requests_each_person_their_own() {
    let w = world().await;
    let sink = SmtpSink::start(SmtpSink::free_port()).await;
    let mailer = Mailer::new(Some(&sink.url()), std::env::temp_dir()).expect("mailer");
    let id = w.new_meeting().await;
    w.publish(id).await;
    let outcomes = w.drain(&mailer, now()).await;
    assert_eq!(outcomes.len(), INVITEES);
    assert!(outcomes.iter().all(|o| matches!(o, Outcome::Sent(_))));

    let received = sink.messages();
    assert_eq!(received.len(), INVITEES);
    let jonas = received
        .iter()
        .map(|m| String::from_utf8_lossy(m).to_string())
        .find(|m| header(m, "To").contains("jonas.dahl@example.org"))
        .expect("Jonas' invitation");
    assert!(
        !jonas.replace("\r\n", "").contains('\n'),
        "CRLF line endings on the wire"
    );
    assert!(
        header(&jonas, "Content-Type").starts_with("multipart/mixed"),
        "{}",
        header(&jonas, "Content-Type")
    );
    let alternative = jonas
        .find("Content-Type: multipart/alternative")
        .expect("an alternative part");
    let plain = jonas.find("Content-Type: text/plain").expect("text");
    let html = jonas.find("Content-Type: text/html").expect("html");
    let calendar = jonas
        .find("Content-Type: text/calendar; charset=utf-8; method=REQUEST")
        .expect("calendar");
    let attachment = jonas
        .find("Content-Disposition: attachment; filename=\"invite.ics\"")
        .expect("attachment");
    assert!(
        alternative < plain && plain < html && html < calendar && calendar < attachment,
        "text/calendar is the last alternative"
    );
    assert!(header(&jonas, "From").contains("<taskforce-sekretariat@example.org>"));
    assert!(header(&jonas, "Message-ID").ends_with("@taskforce.example.org>"));

    let ics = calendar_part(&jonas);
    assert!(ics.contains("METHOD:REQUEST\r\n"));
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("ORGANIZER;CN=\"Sekretariatet for Taskforce om Ledermobilitet mellem sektorer\":mailto:taskforce-sekretariat@example.org"));
    assert!(unfolded.contains("ATTENDEE;CN=\"Jonas Dahl\";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:jonas.dahl@example.org"));
    assert_eq!(
        unfolded.matches("ATTENDEE").count(),
        1,
        "only the recipient"
    );
    assert!(unfolded.contains("DTSTART;TZID=Europe/Copenhagen:20220426T130000"));
    assert!(jonas.contains("/rsvp/"), "answer links in the body");
}

#[tokio::test]
async fn an_update_keeps_the_uid_raises_the_sequence_and_a_burst_of_edits_becomes_one_message() {
    let w = world().await;
    let sink = SmtpSink::start(SmtpSink::free_port()).await;
    let mailer = Mailer::new(Some(&sink.url()), std::env::temp_dir()).expect("mailer");
    let id = w.new_meeting().await;
    w.publish(id).await;
    w.drain(&mailer, now()).await;
    let mut moved = draft();
    moved.starts_at += Duration::hours(1);
    moved.ends_at += Duration::hours(1);
    meetings::update_meeting(&w.test.db, &w.access, &w.mail, now(), id, 1, moved.clone())
        .await
        .unwrap();
    moved.location = "Online".into();
    meetings::update_meeting(
        &w.test.db,
        &w.access,
        &w.mail,
        now() + Duration::seconds(20),
        id,
        2,
        moved,
    )
    .await
    .unwrap();
    assert!(
        w.drain(&mailer, now() + Duration::seconds(30))
            .await
            .is_empty(),
        "updates wait out the window"
    );
    let sent = w.drain(&mailer, now() + Duration::seconds(120)).await;
    assert_eq!(sent.len(), INVITEES, "one update per invitee for two edits");

    let received = sink.messages();
    let first = String::from_utf8_lossy(&received[0]).to_string();
    let last = String::from_utf8_lossy(received.last().expect("an update")).to_string();
    let uid = |m: &str| {
        calendar_part(m)
            .lines()
            .find(|l| l.starts_with("UID:"))
            .map(str::to_string)
    };
    assert_eq!(uid(&first), uid(&last));
    assert!(calendar_part(&first).contains("SEQUENCE:0\r\n"));
    assert!(
        calendar_part(&last).contains("SEQUENCE:2\r\n"),
        "{}",
        calendar_part(&last)
    );
    assert!(calendar_part(&last).contains("LOCATION:Online"));
    assert!(calendar_part(&last).contains("DTSTART;TZID=Europe/Copenhagen:20220426T140000"));
}

#[tokio::test]
async fn cancelling_sends_everyone_a_cancel_and_a_removed_person_gets_one_of_their_own() {
    let w = world().await;
    let sink = SmtpSink::start(SmtpSink::free_port()).await;
    let mailer = Mailer::new(Some(&sink.url()), std::env::temp_dir()).expect("mailer");
    let id = w.new_meeting().await;
    w.publish(id).await;
    let jonas = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(id))
        .filter(invitee::Column::Email.eq("jonas.dahl@example.org"))
        .one(&w.test.db)
        .await
        .unwrap()
        .expect("Jonas is invited");
    // Twice, as a double click or a resent form does: the second changes nothing.
    for _ in 0..2 {
        invitations::remove_invitee(&w.test.db, &w.access, &w.mail, now(), jonas.id)
            .await
            .unwrap();
    }
    invitations::cancel_meeting(&w.test.db, &w.access, &w.mail, now(), id)
        .await
        .unwrap();
    w.drain(&mailer, now()).await;
    let received: Vec<String> = sink
        .messages()
        .iter()
        .map(|m| String::from_utf8_lossy(m).to_string())
        .collect();
    let to_jonas: Vec<&String> = received
        .iter()
        .filter(|m| header(m, "To").contains("jonas.dahl"))
        .collect();
    assert_eq!(
        to_jonas.len(),
        2,
        "his invitation, then his own CANCEL; not the meeting's"
    );
    assert!(to_jonas[0].contains("method=REQUEST"));
    assert!(
        to_jonas[1].contains("method=CANCEL"),
        "the CANCEL never overtakes the REQUEST"
    );
    let cancels: Vec<&String> = received
        .iter()
        .filter(|m| m.contains("Content-Type: text/calendar; charset=utf-8; method=CANCEL"))
        .collect();
    assert_eq!(cancels.len(), INVITEES);
    let last = calendar_part(cancels.last().expect("a cancel"));
    assert!(
        last.contains("METHOD:CANCEL\r\n")
            && last.contains("STATUS:CANCELLED\r\n")
            && last.contains("SEQUENCE:2\r\n"),
        "{last}"
    );
}

#[tokio::test]
async fn with_smtp_refusing_connections_nothing_is_lost_and_each_message_arrives_once_when_it_returns()
 {
    let w = world().await;
    let port = SmtpSink::free_port();
    let mailer = Mailer::new(
        Some(&format!("smtp://127.0.0.1:{port}")),
        std::env::temp_dir(),
    )
    .expect("mailer");
    let id = w.new_meeting().await;
    w.publish(id).await;
    let failed = w.drain(&mailer, now()).await;
    assert_eq!(failed.len(), INVITEES);
    assert!(failed.iter().all(|o| matches!(o, Outcome::Retry(_))));
    assert!(
        w.outbox()
            .await
            .iter()
            .all(|m| m.status == OutboxStatus::Queued && m.attempts == 1 && m.last_error.is_some())
    );
    let progress = outbox::progress(&w.test.db, id).await.unwrap();
    assert_eq!(
        (progress.queued, progress.sent, progress.failed),
        (INVITEES as u64, 0, INVITEES as u64)
    );

    let sink = SmtpSink::start(port).await;
    assert!(
        w.drain(&mailer, now() + Duration::seconds(5))
            .await
            .is_empty(),
        "backing off"
    );
    let sent = w.drain(&mailer, now() + Duration::minutes(5)).await;
    assert_eq!(sent.len(), INVITEES);
    let progress = outbox::progress(&w.test.db, id).await.unwrap();
    assert_eq!(
        (progress.queued, progress.sent, progress.failed),
        (0, INVITEES as u64, 0),
        "all sent, none failing any more"
    );
    let ids: HashSet<String> = sink
        .messages()
        .iter()
        .map(|m| header(&String::from_utf8_lossy(m), "Message-ID"))
        .collect();
    assert_eq!(sink.messages().len(), INVITEES);
    assert_eq!(ids.len(), INVITEES, "exactly once each");
}

#[tokio::test]
async fn a_message_claimed_by_a_worker_that_died_mid_send_is_sent_after_the_claim_expires() {
    let w = world().await;
    let sink = SmtpSink::start(SmtpSink::free_port()).await;
    let mailer = Mailer::new(Some(&sink.url()), std::env::temp_dir()).expect("mailer");
    let id = w.new_meeting().await;
    w.publish(id).await;
    // A worker claimed the first message and was killed before it could record anything.
    let first = w
        .outbox()
        .await
        .into_iter()
        .min_by_key(|m| m.id)
        .expect("a message");
    outbox_message::Entity::update_many()
        .col_expr(
            outbox_message::Column::Status,
            sea_orm::sea_query::Expr::value("sending"),
        )
        .col_expr(
            outbox_message::Column::ClaimedUntil,
            sea_orm::sea_query::Expr::value(Some(now() + Duration::seconds(60))),
        )
        .filter(outbox_message::Column::Id.eq(first.id))
        .exec(&w.test.db)
        .await
        .unwrap();
    let meanwhile = w.drain(&mailer, now()).await;
    assert_eq!(
        meanwhile.len(),
        INVITEES - 1,
        "the claimed one waits for its claim to run out"
    );
    let after = w.drain(&mailer, now() + Duration::minutes(3)).await;
    assert_eq!(after, vec![Outcome::Sent(first.id)]);
    assert_eq!(sink.messages().len(), INVITEES);
}

#[tokio::test]
async fn two_workers_at_once_send_each_message_exactly_once() {
    let w = world().await;
    let sink = SmtpSink::start(SmtpSink::free_port()).await;
    let id = w.new_meeting().await;
    w.publish(id).await;
    let mut workers = Vec::new();
    for _ in 0..2 {
        // Each worker has its own connection pool, as two app instances would.
        let db = app::server::db::connect(&w.test.url)
            .await
            .expect("a second connection");
        let mailer = Mailer::new(Some(&sink.url()), std::env::temp_dir()).expect("mailer");
        workers.push(tokio::spawn(async move {
            let mut sent = 0;
            while let Outcome::Sent(_) = outbox::try_execute_task(&db, &mailer, now())
                .await
                .expect("worker")
            {
                sent += 1;
            }
            sent
        }));
    }
    let mut total = 0;
    for worker in workers {
        total += worker.await.expect("a worker");
    }
    assert_eq!(total, INVITEES);
    let ids: HashSet<String> = sink
        .messages()
        .iter()
        .map(|m| header(&String::from_utf8_lossy(m), "Message-ID"))
        .collect();
    assert_eq!(sink.messages().len(), INVITEES);
    assert_eq!(ids.len(), INVITEES);
}

#[tokio::test]
async fn a_dead_message_can_be_retried_by_the_secretariat() {
    let w = world().await;
    let mailer = Mailer::new(
        Some(&format!("smtp://127.0.0.1:{}", SmtpSink::free_port())),
        std::env::temp_dir(),
    )
    .expect("mailer");
    let id = w.new_meeting().await;
    w.publish(id).await;
    let mut at = now();
    for _ in 0..outbox::MAX_ATTEMPTS {
        w.drain(&mailer, at).await;
        at += Duration::hours(2);
    }
    let dead: Vec<_> = w
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.status == OutboxStatus::Dead)
        .collect();
    assert_eq!(dead.len(), INVITEES);
    outbox::retry(&w.test.db, &w.access, at, dead[0].id)
        .await
        .unwrap();
    let again = outbox_message::Entity::find_by_id(dead[0].id)
        .one(&w.test.db)
        .await
        .unwrap()
        .expect("row");
    assert_eq!((again.status.as_str(), again.attempts), ("queued", 0));
}

#[tokio::test]
async fn answer_links_record_the_answer_and_refuse_tampering_expiry_and_other_people() {
    let w = world().await;
    let id = w.new_meeting().await;
    w.publish(id).await;
    let invited = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(id))
        .all(&w.test.db)
        .await
        .unwrap();
    let (jonas, other) = (&invited[2], &invited[3]);
    let expires = now() + Duration::days(60);
    let token = w.mail.sign(jonas.id, expires);
    invitations::answer(&w.test.db, &w.mail, now(), &token, Answer::Accepted)
        .await
        .unwrap();
    let stored = invitee::Entity::find_by_id(jonas.id)
        .one(&w.test.db)
        .await
        .unwrap()
        .expect("row");
    assert_eq!(stored.partstat, Answer::Accepted);
    assert_eq!(stored.answered_at, Some(now()));

    let tampered = token.replacen(&jonas.id.to_string(), &other.id.to_string(), 1);
    assert!(matches!(
        invitations::answer(&w.test.db, &w.mail, now(), &tampered, Answer::Declined).await,
        Err(DomainError::NotFound)
    ));
    let last = if token.ends_with('0') { '1' } else { '0' };
    let forged_signature = format!("{}{last}", &token[..token.len() - 1]);
    assert!(matches!(
        invitations::answer(
            &w.test.db,
            &w.mail,
            now(),
            &forged_signature,
            Answer::Declined
        )
        .await,
        Err(DomainError::NotFound)
    ));
    let expired = w.mail.sign(jonas.id, now() - Duration::seconds(1));
    assert!(matches!(
        invitations::answer(&w.test.db, &w.mail, now(), &expired, Answer::Declined).await,
        Err(DomainError::WrongStatus)
    ));
    let other_stored = invitee::Entity::find_by_id(other.id)
        .one(&w.test.db)
        .await
        .unwrap()
        .expect("row");
    assert_eq!(
        other_stored.partstat,
        Answer::NoAnswer,
        "nobody answered for the other person"
    );
}

#[tokio::test]
async fn reminders_go_once_to_everyone_who_has_not_declined() {
    let w = world().await;
    let id = w.new_meeting().await;
    w.publish(id).await;
    let invited = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(id))
        .all(&w.test.db)
        .await
        .unwrap();
    let token = w.mail.sign(invited[0].id, now() + Duration::days(90));
    invitations::answer(&w.test.db, &w.mail, now(), &token, Answer::Declined)
        .await
        .unwrap();
    let far = invitations::send_due_reminders(&w.test.db, &w.mail, now(), 48)
        .await
        .unwrap();
    assert_eq!(far, 0, "eight weeks before is too early");
    let two_days_before = draft().starts_at - Duration::hours(47);
    assert_eq!(
        invitations::send_due_reminders(&w.test.db, &w.mail, two_days_before, 48)
            .await
            .unwrap(),
        INVITEES - 1
    );
    assert_eq!(
        invitations::send_due_reminders(&w.test.db, &w.mail, two_days_before, 48)
            .await
            .unwrap(),
        0,
        "only once"
    );
    let reminders: Vec<_> = w
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == MailKind::Reminder)
        .collect();
    assert_eq!(reminders.len(), INVITEES - 1);
    assert!(reminders.iter().all(|m| m.recipient != invited[0].email));
    assert!(
        reminders.iter().all(|m| !m.body.contains("text/calendar")),
        "reminders are e-mails, not calendar items"
    );
}

#[tokio::test]
async fn an_emailed_reply_updates_the_answer_and_forged_or_unknown_replies_are_refused() {
    let w = world().await;
    let id = w.new_meeting().await;
    w.publish(id).await;
    let uid = app::server::entities::meeting::Entity::find_by_id(id)
        .one(&w.test.db)
        .await
        .unwrap()
        .and_then(|m| m.uid)
        .expect("a UID");
    let reply = |from: &str, uid: &str| {
        format!(
            "From: Jonas Dahl <{from}>\r\nTo: taskforce-sekretariat@example.org\r\nSubject: Accepted\r\nContent-Type: text/calendar; method=REPLY\r\n\r\nBEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Mail//EN\r\nMETHOD:REPLY\r\nBEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20220301T100000Z\r\nATTENDEE;PARTSTAT=TENTATIVE:mailto:jonas.dahl@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        )
    };
    let outcome = invitations::apply_reply(
        &w.test.db,
        now(),
        reply("jonas.dahl@example.org", &uid).as_bytes(),
    )
    .await
    .unwrap();
    assert_eq!(
        outcome,
        invitations::ReplyOutcome::Recorded {
            email: "jonas.dahl@example.org".into(),
            answer: "TENTATIVE".into()
        }
    );
    let forged = invitations::apply_reply(
        &w.test.db,
        now(),
        reply("mallory@example.org", &uid).as_bytes(),
    )
    .await;
    assert!(
        matches!(forged, Err(DomainError::Form(ref p)) if p[0].1 == app::model::forms::FormProblem::ReplyForged)
    );
    let unknown = invitations::apply_reply(
        &w.test.db,
        now(),
        reply("jonas.dahl@example.org", "nope@elsewhere").as_bytes(),
    )
    .await;
    assert!(
        matches!(unknown, Err(DomainError::Form(ref p)) if p[0].1 == app::model::forms::FormProblem::ReplyUnknownMeeting)
    );
}

#[tokio::test]
async fn papers_added_to_a_published_meeting_become_one_papers_are_out_mail_per_invitee() {
    use app::server::services::papers::{self, StoredFile, Upload};
    let w = world().await;
    let id = w.new_meeting().await;
    let item = app::server::services::meetings::meeting_detail(&w.test.db, &w.ann, id)
        .await
        .unwrap()
        .items[0]
        .id;
    let upload = |n: i32| Upload {
        item_id: item,
        paper_id: None,
        title: format!("Bilag {n}"),
        file: StoredFile {
            stored_name: format!("stored-{n}-{id}"),
            original_name: format!("bilag-{n}.pdf"),
            content_type: "application/pdf".into(),
            size_bytes: 100,
            sha256: "0".repeat(64),
        },
    };
    papers::add_version(&w.test.db, &w.access, &w.mail, now(), upload(1))
        .await
        .unwrap();
    assert!(w.outbox().await.is_empty(), "nothing goes out for a draft");
    w.publish(id).await;
    papers::add_version(&w.test.db, &w.access, &w.mail, now(), upload(2))
        .await
        .unwrap();
    papers::add_version(
        &w.test.db,
        &w.access,
        &w.mail,
        now() + Duration::minutes(1),
        upload(3),
    )
    .await
    .unwrap();
    let papers_mails: Vec<_> = w
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.kind == MailKind::Papers)
        .collect();
    assert_eq!(papers_mails.len(), INVITEES, "two uploads, one mail each");
    assert!(
        papers_mails
            .iter()
            .all(|m| m.next_attempt_at > now() + Duration::minutes(5)),
        "it waits for the burst to end"
    );
    assert!(
        papers_mails
            .iter()
            .all(|m| !m.body.contains("text/calendar"))
    );
}

#[tokio::test]
async fn secretariat_staff_are_invited_only_when_they_opt_in() {
    let w = world().await;
    let first = w.new_meeting().await;
    w.publish(first).await;
    let invited = |meeting: i32| {
        let db = w.test.db.clone();
        async move {
            invitee::Entity::find()
                .filter(invitee::Column::MeetingId.eq(meeting))
                .filter(invitee::Column::Email.eq("ann.maskell@example.org"))
                .one(&db)
                .await
                .unwrap()
                .is_some()
        }
    };
    assert!(!invited(first).await);
    app::server::services::people::accounts::set_invitation_opt_in(&w.test.db, &w.access, true)
        .await
        .unwrap();
    let second = w.new_meeting().await;
    w.publish(second).await;
    assert!(invited(second).await);
    let to_ann = w
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.recipient == "ann.maskell@example.org")
        .count();
    assert_eq!(to_ann, 1);
}

fn read_message(raw: &[u8]) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default()
        .parse(raw)
        .expect("a message mail-parser can read")
}

/// The decoded text/calendar alternative, read with a MIME parser.
fn calendar_text(message: &mail_parser::Message<'_>) -> String {
    use mail_parser::MimeHeaders;
    message
        .parts
        .iter()
        .find(|p| {
            p.content_type()
                .is_some_and(|t| t.ctype() == "text" && t.subtype() == Some("calendar"))
        })
        .and_then(|p| p.text_contents())
        .expect("a text/calendar part")
        .to_string()
}

/// (CN, address) of every ORGANIZER and ATTENDEE, through the `ical` parser, with RFC 6868
/// decoded (the parser leaves that to its caller).
fn calendar_parties(ics: &str) -> Vec<(String, String, String)> {
    let mut reader = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let cal = reader.next().expect("a calendar").expect("readable");
    cal.events[0]
        .properties
        .iter()
        .filter(|p| p.name == "ORGANIZER" || p.name == "ATTENDEE")
        .map(|p| {
            let cn = p
                .params
                .as_ref()
                .and_then(|ps| ps.iter().find(|(k, _)| k == "CN"))
                .map(|(_, v)| v.join(","))
                .unwrap_or_default()
                .replace("^'", "\"")
                .replace("^n", "\n")
                .replace("^^", "^");
            (p.name.clone(), cn, p.value.clone().unwrap_or_default())
        })
        .collect()
}

#[tokio::test]
async fn a_guest_with_a_danish_name_added_to_a_draft_is_invited_by_name_when_the_meeting_is_published()
 {
    let w = world().await;
    let id = w.new_meeting().await;
    let email = app::model::EmailAddress::parse("anne.kjaer@example.net").expect("an address");
    let name = app::model::PersonName::parse("Anne Kjær").expect("a name");
    invitations::add_guest(
        &w.test.db,
        &w.access,
        &w.mail,
        now(),
        id,
        invitations::Guest {
            name: &name,
            email: &email,
            lang: app::model::Lang::Da,
        },
    )
    .await
    .expect("the guest is added to the draft");
    w.publish(id).await;
    let to_anne = w
        .outbox()
        .await
        .into_iter()
        .find(|m| m.recipient == "anne.kjaer@example.net")
        .expect("an invitation for the guest");
    let message = read_message(to_anne.body.as_bytes());
    let to = message.to().and_then(|a| a.first()).expect("a To address");
    assert_eq!(to.name(), Some("Anne Kjær"));
    assert_eq!(to.address(), Some("anne.kjaer@example.net"));
    let parties = calendar_parties(&calendar_text(&message));
    assert!(
        parties.contains(&(
            "ATTENDEE".into(),
            "Anne Kjær".into(),
            "mailto:anne.kjaer@example.net".into()
        )),
        "{parties:?}"
    );
}

fn sample_invitation(recipient: Party, organizer: Party) -> mail::Invitation {
    let start = Utc
        .with_ymd_and_hms(2022, 4, 26, 11, 0, 0)
        .single()
        .expect("valid");
    mail::Invitation {
        kind: mail::MailKind::Invitation,
        lang: app::model::Lang::Da,
        taskforce: "Taskforce om Ledermobilitet mellem sektorer".into(),
        meeting_number: 5,
        event: EventData {
            uid: "0f1e2d3c@taskforce.example.org".into(),
            sequence: 0,
            starts_at: start,
            ends_at: start + Duration::hours(2),
            time_zone: "Europe/Copenhagen".into(),
            summary: format!("Møde med {}", recipient.name),
            description: "Dagsorden og bilag".into(),
            location: "Frederiksberg Rådhus".into(),
            url: "https://taskforce.example.org/meetings/5".into(),
            cancelled: false,
        },
        online_link: None,
        agenda: Vec::new(),
        organizer,
        recipient,
        answer_links: None,
        message_id: "abc.invitation.m5@taskforce.example.org".into(),
        dtstamp: start - Duration::days(20),
    }
}

fn secretariat() -> Party {
    Party {
        name: "Sekretariatet for Taskforce om Ledermobilitet mellem sektorer".into(),
        email: "taskforce-sekretariat@example.org".into(),
    }
}

#[test]
fn non_ascii_display_names_in_from_and_to_are_encoded_words_that_read_back_exactly() {
    for name in [
        "Anette Bækgaard",
        "Lasse Sønderup",
        "Malene Kjær-Jepsen",
        "Å",
        "æøå Å",
        "Kjær, Anne \"Bølle\"",
    ] {
        let organizer = Party {
            name: format!("Sekretariatet ved {name}"),
            email: "taskforce-sekretariat@example.org".into(),
        };
        let recipient = Party {
            name: name.into(),
            email: "anne.kjaer@example.net".into(),
        };
        let raw = mail::build(&sample_invitation(recipient, organizer.clone()))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let head = String::from_utf8_lossy(&raw);
        let head = head.split("\r\n\r\n").next().unwrap_or_default();
        assert!(head.is_ascii(), "headers are 7-bit: {head}");
        assert!(
            head.contains("=?utf-8?"),
            "encoded words (RFC 2047): {head}"
        );
        let message = read_message(&raw);
        let to = message.to().and_then(|a| a.first()).expect("To");
        assert_eq!(to.name(), Some(name));
        assert_eq!(to.address(), Some("anne.kjaer@example.net"));
        let from = message.from().and_then(|a| a.first()).expect("From");
        assert_eq!(from.name(), Some(organizer.name.as_str()));
        assert_eq!(from.address(), Some("taskforce-sekretariat@example.org"));
    }
}

fn awkward_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        any::<String>(),
        "\\PC{0,40}",
        "[a-zæøåÅ \"\\\\,;:<>()\\[\\]@.\r\n\t-]{0,30}",
        Just("Å".to_string()),
        Just("æøå Å".to_string()),
        Just("Anne Kjær\r\nBcc: eve@example.net".to_string()),
        Just("eve@[127.0.0.1]".to_string()),
        Just("a\"b@example.net".to_string()),
        Just("anne.kjaer@example.net".to_string()),
    ]
}

proptest::proptest! {
    #[test]
    fn building_an_invitation_never_panics_whatever_the_names_and_addresses(
        name in awkward_text(),
        address in awkward_text(),
        organizer_name in awkward_text(),
        taskforce in awkward_text(),
    ) {
        let recipient = Party { name, email: address };
        let organizer = Party { name: organizer_name, ..secretariat() };
        let mut invitation = sample_invitation(recipient, organizer);
        invitation.taskforce = taskforce;
        let built = std::panic::catch_unwind(|| mail::build(&invitation));
        proptest::prop_assert!(built.is_ok(), "mail::build panicked");
        if let Ok(Ok(raw)) = built {
            let message = read_message(&raw);
            proptest::prop_assert_eq!(message.to().map(|a| a.iter().count()), Some(1));
            proptest::prop_assert!(calendar_text(&message).contains("METHOD:REQUEST"));
        }
    }
}

fn plausible_address() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    prop_oneof![
        "[a-zA-Z0-9_+'-]{1,12}(\\.[a-zA-Z0-9_+'-]{1,8}){0,2}@[a-z0-9-]{1,12}\\.[a-z]{2,4}",
        "[a-zA-Z0-9.\"()<>\\[\\],;: æø%!#$&*/=?^`{|}~-]{1,12}@[a-z0-9.\\[\\]-]{1,12}",
        awkward_text(),
    ]
}

proptest::proptest! {
    #[test]
    fn anything_the_guest_form_accepts_builds_and_reads_back_exactly(
        name in awkward_text(),
        address in plausible_address(),
    ) {
        let (Ok(name), Ok(email)) = (
            app::model::PersonName::parse(&name),
            app::model::EmailAddress::parse(&address),
        ) else {
            return Ok(());
        };
        let recipient = Party { name: name.as_str().into(), email: email.as_str().into() };
        let raw = mail::build(&sample_invitation(recipient, secretariat()));
        proptest::prop_assert!(raw.is_ok(), "{name} <{email}>: {:?}", raw.err());
        let raw = raw.unwrap_or_default();
        let message = read_message(&raw);
        let to = message.to().and_then(|a| a.first());
        proptest::prop_assert_eq!(to.and_then(|a| a.name()), Some(name.as_str()));
        proptest::prop_assert_eq!(to.and_then(|a| a.address()), Some(email.as_str()));
        let attendee = calendar_parties(&calendar_text(&message))
            .into_iter()
            .find(|(kind, _, _)| kind == "ATTENDEE");
        proptest::prop_assert_eq!(
            attendee,
            Some(("ATTENDEE".to_string(), name.to_string(), format!("mailto:{email}")))
        );
    }
}

#[tokio::test]
async fn an_english_member_gets_english_calendar_and_mail_text_and_a_danish_member_danish() {
    use app::model::agenda::{ItemDraft, ItemKind};
    let w = world().await;
    let id = w.new_meeting().await;
    app::server::services::agenda::add_item(
        &w.test.db,
        &w.access,
        now(),
        id,
        ItemDraft {
            kind: ItemKind::D,
            title: "Personsag om en leder".into(),
            resume: String::new(),
            indstilling: None,
            presenter_id: None,
            duration_minutes: 15,
            closed: true,
        },
    )
    .await
    .expect("a closed item");
    w.publish(id).await;
    let number = app::server::entities::meeting::Entity::find_by_id(id)
        .one(&w.test.db)
        .await
        .unwrap()
        .expect("the meeting")
        .number;
    let messages = w.outbox().await;
    let for_whom = |address: &str| {
        let body = messages
            .iter()
            .find(|m| m.recipient == address)
            .unwrap_or_else(|| panic!("a message for {address}"))
            .body
            .clone();
        let message = read_message(body.as_bytes());
        let calendar = calendar_text(&message).replace("\r\n ", "");
        let text = message.body_text(0).expect("a text part").to_string();
        (calendar, text)
    };
    // Jesper Rosenberg Hansen reads English (seed.rs); Jonas Dahl Danish.
    let (calendar, text) = for_whom("jesper.rosenberg.hansen@example.org");
    assert!(
        calendar.contains(&format!(
            "\r\nSUMMARY:Taskforce om Ledermobilitet mellem sektorer: meeting {number} – Temamøde om onboarding\r\n"
        )),
        "{calendar}"
    );
    assert!(
        calendar.contains(&format!(
            "\r\nDESCRIPTION:Agenda and papers: https://taskforce.example.org/meetings/{id}\r\n"
        )),
        "{calendar}"
    );
    assert!(calendar.contains(
        "\r\nORGANIZER;CN=\"The secretariat of Taskforce om Ledermobilitet mellem sektorer\":"
    ));
    assert!(!calendar.contains(": møde ") && !calendar.contains("Dagsorden og bilag"));
    assert!(text.contains("Closed item"), "{text}");
    assert!(text.contains(&format!("meeting {number}")), "{text}");
    for danish in [
        "Lukket punkt",
        "Dagsorden",
        "Kære",
        "Sekretariatet",
        "Tidspunkt",
    ] {
        assert!(
            !text.contains(danish),
            "«{danish}» in the English text: {text}"
        );
    }
    assert!(
        !text.contains("Personsag"),
        "a closed item's title is not mailed"
    );

    let (calendar, text) = for_whom("jonas.dahl@example.org");
    assert!(
        calendar.contains(&format!(
            "\r\nSUMMARY:Taskforce om Ledermobilitet mellem sektorer: møde {number} – Temamøde om onboarding\r\n"
        )),
        "{calendar}"
    );
    assert!(calendar.contains(&format!(
        "\r\nDESCRIPTION:Dagsorden og bilag: https://taskforce.example.org/meetings/{id}\r\n"
    )));
    assert!(
        text.contains("Lukket punkt") && text.contains("Kære Jonas Dahl"),
        "{text}"
    );
    assert!(!text.contains("Closed item") && !text.contains("Personsag"));
}
