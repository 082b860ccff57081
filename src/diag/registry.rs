//! The registry of diagnostic codes: every code menhu reports, defined once with its
//! severity and a short name. What each code means and how to fix it is in the message
//! catalogs (`code-E0101` and its `.fix`), so docs/diagnostics.md and its Chinese
//! counterpart are generated from here ([`markdown_doc`]) and cannot drift.
//!
//! Ranges: E00xx internal; E01xx configuration; E02xx content (E022x directory tables,
//! E025x images); E03xx the portal model (places, URLs, organizations, series, menus);
//! E04xx templates; E05xx output; E06xx `init` and `new`; E07xx the preview; E08xx
//! deploy; E09xx networks (站群: `network.toml`, syndication, `build --network`).
//! W01xx–W04xx are warnings of the same stages; C01xx are `check`'s link and page
//! rules, C02xx the government-website inspection rules, C03xx wording, C04xx the rules
//! of a network of sites (`check --network`).

use std::fmt::Write as _;

use super::Severity;
use super::catalog;
use super::lang::Lang;

/// One diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// The stable code, e.g. `E0101`.
    pub code: &'static str,
    /// How bad it usually is. Some codes change: an error on a page scheduled for
    /// later is reported as a warning until it is due, and `check` may raise
    /// C0302 as either.
    pub severity: Severity,
    /// A short name, e.g. `unknown-key`.
    pub name: &'static str,
}

impl Code {
    /// The catalog id of what triggers the code (`code-E0101`).
    pub fn trigger_id(&self) -> String {
        format!("code-{}", self.code)
    }

    /// The catalog id of the fix (`code-E0101.fix`).
    pub fn fix_id(&self) -> String {
        format!("code-{}.fix", self.code)
    }
}

const fn error(code: &'static str, name: &'static str) -> Code {
    Code {
        code,
        severity: Severity::Error,
        name,
    }
}

const fn warning(code: &'static str, name: &'static str) -> Code {
    Code {
        code,
        severity: Severity::Warning,
        name,
    }
}

/// Every code, in order.
pub const CODES: &[Code] = &[
    error("E0001", "internal-error"),
    error("E0100", "no-config"),
    error("E0101", "unknown-key"),
    error("E0102", "invalid-value"),
    error("E0103", "bad-base-url"),
    error("E0104", "bad-taxonomy"),
    error("E0105", "zero-per-page"),
    error("E0106", "invalid-toml"),
    error("E0107", "unreadable-config"),
    error("E0108", "bad-path-segment"),
    error("E0109", "entry-lacks-key"),
    error("E0110", "bad-menu-url"),
    error("E0200", "no-content"),
    error("E0201", "gbk-encoding"),
    error("E0202", "utf16-encoding"),
    error("E0203", "invalid-utf8"),
    error("E0204", "binary-file"),
    error("E0205", "unclosed-front-matter"),
    error("E0206", "bad-front-matter"),
    error("E0207", "bad-date"),
    error("E0208", "no-title"),
    error("E0209", "unreadable-file"),
    error("E0210", "broken-internal-link"),
    error("E0211", "unknown-shortcode"),
    error("E0212", "broken-shortcode"),
    error("E0213", "bad-url-field"),
    error("E0214", "outside-site"),
    error("E0220", "unreadable-directory-table"),
    error("E0221", "bad-directory-row"),
    error("E0222", "no-directory-section"),
    error("E0223", "directory-row-replaces-page"),
    error("E0250", "unreadable-image"),
    error("E0251", "not-an-image"),
    error("E0252", "corrupt-image"),
    error("E0253", "image-too-large"),
    error("E0254", "bad-image-operation"),
    error("E0255", "image-cache-unwritable"),
    error("E0301", "unknown-place"),
    error("E0302", "ambiguous-or-same-url"),
    error("E0303", "missing-attachment"),
    error("E0304", "alias-conflict"),
    error("E0305", "output-conflict"),
    error("E0310", "region-path-conflict"),
    error("E0311", "series-path-conflict"),
    error("E0320", "unknown-org-level"),
    error("E0330", "duplicate-series-index"),
    error("E0340", "menu-target-missing"),
    error("E0401", "theme-not-found"),
    error("E0402", "unreadable-template"),
    error("E0403", "template-error"),
    error("E0404", "template-not-found"),
    error("E0405", "unreadable-theme-strings"),
    error("E0406", "template-loop"),
    error("E0407", "sass-error"),
    error("E0501", "unsafe-output-folder"),
    error("E0502", "output-unwritable"),
    error("E0601", "init-folder-not-empty"),
    error("E0602", "scaffold-write-failed"),
    error("E0603", "bad-section-name"),
    error("E0604", "title-gives-no-file-name"),
    error("E0605", "page-exists"),
    error("E0606", "no-such-section"),
    error("E0607", "no-sharded-pipeline"),
    error("E0701", "cannot-listen"),
    error("E0702", "cannot-watch"),
    error("E0703", "editor-beyond-loopback"),
    error("E0704", "editor-commit-unavailable"),
    error("E0800", "unreadable-deploy-config"),
    error("E0801", "secret-in-config"),
    error("E0802", "bad-deploy-target"),
    error("E0803", "unknown-default-target"),
    error("E0804", "bad-cache-control-pattern"),
    error("E0805", "no-deploy-section"),
    error("E0806", "nothing-built"),
    error("E0807", "no-target-chosen"),
    error("E0810", "unreadable-manifest"),
    error("E0811", "unreadable-output"),
    error("E0820", "upload-failed"),
    error("E0821", "no-credentials"),
    error("E0822", "bad-endpoint"),
    error("E0901", "no-network"),
    error("E0902", "bad-network-file"),
    error("E0903", "bad-site-name"),
    error("E0904", "bad-site-folder"),
    error("E0905", "unknown-site-region"),
    error("E0906", "bad-association-name"),
    error("E0907", "unknown-site"),
    error("E0908", "parent-loop"),
    error("E0909", "bad-pull-rule"),
    error("E0910", "unknown-push-target"),
    error("E0911", "broken-site-link"),
    error("E0912", "bad-shard"),
    warning("W0101", "zola-only-setting"),
    warning("W0102", "inline-highlighting"),
    warning("W0103", "unusable-follow-symlinks"),
    warning("W0110", "keep-location-without-exif"),
    warning("W0201", "unknown-front-matter-key"),
    warning("W0202", "image-without-alt"),
    warning("W0203", "space-in-link"),
    warning("W0204", "photo-without-cover"),
    warning("W0205", "image-on-own-computer"),
    warning("W0206", "table-row-too-long"),
    warning("W0207", "indented-text-shown-as-code"),
    warning("W0208", "page-not-named-md"),
    warning("W0209", "photo-not-shown"),
    warning("W0301", "undeclared-taxonomy"),
    warning("W0305", "link-to-scheduled-page"),
    warning("W0320", "unknown-parent-org"),
    warning("W0321", "unknown-org"),
    warning("W0330", "series-gap"),
    warning("W0331", "no-series-index"),
    warning("W0401", "hidden-static-files"),
    warning("W0501", "build-cache-not-used"),
    error("C0101", "broken-link"),
    error("C0102", "broken-anchor"),
    error("C0103", "missing-image"),
    error("C0104", "broken-template-link"),
    error("C0105", "image-without-alt"),
    warning("C0106", "duplicate-title"),
    warning("C0107", "skipped-heading-level"),
    error("C0108", "space-in-link"),
    error("C0109", "relative-link-in-summary"),
    error("C0110", "external-link-fails"),
    warning("C0111", "external-link-silent"),
    warning("C0112", "external-link-private"),
    error("C0113", "image-on-own-computer"),
    warning("C0120", "template-text-left"),
    warning("C0121", "empty-source"),
    warning("C0122", "title-again-in-body"),
    warning("C0123", "outline-heading-as-paragraph"),
    warning("C0130", "large-original"),
    warning("C0131", "stale-pin"),
    warning("C0140", "waiting-for-review"),
    error("C0201", "stale-home"),
    error("C0202", "stale-column"),
    error("C0203", "empty-column"),
    error("C0204", "undated-page"),
    error("C0205", "attachment-unavailable"),
    error("C0206", "missing-meta-tag"),
    error("C0207", "missing-filing-number"),
    warning("C0208", "old-as-of"),
    error("C0301", "miswritten-name"),
    error("C0302", "forbidden-term"),
    error("C0401", "no-column-for-syndicated"),
    warning("C0402", "member-filing-missing"),
    error("C0403", "member-filing-copied"),
    warning("C0404", "push-not-upwards"),
];

