//! Uploaded files: what may be uploaded (decided on content, not only the name) and what a
//! person's file name may become. Files live outside the web root under generated names.

/// The content type of an allowed file, from its first bytes and its name; `None` refuses it.
/// PDF, Office documents (OOXML and the older compound format), PNG/JPEG/GIF images and plain
/// text (UTF-8, no NUL bytes) are allowed.
pub fn allowed_type(head: &[u8], name: &str) -> Option<&'static str> {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let ooxml = |ext: &str| match ext {
        "docx" => Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        "xlsx" => Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        "pptx" => Some("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        _ => None,
    };
    let legacy = |ext: &str| match ext {
        "doc" => Some("application/msword"),
        "xls" => Some("application/vnd.ms-excel"),
        "ppt" => Some("application/vnd.ms-powerpoint"),
        _ => None,
    };
    if head.starts_with(b"%PDF-") {
        return Some("application/pdf");
    }
    if head.starts_with(b"PK\x03\x04") {
        return ooxml(&extension);
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return legacy(&extension);
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("image/png");
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("image/jpeg");
    }
    if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        return Some("image/gif");
    }
    let text_name = matches!(extension.as_str(), "txt" | "md" | "csv");
    if text_name && !head.contains(&0) && looks_like_utf8(head) {
        return Some(if extension == "csv" {
            "text/csv; charset=utf-8"
        } else {
            "text/plain; charset=utf-8"
        });
    }
    None
}

/// UTF-8, allowing a character cut off at the end of the sniffed prefix.
fn looks_like_utf8(head: &[u8]) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none(),
    }
}

/// The last path component of an uploaded name, without control or path characters, at most
/// 200 characters; never empty.
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | ':' | '|' | '?' | '*'))
        .take(200)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_string();
    if cleaned.is_empty() {
        "bilag".to_string()
    } else {
        cleaned
    }
}

/// A fresh name for a stored file: 128 random bits, hex.
pub fn stored_name() -> String {
    crate::server::auth::hex(&rand::random::<[u8; 16]>())
}

/// Deletes stored files, for rows already gone from the database: call it only after the
/// transaction that removed them has committed, so that a rolled-back removal keeps its files.
/// A file already missing is fine; any other failure is logged and the rest still go.
pub async fn remove_stored(dir: &std::path::Path, stored_names: &[String]) {
    for name in stored_names {
        match tokio::fs::remove_file(dir.join(name)).await {
            Ok(()) => {}
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
            Err(error) => {
                tracing::error!(%error, file = %name, "cannot delete a removed paper's file")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pdfs_office_files_images_and_text_are_allowed_by_content() {
        assert_eq!(
            allowed_type(b"%PDF-1.7\n", "dagsorden.pdf"),
            Some("application/pdf")
        );
        assert_eq!(
            allowed_type(b"%PDF-1.7\n", "renamed.txt"),
            Some("application/pdf")
        );
        assert!(allowed_type(b"PK\x03\x04rest", "notat.docx").is_some());
        assert!(allowed_type(b"\x89PNG\r\n\x1a\n....", "figur.png").is_some());
        assert_eq!(
            allowed_type("Referat: æøå\n".as_bytes(), "noter.txt"),
            Some("text/plain; charset=utf-8")
        );
    }

    #[test]
    fn executables_html_and_disguised_files_are_refused() {
        assert_eq!(allowed_type(b"MZ\x90\x00", "program.exe"), None);
        assert_eq!(
            allowed_type(b"MZ\x90\x00", "bilag.pdf"),
            None,
            "a PDF name does not make a PDF"
        );
        assert_eq!(allowed_type(b"<html><script>", "side.html"), None);
        assert!(
            allowed_type(b"<html><script>", "side.txt").is_some(),
            "text is text; it is served as an attachment"
        );
        assert_eq!(allowed_type(b"PK\x03\x04", "archive.zip"), None);
        assert_eq!(allowed_type(b"abc\0def", "binary.txt"), None);
    }

    #[test]
    fn path_characters_in_names_are_harmless() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("C:\\Users\\ann\\Bilag 1.pdf"), "Bilag 1.pdf");
        assert_eq!(clean_name(".."), "bilag");
        assert_eq!(clean_name("\"quoted\".pdf"), "quoted.pdf");
    }

    proptest! {
        #[test]
        fn a_cleaned_name_never_holds_a_path_separator_or_control_character(name in "\\PC{0,300}") {
            let cleaned = clean_name(&name);
            prop_assert!(!cleaned.is_empty());
            prop_assert!(!cleaned.contains('/') && !cleaned.contains('\\'));
            prop_assert!(!cleaned.chars().any(char::is_control));
            prop_assert!(!cleaned.starts_with('.'));
            prop_assert!(cleaned.chars().count() <= 200);
        }
    }
}
