//! The Content-Security-Policy of every page. Scripts run only from this site or inline with
//! the response's nonce (Leptos puts it on its hydration scripts); the wasm bundle may be
//! compiled; nothing may frame a page, send its forms elsewhere, or change its base address.
use axum::http::{HeaderValue, header};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// The policy for a response whose inline scripts carry `nonce`.
pub fn policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The nonce a policy allows, if it names one.
pub fn nonce_of(policy: &str) -> Option<&str> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let length = policy[start..].find('\'')?;
    Some(&policy[start..start + length])
}

/// Puts the policy on the page being rendered, with the nonce Leptos made for this response.
pub fn set_for_page() {
    let Some(nonce) = leptos::nonce::use_nonce() else {
        return;
    };
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&policy(&nonce)),
    ) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nonce_is_read_back_from_the_policy_it_was_written_into() {
        assert_eq!(nonce_of(&policy("abc123")), Some("abc123"));
        assert_eq!(nonce_of("default-src 'self'"), None);
    }

    #[test]
    fn the_policy_allows_no_inline_script_without_the_nonce_and_no_framing() {
        let p = policy("n0nce");
        assert!(p.contains("script-src 'self' 'nonce-n0nce' 'wasm-unsafe-eval';"));
        assert!(!p.contains("unsafe-inline"));
        assert!(p.contains("frame-ancestors 'none'"));
        assert!(p.contains("object-src 'none'"));
        assert!(p.contains("base-uri 'none'"));
    }
}
