//! Building the app on a given listener, so tests can bind port 0.
use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::http::Method;
use axum::middleware;
use axum::routing::{MethodFilter, MethodRouter, on};
use axum::serve::ListenerExt;
use leptos::config::LeptosOptions;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tokio::net::TcpListener;

use app::app::{App, shell};
use app::server::clock::Clock;
use app::server::context::RequestCache;
use app::server::db::{self, DbSetupError};
use app::server::error::Chain;
use app::server::mailer::Mailer;
use app::server::seed::{SeedOutcome, seed_demo, seed_demo_invitations};
use app::server::services::invitations::{self, MailContext};
use app::server::services::outbox::{self, Outcome};
use app::server::services::people::links;
use app::server::state::{AppState, Settings};
use leptos::prelude::provide_context;

use crate::config::Config;
use crate::page_cache::{self, PageCache};
use crate::{calendars, exports, papers, routes};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] DbSetupError),
    #[error("cannot create the files directory {path}: {source}")]
    Files {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Mail(String),
    #[error("cannot seed the demo data: {0}")]
    Seed(#[from] app::server::error::DomainError),
}

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(env!("LEPTOS_OUTPUT_NAME"))
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        .build()
}

/// Connects, migrates and (in demo mode, into an empty database) seeds.
pub async fn prepare(config: &Config, clock: Arc<dyn Clock>) -> Result<AppState, StartupError> {
    std::fs::create_dir_all(&config.files_dir).map_err(|source| StartupError::Files {
        path: config.files_dir.clone(),
        source,
    })?;
    let db = db::connect(&config.database_url).await?;
    db::migrate(&db).await?;
    let mail = MailContext::load(&db, &config.base_url)
        .await
        .map_err(|e| StartupError::Mail(format!("cannot prepare mail: {e}")))?;
    if config.demo {
        match seed_demo(&db, clock.now()).await? {
            SeedOutcome::Seeded { people, meetings } => {
                let invitations = seed_demo_invitations(&db, clock.now(), &mail).await?;
                tracing::info!(people, meetings, invitations, "seeded the demo taskforce");
            }
            SeedOutcome::AlreadyHasData => tracing::info!("database has data; demo seed skipped"),
        }
    }
    Ok(AppState {
        db: db.clone(),
        settings: Arc::new(Settings {
            base_url: config.base_url.clone(),
            demo: config.demo,
            session_hours: config.session_hours,
            files_dir: config.files_dir.clone().into(),
            upload_max_mb: config.upload_max_mb,
            reminder_hours: config.reminder_hours,
            claim_seconds: config.claim_seconds,
            page_cache_mb: config.page_cache_mb,
        }),
        mail,
        clock,
        leptos_options: leptos_options(config),
    })
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    // Room for the multipart framing and the other fields around the file itself.
    let upload_limit = usize::try_from(state.settings.upload_max_mb * 1024 * 1024 + 256 * 1024)
        .unwrap_or(usize::MAX);
    let cache = PageCache::new(state.settings.page_cache_mb);
    let pages = Router::new()
        .leptos_routes_with_context(
            &state,
            routes,
            || provide_context(RequestCache::default()),
            move || shell(options.clone()),
        )
        .layer(middleware::from_fn_with_state(
            (state.clone(), cache),
            page_cache::serve_from_cache,
        ));
    let plain = plain_routes(upload_limit)
        .into_iter()
        .fold(Router::new(), |router, route| {
            router.route(route.path, route.handler)
        })
        .route_layer(middleware::from_fn_with_state(
            state.clone(),
            routes::gate_plain_routes,
        ));
    Router::new()
        .merge(plain)
        .merge(pages)
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            routes::gate_server_functions,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            routes::refuse_cross_site,
        ))
        .layer(middleware::from_fn(routes::security_headers))
        .with_state(state)
}

/// A plain axum route (not a server function, not a page).
pub struct PlainRoute {
    pub method: Method,
    pub path: &'static str,
    handler: MethodRouter<AppState>,
}

