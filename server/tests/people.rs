//! People and sign-in over HTTP, the way a browser without JavaScript uses them: asking for a
//! mailed link (no address enumeration, throttling), using it, the people form and the profile.
mod common;

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use std::sync::atomic::Ordering;

use app::server::entities::outbox_message;
use app::server::mail::MailKind;
use app::server::services::invitations::MailContext;
use app::server::services::people::links;
use common::{TestApp, location, session_cookie, spawn_app};

const JONAS: &str = "jonas.dahl@example.org";
const ANN: &str = "ann.maskell@example.org";

impl TestApp {
    /// Asks for a sign-in link as the sign-in page's form does.
    async fn ask_for_link(&self, email: &str) -> reqwest::Response {
        self.post_form(
            "/api/link_request",
            &[("input[email]", email), ("input[purpose]", "sign_in")],
            None,
        )
        .await
    }

    /// Runs the worker's part once: waiting requests become mailed links.
    async fn handle_link_requests(&self) -> usize {
        let ctx = MailContext::load(self.database(), &self.base)
            .await
            .expect("mail context");
        links::handle_requests(self.database(), &ctx, app::server::testing::now())
            .await
            .expect("requests handled")
    }

    /// The token in the newest message of `kind` to `email` (the outbox keeps it until sent).
    async fn mailed_token(&self, email: &str, kind: MailKind) -> String {
        let message = outbox_message::Entity::find()
            .filter(outbox_message::Column::Recipient.eq(email))
            .filter(outbox_message::Column::Kind.eq(kind))
            .order_by_desc(outbox_message::Column::Id)
            .one(self.database())
            .await
            .expect("outbox")
            .expect("a mailed link");
        let parsed = mail_parser::MessageParser::default()
            .parse(message.body.as_bytes())
            .expect("a message");
        let text = parsed.body_text(0).expect("a text part").to_string();
        let start = text.find("/link/").expect("a link") + "/link/".len();
        text[start..]
            .chars()
            .take_while(char::is_ascii_hexdigit)
            .collect()
    }
}

/// Status, Location, body and cookies: everything an answer tells its reader.
async fn answer(response: reqwest::Response) -> (StatusCode, String, Vec<String>, String) {
    let status = response.status();
    let location = location(&response);
    let cookies = response
        .headers()
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect();
    (
        status,
        location,
        cookies,
        response.text().await.expect("a body"),
    )
}

#[tokio::test]
async fn asking_for_a_link_answers_and_works_the_same_for_a_known_and_an_unknown_address() {
    let app = spawn_app().await;
    // Once before measuring, so both measured requests meet a warm app.
    app.ask_for_link("warm.up@example.org").await;
    let mut seen = Vec::new();
    for email in [JONAS, "nobody.here@example.org"] {
        let before = app.queries.load(Ordering::SeqCst);
        let response = answer(app.ask_for_link(email).await).await;
        let statements = app.queries.load(Ordering::SeqCst) - before;
        seen.push((response, statements));
    }
    let (known, unknown) = (&seen[0], &seen[1]);
    assert_eq!(known.0.0, StatusCode::FOUND);
    assert_eq!(known.0.1, "/login?message=link-sent");
    assert_eq!(
        known.0, unknown.0,
        "the same status, Location, cookies and body"
    );
    // The same statements, whatever the address: the request is only written down, and the
    // worker decides later whether anyone is mailed. So the time taken cannot tell either.
    assert_eq!(known.1, unknown.1, "the same number of SQL statements");
    let page = app
        .get("/login?message=link-sent", None)
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Hvis adressen hører til en person i mødesystemet"));
    assert_eq!(app.handle_link_requests().await, 1, "only Jonas is mailed");
}

