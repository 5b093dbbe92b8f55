//! Sign-in by mailed link, the welcome of a new person, editing people, and the profile, on a
//! fresh database (SQLite, or PostgreSQL when TEST_DATABASE_URL names one).
use chrono::{Duration, TimeZone, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use app::model::forms::FormProblem;
use app::model::meetings::{MeetingDraft, Transition};
use app::model::people::{LinkPurpose, LinkState, PersonForm};
use app::model::{CurrentUser, EmailAddress, Role};
use app::server::auth::{SecretariatAccess, require_secretariat};
use app::server::entities::{audit_entry, invitee, outbox_message, person};
use app::server::error::DomainError;
use app::server::mail::MailKind;
use app::server::mailer::Mailer;
use app::server::seed::DEMO_PASSWORD;
use app::server::services::invitations::MailContext;
use app::server::services::people::links::{self, LinkUse};
use app::server::services::people::profile::{self, PasswordChange};
use app::server::services::people::{edit, sessions};
use app::server::services::{meetings, outbox};
use app::server::testing::{TestDb, now};

const JONAS: &str = "jonas.dahl@example.org";
const ANN: &str = "ann.maskell@example.org";
const NEW_MEMBER: &str = "mikkel.hoejgaard.noerby@example.org";

struct World {
    test: TestDb,
    mail: MailContext,
    access: SecretariatAccess,
    ann: CurrentUser,
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
        access,
        ann,
    }
}

fn address(email: &str) -> EmailAddress {
    EmailAddress::parse(email).expect("an address")
}

/// The form for a new member with a Danish name and an English preference.
fn new_member_form() -> PersonForm {
    PersonForm {
        name: "Mikkel Højgaard Nørby".into(),
        title: "Vicedirektør".into(),
        organisation: "Region Syddanmark".into(),
        sector: "region".into(),
        email: NEW_MEMBER.into(),
        role: "member".into(),
        language: "en".into(),
        ..PersonForm::default()
    }
}

impl World {
    async fn person(&self, email: &str) -> person::Model {
        person::Entity::find()
            .filter(person::Column::Email.eq(email))
            .one(&self.test.db)
            .await
            .expect("query")
            .expect("a person")
    }

    /// The messages of a kind to an address, oldest first.
    async fn mail_to(&self, email: &str, kind: MailKind) -> Vec<outbox_message::Model> {
        outbox_message::Entity::find()
            .filter(outbox_message::Column::Recipient.eq(email))
            .filter(outbox_message::Column::Kind.eq(kind))
            .order_by_asc(outbox_message::Column::Id)
            .all(&self.test.db)
            .await
            .expect("outbox")
    }

    /// Asks for a link at `at` and lets the worker handle the request at once.
    async fn ask(&self, email: &str, purpose: LinkPurpose) -> usize {
        links::request(&self.test.db, now(), &address(email), purpose)
            .await
            .expect("asked");
        links::handle_requests(&self.test.db, &self.mail, now())
            .await
            .expect("handled")
    }

    /// The token in the newest message of `kind` to `email`, read back from the MIME text.
    async fn token_in_mail(&self, email: &str, kind: MailKind) -> String {
        let message = self
            .mail_to(email, kind)
            .await
            .pop()
            .expect("a message with a link");
        token_in(message.body.as_bytes())
    }

    async fn use_link(
        &self,
        token: &str,
        password: &str,
        at: chrono::DateTime<Utc>,
    ) -> Result<sessions::SignedIn, DomainError> {
        links::use_link(
            &self.test.db,
            at,
            token,
            LinkUse {
                password: password.into(),
                again: password.into(),
                user_agent: Some("Mozilla/5.0 (Macintosh) Firefox/133.0".into()),
            },
            12,
        )
        .await
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
}

/// The link's token in a message as a mail client shows it (the text part, decoded).
fn token_in(raw: &[u8]) -> String {
    let parsed = mail_parser::MessageParser::default()
        .parse(raw)
        .expect("a message");
    let text = parsed.body_text(0).expect("a text part").to_string();
    let start = text.find("/link/").expect("a link in the text") + "/link/".len();
    text[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect()
}

fn is_spent(result: Result<sessions::SignedIn, DomainError>) -> bool {
    matches!(result, Err(DomainError::Form(p)) if p == vec![("link", FormProblem::LinkSpent)])
}

#[tokio::test]
async fn a_link_asked_for_a_known_address_is_mailed_and_signs_in_exactly_once() {
    let w = world().await;
    assert_eq!(w.ask(JONAS, LinkPurpose::SignIn).await, 1);
    let token = w.token_in_mail(JONAS, MailKind::SignInLink).await;
    assert_eq!(token.len(), 64, "256 bits in hex");
    let state = links::state(&w.test.db, now(), &token)
        .await
        .expect("state");
    assert_eq!(state, LinkState::Valid(LinkPurpose::SignIn));
    // Looking at the link did not use it.
    let signed_in = w.use_link(&token, "", now()).await.expect("signed in");
    assert_eq!(signed_in.user.email, JONAS);
    let viewer = sessions::user_for_token(&w.test.db, now(), &signed_in.token)
        .await
        .expect("lookup");
    assert_eq!(viewer.map(|u| u.email), Some(JONAS.to_string()));
    assert!(is_spent(w.use_link(&token, "", now()).await));
    let state = links::state(&w.test.db, now(), &token)
        .await
        .expect("state");
    assert_eq!(state, LinkState::Used);
}

#[tokio::test]
async fn the_database_keeps_only_a_hash_of_the_link() {
    let w = world().await;
    w.ask(JONAS, LinkPurpose::SignIn).await;
    let token = w.token_in_mail(JONAS, MailKind::SignInLink).await;
    let stored = app::server::entities::sign_in_link::Entity::find()
        .all(&w.test.db)
        .await
        .expect("links");
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].token_hash, token);
    assert_eq!(stored[0].token_hash, app::server::auth::token_hash(&token));
}

