//! QR codes of page URLs as inline SVG (no script, no image request), so visitors can
//! open an article on their phone. Exposed to templates as `qr_svg(text=…)`.

use std::collections::HashMap;

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use tera::{Function, Value};

/// An inline `<svg>` QR code of `text`, labelled for screen readers; `None` when the
/// text is too long for a QR code.
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(120, 120)
        .quiet_zone(true)
        .dark_color(svg::Color("#111111"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // The renderer emits an XML declaration; inline SVG in HTML must not carry one.
    let body = svg
        .trim_start_matches(|c| c != '<')
        .trim_start_matches("<?xml version=\"1.0\" standalone=\"yes\"?>");
    let label = crate::html_text::escape(label);
    Some(body.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{label}\" class=\"qr-code\" "),
        1,
    ))
}

/// `qr_svg(text=page.permalink, label="手机扫码阅读")`.
pub struct QrFunction;

impl Function for QrFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let text = args.get("text").and_then(Value::as_str).ok_or_else(|| {
            tera::Error::msg(
                "`qr_svg` needs a string argument `text`, e.g. `qr_svg(text=page.permalink)`",
            )
        })?;
        let label = args
            .get("label")
            .and_then(Value::as_str)
            .unwrap_or("本页二维码");
        Ok(qr_svg(text, label).map_or(Value::Null, Value::String))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_is_inline_and_labelled() {
        let svg = qr_svg("https://kx.example.org/news/a/", "本页二维码").unwrap();
        assert!(
            svg.starts_with("<svg role=\"img\" aria-label=\"本页二维码\""),
            "{svg}"
        );
        assert!(!svg.contains("<?xml"));
        assert!(svg.contains("<path") || svg.contains("<rect"));
    }
}
