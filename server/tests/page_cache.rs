//! Rendered pages kept in memory: used again while nothing changed, never stale after a
//! change, never shown to another person, never to a session that has ended.
mod common;

use std::sync::atomic::Ordering;

use common::{TestApp, location, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use server::page_cache::CACHE_HEADER;

const ANN: &str = "ann.maskell@example.org";
const JONAS: &str = "jonas.dahl@example.org";
const CLOSED_ITEM: &str = "Rekruttering af interviewpersoner";

struct Shown {
    cache: String,
    html: String,
}

async fn show(app: &TestApp, path: &str, cookie: &str) -> Shown {
    let response = app.get(path, Some(cookie)).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let cache = response
        .headers()
        .get(CACHE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("none")
        .to_string();
    let html = response.text().await.expect("a page");
    Shown { cache, html }
}

/// Where each title first appears on the page.
fn order(html: &str, titles: &[&str]) -> Vec<usize> {
    titles
        .iter()
        .map(|t| {
            html.find(t)
                .unwrap_or_else(|| panic!("«{t}» not on the page"))
        })
        .collect()
}

#[tokio::test]
async fn a_page_asked_for_twice_without_a_change_between_is_served_from_memory() {
    let app = spawn_app().await;
    let ann = app.sign_in(ANN).await;
    let first = show(&app, "/meetings/4", &ann).await;
    let second = show(&app, "/meetings/4", &ann).await;
    assert_eq!(first.cache, "miss");
    assert_eq!(second.cache, "hit");
    // That it is the same page, but for its nonce, is checked with the policy below.
    assert_eq!(first.html.len(), second.html.len());
}

#[tokio::test]
async fn a_kept_page_that_counts_down_to_a_meeting_is_not_served_past_midnight() {
    // Signed in for longer than the day the test moves through.
    let app = spawn_app_with(|config| config.session_hours = 48).await;
    let ann = app.sign_in(ANN).await;
    // Meeting 4 is on Tuesday 5 April 2022; the clock stands at 1 March, 09:00 UTC.
    let first = show(&app, "/meetings/4", &ann).await;
    assert!(
        first.html.contains("om 35 dage"),
        "the countdown is on the page"
    );
    assert_eq!(show(&app, "/meetings/4", &ann).await.cache, "hit");

    // 23:59 in Copenhagen: still true, still kept.
    app.advance_clock(chrono::Duration::minutes(13 * 60 + 59));
    let late = show(&app, "/meetings/4", &ann).await;
    assert_eq!(late.cache, "hit");
    assert!(late.html.contains("om 35 dage"));

    // Midnight in Copenhagen (23:00 UTC): the kept page would now say something untrue.
    app.advance_clock(chrono::Duration::minutes(1));
    let next_day = show(&app, "/meetings/4", &ann).await;
    assert_eq!(next_day.cache, "miss");
    assert!(next_day.html.contains("om 34 dage"), "the new count");
    assert!(!next_day.html.contains("om 35 dage"));
}

#[tokio::test]
async fn a_change_shows_on_the_very_next_page_view() {
    let app = spawn_app().await;
    let ann = app.sign_in(ANN).await;
    let item = app.item_id(4, CLOSED_ITEM, &ann).await;
    let detail = app.meeting(4, &ann).await;
    let titles: Vec<String> = detail["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["title"].as_str().map(str::to_string))
        .collect();
    let at = titles
        .iter()
        .position(|t| t == CLOSED_ITEM)
        .expect("the item");
    let below = titles[at + 1].clone();
    show(&app, "/meetings/4", &ann).await;
    let before = show(&app, "/meetings/4", &ann).await;
    assert_eq!(before.cache, "hit");
    let positions = order(&before.html, &[CLOSED_ITEM, &below]);
    assert!(positions[0] < positions[1]);

    let moved = app
        .call_with(
            "/api/item_action",
            &format!("input[item_id]={item}&input[action]=down"),
            Some(&ann),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::OK);

    let after = show(&app, "/meetings/4", &ann).await;
    assert_eq!(after.cache, "miss");
    let positions = order(&after.html, &[CLOSED_ITEM, &below]);
    assert!(positions[0] > positions[1], "the moved item is now below");
}

#[tokio::test]
async fn a_member_never_gets_the_page_rendered_for_the_secretariat() {
    let app = spawn_app().await;
    let ann = app.sign_in(ANN).await;
    let jonas = app.sign_in(JONAS).await;
    let for_ann = show(&app, "/meetings/4", &ann).await;
    assert!(for_ann.html.contains(CLOSED_ITEM));
    assert_eq!(show(&app, "/meetings/4", &ann).await.cache, "hit");
    for expected in ["miss", "hit"] {
        let for_jonas = show(&app, "/meetings/4", &jonas).await;
        assert_eq!(for_jonas.cache, expected);
        assert!(
            !for_jonas.html.contains(CLOSED_ITEM),
            "a closed item's title stays hidden from members"
        );
        assert!(for_jonas.html.contains("Jonas Dahl"));
        assert!(!for_jonas.html.contains("Ann Maskell</strong>"));
    }
}

#[tokio::test]
async fn a_session_that_has_ended_gets_no_page_from_memory() {
    let app = spawn_app().await;
    let ann = app.sign_in(ANN).await;
    show(&app, "/meetings/4", &ann).await;
    assert_eq!(show(&app, "/meetings/4", &ann).await.cache, "hit");
    let out = app.post_form("/api/logout", &[], Some(&ann)).await;
    assert_eq!(out.status(), StatusCode::FOUND);
    let after = app.get("/meetings/4", Some(&ann)).await;
    assert_eq!(after.status(), StatusCode::FOUND);
    assert!(location(&after).starts_with("/login"));
}

#[tokio::test]
async fn switching_language_shows_the_pages_in_the_new_language_at_once() {
    let app = spawn_app().await;
    let ann = app.sign_in(ANN).await;
    show(&app, "/", &ann).await;
    let danish = show(&app, "/", &ann).await;
    assert_eq!(danish.cache, "hit");
    assert!(danish.html.contains(r#"<html lang="da""#));
    let switched = app
        .post_form("/api/language", &[("lang", "en")], Some(&ann))
        .await;
    assert_eq!(switched.status(), StatusCode::FOUND);
    let english = show(&app, "/", &ann).await;
    assert_eq!(english.cache, "miss");
    assert!(english.html.contains(r#"<html lang="en""#));
}

#[tokio::test]
async fn a_page_with_a_query_string_is_always_rendered_afresh() {
    let app = spawn_app().await;
    let ann = app.sign_in(ANN).await;
    for _ in 0..2 {
        let shown = show(&app, "/meetings/4?uploaded=1", &ann).await;
        assert_eq!(shown.cache, "none");
    }
}

/// The nonce a response's Content-Security-Policy allows, and the page's body.
async fn policy_and_page(app: &TestApp, path: &str, cookie: Option<&str>) -> (String, String) {
    let response = app.get(path, cookie).await;
    let policy = response
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (policy, response.text().await.expect("a page"))
}

fn nonce(policy: &str) -> String {
    app::server::csp::nonce_of(policy)
        .unwrap_or_else(|| panic!("no nonce in «{policy}»"))
        .to_string()
}

#[tokio::test]
async fn every_page_allows_only_its_own_scripts_and_a_kept_page_gets_a_new_nonce() {
    let app = spawn_app().await;
    let (policy, login) = policy_and_page(&app, "/login", None).await;
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"));
    let first = nonce(&policy);
    let scripts = login.matches("<script").count();
    assert!(scripts > 0, "the hydration scripts");
    assert_eq!(
        login.matches(&format!("nonce=\"{first}\"")).count(),
        scripts,
        "every script carries the nonce"
    );

    let ann = app.sign_in(ANN).await;
    let (rendered_policy, rendered) = policy_and_page(&app, "/meetings/4", Some(&ann)).await;
    let (kept_policy, kept) = policy_and_page(&app, "/meetings/4", Some(&ann)).await;
    let (rendered_nonce, kept_nonce) = (nonce(&rendered_policy), nonce(&kept_policy));
    assert_ne!(rendered_nonce, kept_nonce, "a nonce is never sent twice");
    assert_eq!(
        kept.matches(&format!("nonce=\"{kept_nonce}\"")).count(),
        kept.matches("<script").count()
    );
    assert!(!kept.contains(&rendered_nonce));
    assert_eq!(
        kept.replace(&kept_nonce, "N"),
        rendered.replace(&rendered_nonce, "N"),
        "otherwise the same page"
    );
}

/// SQL statements the app runs to render `path` for `cookie`.
async fn queries_for(app: &TestApp, path: &str, cookie: &str) -> usize {
    app.queries.store(0, Ordering::SeqCst);
    let response = app.get(path, Some(cookie)).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.expect("a page");
    app.queries.load(Ordering::SeqCst)
}

#[tokio::test]
async fn a_meeting_page_costs_the_same_number_of_queries_whatever_the_number_of_items() {
    let app = spawn_app_with(|config| config.page_cache_mb = 0).await;
    let ann = app.sign_in(ANN).await;
    let before = app.meeting(6, &ann).await["items"]
        .as_array()
        .map(Vec::len)
        .unwrap_or(0);
    let few = queries_for(&app, "/meetings/6", &ann).await;
    for n in 0..9 {
        let added = app
            .post_form(
                "/api/item_save",
                &[
                    ("input[meeting_id]", "6"),
                    ("input[kind]", "O"),
                    ("input[title]", &format!("Ekstra punkt {n}")),
                    ("input[resume]", "Kort *resumé*."),
                    ("input[duration]", "5"),
                ],
                Some(&ann),
            )
            .await;
        assert_eq!(added.status(), StatusCode::FOUND, "item {n} saved");
    }
    let after = app.meeting(6, &ann).await["items"]
        .as_array()
        .map(Vec::len)
        .unwrap_or(0);
    assert_eq!(after, before + 9);
    let many = queries_for(&app, "/meetings/6", &ann).await;
    assert!(few > 0);
    assert_eq!(
        few, many,
        "{before} items: {few} queries; {after} items: {many}"
    );
    // Served from memory, the page costs one query: the session and the data revision.
    let kept = spawn_app().await;
    let ann = kept.sign_in(ANN).await;
    queries_for(&kept, "/meetings/6", &ann).await;
    assert_eq!(queries_for(&kept, "/meetings/6", &ann).await, 1);
}
