//! Plain axum routes and layers around the Leptos app.
use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use leptos::server_fn::error::{FromServerFnError, SERVER_FN_ERROR_HEADER};

use app::error::AppError;
use app::i18n::texts;
use app::model::CurrentUser;
use app::server::auth::session_token;
use app::server::context::SignedInViewer;
use app::server::error::Chain;
use app::server::policy::{self, Capability, Decision};
use app::server::services::people::sessions;
use app::server::state::AppState;

/// The signed-in person behind the request's session cookie, for the plain routes
/// (downloads, uploads, calendars) that are not server functions.
pub async fn session_user(state: &AppState, headers: &HeaderMap) -> Option<CurrentUser> {
    let token = session_token(headers)?;
    sessions::user_for_token(&state.db, state.clock.now(), token)
        .await
        .ok()
        .flatten()
}

/// The access policy in front of the server functions: an `/api/` call runs only if
/// `app::server::policy` lets the caller in, before its arguments are even read. Refused:
/// 401 signed out, 403 otherwise, with the error encoded as the server function would.
pub async fn gate_server_functions(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_string();
    if !path.starts_with("/api/") {
        return next.run(request).await;
    }
    match admit(&state, &mut request, policy::for_server_function(&path)).await {
        Ok(()) => next.run(request).await,
        Err((decision, user)) => {
            let (status, error) = match decision {
                Decision::SignInFirst => (StatusCode::UNAUTHORIZED, AppError::NotSignedIn),
                _ => (
                    StatusCode::FORBIDDEN,
                    AppError::Forbidden(
                        texts(user.map(|u| u.lang).unwrap_or_default())
                            .err_forbidden
                            .to_string(),
                    ),
                ),
            };
            let mut response = (
                status,
                [(header::CONTENT_TYPE, "application/json")],
                error.ser(),
            )
                .into_response();
            if let Ok(value) = HeaderValue::from_str(&path) {
                response.headers_mut().insert(SERVER_FN_ERROR_HEADER, value);
            }
            response
        }
    }
}

/// The access policy in front of the plain routes (a route layer, so the route's pattern is
/// known). Refused: signed out to the sign-in page, otherwise 403.
pub async fn gate_plain_routes(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let pattern = request
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_default();
    let needed = policy::for_plain_route(request.method().as_str(), &pattern);
    match admit(&state, &mut request, needed).await {
        Ok(()) => next.run(request).await,
        Err((Decision::SignInFirst, _)) => Redirect::to("/login").into_response(),
        Err(_) => (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Du har ikke adgang. / You do not have access.\n",
        )
            .into_response(),
    }
}

/// Lets the request in when the policy allows it, keeping the signed-in person for the
/// handler; or says why not (and who asked).
async fn admit(
    state: &AppState,
    request: &mut Request,
    needed: Option<Capability>,
) -> Result<(), (Decision, Option<CurrentUser>)> {
    if policy::is_public(needed) {
        return Ok(());
    }
    let user = session_user(state, request.headers()).await;
    match policy::decide(needed, user.as_ref()) {
        Decision::Allowed => {
            if let Some(user) = user {
                request.extensions_mut().insert(SignedInViewer(user));
            }
            Ok(())
        }
        decision => {
            let path = request.uri().path();
            match decision {
                Decision::Unlisted => {
                    tracing::error!(%path, method = %request.method(), "refused: no access policy entry");
                }
                Decision::Forbidden => tracing::warn!(%path, "refused: role not allowed"),
                _ => {}
            }
            Err((decision, user))
        }
    }
}

/// 200 when the database answers, 503 otherwise.
pub async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match state.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(error) => {
            tracing::error!(error = %Chain(&error), "health check: database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    }
}

/// Refuses state-changing requests that a browser marks as coming from another site: the
/// `Origin` must be this site (the configured base URL or the host asked for), and without an
/// `Origin` a `Sec-Fetch-Site: cross-site` is refused. Session cookies are SameSite=Lax too.
pub async fn refuse_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && is_cross_site(request.headers(), &state.settings.base_url) {
        tracing::warn!(path = %request.uri().path(), "refused a cross-site request");
        return (
            StatusCode::FORBIDDEN,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "Afvist: anmodningen kom fra et andet websted. Refused: the request came from another site.\n",
        )
            .into_response();
    }
    next.run(request).await
}

pub fn is_cross_site(headers: &HeaderMap, base_url: &str) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match text("origin") {
        Some(origin) => {
            let host = text("host").unwrap_or_default();
            let authority = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
            let same_as_base = origin.eq_ignore_ascii_case(base_url);
            let same_as_host = !host.is_empty() && authority.eq_ignore_ascii_case(host);
            !(same_as_base || same_as_host)
        }
        None => text("sec-fetch-site") == Some("cross-site"),
    }
}

/// Headers every response carries.
pub async fn security_headers(request: Request<Body>, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    headers.insert("x-frame-options", HeaderValue::from_static("DENY"));
    headers.insert("referrer-policy", HeaderValue::from_static("same-origin"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn a_post_from_the_same_host_is_not_cross_site() {
        let h = headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert!(!is_cross_site(&h, "http://taskforce.example.org"));
    }

    #[test]
    fn a_post_from_the_configured_base_url_is_not_cross_site() {
        let h = headers(&[
            ("origin", "https://taskforce.example.org"),
            ("host", "internal:3000"),
        ]);
        assert!(!is_cross_site(&h, "https://taskforce.example.org"));
    }

    #[test]
    fn a_post_from_another_origin_is_cross_site() {
        let h = headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000"),
        ]);
        assert!(is_cross_site(&h, "http://127.0.0.1:3000"));
        let null = headers(&[("origin", "null"), ("host", "127.0.0.1:3000")]);
        assert!(is_cross_site(&null, "http://127.0.0.1:3000"));
    }

    #[test]
    fn without_an_origin_only_a_cross_site_fetch_marker_is_refused() {
        assert!(is_cross_site(
            &headers(&[("sec-fetch-site", "cross-site")]),
            "http://x"
        ));
        assert!(!is_cross_site(
            &headers(&[("sec-fetch-site", "same-origin")]),
            "http://x"
        ));
        assert!(!is_cross_site(&headers(&[]), "http://x"));
    }
}
