//! `report.html` in a real browser: headless Chromium loads it, screenshots it and prints it to
//! PDF, and the page must make no request outside the file and log no console message.
//!
//! `.ci/run` installs Debian's chromium and sets `BILAN_REQUIRE_BROWSER=1`, so there a missing
//! browser fails the test; elsewhere the test says it did not run and passes.

mod common;

use common::{bilan, repo_root};
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var("BILAN_CHROMIUM").ok(),
        Some("/usr/bin/chromium".into()),
        Some("/usr/bin/chromium-browser".into()),
    ];
    let found = candidates
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .find(|p| p.is_file());
    if found.is_none() {
        assert!(
            std::env::var("BILAN_REQUIRE_BROWSER").is_err(),
            "BILAN_REQUIRE_BROWSER is set but chromium is not installed"
        );
        eprintln!("browser test NOT RUN: chromium is not installed (apt-get install chromium)");
    }
    found
}

/// What the browser did with a page.
struct Visit {
    /// Requests the page itself made (not the browser's own background traffic).
    page_requests: Vec<String>,
    console: Vec<String>,
    dom: String,
}

fn browse(browser: &Path, page: &Path, work: &Path, extra: &[String]) -> Visit {
    let profile = work.join("profile");
    let netlog = work.join("netlog.json");
    let mut args: Vec<String> = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--enable-logging=stderr",
        "--v=0",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    args.push(format!("--log-net-log={}", netlog.display()));
    args.extend(extra.iter().cloned());
    args.push(format!("file://{}", page.display()));
    let output = Command::new(browser)
        .args(&args)
        .output()
        .expect("chromium runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let console = stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&netlog).expect("a net log")).expect("net log JSON");
    // Requests a page makes carry the page's (file://) network isolation key; the browser's own do not.
    let page_requests = log["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| {
            let params = &e["params"];
            let url = params["url"].as_str()?;
            let key = params["network_isolation_key"].as_str()?;
            key.contains("file://").then(|| url.to_string())
        })
        .filter(|url| !url.starts_with("file://") && !url.starts_with("data:"))
        .collect();
    Visit {
        page_requests,
        console,
        dom: String::from_utf8_lossy(&output.stdout).into_owned(),
    }
}

#[test]
fn the_check_catches_a_page_that_calls_out_or_logs() {
    let Some(browser) = chromium() else { return };
    let work = tempfile::tempdir().expect("a temporary folder");
    let page = work.path().join("bad.html");
    std::fs::write(&page, "<html><body><img src=\"http://example.invalid/x.png\"><script>console.error('boom')</script></body></html>")
        .expect("write");
    let visit = browse(&browser, &page, work.path(), &["--dump-dom".into()]);
    assert_eq!(visit.page_requests, ["http://example.invalid/x.png"]);
    assert_eq!(visit.console.len(), 1, "{:?}", visit.console);
}

#[test]
fn the_report_loads_offline_without_console_messages_and_prints() {
    let Some(browser) = chromium() else { return };
    let work = tempfile::tempdir().expect("a temporary folder");
    let out = work.path().join("out");
    bilan(
        &repo_root(),
        &["report", "--out", out.to_str().expect("utf-8"), "--quiet"],
    )
    .expect_code(0);
    let page = out.join("2024/report.html");

    let visit = browse(&browser, &page, work.path(), &["--dump-dom".into()]);
    assert!(
        visit.page_requests.is_empty(),
        "requests outside the file: {:?}",
        visit.page_requests
    );
    assert!(
        visit.console.is_empty(),
        "console messages: {:?}",
        visit.console
    );
    assert!(visit
        .dom
        .contains("<h1>Bilan annuel du plan d'action 2024</h1>"));
    assert_eq!(visit.dom.matches("<svg").count(), 8, "eight inline charts");

    let screenshot = work.path().join("report.png");
    browse(
        &browser,
        &page,
        &work.path().join("shot"),
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1280,2000".into(),
        ],
    );
    let png = std::fs::read(&screenshot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"));

    let pdf = work.path().join("report.pdf");
    browse(
        &browser,
        &page,
        &work.path().join("pdf"),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
    );
    let bytes = std::fs::read(&pdf).expect("a PDF");
    assert!(bytes.starts_with(b"%PDF"));
    assert!(
        page_count(&bytes) >= 2,
        "the report prints on several A4 pages ({})",
        page_count(&bytes)
    );
    // Page 1: the summary and every key figure; the body before the annexes: 8 pages at most.
    let Some(pages) = pdf_pages(&pdf) else { return };
    let first = &pages[0];
    for expected in [
        "Synthèse",
        "221 activités réalisées sur 265 programmées",
        "Indicateurs clés",
        "Activités programmées l'année suivante",
        "✘ en retard",
    ] {
        assert!(
            first.contains(expected),
            "page 1 lacks {expected:?}:\n{first}"
        );
    }
    let annexes = pages
        .iter()
        .position(|p| p.lines().any(|l| l.trim() == "Annexes"))
        .expect("an annex page");
    assert!(annexes <= 8, "the body takes {annexes} pages");
    assert!(annexes >= 4, "the body takes {annexes} pages");
}

