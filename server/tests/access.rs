//! The access policy walked against the running app: every server function the app registers
//! and every plain route, called signed out and as a demo person of each role. A denied caller
//! gets the refusal, an allowed one never does (it may well get a complaint about the empty
//! arguments). A server function or route without a policy entry fails here.
mod common;

use std::collections::BTreeSet;

use reqwest::StatusCode;
use reqwest::header::{COOKIE, ORIGIN};

use app::error::AppError;
use app::model::Role;
use app::server::policy::{self, Audience, PLAIN_ROUTES, SERVER_FUNCTIONS};
use common::{TestApp, location, session_cookie, spawn_app};

/// A demo person for each role (README, demo sign-ins).
fn demo_person(role: Role) -> &'static str {
    match role {
        Role::Secretariat => "ann.maskell@example.org",
        Role::Chair => "marie.louise.refsgaard@example.org",
        Role::Member => "jonas.dahl@example.org",
        Role::Deputy => "rikke.oerum.skovgaard@example.org",
        Role::SteeringGroup => "styregruppe@example.org",
        Role::Observer => "sofie.lind@example.org",
    }
}

/// The server functions the app has registered, as (method, path).
fn registered_server_functions() -> BTreeSet<(String, String)> {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (method.to_string(), path.to_string()))
        .collect()
}

fn registered_plain_routes() -> BTreeSet<(String, String)> {
    server::startup::plain_routes(1024)
        .into_iter()
        .map(|route| (route.method.to_string(), route.path.to_string()))
        .collect()
}

/// A path pattern with every `{parameter}` filled in with 1.
fn concrete(pattern: &str) -> String {
    pattern
        .split('/')
        .map(|part| if part.starts_with('{') { "1" } else { part })
        .collect::<Vec<_>>()
        .join("/")
}

/// A walker signed in as one audience, signing in again when a call signed it out.
struct Walker<'a> {
    app: &'a TestApp,
    audience: Audience,
    cookie: Option<String>,
}

impl<'a> Walker<'a> {
    async fn new(app: &'a TestApp, audience: Audience) -> Walker<'a> {
        let cookie = match audience {
            Audience::SignedOut => None,
            Audience::Role(role) => Some(app.sign_in(demo_person(role)).await),
        };
        Walker {
            app,
            audience,
            cookie,
        }
    }

    async fn send(&mut self, method: &str, path: &str) -> (StatusCode, String, String) {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("a method");
        let mut request = self
            .app
            .client
            .request(method, self.app.url(path))
            .header(ORIGIN, &self.app.base)
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body("");
        if let Some(cookie) = &self.cookie {
            request = request.header(COOKIE, cookie);
        }
        let response = request.send().await.expect("the app answers");
        let status = response.status();
        let signed_out =
            session_cookie(response.headers()).is_some_and(|c| c.contains("Max-Age=0"));
        let to = location(&response);
        let body = response.text().await.unwrap_or_default();
        if signed_out && let Audience::Role(role) = self.audience {
            self.cookie = Some(self.app.sign_in(demo_person(role)).await);
        }
        (status, to, body)
    }
}

#[tokio::test]
async fn every_registered_server_function_and_plain_route_has_exactly_one_policy_entry() {
    let registered = registered_server_functions();
    assert!(
        registered.len() >= 20,
        "the registry lists the app's server functions: {registered:?}"
    );
    let listed: BTreeSet<(String, String)> = SERVER_FUNCTIONS
        .iter()
        .map(|(path, _)| ("POST".to_string(), path.to_string()))
        .collect();
    let unlisted: Vec<_> = registered.difference(&listed).collect();
    assert!(
        unlisted.is_empty(),
        "server functions without an entry in app::server::policy::SERVER_FUNCTIONS: {unlisted:?}"
    );
    let stale: Vec<_> = listed.difference(&registered).collect();
    assert!(
        stale.is_empty(),
        "policy entries for server functions the app does not have (or not as POST): {stale:?}"
    );

    let routes = registered_plain_routes();
    let listed: BTreeSet<(String, String)> = PLAIN_ROUTES
        .iter()
        .map(|(method, path, _)| (method.to_string(), path.to_string()))
        .collect();
    assert_eq!(
        routes, listed,
        "server::startup::plain_routes and app::server::policy::PLAIN_ROUTES differ"
    );
}

#[tokio::test]
async fn every_server_function_refuses_exactly_the_audiences_the_policy_denies() {
    let app = spawn_app().await;
    let mut failures = Vec::new();
    let mut refusals = 0;
    for audience in Audience::ALL {
        let mut walker = Walker::new(&app, audience).await;
        for (method, path) in registered_server_functions() {
            let needed = policy::for_server_function(&path);
            let allowed = needed.is_some_and(|c| policy::allows(audience, c));
            let (status, _, body) = walker.send(&method, &path).await;
            let error: Option<AppError> = serde_json::from_str(&body).ok();
            let verdict = match (allowed, audience) {
                (true, _) => {
                    status != StatusCode::UNAUTHORIZED
                        && status != StatusCode::FORBIDDEN
                        && !matches!(error, Some(AppError::NotSignedIn | AppError::Forbidden(_)))
                }
                (false, Audience::SignedOut) => {
                    status == StatusCode::UNAUTHORIZED && error == Some(AppError::NotSignedIn)
                }
                (false, Audience::Role(_)) => {
                    status == StatusCode::FORBIDDEN && matches!(error, Some(AppError::Forbidden(_)))
                }
            };
            if !allowed {
                refusals += 1;
            }
            if !verdict {
                failures.push(format!(
                    "{audience:?} {method} {path} (allowed: {allowed}): {status} {body}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(refusals > 50, "the walk met refusals: {refusals}");
}

#[tokio::test]
async fn every_plain_route_refuses_exactly_the_audiences_the_policy_denies() {
    let app = spawn_app().await;
    let mut failures = Vec::new();
    for audience in Audience::ALL {
        let mut walker = Walker::new(&app, audience).await;
        for (method, pattern) in registered_plain_routes() {
            let needed = policy::for_plain_route(&method, &pattern);
            let allowed = needed.is_some_and(|c| policy::allows(audience, c));
            let (status, to, body) = walker.send(&method, &concrete(&pattern)).await;
            let to_sign_in = status == StatusCode::SEE_OTHER && to == "/login";
            let verdict = match (allowed, audience) {
                (true, _) => !to_sign_in && status != StatusCode::FORBIDDEN,
                (false, Audience::SignedOut) => to_sign_in,
                (false, Audience::Role(_)) => {
                    status == StatusCode::FORBIDDEN && body.contains("You do not have access")
                }
            };
            if !verdict {
                failures.push(format!(
                    "{audience:?} {method} {pattern} (allowed: {allowed}): {status} {to} {body}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
