//! Calendar downloads, feeds and answer links over HTTP.
mod common;

use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE};

use common::{location, spawn_app};

#[tokio::test]
async fn a_meeting_downloads_as_a_published_calendar_for_those_who_may_see_it() {
    let app = spawn_app().await;
    let jonas = app.sign_in("jonas.dahl@example.org").await;
    let response = app
        .client
        .get(app.url("/meetings/4/calendar.ics"))
        .header(COOKIE, &jonas)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let body = response.text().await.unwrap();
    assert!(body.contains("METHOD:PUBLISH\r\n"));
    assert!(!body.contains("ATTENDEE") && !body.contains("ORGANIZER"));
    assert!(body.contains("DTSTART;TZID=Europe/Copenhagen:20220405T130000"));

    let draft = app
        .client
        .get(app.url("/meetings/6/calendar.ics"))
        .header(COOKIE, &jonas)
        .send()
        .await
        .unwrap();
    assert_eq!(draft.status(), StatusCode::NOT_FOUND);
    let signed_out = app
        .client
        .get(app.url("/meetings/4/calendar.ics"))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&signed_out), "/login");
}

#[tokio::test]
async fn a_feed_answers_only_to_its_secret_address_and_a_renewed_address_replaces_it() {
    let app = spawn_app().await;
    let jonas = app.sign_in("jonas.dahl@example.org").await;
    let url = |response: String| serde_json::from_str::<String>(&response).unwrap();
    let first = url(app
        .call("/api/feed", Some(&jonas))
        .await
        .text()
        .await
        .unwrap());
    let path = first.trim_start_matches(&app.base).to_string();
    let feed = app.client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(feed.status(), StatusCode::OK);
    let body = feed.text().await.unwrap().replace("\r\n ", "");
    assert_eq!(
        body.matches("BEGIN:VEVENT").count(),
        4,
        "the four meetings a member may see"
    );

    assert_eq!(
        app.call("/api/feed_renew", Some(&jonas)).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.client
            .get(app.url(&path))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND,
        "the old address stops working"
    );
    let guessed = app
        .client
        .get(app.url(&format!("/calendar/{}.ics", "0".repeat(48))))
        .send()
        .await
        .unwrap();
    assert_eq!(guessed.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_tampered_answer_link_gets_a_clear_page_and_a_404() {
    let app = spawn_app().await;
    let page = app.get("/rsvp/1.9999999999.deadbeef", None).await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let html = page.text().await.unwrap();
    assert!(html.contains("Linket er ugyldigt."), "{html}");
    assert!(
        !html.contains("name=\"input[answer]\""),
        "no form to answer with"
    );
}

#[tokio::test]
async fn only_the_secretariat_reads_invitations_and_the_outbox() {
    let app = spawn_app().await;
    for email in [
        "marie.louise.refsgaard@example.org",
        "jonas.dahl@example.org",
        "styregruppe@example.org",
    ] {
        let cookie = app.sign_in(email).await;
        let invitations = app
            .call_with("/api/invitations", "meeting_id=4", Some(&cookie))
            .await;
        assert_eq!(invitations.status(), StatusCode::FORBIDDEN, "{email}");
        assert_eq!(
            app.call("/api/outbox", Some(&cookie)).await.status(),
            StatusCode::FORBIDDEN,
            "{email}"
        );
        let cancel = app
            .call_with("/api/cancel_meeting", "meeting_id=4", Some(&cookie))
            .await;
        assert_eq!(cancel.status(), StatusCode::FORBIDDEN, "{email}");
    }
    let ann = app.sign_in("ann.maskell@example.org").await;
    let view: serde_json::Value = serde_json::from_str(
        &app.call_with("/api/invitations", "meeting_id=4", Some(&ann))
            .await
            .text()
            .await
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        view["invitees"].as_array().map(Vec::len),
        Some(10),
        "the demo meeting's invitations"
    );
}

#[tokio::test]
async fn the_guest_form_names_an_address_or_a_name_mail_cannot_carry_next_to_its_field() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let guests = |cookie: String| {
        let app = &app;
        async move {
            let view: serde_json::Value = serde_json::from_str(
                &app.call_with("/api/invitations", "meeting_id=6", Some(&cookie))
                    .await
                    .text()
                    .await
                    .unwrap(),
            )
            .unwrap();
            view["invitees"].as_array().map(Vec::len).unwrap_or(0)
        }
    };
    let before = guests(ann.clone()).await;
    for (name, email, field, message) in [
        (
            "Eve Bækgaard",
            "eve@[127.0.0.1]",
            "guest_email",
            "Efter @ skal der stå et domænenavn",
        ),
        (
            "Anne Kjær",
            "a\"b@example.net",
            "guest_email",
            "Før @ kan adressen kun have bogstaverne a–z",
        ),
        (
            "Anne Kjær\r\nBcc: eve@example.net",
            "anne.kjaer@example.net",
            "guest_name",
            "Navnet må ikke indeholde linjeskift",
        ),
    ] {
        let response = app
            .post_form(
                "/api/invite_guest",
                &[
                    ("input[meeting_id]", "6"),
                    ("input[name]", name),
                    ("input[email]", email),
                    ("input[language]", "da"),
                ],
                Some(&ann),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FOUND, "{email}");
        let target = location(&response);
        assert!(target.starts_with("/meetings/6?"), "{target}");
        let page = app.get(&target, Some(&ann)).await.text().await.unwrap();
        assert!(
            page.contains(&format!(r#"id="{field}-error""#)),
            "{email}: no message at {field}"
        );
        assert!(page.contains(message), "{email}: {message}");
    }
    assert_eq!(guests(ann.clone()).await, before, "nobody was added");
}