#[tokio::test]
async fn a_link_asked_for_an_unknown_or_deactivated_address_mails_nobody() {
    let w = world().await;
    assert_eq!(
        w.ask("nobody.here@example.org", LinkPurpose::SignIn).await,
        0
    );
    let jonas = w.person(JONAS).await;
    app::server::services::people::roster::deactivate(
        &w.test.db,
        &w.access,
        &w.mail,
        now(),
        jonas.id,
        jonas.version,
    )
    .await
    .expect("deactivated");
    assert_eq!(w.ask(JONAS, LinkPurpose::Reset).await, 0);
    let links_mailed = outbox_message::Entity::find()
        .filter(outbox_message::Column::Kind.is_in([MailKind::SignInLink, MailKind::PasswordReset]))
        .all(&w.test.db)
        .await
        .expect("outbox");
    assert!(links_mailed.is_empty(), "{links_mailed:?}");
}

#[tokio::test]
async fn a_link_works_for_fifteen_minutes_and_not_after() {
    let w = world().await;
    w.ask(JONAS, LinkPurpose::SignIn).await;
    let late = w.token_in_mail(JONAS, MailKind::SignInLink).await;
    let at = now() + Duration::minutes(15);
    assert_eq!(
        links::state(&w.test.db, at, &late).await.expect("state"),
        LinkState::Expired
    );
    assert!(is_spent(w.use_link(&late, "", at).await));
    w.ask(JONAS, LinkPurpose::SignIn).await;
    let in_time = w.token_in_mail(JONAS, MailKind::SignInLink).await;
    let just_in_time = now() + Duration::minutes(15) - Duration::seconds(1);
    assert!(w.use_link(&in_time, "", just_in_time).await.is_ok());
}

#[tokio::test]
async fn using_one_link_voids_the_others_still_open() {
    let w = world().await;
    w.ask(JONAS, LinkPurpose::SignIn).await;
    let first = w.token_in_mail(JONAS, MailKind::SignInLink).await;
    w.ask(JONAS, LinkPurpose::SignIn).await;
    let second = w.token_in_mail(JONAS, MailKind::SignInLink).await;
    assert_ne!(first, second);
    w.use_link(&second, "", now()).await.expect("signed in");
    assert!(is_spent(w.use_link(&first, "", now()).await));
}

#[tokio::test]
async fn asking_too_often_is_throttled_alike_for_known_and_unknown_addresses() {
    let w = world().await;
    for email in [JONAS, "nobody.here@example.org"] {
        for _ in 0..sessions::MAX_FAILURES {
            links::request(&w.test.db, now(), &address(email), LinkPurpose::SignIn)
                .await
                .expect("asked");
        }
        let refused = links::request(&w.test.db, now(), &address(email), LinkPurpose::SignIn).await;
        assert!(
            matches!(refused, Err(DomainError::Throttled { minutes }) if minutes > 0),
            "{email}: {refused:?}"
        );
    }
    let later = now() + Duration::minutes(sessions::LOCK_MINUTES + 1);
    links::request(&w.test.db, later, &address(JONAS), LinkPurpose::SignIn)
        .await
        .expect("asked again once the lock has run out");
}