#[tokio::test]
async fn asking_for_links_too_often_is_refused_with_the_minutes_to_wait() {
    let app = spawn_app().await;
    for _ in 0..5 {
        assert_eq!(app.ask_for_link(JONAS).await.status(), StatusCode::FOUND);
    }
    let refused = app.ask_for_link(JONAS).await;
    assert_eq!(refused.status(), StatusCode::FOUND);
    let back = location(&refused);
    assert!(
        back.starts_with("/login?error=throttled&field=password&minutes=15"),
        "{back}"
    );
    assert!(back.contains("form=link"), "{back}");
    let page = app.get(&back, None).await.text().await.unwrap();
    assert!(
        page.contains("For mange mislykkede forsøg. Prøv igen om 15 minutter."),
        "the wait is said next to the link form"
    );
    let with_javascript = app
        .call_with(
            "/api/link_request",
            "input[email]=jonas.dahl%40example.org&input[purpose]=sign_in",
            None,
        )
        .await;
    assert_eq!(with_javascript.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_mailed_link_opens_a_page_that_signs_in_once_and_then_says_it_is_spent() {
    let app = spawn_app().await;
    app.ask_for_link(JONAS).await;
    app.handle_link_requests().await;
    let token = app.mailed_token(JONAS, MailKind::SignInLink).await;
    let path = format!("/link/{token}");
    // Opening the page twice (a mail scanner, then the person) uses nothing.
    for _ in 0..2 {
        let page = app.get(&path, None).await;
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        assert!(html.contains("Log ind med link"), "{html}");
        assert!(html.contains(r#"action="/api/link_use""#));
    }
    let used = app
        .post_form("/api/link_use", &[("input[token]", token.as_str())], None)
        .await;
    assert_eq!(used.status(), StatusCode::FOUND);
    assert_eq!(location(&used), "/");
    let cookie = session_cookie(used.headers()).expect("a session cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    let cookie = cookie.split(';').next().unwrap().to_string();
    let overview = app.get("/", Some(&cookie)).await;
    assert_eq!(overview.status(), StatusCode::OK);
    assert!(overview.text().await.unwrap().contains("Jonas Dahl"));

    let again = app
        .post_form("/api/link_use", &[("input[token]", token.as_str())], None)
        .await;
    assert_eq!(again.status(), StatusCode::FOUND);
    assert!(session_cookie(again.headers()).is_none());
    assert!(
        location(&again).contains("errs=link%3Alink_spent")
            || location(&again).contains("errs=link:link_spent"),
        "{}",
        location(&again)
    );
    let spent = app.get(&path, None).await;
    assert_eq!(spent.status(), StatusCode::GONE);
    let html = spent.text().await.unwrap();
    assert!(html.contains("Linket virker ikke længere"));
    assert!(
        html.contains(r#"action="/api/link_request""#),
        "a new one can be asked for there"
    );
}

#[tokio::test]
async fn a_link_nobody_made_says_plainly_that_it_does_not_work() {
    let app = spawn_app().await;
    let page = app.get(&format!("/link/{}", "ab".repeat(32)), None).await;
    assert_eq!(page.status(), StatusCode::GONE);
    assert!(
        page.text()
            .await
            .unwrap()
            .contains("Linket virker ikke længere")
    );
}

#[tokio::test]
async fn the_secretariat_adds_a_member_with_the_plain_form_and_a_bad_address_is_sent_back_with_the_input()
 {
    let app = spawn_app().await;
    let cookie = app.sign_in(ANN).await;
    let mut form = vec![
        ("input[name]", "Mikkel Højgaard Nørby"),
        ("input[title]", "Vicedirektør"),
        ("input[organisation]", "Region Syddanmark"),
        ("input[sector]", "region"),
        ("input[email]", "mikkel@[127.0.0.1]"),
        ("input[role]", "member"),
        ("input[language]", "da"),
        ("input[deputy_for]", ""),
    ];
    let refused = app
        .post_form("/api/person_save", &form, Some(&cookie))
        .await;
    assert_eq!(refused.status(), StatusCode::FOUND);
    let back = location(&refused);
    assert!(back.starts_with("/people/new?error=invalid"), "{back}");
    let page = app.get(&back, Some(&cookie)).await.text().await.unwrap();
    assert!(
        page.contains("Efter @ skal der stå et domænenavn"),
        "the problem next to the field"
    );
    assert!(
        page.contains("Mikkel Højgaard Nørby"),
        "the name typed is kept"
    );

    form[4] = ("input[email]", "mikkel.noerby@example.org");
    let added = app
        .post_form("/api/person_save", &form, Some(&cookie))
        .await;
    assert_eq!(location(&added), "/people?message=added");
    let people = app.get("/people?message=added", Some(&cookie)).await;
    let html = people.text().await.unwrap();
    assert!(html.contains("Personen er tilføjet"));
    assert!(html.contains("Mikkel Højgaard Nørby"));
    assert!(html.contains("Har ikke valgt adgangskode endnu"));
    let welcome = app
        .mailed_token("mikkel.noerby@example.org", MailKind::Welcome)
        .await;
    assert_eq!(welcome.len(), 64);

    let member = app.sign_in(JONAS).await;
    let forbidden = app
        .post_form("/api/person_save", &form, Some(&member))
        .await;
    assert_eq!(forbidden.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_profile_lists_the_sessions_and_a_wrong_current_password_is_named() {
    let app = spawn_app().await;
    let cookie = app.sign_in(JONAS).await;
    let page = app.get("/profile", Some(&cookie)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Min profil"));
    assert!(html.contains("denne browser"));
    let refused = app
        .post_form(
            "/api/password_change",
            &[
                ("input[current]", "not-it"),
                ("input[password]", "et-nyt-kodeord"),
                ("input[again]", "et-nyt-kodeord"),
            ],
            Some(&cookie),
        )
        .await;
    let back = location(&refused);
    assert!(
        back.contains("current%3Apassword_wrong") || back.contains("current:password_wrong"),
        "{back}"
    );
    let page = app.get(&back, Some(&cookie)).await.text().await.unwrap();
    assert!(page.contains("Den nuværende adgangskode er forkert."));

    let out = app
        .post_form("/api/sign_out_everywhere", &[], Some(&cookie))
        .await;
    assert_eq!(location(&out), "/login?message=signed-out-everywhere");
    let after = app.get("/profile", Some(&cookie)).await;
    assert_eq!(after.status(), StatusCode::FOUND, "the session is gone");
}