fn plain<H, T>(method: Method, path: &'static str, handler: H) -> PlainRoute
where
    H: Handler<T, AppState>,
    T: 'static,
{
    let filter = MethodFilter::try_from(method.clone()).unwrap_or(MethodFilter::GET);
    PlainRoute {
        method,
        path,
        handler: on(filter, handler),
    }
}

/// Every plain route: the one list the router is built from and `tests/access.rs` walks.
/// Each needs an entry in `app::server::policy::PLAIN_ROUTES`; one without is refused.
pub fn plain_routes(upload_limit: usize) -> Vec<PlainRoute> {
    let mut upload = plain(
        Method::POST,
        "/meetings/{meeting_id}/items/{item_id}/papers",
        papers::upload,
    );
    upload.handler = upload.handler.layer(DefaultBodyLimit::max(upload_limit));
    vec![
        plain(Method::GET, "/healthz", routes::healthz),
        plain(Method::GET, "/files/papers/{version_id}", papers::download),
        plain(
            Method::GET,
            "/meetings/{meeting_id}/calendar.ics",
            calendars::meeting_ics,
        ),
        plain(Method::GET, "/calendar/{token}", calendars::feed),
        plain(Method::GET, "/decisions.csv", exports::decisions),
        plain(Method::GET, "/actions.csv", exports::actions),
        upload,
    ]
}

/// The mail transport the configuration asks for.
pub fn mailer(config: &Config) -> Result<Mailer, StartupError> {
    match (&config.smtp_url, &config.smtp_ca_file) {
        (Some(url), Some(ca_file)) => {
            let pem = std::fs::read(ca_file).map_err(|e| {
                StartupError::Mail(format!("cannot read SMTP_CA_FILE {ca_file}: {e}"))
            })?;
            Mailer::with_ca(url, &pem).map_err(StartupError::Mail)
        }
        _ => Mailer::new(config.smtp_url.as_deref(), config.outbox_dir.clone().into())
            .map_err(StartupError::Mail),
    }
}

/// Sends what the outbox holds and queues reminders when they are due. `concurrency` tasks
/// send side by side (SMTP connections are pooled); any number of instances may run this at
/// once, as each message is claimed by exactly one task.
pub fn spawn_worker(
    state: &AppState,
    mailer: &Mailer,
    concurrency: usize,
) -> Vec<tokio::task::JoinHandle<()>> {
    (0..concurrency.max(1))
        .map(|index| tokio::spawn(worker_loop(state.clone(), mailer.clone(), index == 0)))
        .collect()
}

async fn worker_loop(state: AppState, mailer: Mailer, reminders: bool) {
    let mut next_reminder_check = state.clock.now();
    loop {
        let now = state.clock.now();
        let hold = chrono::Duration::seconds(state.settings.claim_seconds);
        match outbox::try_execute_task_holding(&state.db, &mailer, now, hold).await {
            Ok(Outcome::Idle) => {
                if reminders {
                    // Asked-for sign-in links go out within a poll of the request.
                    match links::handle_requests(&state.db, &state.mail, now).await {
                        Ok(0) => {}
                        Ok(count) => tracing::info!(count, "sign-in links queued"),
                        Err(error) => {
                            tracing::error!(error = %Chain(&error), "sign-in links could not be queued")
                        }
                    }
                }
                if reminders && now >= next_reminder_check {
                    next_reminder_check = now + chrono::Duration::seconds(30);
                    match invitations::send_due_reminders(
                        &state.db,
                        &state.mail,
                        now,
                        state.settings.reminder_hours,
                    )
                    .await
                    {
                        Ok(0) => {}
                        Ok(count) => tracing::info!(count, "reminders queued"),
                        Err(error) => {
                            tracing::error!(error = %Chain(&error), "reminders could not be queued")
                        }
                    }
                }
                tokio::time::sleep(std::time::Duration::from_millis(500)).await;
            }
            Ok(_) => {}
            Err(error) => {
                tracing::error!(error = %Chain(&error), "outbox worker");
                tokio::time::sleep(std::time::Duration::from_secs(5)).await;
            }
        }
    }
}

/// Serves until the process is asked to stop.
pub async fn serve(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    // Without TCP_NODELAY small responses wait for delayed ACKs on keep-alive connections.
    let listener = listener.tap_io(|stream| {
        if let Err(error) = stream.set_nodelay(true) {
            tracing::debug!(%error, "could not set TCP_NODELAY");
        }
    });
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
