//! Rendered pages, kept in memory per person for as long as nothing they show has changed.
//!
//! A page depends on the database, on who asks (role, name, language) and on its address. The
//! database keeps one number, the data revision, that triggers raise with every committed change
//! to a table any page shows (migration `data_revision`). Each request looks up its session and
//! reads that number in one query; a copy rendered for the same person and address at the same
//! revision is sent as it is, anything else is rendered afresh. The revision is read before
//! rendering, so a copy can only be newer than its number, never older; every instance on a
//! shared database sees the same number, so no instance serves a page another has made stale.
//!
//! Only plain `GET`s of signed-in people are kept: no query string (form errors and kept values
//! travel there), no answer-link pages (they depend on the clock), no `Set-Cookie` in the answer,
//! and only `200 OK`.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use chrono::{DateTime, Utc};

use app::server::auth::session_token;
use app::server::context::{PageTrueUntil, SignedInViewer};
use app::server::csp;
use app::server::error::Chain;
use app::server::services::people::sessions;
use app::server::state::AppState;

/// Says whether a page came from the cache (`hit`) or was rendered and kept (`miss`).
pub const CACHE_HEADER: &str = "x-page-cache";

/// The largest single page kept, as a share of the whole budget.
const LARGEST_SHARE: usize = 8;

#[derive(Clone)]
pub struct PageCache {
    /// Bytes of pages kept at the most; 0 keeps none.
    budget: usize,
    pages: Arc<Mutex<Pages>>,
}

struct Pages {
    used: usize,
    revision: i64,
    pages: HashMap<(i32, String), Page>,
}

#[derive(Clone)]
struct Page {
    headers: HeaderMap,
    body: Bytes,
    /// The Content-Security-Policy nonce the page was rendered with.
    nonce: Option<String>,
    /// When something the page says stops being true ("in 2 days"); not served from then on.
    true_until: Option<DateTime<Utc>>,
}

impl Page {
    /// The kept page as a response, with a nonce of its own: a nonce is never sent twice.
    fn into_response(self) -> Response {
        let Page {
            mut headers,
            mut body,
            nonce,
            ..
        } = self;
        if let Some(old) = nonce
            && let Ok(text) = std::str::from_utf8(&body)
        {
            let new = leptos::nonce::Nonce::new().to_string();
            if let Ok(value) = HeaderValue::from_str(&csp::policy(&new)) {
                body = Bytes::from(text.replace(old.as_str(), &new));
                headers.insert(header::CONTENT_SECURITY_POLICY, value);
            }
        }
        let mut response = Response::new(Body::from(body));
        *response.headers_mut() = headers;
        response
            .headers_mut()
            .insert(CACHE_HEADER, HeaderValue::from_static("hit"));
        response
    }
}

impl PageCache {
    /// A cache of at most `megabytes` of pages; 0 keeps nothing.
    pub fn new(megabytes: usize) -> PageCache {
        PageCache {
            budget: megabytes.saturating_mul(1024 * 1024),
            pages: Arc::new(Mutex::new(Pages {
                used: 0,
                revision: 0,
                pages: HashMap::new(),
            })),
        }
    }

    fn enabled(&self) -> bool {
        self.budget > 0
    }

    fn get(&self, key: &(i32, String), revision: i64, now: DateTime<Utc>) -> Option<Page> {
        let pages = self.pages.lock().ok()?;
        (pages.revision == revision)
            .then(|| pages.pages.get(key).cloned())
            .flatten()
            .filter(|page| page.true_until.is_none_or(|until| now < until))
    }

    fn put(&self, key: (i32, String), revision: i64, page: Page) {
        let Ok(mut pages) = self.pages.lock() else {
            return;
        };
        if revision < pages.revision || page.body.len() > self.budget / LARGEST_SHARE {
            return;
        }
        if revision > pages.revision {
            pages.pages.clear();
            pages.used = 0;
            pages.revision = revision;
        }
        if pages.used + page.body.len() > self.budget {
            // Pages are cheap to make again; starting over beats bookkeeping for eviction order.
            pages.pages.clear();
            pages.used = 0;
        }
        pages.used += page.body.len();
        if let Some(old) = pages.pages.insert(key, page) {
            pages.used -= old.body.len();
        }
    }
}

fn cacheable(request: &Request) -> bool {
    let path = request.uri().path();
    request.method() == Method::GET
        && request.uri().query().is_none()
        && !path.starts_with("/api/")
        && !path.starts_with("/rsvp/")
        && path != "/login"
}

