//! Papers over HTTP: who may upload and download, and what an upload may be.
mod common;

use reqwest::StatusCode;
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE, COOKIE, ORIGIN};
use reqwest::multipart::{Form, Part};

use common::{TestApp, location, spawn_app};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

impl TestApp {
    async fn upload(
        &self,
        meeting: i32,
        item: i64,
        cookie: &str,
        name: &str,
        bytes: Vec<u8>,
        extra: &[(&str, String)],
    ) -> reqwest::Response {
        let mut form = Form::new().part("file", Part::bytes(bytes).file_name(name.to_string()));
        for (key, value) in extra {
            form = form.text(key.to_string(), value.clone());
        }
        self.client
            .post(self.url(&format!("/meetings/{meeting}/items/{item}/papers")))
            .header(ORIGIN, &self.base)
            .header(COOKIE, cookie)
            .multipart(form)
            .send()
            .await
            .expect("the app answers")
    }

    /// The newest version id of every paper on an item, as the meeting page lists them.
    async fn version_ids(&self, meeting: i32, item: i64, cookie: &str) -> Vec<Vec<i64>> {
        let detail = self.meeting(meeting, cookie).await;
        detail["items"]
            .as_array()
            .and_then(|items| items.iter().find(|i| i["id"] == item))
            .map(|i| {
                i["papers"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|p| {
                        p["versions"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|v| v["id"].as_i64())
                            .collect()
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    async fn download(&self, version: i64, cookie: Option<&str>) -> reqwest::Response {
        let mut request = self
            .client
            .get(self.url(&format!("/files/papers/{version}")));
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.expect("the app answers")
    }
}

#[tokio::test]
async fn a_paper_uploaded_by_the_secretariat_downloads_for_a_member_byte_for_byte() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let item = app
        .item_id(4, "Foreløbige resultater af surveyen", &ann)
        .await;
    let response = app
        .upload(
            4,
            item,
            &ann,
            "Surveyresultater.pdf",
            PDF.to_vec(),
            &[("title", "Foreløbige tal".into())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&response).contains(&format!("uploaded={item}")),
        "{}",
        location(&response)
    );

    let jonas = app.sign_in("jonas.dahl@example.org").await;
    let versions = app.version_ids(4, item, &jonas).await;
    assert_eq!(versions.len(), 1);
    let download = app.download(versions[0][0], Some(&jonas)).await;
    assert_eq!(download.status(), StatusCode::OK);
    assert_eq!(download.headers()[CONTENT_TYPE], "application/pdf");
    let disposition = download.headers()[CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .to_string();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert_eq!(
        download
            .headers()
            .get("content-length")
            .and_then(|v| v.to_str().ok()),
        Some(PDF.len().to_string().as_str()),
        "streamed with its length"
    );
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);
}

#[tokio::test]
async fn a_new_version_of_a_paper_keeps_the_old_one() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let item = app.item_id(4, "Temaer til anbefalingerne", &ann).await;
    app.upload(4, item, &ann, "temaer.txt", b"Version 1".to_vec(), &[])
        .await;
    let paper = app.meeting(4, &ann).await["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["id"] == item))
        .and_then(|i| i["papers"][0]["id"].as_i64())
        .expect("a paper");
    let response = app
        .upload(
            4,
            item,
            &ann,
            "temaer-v2.txt",
            b"Version 2".to_vec(),
            &[("paper_id", paper.to_string())],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let versions = app.version_ids(4, item, &ann).await;
    assert_eq!(versions.len(), 1, "still one paper");
    assert_eq!(versions[0].len(), 2, "with two versions");
    let newest = app
        .download(versions[0][0], Some(&ann))
        .await
        .text()
        .await
        .unwrap();
    let oldest = app
        .download(versions[0][1], Some(&ann))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        (newest.as_str(), oldest.as_str()),
        ("Version 2", "Version 1")
    );
}

#[tokio::test]
async fn members_cannot_upload() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let item = app.item_id(4, "Temaer til anbefalingerne", &ann).await;
    let jonas = app.sign_in("jonas.dahl@example.org").await;
    let response = app
        .upload(4, item, &jonas, "x.pdf", PDF.to_vec(), &[])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.stored_files(), 0);
}

#[tokio::test]
async fn a_closed_items_papers_download_for_the_chair_but_not_for_members() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let item = app
        .item_id(4, "Rekruttering af interviewpersoner", &ann)
        .await;
    app.upload(4, item, &ann, "virksomheder.pdf", PDF.to_vec(), &[])
        .await;
    let version = app.version_ids(4, item, &ann).await[0][0];
    let chair = app.sign_in("marie.louise.refsgaard@example.org").await;
    assert_eq!(
        app.download(version, Some(&chair)).await.status(),
        StatusCode::OK
    );
    for email in ["jonas.dahl@example.org", "styregruppe@example.org"] {
        let cookie = app.sign_in(email).await;
        assert_eq!(
            app.download(version, Some(&cookie)).await.status(),
            StatusCode::NOT_FOUND,
            "{email}"
        );
    }
}

#[tokio::test]
async fn papers_of_a_draft_meeting_download_only_for_the_secretariat() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let item = app.item_id(6, "Endelige anbefalinger", &ann).await;
    app.upload(6, item, &ann, "udkast.pdf", PDF.to_vec(), &[])
        .await;
    let version = app.version_ids(6, item, &ann).await[0][0];
    assert_eq!(
        app.download(version, Some(&ann)).await.status(),
        StatusCode::OK
    );
    for email in [
        "marie.louise.refsgaard@example.org",
        "jonas.dahl@example.org",
    ] {
        let cookie = app.sign_in(email).await;
        assert_eq!(
            app.download(version, Some(&cookie)).await.status(),
            StatusCode::NOT_FOUND,
            "{email}"
        );
    }
    let signed_out = app.download(version, None).await;
    assert_eq!(signed_out.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&signed_out), "/login");
}

