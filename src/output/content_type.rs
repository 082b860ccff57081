//! The `Content-Type` of an output file, the same for the preview server and for
//! `deploy`: the type `mime_guess` knows for its extension, with `charset=utf-8` for
//! text (menhu writes UTF-8).

/// The `Content-Type` of an output path, with `charset=utf-8` for text (menhu writes UTF-8).
pub fn content_type(key: &str) -> String {
    let extension = key.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let essence = match extension.as_deref() {
        // The search index's own binary format (docs/search.md).
        Some("mz") => "application/octet-stream".to_owned(),
        Some("webmanifest") => "application/manifest+json".to_owned(),
        _ => mime_guess::from_path(key).first().map_or_else(
            || "application/octet-stream".to_owned(),
            |m| m.essence_str().to_owned(),
        ),
    };
    let textual = essence.starts_with("text/")
        || matches!(
            essence.as_str(),
            "application/javascript"
                | "application/json"
                | "application/xml"
                | "image/svg+xml"
                | "application/rss+xml"
                | "application/atom+xml"
                | "application/manifest+json"
        );
    if textual {
        format!("{essence}; charset=utf-8")
    } else {
        essence
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_cover_what_a_portal_holds() {
        for (key, expected) in [
            ("index.html", "text/html; charset=utf-8"),
            ("css/site.css", "text/css; charset=utf-8"),
            ("js/search.js", "text/javascript; charset=utf-8"),
            ("search/meta.mz", "application/octet-stream"),
            ("search/build.json", "application/json; charset=utf-8"),
            ("fonts/a.woff2", "font/woff2"),
            ("photos/a.webp", "image/webp"),
            ("photos/a.JPG", "image/jpeg"),
            ("logo.svg", "image/svg+xml; charset=utf-8"),
            ("sitemap.xml", "text/xml; charset=utf-8"),
            ("files/通知.pdf", "application/pdf"),
            ("noextension", "application/octet-stream"),
        ] {
            let got = content_type(key);
            // mime_guess says application/javascript or text/javascript by version.
            let same = got == expected
                || (key.ends_with(".js") && got == "application/javascript; charset=utf-8")
                || (key.ends_with(".xml") && got == "application/xml; charset=utf-8");
            assert!(same, "{key}: {got}, expected {expected}");
        }
    }
}
