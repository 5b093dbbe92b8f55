//! Uploading and downloading papers: plain HTTP routes (multipart in, file out) so they work
//! the same with JavaScript on or off. Every check runs on the server.
use std::path::{Path as FsPath, PathBuf};

use axum::Extension;
use axum::body::Body;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use app::server::auth::require_secretariat;
use app::server::context::SignedInViewer;
use app::server::context::upload_code;
use app::server::error::{Chain, DomainError, UploadProblem};
use app::server::files::{allowed_type, clean_name, stored_name};
use app::server::services::papers;
use app::server::state::AppState;

fn plain(status: StatusCode, text: &'static str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text,
    )
        .into_response()
}

/// A file as it arrives: streamed to a temporary name, measured and hashed on the way.
struct Incoming {
    temp: PathBuf,
    head: Vec<u8>,
    size: u64,
    sha256: String,
    name: String,
}

async fn discard(path: &FsPath) {
    let _ = tokio::fs::remove_file(path).await;
}

async fn receive_file(
    field: &mut axum::extract::multipart::Field<'_>,
    dir: &FsPath,
    limit: u64,
) -> Result<Incoming, UploadProblem> {
    let name = clean_name(field.file_name().unwrap_or_default());
    let temp = dir.join(format!("upload-{}.part", stored_name()));
    let mut file = tokio::fs::File::create(&temp).await.map_err(|e| {
        tracing::error!(error = %Chain(&e), "cannot create an upload file");
        UploadProblem::NoFile
    })?;
    let mut hasher = Sha256::new();
    let mut head = Vec::with_capacity(512);
    let mut size: u64 = 0;
    let limit_mb = limit / (1024 * 1024);
    loop {
        let chunk = match field.chunk().await {
            Ok(Some(chunk)) => chunk,
            Ok(None) => break,
            Err(error) => {
                // The body limit cuts the stream off; anything else is a broken upload.
                tracing::info!(%error, "upload stream ended early");
                drop(file);
                discard(&temp).await;
                return Err(UploadProblem::TooLarge { limit_mb });
            }
        };
        size += chunk.len() as u64;
        if size > limit {
            drop(file);
            discard(&temp).await;
            return Err(UploadProblem::TooLarge { limit_mb });
        }
        if head.len() < 512 {
            let take = (512 - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
        }
        hasher.update(&chunk);
        if file.write_all(&chunk).await.is_err() {
            drop(file);
            discard(&temp).await;
            return Err(UploadProblem::NoFile);
        }
    }
    if file.flush().await.is_err() {
        discard(&temp).await;
        return Err(UploadProblem::NoFile);
    }
    let sha256 = app::server::auth::hex(&hasher.finalize());
    Ok(Incoming {
        temp,
        head,
        size,
        sha256,
        name,
    })
}

/// POST /meetings/{meeting_id}/items/{item_id}/papers — multipart: `file`, `title`, `paper_id`.
pub async fn upload(
    State(state): State<AppState>,
    Path((meeting_id, item_id)): Path<(i32, i32)>,
    viewer: Option<Extension<SignedInViewer>>,
    mut multipart: Multipart,
) -> Response {
    // The policy gate in front of this route has looked the session up already.
    let Some(Extension(SignedInViewer(user))) = viewer else {
        return Redirect::to("/login").into_response();
    };
    let Ok(access) = require_secretariat(&user) else {
        tracing::warn!(person = user.person_id, "refused upload: not secretariat");
        return plain(
            StatusCode::FORBIDDEN,
            "Du har ikke adgang. / You do not have access.\n",
        );
    };
    let back = |query: String| {
        Redirect::to(&format!(
            "/meetings/{meeting_id}?item={item_id}&{query}#item-{item_id}"
        ))
        .into_response()
    };
    // The page words the refusal; a size refusal carries the limit this server enforces.
    let refuse = |problem: UploadProblem| {
        let limit = match problem {
            UploadProblem::TooLarge { limit_mb } => format!("&limit_mb={limit_mb}"),
            _ => String::new(),
        };
        back(format!(
            "error=invalid&errs=file:{}{limit}",
            upload_code(problem)
        ))
    };

    let limit = state.settings.upload_max_mb * 1024 * 1024;
    let dir = state.settings.files_dir.clone();
    let (mut title, mut paper_id, mut incoming): (String, Option<i32>, Option<Incoming>) =
        (String::new(), None, None);
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                tracing::info!(%error, "malformed or oversized multipart body");
                if let Some(file) = incoming.take() {
                    discard(&file.temp).await;
                }
                return refuse(UploadProblem::TooLarge {
                    limit_mb: state.settings.upload_max_mb,
                });
            }
        };
        match field.name().unwrap_or_default() {
            "title" => title = field.text().await.unwrap_or_default(),
            "paper_id" => {
                paper_id = field
                    .text()
                    .await
                    .ok()
                    .and_then(|v| v.trim().parse::<i32>().ok())
            }
            "file" if incoming.is_none() && field.file_name().is_some_and(|n| !n.is_empty()) => {
                match receive_file(&mut field, &dir, limit).await {
                    Ok(file) => incoming = Some(file),
                    Err(problem) => return refuse(problem),
                }
            }
            _ => {}
        }
    }
    let Some(file) = incoming else {
        return refuse(UploadProblem::NoFile);
    };
    if file.size == 0 {
        discard(&file.temp).await;
        return refuse(UploadProblem::Empty);
    }
    let Some(content_type) = allowed_type(&file.head, &file.name) else {
        discard(&file.temp).await;
        tracing::info!(name = %file.name, "refused upload: type not allowed");
        return refuse(UploadProblem::TypeNotAllowed);
    };
    let stored = stored_name();
    let final_path = dir.join(&stored);
    if let Err(error) = tokio::fs::rename(&file.temp, &final_path).await {
        tracing::error!(error = %Chain(&error), "cannot move an upload into place");
        discard(&file.temp).await;
        return plain(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Upload failed. Try again.\n",
        );
    }
    let record = papers::StoredFile {
        stored_name: stored,
        original_name: file.name.clone(),
        content_type: content_type.to_string(),
        size_bytes: i64::try_from(file.size).unwrap_or(i64::MAX),
        sha256: file.sha256.clone(),
    };
    let upload = papers::Upload {
        item_id,
        paper_id,
        title,
        file: record,
    };
    match papers::add_version(&state.db, &access, &state.mail, state.clock.now(), upload).await {
        Ok(_) => back(format!("uploaded={item_id}")),
        Err(error) => {
            discard(&final_path).await;
            match error {
                DomainError::NotFound => plain(StatusCode::NOT_FOUND, "Not found.\n"),
                DomainError::WrongStatus => back("error=status".into()),
                other => {
                    tracing::error!(error = %Chain(&other), "cannot record an upload");
                    plain(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "Upload failed. Try again.\n",
                    )
                }
            }
        }
    }
}

