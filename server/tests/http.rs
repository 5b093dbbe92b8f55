//! HTTP tests: sign-in, sessions, roles, cross-site refusal and health, against the whole app
//! on port 0 (SQLite, or PostgreSQL when TEST_DATABASE_URL names one).
mod common;

use reqwest::StatusCode;
use reqwest::header::{ACCEPT, ORIGIN, SET_COOKIE};

use common::{HTML, PASSWORD, location, session_cookie, spawn_app};

#[tokio::test]
async fn healthz_answers_ok_while_the_database_answers() {
    let app = spawn_app().await;
    let response = app.get("/healthz", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "ok\n");
}

#[tokio::test]
async fn the_sign_in_page_is_in_danish_by_default_with_labelled_fields() {
    let app = spawn_app().await;
    let response = app.get("/login", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<html lang="da""#), "{html}");
    assert!(
        html.contains(r#"<label for="email" class="form-label">E-mailadresse</label>"#),
        "{html}"
    );
    assert!(html.contains(r#"name="input[password]""#));
    assert!(html.contains(r##"href="#main""##), "a skip link");
}

#[tokio::test]
async fn pages_send_a_signed_out_visitor_to_sign_in() {
    let app = spawn_app().await;
    for path in ["/", "/members", "/people", "/profile"] {
        let response = app.get(path, None).await;
        assert_eq!(response.status(), StatusCode::FOUND, "{path}");
        assert!(
            location(&response).starts_with("/login?next="),
            "{path}: {}",
            location(&response)
        );
    }
}

#[tokio::test]
async fn signing_in_sets_an_http_only_lax_cookie_and_opens_the_overview_with_six_meetings() {
    let app = spawn_app().await;
    let response = app
        .post_form(
            "/api/login",
            &[
                ("input[email]", "ann.maskell@example.org"),
                ("input[password]", PASSWORD),
            ],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/");
    let cookie = session_cookie(response.headers()).unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http base URL");
    let cookie = cookie.split(';').next().unwrap_or_default().to_string();

    let overview = app.get("/", Some(&cookie)).await;
    assert_eq!(overview.status(), StatusCode::OK);
    let html = overview.text().await.unwrap();
    assert_eq!(html.matches("data-meeting=").count(), 6, "six meeting rows");
    assert!(html.contains("Næste møde"));
    assert!(
        html.contains("tirsdag 5. april 2022"),
        "Danish date in Copenhagen time"
    );
    assert!(html.contains("kl. 13.00–16.00"));
}

#[tokio::test]
async fn a_member_sees_published_meetings_only() {
    let app = spawn_app().await;
    let cookie = app.sign_in("jonas.dahl@example.org").await;
    let html = app.get("/", Some(&cookie)).await.text().await.unwrap();
    assert_eq!(html.matches("data-meeting=").count(), 4);
    assert!(
        !html.contains("Afrapportering og anbefalinger"),
        "the draft sixth meeting stays hidden"
    );
}

#[tokio::test]
async fn a_wrong_password_without_javascript_returns_to_the_form_with_the_error_and_the_address() {
    let app = spawn_app().await;
    let response = app
        .post_form(
            "/api/login",
            &[
                ("input[email]", "jonas.dahl@example.org"),
                ("input[password]", "wrong"),
            ],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    let target = location(&response);
    assert!(target.starts_with("/login?error=credentials"), "{target}");
    assert!(session_cookie(response.headers()).is_none());
    let page = app.get(&target, None).await.text().await.unwrap();
    assert!(page.contains("E-mailadressen eller adgangskoden er forkert."));
    assert!(
        page.contains(r#"value="jonas.dahl@example.org""#),
        "the address is kept"
    );
}

#[tokio::test]
async fn an_invalid_address_is_named_next_to_its_field() {
    let app = spawn_app().await;
    let response = app
        .post_form(
            "/api/login",
            &[("input[email]", "jonas"), ("input[password]", "x")],
            None,
        )
        .await;
    let target = location(&response);
    assert!(target.contains("field=email"), "{target}");
    let page = app.get(&target, None).await.text().await.unwrap();
    assert!(page.contains(r#"id="email-error""#), "{page}");
    assert!(page.contains("Skriv en gyldig e-mailadresse"));
}

#[tokio::test]
async fn the_api_answers_401_for_a_wrong_password_and_429_once_the_address_is_locked() {
    let app = spawn_app().await;
    let form = [
        ("input[email]", "jonas.dahl@example.org"),
        ("input[password]", "wrong"),
    ];
    for _ in 0..5 {
        let response = app
            .client
            .post(app.url("/api/login"))
            .header(ORIGIN, &app.base)
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let right = [
        ("input[email]", "jonas.dahl@example.org"),
        ("input[password]", PASSWORD),
    ];
    let response = app
        .client
        .post(app.url("/api/login"))
        .header(ORIGIN, &app.base)
        .form(&right)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(session_cookie(response.headers()).is_none());
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let cookie = app.sign_in("jonas.dahl@example.org").await;
    let response = app.post_form("/api/logout", &[], Some(&cookie)).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(location(&response), "/login?message=signed-out");
    let cleared = session_cookie(response.headers()).unwrap();
    assert!(cleared.contains("Max-Age=0"));
    let after = app.get("/", Some(&cookie)).await;
    assert_eq!(
        after.status(),
        StatusCode::FOUND,
        "the old cookie no longer signs in"
    );
}

#[tokio::test]
async fn every_role_but_the_secretariat_gets_403_and_no_data_from_the_people_function() {
    let app = spawn_app().await;
    for email in [
        "marie.louise.refsgaard@example.org",
        "jonas.dahl@example.org",
        "styregruppe@example.org",
        "sofie.lind@example.org",
    ] {
        let cookie = app.sign_in(email).await;
        let response = app.call("/api/roster", Some(&cookie)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
        let body = response.text().await.unwrap();
        assert!(body.contains("Du har ikke adgang"), "{email}: {body}");
        assert!(!body.contains("@example.org"), "{email}: no addresses leak");

        let page = app.get("/people", Some(&cookie)).await;
        assert_eq!(page.status(), StatusCode::FORBIDDEN, "{email} on the page");
        assert!(
            !page
                .text()
                .await
                .unwrap()
                .contains("ann.maskell@example.org")
        );
    }
}

#[tokio::test]
async fn the_secretariat_gets_everyone_on_the_people_list() {
    let app = spawn_app().await;
    let cookie = app.sign_in("ann.maskell@example.org").await;
    let response = app.call("/api/roster", Some(&cookie)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let rows: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(rows["people"].as_array().map(Vec::len), Some(15));
}

#[tokio::test]
async fn a_signed_out_call_to_a_server_function_gets_401() {
    let app = spawn_app().await;
    assert_eq!(
        app.call("/api/overview", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.call("/api/roster", None).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_cross_site_post_is_refused_before_it_reaches_the_function() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/login"))
        .header(ORIGIN, "https://evil.example")
        .header(ACCEPT, HTML)
        .form(&[
            ("input[email]", "ann.maskell@example.org"),
            ("input[password]", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(session_cookie(response.headers()).is_none());
    assert!(response.text().await.unwrap().contains("Refused"));
}

#[tokio::test]
async fn the_language_switch_sets_a_cookie_and_the_sign_in_page_follows_it() {
    let app = spawn_app().await;
    let response = app
        .post_form("/api/language", &[("lang", "en")], None)
        .await;
    assert_eq!(
        response.status(),
        StatusCode::FOUND,
        "back to the page it came from"
    );
    let cookie = response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("tf_lang=en"))
        .expect("a language cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let html = app.get("/login", Some(&cookie)).await.text().await.unwrap();
    assert!(html.contains(r#"<html lang="en""#));
    assert!(html.contains("Sign in"));
}

#[tokio::test]
async fn an_unknown_page_answers_404() {
    let app = spawn_app().await;
    let cookie = app.sign_in("jonas.dahl@example.org").await;
    assert_eq!(
        app.get("/no-such-page", Some(&cookie)).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_meeting_page_carries_its_data_once_and_the_invitations_only_for_the_secretariat() {
    let app = spawn_app().await;
    let count = |html: &str, key: &str| {
        html.matches(&format!("{{\\\"Ok\\\":{{\\\"{key}\\\""))
            .count()
    };
    let ann = app.sign_in("ann.maskell@example.org").await;
    let page = app
        .get("/meetings/4", Some(&ann))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(count(&page, "meeting"), 1, "the meeting's data");
    assert_eq!(count(&page, "invitees"), 1, "the invitations' data");
    let jonas = app.sign_in("jonas.dahl@example.org").await;
    let page = app
        .get("/meetings/4", Some(&jonas))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(count(&page, "meeting"), 1);
    assert_eq!(count(&page, "invitees"), 0);
    assert!(
        !page.contains("marie.louise.refsgaard@example.org"),
        "no addresses for members"
    );
}

#[tokio::test]
async fn after_sign_in_only_a_path_on_this_site_is_followed() {
    let app = spawn_app().await;
    for (next, expected) in [
        ("/members", "/members"),
        ("/meetings/4?tab=agenda", "/meetings/4?tab=agenda"),
        ("/\t/evil.example", "/"),
        ("/\n/evil.example", "/"),
        ("/\r\n/evil.example", "/"),
        ("//evil.example", "/"),
        ("///evil.example", "/"),
        ("/\\evil.example", "/"),
        ("\\/evil.example", "/"),
        (" //evil.example", "/"),
        ("/.//evil.example", "/"),
        ("https://evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("%2F%2Fevil.example", "/"),
    ] {
        let response = app
            .post_form(
                "/api/login",
                &[
                    ("input[email]", "jonas.dahl@example.org"),
                    ("input[password]", PASSWORD),
                    ("input[next]", next),
                ],
                None,
            )
            .await;
        assert_eq!(response.status(), StatusCode::FOUND, "{next:?}");
        assert_eq!(location(&response), expected, "{next:?}");
    }
}

/// Twenty sign-ins for Lasse Sønderup at once through the API, the one at `right` (if any)
/// with the right password; their status codes.
async fn twenty_sign_ins_at_once(app: &common::TestApp, right: Option<usize>) -> Vec<StatusCode> {
    let attempts: Vec<_> = (0..20)
        .map(|n| {
            let password = if Some(n) == right { PASSWORD } else { "wrong" };
            let request = app
                .client
                .post(app.url("/api/login"))
                .header(ORIGIN, &app.base)
                .form(&[
                    ("input[email]", "lasse.soenderup@example.org"),
                    ("input[password]", password),
                ]);
            tokio::spawn(request.send())
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        let answer = attempt.await.expect("the request ran to its end");
        statuses.push(answer.expect("an answer").status());
    }
    statuses
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_parallel_wrong_passwords_get_five_judged_and_the_rest_locked() {
    let app = spawn_app().await;
    let mut judged = 0;
    for burst in 0..4 {
        for status in twenty_sign_ins_at_once(&app, None).await {
            match status {
                StatusCode::UNAUTHORIZED => judged += 1,
                StatusCode::TOO_MANY_REQUESTS => {}
                other => panic!("burst {burst}: {other}"),
            }
        }
    }
    assert_eq!(judged, 5, "wrong passwords judged before the lock");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_right_password_among_parallel_wrong_ones_gets_no_internal_error() {
    let app = spawn_app().await;
    let statuses = twenty_sign_ins_at_once(&app, Some(3)).await;
    for (n, status) in statuses.into_iter().enumerate() {
        let expected = [
            StatusCode::OK,
            StatusCode::UNAUTHORIZED,
            StatusCode::TOO_MANY_REQUESTS,
        ];
        assert!(expected.contains(&status), "attempt {n}: {status}");
        assert!(status != StatusCode::OK || n == 3, "attempt {n} signed in");
    }
}

#[tokio::test]
async fn the_sign_in_page_shows_no_text_from_the_address() {
    let app = spawn_app().await;
    let phishing = "Din konto er spærret. Ring til Lasse Sønderup på 12 34 56 78";
    for query in [
        format!("message={}", phishing.replace(' ', "+")),
        format!(
            "error=invalid&field=email&message={}",
            phishing.replace(' ', "+")
        ),
        format!(
            "error=invalid&field=password&message={}",
            phishing.replace(' ', "+")
        ),
        format!("error=invalid&errs=email:{}", phishing.replace(' ', "+")),
        format!("error=throttled&minutes={}", phishing.replace(' ', "+")),
    ] {
        let page = app.get(&format!("/login?{query}"), None).await;
        assert_eq!(page.status(), StatusCode::OK, "{query}");
        let html = page.text().await.unwrap();
        assert!(!html.contains("Ring til Lasse"), "{query}: {html}");
    }
}

#[tokio::test]
async fn signing_out_lands_on_the_sign_in_page_with_the_catalogue_notice() {
    let app = spawn_app().await;
    let cookie = app.sign_in("malene.kjaer-jepsen@example.org").await;
    let response = app.post_form("/api/logout", &[], Some(&cookie)).await;
    let target = location(&response);
    assert_eq!(target, "/login?message=signed-out");
    let html = app.get(&target, None).await.text().await.unwrap();
    assert!(html.contains("Du er logget ud."), "{html}");
}

#[tokio::test]
async fn a_wrong_address_without_javascript_is_named_from_the_catalogue() {
    let app = spawn_app().await;
    let response = app
        .post_form(
            "/api/login",
            &[("input[email]", ""), ("input[password]", "x")],
            None,
        )
        .await;
    let target = location(&response);
    assert!(
        !target.contains("message="),
        "no text in the address: {target}"
    );
    let page = app.get(&target, None).await.text().await.unwrap();
    assert!(page.contains(r#"id="email-error""#), "{page}");
    assert!(page.contains("Skriv din e-mailadresse"), "{page}");
}