#[tokio::test]
async fn a_reset_link_sets_a_new_password_and_ends_the_old_sessions() {
    let w = world().await;
    let old = w.test.session_for(JONAS).await;
    w.ask(JONAS, LinkPurpose::Reset).await;
    let token = w.token_in_mail(JONAS, MailKind::PasswordReset).await;
    let short = w.use_link(&token, "kort", now()).await;
    assert!(
        matches!(&short, Err(DomainError::Form(p)) if p == &vec![("password", FormProblem::PasswordTooShort)]),
        "{short:?}"
    );
    // A refused password left the link unused.
    let signed_in = w
        .use_link(&token, "ledermobilitet-2022", now())
        .await
        .expect("reset");
    assert_eq!(signed_in.user.email, JONAS);
    let before = sessions::user_for_token(&w.test.db, now(), &old.token)
        .await
        .expect("lookup");
    assert!(before.is_none(), "the session from before the reset ended");
    let again = sessions::sign_in(
        &w.test.db,
        now(),
        &address(JONAS),
        "ledermobilitet-2022".into(),
        12,
    )
    .await;
    assert!(again.is_ok());
    let demo =
        sessions::sign_in(&w.test.db, now(), &address(JONAS), DEMO_PASSWORD.into(), 12).await;
    assert!(matches!(demo, Err(DomainError::InvalidCredentials)));
}

#[tokio::test]
async fn a_new_member_is_welcomed_invited_and_chooses_a_password_from_the_link() {
    let w = world().await;
    let meeting = w.published_meeting().await;
    let draft = new_member_form().parse().expect("a valid form");
    edit::add_person(&w.test.db, &w.access, &w.mail, now(), draft)
        .await
        .expect("added");
    // Until the welcome link is used, there is no password to sign in with.
    let refused =
        sessions::sign_in(&w.test.db, now(), &address(NEW_MEMBER), String::new(), 12).await;
    assert!(matches!(refused, Err(DomainError::InvalidCredentials)));
    let welcome = w.mail_to(NEW_MEMBER, MailKind::Welcome).await;
    assert_eq!(welcome.len(), 1);
    let parsed = mail_parser::MessageParser::default()
        .parse(welcome[0].body.as_bytes())
        .expect("a message");
    assert_eq!(
        parsed.subject(),
        Some("Welcome to the taskforce's meeting system"),
        "in the language chosen for them"
    );
    let to = parsed.to().and_then(|a| a.first()).expect("a recipient");
    assert_eq!(to.name(), Some("Mikkel Højgaard Nørby"));
    let invited = invitee::Entity::find()
        .filter(invitee::Column::MeetingId.eq(meeting))
        .filter(invitee::Column::Email.eq(NEW_MEMBER))
        .one(&w.test.db)
        .await
        .expect("invitees");
    assert!(
        invited.is_some(),
        "invited to the upcoming published meeting"
    );
    let token = token_in(welcome[0].body.as_bytes());
    assert_eq!(
        links::state(&w.test.db, now() + Duration::days(2), &token)
            .await
            .expect("state"),
        LinkState::Valid(LinkPurpose::Welcome),
        "a welcome lasts three days"
    );
    let signed_in = w
        .use_link(&token, "mit-eget-kodeord", now() + Duration::days(2))
        .await
        .expect("welcomed");
    assert_eq!(signed_in.user.name, "Mikkel Højgaard Nørby");
    assert_eq!(signed_in.user.role, Role::Member);
    let audit = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("person.added"))
        .one(&w.test.db)
        .await
        .expect("audit");
    assert!(audit.is_some());
}

#[tokio::test]
async fn a_person_cannot_be_added_twice_with_one_address() {
    let w = world().await;
    let taken = PersonForm {
        email: JONAS.into(),
        ..new_member_form()
    };
    let refused = edit::add_person(
        &w.test.db,
        &w.access,
        &w.mail,
        now(),
        taken.parse().expect("a valid form"),
    )
    .await;
    assert!(
        matches!(&refused, Err(DomainError::Form(p)) if p == &vec![("email", FormProblem::EmailTaken)]),
        "{refused:?}"
    );
}

#[tokio::test]
async fn a_new_address_ends_the_sessions_voids_open_links_and_tells_both_addresses() {
    let w = world().await;
    let session = w.test.session_for(JONAS).await;
    w.ask(JONAS, LinkPurpose::SignIn).await;
    let token = w.token_in_mail(JONAS, MailKind::SignInLink).await;
    let jonas = w.person(JONAS).await;
    let form = PersonForm {
        name: jonas.name.clone(),
        title: jonas.title.clone(),
        organisation: jonas.organisation.clone(),
        sector: jonas.sector.as_str().into(),
        email: "jonas.dahl@ny.example.org".into(),
        role: "member".into(),
        language: "da".into(),
        ..PersonForm::default()
    };
    edit::update_person(
        &w.test.db,
        &w.access,
        &w.mail,
        now(),
        jonas.id,
        jonas.version,
        form.parse().expect("valid"),
    )
    .await
    .expect("saved");
    let viewer = sessions::user_for_token(&w.test.db, now(), &session.token)
        .await
        .expect("lookup");
    assert!(viewer.is_none(), "signed out everywhere");
    assert_eq!(
        links::state(&w.test.db, now(), &token)
            .await
            .expect("state"),
        LinkState::Used,
        "the link mailed to the old address no longer works"
    );
    assert_eq!(w.mail_to(JONAS, MailKind::AddressChanged).await.len(), 1);
    assert_eq!(
        w.mail_to("jonas.dahl@ny.example.org", MailKind::AddressChanged)
            .await
            .len(),
        1
    );
    // A form saved against the version from before the change is refused.
    let stale = edit::update_person(
        &w.test.db,
        &w.access,
        &w.mail,
        now(),
        jonas.id,
        jonas.version,
        form.parse().expect("valid"),
    )
    .await;
    assert!(matches!(stale, Err(DomainError::Stale)), "{stale:?}");
}

