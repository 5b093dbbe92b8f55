//! Mail over TLS: STARTTLS (smtp://…?tls=required) and implicit TLS (smtps://) to aiosmtpd with
//! a certificate from a certificate authority made for the test, trusted through SMTP_CA_FILE's
//! code path (`Mailer::with_ca`). A relay whose certificate is not trusted is refused.
use std::path::Path;
use std::process::Command;

use app::server::mailer::Mailer;
use app::server::testing::SmtpSink;

const MESSAGE: &[u8] = b"From: a@example.org\r\nTo: b@example.org\r\nSubject: TLS\r\nMessage-ID: <tls@test>\r\n\r\nOver TLS.\r\n";

/// A CA and a server certificate for 127.0.0.1, made with the openssl command.
fn certificates(dir: &Path) {
    let run = |args: &[&str]| {
        let status = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("openssl runs");
        assert!(
            status.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    std::fs::write(dir.join("server.ext"), "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n").expect("write the extensions file");
    run(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Taskforce test CA",
    ]);
    run(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    run(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "server.ext",
    ]);
}

async fn deliver_over(mode: &str, scheme: &str) {
    let dir = std::env::temp_dir().join(format!("tf-tls-{}", rand::random::<u32>()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    certificates(&dir);
    let (cert, key) = (dir.join("server.pem"), dir.join("server.key"));
    let port = SmtpSink::free_port();
    let sink = SmtpSink::start_with(
        port,
        &[
            "--tls",
            mode,
            "--cert",
            cert.to_str().expect("a UTF-8 path"),
            "--key",
            key.to_str().expect("a UTF-8 path"),
        ],
    )
    .await;
    let url = match scheme {
        "smtps" => format!("smtps://127.0.0.1:{port}"),
        _ => format!("smtp://127.0.0.1:{port}?tls=required"),
    };
    let ca = std::fs::read(dir.join("ca.pem")).expect("the CA certificate");
    let trusted = Mailer::with_ca(&url, &ca).expect("a TLS mailer");
    trusted
        .deliver("a@example.org", "b@example.org", "tls@test", MESSAGE)
        .await
        .expect("delivered over TLS");
    assert_eq!(sink.messages().len(), 1);

    let untrusted =
        Mailer::new(Some(&url), dir.clone()).expect("a mailer with the public roots only");
    let refused = untrusted
        .deliver("a@example.org", "b@example.org", "tls2@test", MESSAGE)
        .await;
    assert!(
        refused.is_err(),
        "a certificate nobody vouches for is refused"
    );
    assert_eq!(sink.messages().len(), 1);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn mail_goes_over_starttls_when_the_url_requires_it() {
    deliver_over("starttls", "smtp").await;
}

#[tokio::test]
async fn mail_goes_over_implicit_tls_with_smtps() {
    deliver_over("implicit", "smtps").await;
}
