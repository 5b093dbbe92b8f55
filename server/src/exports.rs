//! CSV downloads of the decision register and the action list, for someone signed in: the
//! same rows, the same filter and the same visibility as the pages, in the reader's language.
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use app::i18n::minutes::csv_words;
use app::model::minutes::export::{RegisterFilter, actions_csv, decisions_csv};
use app::model::time::Zone;
use app::server::context::SignedInViewer;
use app::server::error::Chain;
use app::server::services::minutes::{actions, decisions};
use app::server::state::AppState;

fn csv(body: String, filename: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8; header=present"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn failed(error: impl std::error::Error + 'static) -> Response {
    tracing::error!(error = %Chain(&error), "csv download");
    (StatusCode::INTERNAL_SERVER_ERROR, "Error.\n").into_response()
}

/// The register page's query.
#[derive(Debug, Default, Deserialize)]
pub struct RegisterQuery {
    q: Option<String>,
    meeting: Option<String>,
    status: Option<String>,
}

/// GET /decisions.csv — the register as the page shows it with the same query.
pub async fn decisions(
    State(state): State<AppState>,
    Query(query): Query<RegisterQuery>,
    viewer: Option<Extension<SignedInViewer>>,
) -> Response {
    let Some(Extension(SignedInViewer(user))) = viewer else {
        return Redirect::to("/login").into_response();
    };
    let filter = RegisterFilter::from_query(
        query.q.as_deref(),
        query.meeting.as_deref(),
        query.status.as_deref(),
    );
    match decisions::register(&state.db, &user).await {
        Ok(all) => {
            let rows: Vec<_> = all.into_iter().filter(|d| filter.matches(d)).collect();
            csv(
                decisions_csv(&rows, &csv_words(user.lang)),
                "beslutninger.csv",
            )
        }
        Err(error) => failed(error),
    }
}

/// GET /actions.csv — the actions the caller's page shows (everyone's for the secretariat).
pub async fn actions(
    State(state): State<AppState>,
    viewer: Option<Extension<SignedInViewer>>,
) -> Response {
    let Some(Extension(SignedInViewer(user))) = viewer else {
        return Redirect::to("/login").into_response();
    };
    let today = Zone::EuropeCopenhagen.to_local(state.clock.now()).date();
    match actions::list(&state.db, &user, today, false).await {
        Ok(rows) => csv(actions_csv(&rows, &csv_words(user.lang)), "handlinger.csv"),
        Err(error) => failed(error),
    }
}