#[tokio::test]
async fn a_file_over_the_size_limit_is_refused_and_leaves_nothing_behind() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let item = app.item_id(4, "Temaer til anbefalingerne", &ann).await;
    let mut big = PDF.to_vec();
    big.resize(1024 * 1024 + 10, b' ');
    let response = app.upload(4, item, &ann, "stor.pdf", big, &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let back = location(&response);
    assert!(back.contains("errs=file:too_large"), "{back}");
    let page = app.get(&back, Some(&ann)).await.text().await.unwrap();
    assert!(
        page.contains("Filen er større end 1 MB."),
        "the limit this server enforces (UPLOAD_MAX_MB=1), not the default"
    );
    assert_eq!(app.stored_files(), 0);
    assert!(app.version_ids(4, item, &ann).await.is_empty());
}

#[tokio::test]
async fn a_file_whose_content_is_not_an_allowed_type_is_refused_whatever_its_name() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let item = app.item_id(4, "Temaer til anbefalingerne", &ann).await;
    for (name, bytes) in [
        ("program.pdf", b"MZ\x90\x00\x03".to_vec()),
        ("side.html", b"<html><script>alert(1)</script>".to_vec()),
    ] {
        let response = app.upload(4, item, &ann, name, bytes, &[]).await;
        assert!(
            location(&response).contains("errs=file:type"),
            "{name}: {}",
            location(&response)
        );
    }
    let empty = app.upload(4, item, &ann, "tom.pdf", Vec::new(), &[]).await;
    assert!(
        location(&empty).contains("errs=file:empty"),
        "{}",
        location(&empty)
    );
    assert_eq!(app.stored_files(), 0);
    let page = app
        .get(&location(&empty), Some(&ann))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Filen er tom."),
        "the message is shown next to the file field"
    );
}

#[tokio::test]
async fn path_characters_in_an_uploaded_name_are_harmless() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let item = app.item_id(4, "Temaer til anbefalingerne", &ann).await;
    app.upload(4, item, &ann, "../../etc/passwd.pdf", PDF.to_vec(), &[])
        .await;
    let detail = app.meeting(4, &ann).await;
    let names: Vec<String> = detail["items"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|i| i["papers"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| {
            p["versions"][0]["original_name"]
                .as_str()
                .map(str::to_string)
        })
        .collect();
    assert_eq!(names, vec!["passwd.pdf".to_string()]);
    let files: Vec<_> = std::fs::read_dir(&app.files_dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(files.len(), 1);
    assert!(
        files[0]
            .file_name()
            .to_string_lossy()
            .chars()
            .all(|c| c.is_ascii_hexdigit()),
        "stored under a generated name"
    );
}

#[tokio::test]
async fn a_cross_site_upload_is_refused() {
    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let item = app.item_id(4, "Temaer til anbefalingerne", &ann).await;
    let response = app
        .client
        .post(app.url(&format!("/meetings/4/items/{item}/papers")))
        .header(ORIGIN, "https://evil.example")
        .header(COOKIE, &ann)
        .multipart(Form::new().part("file", Part::bytes(PDF.to_vec()).file_name("x.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(app.stored_files(), 0);
}

#[tokio::test]
async fn removing_an_item_removes_its_papers_files_closed_items_included_and_a_refused_removal_keeps_them()
 {
    use sea_orm::ConnectionTrait;

    let app = spawn_app().await;
    let ann = app.sign_in("ann.maskell@example.org").await;
    let open = app
        .item_id(4, "Foreløbige resultater af surveyen", &ann)
        .await;
    let closed = app.item_id(4, "Temaer til anbefalingerne", &ann).await;
    app.database()
        .execute_unprepared(&format!(
            "UPDATE agenda_item SET closed = true WHERE id = {closed}"
        ))
        .await
        .expect("a closed item");
    // A paper with two versions on the open item, one paper on the closed item.
    app.upload(4, open, &ann, "tal.txt", b"Version 1".to_vec(), &[])
        .await;
    let paper = app.meeting(4, &ann).await["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["id"] == open))
        .and_then(|i| i["papers"][0]["id"].as_i64())
        .expect("a paper");
    app.upload(
        4,
        open,
        &ann,
        "tal-v2.txt",
        b"Version 2".to_vec(),
        &[("paper_id", paper.to_string())],
    )
    .await;
    let response = app
        .upload(4, closed, &ann, "fortroligt.pdf", PDF.to_vec(), &[])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let before = app.stored_files();
    assert!(before >= 3, "three files stored, found {before}");

    let remove = |item: i64, cookie: String| {
        let app = &app;
        async move {
            app.call_with(
                "/api/item_action",
                &format!("input[item_id]={item}&input[action]=remove"),
                Some(&cookie),
            )
            .await
        }
    };
    // A member may not remove items: refused, and every file stays.
    let jonas = app.sign_in("jonas.dahl@example.org").await;
    assert_ne!(remove(open, jonas).await.status(), StatusCode::OK);
    assert_eq!(
        app.stored_files(),
        before,
        "a refused removal keeps the files"
    );

    assert_eq!(remove(open, ann.clone()).await.status(), StatusCode::OK);
    assert_eq!(
        app.stored_files(),
        before - 2,
        "both versions' files are gone"
    );
    assert_eq!(remove(closed, ann.clone()).await.status(), StatusCode::OK);
    assert_eq!(
        app.stored_files(),
        before - 3,
        "the closed item's paper is gone"
    );
}
