//! Calendar downloads and personal feeds (METHOD:PUBLISH, no organiser or attendees). Feeds
//! are read by calendar programs without a session, so they are addressed by a secret token
//! the person can renew.
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use app::model::MeetingStatus;
use app::server::calendar;
use app::server::context::SignedInViewer;
use app::server::entities::{meeting, person};
use app::server::error::{Chain, DomainError};
use app::server::services::invitations;
use app::server::services::meetings::visible_meeting;
use app::server::state::AppState;

fn ics(body: String, filename: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8; method=PUBLISH"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=300"),
    );
    response
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Ikke fundet. / Not found.\n").into_response()
}

/// A 500 for a calendar that could not be made, with the reason in the log only.
fn failed(error: impl std::error::Error + 'static) -> Response {
    tracing::error!(error = %Chain(&error), "calendar download");
    (StatusCode::INTERNAL_SERVER_ERROR, "Error.\n").into_response()
}

/// GET /meetings/{id}/calendar.ics — one meeting, for someone who may see it.
pub async fn meeting_ics(
    State(state): State<AppState>,
    Path(meeting_id): Path<i32>,
    viewer: Option<Extension<SignedInViewer>>,
) -> Response {
    // The policy gate in front of this route has looked the session up already.
    let Some(Extension(SignedInViewer(user))) = viewer else {
        return Redirect::to("/login").into_response();
    };
    let found = match visible_meeting(&state.db, &user, meeting_id).await {
        Ok(found) => found,
        Err(DomainError::NotFound) => return not_found(),
        Err(error) => return failed(error),
    };
    let events = invitations::events_for(
        &state.db,
        &state.mail,
        std::slice::from_ref(&found),
        user.lang,
    )
    .await;
    match events {
        Ok(events) => ics(
            calendar::publish(&events, state.clock.now()),
            &format!("moede-{}.ics", found.number),
        ),
        Err(error) => failed(error),
    }
}

/// GET /calendar/{token}.ics — the person's feed: the meetings their role may see.
pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics").filter(|t| t.len() >= 32) else {
        return not_found();
    };
    let owner = match person::Entity::find()
        .filter(person::Column::FeedToken.eq(token))
        .one(&state.db)
        .await
    {
        Ok(Some(owner)) => owner,
        Ok(None) => return not_found(),
        Err(error) => return failed(error),
    };
    let role = owner.role;
    let visible: Vec<&str> = MeetingStatus::ALL
        .into_iter()
        .filter(|s| role.may_see_meeting(*s))
        .map(MeetingStatus::as_str)
        .collect();
    let meetings = match meeting::Entity::find()
        .filter(meeting::Column::Status.is_in(visible))
        .all(&state.db)
        .await
    {
        Ok(meetings) => meetings,
        Err(error) => return failed(error),
    };
    let lang = owner.language;
    match invitations::events_for(&state.db, &state.mail, &meetings, lang).await {
        Ok(events) => ics(
            calendar::publish(&events, state.clock.now()),
            "taskforce.ics",
        ),
        Err(error) => failed(error),
    }
}