/// The layer in front of the Leptos pages.
pub async fn serve_from_cache(
    State((state, cache)): State<(AppState, PageCache)>,
    mut request: Request,
    next: Next,
) -> Response {
    if !cacheable(&request) {
        return next.run(request).await;
    }
    let Some(token) = session_token(request.headers()).map(str::to_string) else {
        return next.run(request).await;
    };
    let viewer = match sessions::viewer_for_token(&state.db, state.clock.now(), &token).await {
        Ok(Some(viewer)) => viewer,
        // No session, or the database did not answer: the app decides what to show.
        Ok(None) | Err(_) => return next.run(request).await,
    };
    if !cache.enabled() {
        request.extensions_mut().insert(SignedInViewer(viewer.user));
        return next.run(request).await;
    }
    let key = (viewer.user.account_id, request.uri().path().to_string());
    if let Some(page) = cache.get(&key, viewer.revision, state.clock.now()) {
        return page.into_response();
    }
    let true_until = PageTrueUntil::default();
    request.extensions_mut().insert(SignedInViewer(viewer.user));
    request.extensions_mut().insert(true_until.clone());
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, usize::MAX).await {
        Ok(bytes) => {
            cache.put(
                key,
                viewer.revision,
                Page {
                    headers: parts.headers.clone(),
                    body: bytes.clone(),
                    nonce: parts
                        .headers
                        .get(header::CONTENT_SECURITY_POLICY)
                        .and_then(|v| v.to_str().ok())
                        .and_then(csp::nonce_of)
                        .map(str::to_string),
                    true_until: true_until.get(),
                },
            );
            let mut response = Response::from_parts(parts, Body::from(bytes));
            response
                .headers_mut()
                .insert(CACHE_HEADER, HeaderValue::from_static("miss"));
            response
        }
        Err(error) => {
            tracing::error!(error = %Chain(&error), "a rendered page could not be read");
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(size: usize) -> Page {
        Page {
            headers: HeaderMap::new(),
            body: Bytes::from(vec![b'x'; size]),
            nonce: None,
            true_until: None,
        }
    }

    fn t0() -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2022, 3, 1, 9, 0, 0)
            .single()
            .unwrap_or_default()
    }

    #[test]
    fn a_page_is_not_served_once_something_it_says_is_no_longer_true() {
        let cache = PageCache::new(1);
        let until = t0() + chrono::Duration::hours(3);
        let mut kept = page(10);
        kept.true_until = Some(until);
        cache.put(key(1, "/meetings/4"), 7, kept);
        assert!(cache.get(&key(1, "/meetings/4"), 7, t0()).is_some());
        let just_before = until - chrono::Duration::seconds(1);
        assert!(cache.get(&key(1, "/meetings/4"), 7, just_before).is_some());
        assert!(cache.get(&key(1, "/meetings/4"), 7, until).is_none());
    }

    fn key(account: i32, path: &str) -> (i32, String) {
        (account, path.to_string())
    }

    #[test]
    fn a_page_is_served_again_only_at_the_revision_it_was_rendered_at() {
        let cache = PageCache::new(1);
        cache.put(key(1, "/meetings/4"), 7, page(10));
        assert!(cache.get(&key(1, "/meetings/4"), 7, t0()).is_some());
        assert!(cache.get(&key(1, "/meetings/4"), 8, t0()).is_none());
        assert!(cache.get(&key(2, "/meetings/4"), 7, t0()).is_none());
        assert!(cache.get(&key(1, "/meetings/5"), 7, t0()).is_none());
    }

    #[test]
    fn a_newer_revision_drops_every_older_page() {
        let cache = PageCache::new(1);
        cache.put(key(1, "/"), 7, page(10));
        cache.put(key(2, "/"), 8, page(10));
        assert!(cache.get(&key(1, "/"), 7, t0()).is_none());
        assert!(cache.get(&key(2, "/"), 8, t0()).is_some());
    }

    #[test]
    fn a_page_rendered_at_an_older_revision_is_not_kept() {
        let cache = PageCache::new(1);
        cache.put(key(1, "/"), 8, page(10));
        cache.put(key(2, "/"), 7, page(10));
        assert!(cache.get(&key(2, "/"), 7, t0()).is_none());
        assert!(cache.get(&key(2, "/"), 8, t0()).is_none());
    }

    #[test]
    fn the_cache_never_holds_more_than_its_budget() {
        let cache = PageCache::new(1);
        for n in 0..20 {
            cache.put(key(n, "/"), 1, page(100_000));
        }
        let used = cache.pages.lock().map(|p| p.used).unwrap_or(usize::MAX);
        assert!(used <= 1024 * 1024, "{used}");
        assert!(cache.get(&key(19, "/"), 1, t0()).is_some());
    }

    /// A kept page rendered with the nonce `oldnonce` on `scripts` scripts.
    fn kept_with_nonce(scripts: usize) -> Page {
        let mut headers = HeaderMap::new();
        if let Ok(value) = HeaderValue::from_str(&csp::policy("oldnonce")) {
            headers.insert(header::CONTENT_SECURITY_POLICY, value);
        }
        Page {
            headers,
            body: Bytes::from("<script nonce=\"oldnonce\">go()</script>".repeat(scripts)),
            nonce: Some("oldnonce".into()),
            true_until: None,
        }
    }

    fn nonce_of(response: &Response) -> String {
        response
            .headers()
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .and_then(csp::nonce_of)
            .unwrap_or_default()
            .to_string()
    }

    #[test]
    fn a_kept_page_goes_out_with_a_new_nonce_every_time() {
        let kept = kept_with_nonce(1);
        let first = nonce_of(&kept.clone().into_response());
        let second = nonce_of(&kept.into_response());
        for nonce in [&first, &second] {
            assert!(nonce.len() >= 22 && nonce != "oldnonce", "{nonce}");
        }
        assert_ne!(first, second);
    }

    #[tokio::test]
    async fn the_body_of_a_kept_page_carries_the_nonce_its_policy_names() {
        let response = kept_with_nonce(2).into_response();
        let nonce = nonce_of(&response);
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap_or_default();
        let body = String::from_utf8_lossy(&body);
        assert_eq!(body.matches(&format!("nonce=\"{nonce}\"")).count(), 2);
        assert!(!body.contains("oldnonce"));
    }

    #[test]
    fn a_cache_of_zero_megabytes_keeps_nothing() {
        let cache = PageCache::new(0);
        cache.put(key(1, "/"), 1, page(1));
        assert!(!cache.enabled());
        assert!(cache.get(&key(1, "/"), 1, t0()).is_none());
    }
}