#[tokio::test]
async fn the_outbox_keeps_no_link_once_the_mail_is_sent() {
    let w = world().await;
    w.ask(JONAS, LinkPurpose::SignIn).await;
    let dir = std::env::temp_dir().join(format!(
        "taskforce-links-{}",
        app::server::auth::hex(&rand::random::<[u8; 6]>())
    ));
    let mailer = Mailer::new(None, dir.clone()).expect("a file mailer");
    while outbox::try_execute_task(&w.test.db, &mailer, now())
        .await
        .expect("sent")
        != outbox::Outcome::Idle
    {}
    let sent = w.mail_to(JONAS, MailKind::SignInLink).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].body, outbox::SENT_SECRET);
    let written = std::fs::read_dir(&dir)
        .expect("the mail directory")
        .filter_map(Result::ok)
        .map(|e| std::fs::read(e.path()).expect("a file"))
        .find(|bytes| String::from_utf8_lossy(bytes).contains("sign_in_link"))
        .expect("the link mail as delivered");
    assert_eq!(
        token_in(&written).len(),
        64,
        "the delivered mail has the link"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn a_password_change_needs_the_current_password_and_signs_out_the_other_browsers() {
    let w = world().await;
    let here = w.test.session_for(JONAS).await;
    let elsewhere = w.test.session_for(JONAS).await;
    let wrong = profile::change_password(
        &w.test.db,
        &here.user,
        &here.token,
        PasswordChange {
            current: "not-the-password".into(),
            password: "kort".into(),
            again: "anden".into(),
        },
    )
    .await;
    assert!(
        matches!(&wrong, Err(DomainError::Form(p)) if p == &vec![("current", FormProblem::PasswordWrong), ("password", FormProblem::PasswordTooShort)]),
        "{wrong:?}"
    );
    profile::change_password(
        &w.test.db,
        &here.user,
        &here.token,
        PasswordChange {
            current: DEMO_PASSWORD.into(),
            password: "et-nyt-kodeord".into(),
            again: "et-nyt-kodeord".into(),
        },
    )
    .await
    .expect("changed");
    let still = sessions::user_for_token(&w.test.db, now(), &here.token)
        .await
        .expect("lookup");
    assert!(still.is_some(), "this browser stays signed in");
    let other = sessions::user_for_token(&w.test.db, now(), &elsewhere.token)
        .await
        .expect("lookup");
    assert!(other.is_none(), "the other browser is signed out");
    let mine = profile::profile(&w.test.db, now(), &here.user, &here.token)
        .await
        .expect("profile");
    assert_eq!(mine.sessions.len(), 1);
    assert!(mine.sessions[0].current);
    profile::sign_out_everywhere(&w.test.db, &here.user)
        .await
        .expect("signed out");
    let gone = sessions::user_for_token(&w.test.db, now(), &here.token)
        .await
        .expect("lookup");
    assert!(gone.is_none());
}

#[tokio::test]
async fn the_roster_lists_deactivated_people_last_and_who_has_no_password_yet() {
    let w = world().await;
    edit::add_person(
        &w.test.db,
        &w.access,
        &w.mail,
        now(),
        new_member_form().parse().expect("valid"),
    )
    .await
    .expect("added");
    let jonas = w.person(JONAS).await;
    app::server::services::people::roster::deactivate(
        &w.test.db,
        &w.access,
        &w.mail,
        now(),
        jonas.id,
        jonas.version,
    )
    .await
    .expect("deactivated");
    let roster = edit::roster(&w.test.db, &w.access).await.expect("roster");
    let last = roster.people.last().expect("people");
    assert_eq!(last.email, JONAS);
    assert!(!last.active);
    let new = roster
        .people
        .iter()
        .find(|p| p.email == NEW_MEMBER)
        .expect("the new member");
    assert!(!new.has_password);
    assert!(roster.members.iter().all(|(id, _)| *id != jonas.id));
    let deputy = roster
        .people
        .iter()
        .find(|p| p.role == Role::Deputy)
        .expect("the demo deputy");
    assert_eq!(
        deputy.deputy_for.as_ref().map(|(_, name)| name.as_str()),
        Some("Jonas Dahl")
    );
}
