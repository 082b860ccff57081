//! Pages waiting for review (待审) in the online editor's workflow: drafts whose front
//! matter says `status = "review"`. The build leaves them out like any draft; `check`
//! names each one (C0140), so that a reviewer sees the queue without opening the editor.

use std::path::Path;

use crate::bounds::SiteBounds;
use crate::content::front_matter::{self, Format};
use crate::diag::Diagnostic;
use crate::portal::schedule::{Publication, Reason};

/// C0140 for every draft of `publication` waiting for review.
pub fn waiting_for_review(
    root: &Path,
    bounds: &SiteBounds,
    publication: &Publication,
) -> Vec<Diagnostic> {
    publication
        .with_reason(Reason::Draft)
        .filter(|draft| {
            bounds
                .resolve(&root.join(&draft.file))
                .ok()
                .and_then(|file| std::fs::read_to_string(file).ok())
                .is_some_and(|text| status_of(&text).as_deref() == Some("review"))
        })
        .map(|draft| {
            Diagnostic::warning(
                "C0140",
                crate::t!("check-waiting-for-review", title = draft.title.as_str()),
            )
            .in_file(&draft.file)
            .help(crate::t!("check-waiting-for-review.help"))
        })
        .collect()
}

/// The `status` a page's front matter gives.
fn status_of(text: &str) -> Option<String> {
    let split = front_matter::split(text).ok()?;
    let value = match split.format? {
        Format::Toml => toml::from_str::<toml::Table>(split.front)
            .ok()?
            .get("status")?
            .as_str()?
            .to_owned(),
        Format::Yaml => {
            let value: serde_json::Value = yaml_serde::from_str(split.front).ok()?;
            value.get("status")?.as_str()?.to_owned()
        }
    };
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::status_of;

    #[test]
    fn the_status_is_read_from_toml_and_yaml() {
        assert_eq!(
            status_of("+++\nstatus = \"review\"\n+++\n").as_deref(),
            Some("review")
        );
        assert_eq!(
            status_of("---\nstatus: review\n---\n").as_deref(),
            Some("review")
        );
        assert_eq!(status_of("+++\ndraft = true\n+++\n"), None);
    }
}
