//! Stored HTML injection: the classic payloads in every text a meeting and its agenda hold,
//! rendered by the running app and read back with a real HTML parser. A page with a payload
//! must have the same elements and attributes as the page with harmless text, and the
//! payload must come back as text.
mod common;

use std::collections::BTreeSet;

use chrono::Utc;
use reqwest::StatusCode;
use scraper::{ElementRef, Html, Node};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use app::server::entities::{agenda_item, invitee, meeting, paper, paper_version, person};
use common::{TestApp, spawn_app};

const PAYLOADS: &str = include_str!("fixtures/xss_payloads.txt");
const HARMLESS: &str = "Anette Bækgaard fremlægger surveyen";
const MEETING: i32 = 4;

/// Elements (and their attributes) that the Markdown of a resumé may legitimately add.
const MARKDOWN_ELEMENTS: &[&str] = &[
    "a",
    "p",
    "em",
    "strong",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "del",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "br",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];
const MARKDOWN_ATTRIBUTES: &[(&str, &str)] = &[("a", "href"), ("a", "title"), ("ol", "start")];

/// Attributes whose value a browser follows as an address.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "srcset",
    "xlink:href",
];

/// The rows the payload is written into, found once.
struct Rows {
    item: i32,
    presenter: i32,
    guest: i32,
    paper: i32,
    version: i32,
}