/// GET /files/papers/{version_id} — only for people who may see the item.
pub async fn download(
    State(state): State<AppState>,
    Path(version_id): Path<i32>,
    viewer: Option<Extension<SignedInViewer>>,
) -> Response {
    // The policy gate in front of this route has looked the session up already.
    let Some(Extension(SignedInViewer(user))) = viewer else {
        return Redirect::to("/login").into_response();
    };
    let version = match papers::version_for_download(&state.db, &user, version_id).await {
        Ok(version) => version,
        Err(DomainError::NotFound) => {
            return plain(StatusCode::NOT_FOUND, "Ikke fundet. / Not found.\n");
        }
        Err(error) => {
            tracing::error!(error = %Chain(&error), "download failed");
            return plain(StatusCode::INTERNAL_SERVER_ERROR, "Error.\n");
        }
    };
    let path = state.settings.files_dir.join(&version.stored_name);
    // Streamed from disk: a paper may be as large as UPLOAD_MAX_MB, and is never held whole.
    let file = match tokio::fs::File::open(&path).await {
        Ok(file) => file,
        Err(error) => {
            tracing::error!(error = %Chain(&error), version = version.id, "a stored paper is missing");
            return plain(StatusCode::NOT_FOUND, "Ikke fundet. / Not found.\n");
        }
    };
    let length = file.metadata().await.map(|m| m.len()).ok();
    let mut response = Response::new(Body::from_stream(tokio_util::io::ReaderStream::new(file)));
    let headers = response.headers_mut();
    if let Some(length) = length {
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(length));
    }
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&version.content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        disposition(&version.original_name),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

/// `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` (RFC 6266).
fn disposition(name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let value = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        app::ui::url::encode(name)
    );
    HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static("attachment"))
}
