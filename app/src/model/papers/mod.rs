//! Papers (bilag) as a viewer sees them.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperVersionView {
    pub id: i32,
    pub version_no: i32,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub uploaded_at: DateTime<Utc>,
}

/// A paper (bilag) with its versions, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PaperView {
    pub id: i32,
    pub title: String,
    pub versions: Vec<PaperVersionView>,
}
