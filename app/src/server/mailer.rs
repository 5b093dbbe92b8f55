//! Delivering a finished message: over SMTP (one URL: smtp://, smtps://, `?tls=required` for
//! STARTTLS, user and password in the URL) or, with no SMTP configured, as .eml files so the
//! embedded demo shows real invitations.
use std::path::PathBuf;

use crate::server::error::Chain;
use lettre::address::Envelope;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Address, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Smtp(_) => f.write_str("Mailer::Smtp"),
            Mailer::Files(dir) => write!(f, "Mailer::Files({})", dir.display()),
        }
    }
}

impl Mailer {
    /// SMTP when a URL is given, .eml files under `dir` otherwise. The URL may hold a password
    /// and is never logged or echoed.
    pub fn new(smtp_url: Option<&str>, dir: PathBuf) -> Result<Mailer, String> {
        match smtp_url {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|builder| {
                    Mailer::Smtp(
                        builder
                            .timeout(Some(std::time::Duration::from_secs(20)))
                            .build(),
                    )
                })
                .map_err(|e| format!("SMTP_URL is not valid: {e}")),
            None => {
                std::fs::create_dir_all(&dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
                Ok(Mailer::Files(dir))
            }
        }
    }

    /// Like `new`, trusting one more certificate authority for TLS (SMTP_CA_FILE): for a relay
    /// with a certificate from an in-house CA. `smtps://` wraps the connection in TLS from the
    /// start; `smtp://…?tls=required` upgrades with STARTTLS and refuses plaintext.
    pub fn with_ca(smtp_url: &str, ca_pem: &[u8]) -> Result<Mailer, String> {
        let host = smtp_url
            .split("://")
            .nth(1)
            .and_then(|rest| rest.rsplit('@').next())
            .and_then(|rest| rest.split([':', '/', '?']).next())
            .filter(|h| !h.is_empty())
            .ok_or_else(|| "SMTP_URL has no host".to_string())?
            .to_string();
        let certificate = Certificate::from_pem(ca_pem)
            .map_err(|e| format!("SMTP_CA_FILE is not a PEM certificate: {e}"))?;
        let parameters = TlsParameters::builder(host)
            .add_root_certificate(certificate)
            .build()
            .map_err(|e| format!("cannot set up TLS for SMTP: {e}"))?;
        let tls = if smtp_url.starts_with("smtps://") {
            Tls::Wrapper(parameters)
        } else {
            Tls::Required(parameters)
        };
        AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map(|builder| {
                Mailer::Smtp(
                    builder
                        .tls(tls)
                        .timeout(Some(std::time::Duration::from_secs(20)))
                        .build(),
                )
            })
            .map_err(|e| format!("SMTP_URL is not valid: {e}"))
    }

    pub async fn deliver(
        &self,
        from: &str,
        to: &str,
        message_id: &str,
        bytes: &[u8],
    ) -> Result<(), String> {
        match self {
            Mailer::Smtp(transport) => {
                let from: Address = from.parse().map_err(|e| format!("sender {from}: {e}"))?;
                let to: Address = to.parse().map_err(|e| format!("recipient {to}: {e}"))?;
                let envelope = Envelope::new(Some(from), vec![to]).map_err(|e| e.to_string())?;
                transport
                    .send_raw(&envelope, bytes)
                    .await
                    .map(|_| ())
                    // lettre's top-level text ("network error") hides the reason beneath it.
                    .map_err(|e| Chain(&e).to_string())
            }
            Mailer::Files(dir) => {
                let name: String = message_id
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                            c
                        } else {
                            '_'
                        }
                    })
                    .collect();
                let temp = dir.join(format!("{name}.eml.part"));
                tokio::fs::write(&temp, bytes)
                    .await
                    .map_err(|e| format!("{}: {e}", temp.display()))?;
                tokio::fs::rename(&temp, dir.join(format!("{name}.eml")))
                    .await
                    .map_err(|e| e.to_string())
            }
        }
    }
}