/// The registry's entry for `code`.
pub fn lookup(code: &str) -> Option<&'static Code> {
    CODES.iter().find(|c| c.code == code)
}

/// Called for every diagnostic made: in debug builds (every test run), a code missing
/// from the registry stops the program there, so no test can pass raising one.
pub(crate) fn note_raised(code: &'static str) {
    debug_assert!(
        lookup(code).is_some(),
        "diagnostic code {code} is not in src/diag/registry.rs"
    );
}

/// The headings of the stages, by the code's first three characters.
const STAGES: &[(&str, &str)] = &[
    ("E00", "stage-internal"),
    ("E01", "stage-config"),
    ("W01", "stage-config"),
    ("E02", "stage-content"),
    ("W02", "stage-content"),
    ("E03", "stage-portal"),
    ("W03", "stage-portal"),
    ("E04", "stage-templates"),
    ("W04", "stage-templates"),
    ("E05", "stage-output"),
    ("W05", "stage-output"),
    ("E06", "stage-scaffold"),
    ("E07", "stage-serve"),
    ("E08", "stage-deploy"),
    ("E09", "stage-network"),
    ("C01", "stage-check-links"),
    ("C02", "stage-check-inspection"),
    ("C03", "stage-check-wording"),
];

fn stage_of(code: &Code) -> &'static str {
    STAGES
        .iter()
        .find(|(prefix, _)| code.code.starts_with(prefix))
        .map_or("stage-internal", |(_, id)| id)
}

/// docs/diagnostics.md (English) or docs/diagnostics.zh.md (Chinese): every code,
/// grouped by stage, with what triggers it and the fix, from the catalogs.
pub fn markdown_doc(lang: Lang) -> String {
    let t = |id: &str| catalog::format(lang, id, None);
    let mut out = format!("# {}\n\n{}\n", t("doc-title"), t("doc-intro"));
    let mut stages: Vec<&str> = Vec::new();
    for code in CODES {
        let stage = stage_of(code);
        if !stages.contains(&stage) {
            stages.push(stage);
        }
    }
    for stage in stages {
        _ = write!(out, "\n## {}\n\n", t(stage));
        _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            t("doc-code"),
            t("doc-severity"),
            t("doc-trigger"),
            t("doc-fix")
        );
        out.push_str("|---|---|---|---|\n");
        for code in CODES.iter().filter(|c| stage_of(c) == stage) {
            let severity = match code.severity {
                Severity::Error => t("label-error"),
                Severity::Warning => t("label-warning"),
            };
            _ = writeln!(
                out,
                "| <a id=\"{}\"></a>`{}` `{}` | {severity} | {} | {} |",
                code.code.to_ascii_lowercase(),
                code.code,
                code.name,
                cell(&t(&code.trigger_id())),
                cell(&t(&code.fix_id())),
            );
        }
    }
    out
}

/// Text for a table cell: a `|` would end the cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}
