//! Passwords, session tokens and cookies. Hashing runs off the async threads.
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use sha2::{Digest, Sha256};

use crate::model::{CurrentUser, Role};
use crate::server::error::DomainError;

pub const SESSION_COOKIE: &str = "tf_session";
pub const LANG_COOKIE: &str = "tf_lang";

/// Hashes with argon2id and a fresh random salt.
pub async fn hash_password(password: String) -> Result<String, DomainError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
            .map_err(|e| DomainError::Internal(format!("salt: {e}")))?;
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| DomainError::Internal(format!("hash: {e}")))
    })
    .await
    .map_err(|e| DomainError::Internal(format!("hashing task: {e}")))?
}

/// True when the password matches. A malformed stored hash counts as no match.
pub async fn verify_password(password: String, stored_hash: String) -> Result<bool, DomainError> {
    tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored_hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .map_err(|e| DomainError::Internal(format!("verify task: {e}")))
}

/// A hash to verify against when the account does not exist, so that a wrong address takes
/// as long to refuse as a wrong password.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Qv1oI1h2sQd7oT0wq3a0cY0F6YbEWbOa6bCqf1fT3x4";

/// A new random session token (sent in the cookie) — 256 bits, hex.
pub fn new_token() -> String {
    hex(&rand::random::<[u8; 32]>())
}

/// What the database keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Bytes as lowercase hexadecimal: tokens, keys, digests and generated names.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(text, "{b:02x}");
    }
    text
}

/// The value of one cookie in a `Cookie:` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim())
}

/// The session token in a request's `Cookie` header, if there is a non-empty one.
pub fn session_token(headers: &axum::http::HeaderMap) -> Option<&str> {
    let cookies = headers.get(axum::http::header::COOKIE)?.to_str().ok()?;
    cookie_value(cookies, SESSION_COOKIE).filter(|token| !token.is_empty())
}

/// `Set-Cookie` for a session: HttpOnly, SameSite=Lax, Secure behind https.
pub fn session_cookie(token: &str, max_age_seconds: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}"
    )
}

pub fn expired_session_cookie(secure: bool) -> String {
    session_cookie("", 0, secure)
}

pub fn lang_cookie(code: &str, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{LANG_COOKIE}={code}; Path=/; SameSite=Lax; Max-Age=31536000{secure}")
}

/// Proof that the caller is in the secretariat. Only `require_secretariat` makes one, so a
/// service that takes it cannot be called without the check.
#[derive(Debug, Clone)]
pub struct SecretariatAccess {
    user: CurrentUser,
}

impl SecretariatAccess {
    pub fn user(&self) -> &CurrentUser {
        &self.user
    }
}

pub fn require_secretariat(user: &CurrentUser) -> Result<SecretariatAccess, DomainError> {
    if user.role == Role::Secretariat {
        Ok(SecretariatAccess { user: user.clone() })
    } else {
        Err(DomainError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hashed_password_verifies_and_a_wrong_one_does_not() {
        let hash = hash_password("demo-taskforce".into()).await.expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password("demo-taskforce".into(), hash.clone())
                .await
                .expect("verify")
        );
        assert!(
            !verify_password("demo-taskforcE".into(), hash)
                .await
                .expect("verify")
        );
    }

    #[tokio::test]
    async fn the_dummy_hash_is_well_formed_and_matches_nothing_likely() {
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
        assert!(
            !verify_password("".into(), DUMMY_HASH.into())
                .await
                .expect("verify")
        );
    }

    #[test]
    fn tokens_are_long_random_and_stored_only_as_hashes() {
        let a = new_token();
        let b = new_token();
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }

    #[test]
    fn cookies_are_found_by_exact_name() {
        let header = "other=1; tf_session=abc; tf_session_old=zzz";
        assert_eq!(cookie_value(header, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie_value(header, "missing"), None);
    }

    #[test]
    fn session_cookies_are_http_only_and_same_site_lax() {
        let cookie = session_cookie("t", 60, false);
        assert!(cookie.contains("HttpOnly"));
        assert!(cookie.contains("SameSite=Lax"));
        assert!(!cookie.contains("Secure"));
        assert!(session_cookie("t", 60, true).contains("; Secure"));
    }

    #[test]
    fn only_the_secretariat_gets_secretariat_access() {
        let mut user = CurrentUser {
            account_id: 1,
            person_id: 1,
            name: "A".into(),
            email: "a@example.org".into(),
            role: Role::Member,
            lang: crate::model::Lang::Da,
        };
        assert!(require_secretariat(&user).is_err());
        user.role = Role::Secretariat;
        assert!(require_secretariat(&user).is_ok());
    }
}