/// The text of each page of a PDF (poppler's pdftotext); `None` when it is not installed,
/// unless the browser is required (`.ci/run` installs both).
fn pdf_pages(pdf: &Path) -> Option<Vec<String>> {
    match Command::new("pdftotext").arg(pdf).arg("-").output() {
        Ok(out) if out.status.success() => Some(
            String::from_utf8_lossy(&out.stdout)
                .split('\u{c}')
                .map(|p| p.replace('\u{2019}', "'"))
                .collect(),
        ),
        _ => {
            assert!(
                std::env::var_os("BILAN_REQUIRE_BROWSER").is_none(),
                "BILAN_REQUIRE_BROWSER is set but pdftotext (poppler-utils) is not installed"
            );
            None
        }
    }
}

/// Page objects of a PDF: `/Type /Page` (with or without the space), not `/Type /Pages`.
fn page_count(pdf: &[u8]) -> usize {
    let mut count = 0;
    for marker in [&b"/Type /Page"[..], &b"/Type/Page"[..]] {
        count += pdf
            .windows(marker.len() + 1)
            .filter(|w| w.starts_with(marker) && w[marker.len()] != b's')
            .count();
    }
    count
}

/// The English and Arabic reviews print like the French one: page 1 opens with the summary and
/// the key figures, the annexes start on page 9 at most.
#[test]
fn the_english_and_arabic_reviews_print_with_their_body_in_eight_pages() {
    let Some(browser) = chromium() else { return };
    let work = tempfile::tempdir().expect("a temporary folder");
    let out = work.path().join("out");
    bilan(
        &repo_root(),
        &[
            "report",
            "--out",
            out.to_str().expect("utf-8"),
            "--lang",
            "en,ar",
            "--formats",
            "html",
            "--quiet",
        ],
    )
    .expect_code(0);
    for (page, first_words, annex) in [
        ("2024/report.html", ["Summary", "Key indicators"], "Annex A"),
        // (pdftotext writes the lam-alef ligature backwards: words without it are looked for.)
        ("2024/ar/report.html", ["المؤشرات", "الرئيسية"], "الملحق أ"),
    ] {
        let pdf = work.path().join(page.replace('/', "-") + ".pdf");
        browse(
            &browser,
            &out.join(page),
            &work.path().join(page.replace('/', "-")),
            &[
                format!("--print-to-pdf={}", pdf.display()),
                "--no-pdf-header-footer".into(),
            ],
        );
        let Some(pages) = pdf_pages(&pdf) else { return };
        for word in first_words {
            assert!(
                pages[0].contains(word),
                "{page}: page 1 lacks {word:?}:\n{}",
                pages[0]
            );
        }
        let annexes = pages
            .iter()
            .position(|p| p.contains(annex))
            .unwrap_or_else(|| panic!("{page}: no annex"));
        assert!(
            (4..=8).contains(&annexes),
            "{page}: the body takes {annexes} pages"
        );
    }
}