async fn prepare(app: &TestApp) -> Rows {
    let db = app.database();
    let item = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(MEETING))
        .filter(agenda_item::Column::PresenterId.is_not_null())
        .order_by_asc(agenda_item::Column::Position)
        .one(db)
        .await
        .expect("the database answers")
        .expect("an item with a presenter in meeting 4");
    let now = Utc::now();
    let guest = invitee::ActiveModel {
        meeting_id: Set(MEETING),
        person_id: Set(None),
        name: Set(HARMLESS.into()),
        email: Set("gaest@example.net".into()),
        language: Set(app::model::Lang::Da),
        partstat: Set(app::model::invitations::Answer::NoAnswer),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("a row");
    let paper = paper::ActiveModel {
        agenda_item_id: Set(item.id),
        title: Set(HARMLESS.into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("a row");
    let version = paper_version::ActiveModel {
        paper_id: Set(paper.id),
        version_no: Set(1),
        original_name: Set(HARMLESS.into()),
        stored_name: Set("injection-test".into()),
        content_type: Set("application/pdf".into()),
        size_bytes: Set(1),
        sha256: Set("0".repeat(64)),
        uploaded_by: Set(None),
        uploaded_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("a row");
    Rows {
        item: item.id,
        presenter: item.presenter_id.unwrap_or_default(),
        guest: guest.id,
        paper: paper.id,
        version: version.id,
    }
}

/// Puts `text` into every text field of meeting 4, its first item, the item's presenter, a
/// paper and a guest.
async fn write_everywhere(app: &TestApp, rows: &Rows, text: &str) {
    let db = app.database();
    meeting::ActiveModel {
        id: Set(MEETING),
        title: Set(text.into()),
        location: Set(text.into()),
        online_link: Set(Some(text.into())),
        review_comment: Set(Some(text.into())),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("a row changed");
    agenda_item::ActiveModel {
        id: Set(rows.item),
        title: Set(text.into()),
        resume: Set(text.into()),
        indstilling: Set(Some(text.into())),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("a row changed");
    person::ActiveModel {
        id: Set(rows.presenter),
        name: Set(text.into()),
        title: Set(text.into()),
        organisation: Set(text.into()),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("a row changed");
    invitee::ActiveModel {
        id: Set(rows.guest),
        name: Set(text.into()),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("a row changed");
    paper::ActiveModel {
        id: Set(rows.paper),
        title: Set(text.into()),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("a row changed");
    paper_version::ActiveModel {
        id: Set(rows.version),
        original_name: Set(text.into()),
        ..Default::default()
    }
    .update(db)
    .await
    .expect("a row changed");
}

fn pages(rows: &Rows) -> Vec<String> {
    vec![
        "/".into(),
        "/members".into(),
        format!("/meetings/{MEETING}"),
        format!("/meetings/{MEETING}/print"),
        format!("/meetings/{MEETING}/edit"),
        format!("/meetings/{MEETING}/items/{}/edit", rows.item),
    ]
}

/// What a document is made of: element names, and attribute names per element.
#[derive(Default)]
struct Shape {
    elements: BTreeSet<String>,
    attributes: BTreeSet<(String, String)>,
    scripts: usize,
    head: Vec<String>,
}

fn shape(document: &Html) -> Shape {
    let mut shape = Shape::default();
    for node in document.tree.nodes() {
        if let Node::Element(element) = node.value() {
            let name = element.name().to_string();
            for (attribute, _) in element.attrs() {
                shape
                    .attributes
                    .insert((name.clone(), attribute.to_string()));
            }
            if name == "script" {
                shape.scripts += 1;
            }
            shape.elements.insert(name);
        }
    }
    if let Some(head) = document
        .root_element()
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "head")
    {
        shape.head = head
            .descendants()
            .filter_map(ElementRef::wrap)
            .map(|e| {
                let mut names: Vec<_> = e.value().attrs().map(|(n, _)| n.to_string()).collect();
                names.sort();
                format!("{}[{}]", e.value().name(), names.join(","))
            })
            .collect();
    }
    shape
}

fn title_of(document: &Html) -> String {
    document
        .tree
        .nodes()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "title")
        .map(|e| e.text().collect())
        .unwrap_or_default()
}

/// Everything in `page` that is not in `template` (beyond what Markdown may add), as lines.
fn foreign(template: &Shape, page: &Shape, document: &Html) -> Vec<String> {
    let mut found = Vec::new();
    for element in page.elements.difference(&template.elements) {
        if !MARKDOWN_ELEMENTS.contains(&element.as_str()) {
            found.push(format!("element <{element}>"));
        }
    }
    for (element, attribute) in page.attributes.difference(&template.attributes) {
        if !MARKDOWN_ATTRIBUTES.contains(&(element.as_str(), attribute.as_str())) {
            found.push(format!("attribute {attribute} on <{element}>"));
        }
    }
    if page.scripts != template.scripts {
        found.push(format!(
            "{} scripts instead of {}",
            page.scripts, template.scripts
        ));
    }
    if page.head != template.head {
        found.push(format!(
            "head {:?} instead of {:?}",
            page.head, template.head
        ));
    }
    for node in document.tree.nodes() {
        if let Node::Element(element) = node.value() {
            for (attribute, value) in element.attrs() {
                let value: String = value
                    .chars()
                    .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                let url = URL_ATTRIBUTES.contains(&attribute);
                if attribute.starts_with("on")
                    || (url && (value.starts_with("javascript:") || value.starts_with("data:")))
                {
                    found.push(format!("{attribute}={value:?} on <{}>", element.name()));
                }
            }
        }
    }
    found
}

async fn render(app: &TestApp, path: &str, cookie: &str) -> String {
    let response = app.get(path, Some(cookie)).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.expect("a page")
}

#[tokio::test]
async fn no_classic_payload_in_any_text_of_a_meeting_adds_an_element_or_attribute_to_a_page() {
    let app = spawn_app().await;
    let rows = prepare(&app).await;
    let cookie = app.sign_in("ann.maskell@example.org").await;
    write_everywhere(&app, &rows, HARMLESS).await;
    let mut templates = Vec::new();
    for path in pages(&rows) {
        let html = render(&app, &path, &cookie).await;
        assert!(html.contains(HARMLESS), "{path} shows none of the texts");
        let document = Html::parse_document(&html);
        templates.push((path, shape(&document)));
    }
    let payloads: Vec<&str> = PAYLOADS.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(
        payloads.len(),
        50,
        "the fixture holds the 50 classic payloads"
    );
    let mut problems = Vec::new();
    for payload in payloads {
        write_everywhere(&app, &rows, payload).await;
        for (path, template) in &templates {
            let html = render(&app, path, &cookie).await;
            let document = Html::parse_document(&html);
            for problem in foreign(template, &shape(&document), &document) {
                problems.push(format!("{path} with {payload:?}: {problem}"));
            }
            let title = title_of(&document);
            // The meeting's own page and its print version are titled with its title.
            let titled = path == &format!("/meetings/{MEETING}")
                || path == &format!("/meetings/{MEETING}/print");
            if titled && !title.contains(payload) {
                problems.push(format!(
                    "{path}: the <title> {title:?} does not show {payload:?} as text"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
