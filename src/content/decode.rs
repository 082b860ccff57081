//! STUB
#![allow(missing_docs)]
use crate::diag::Diagnostic;
use std::path::Path;
pub fn decode(file: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    let s = std::str::from_utf8(bytes)
        .map_err(|_| Diagnostic::error("E0203", "invalid utf-8").in_file(file))?;
    Ok(s.trim_start_matches('\u{feff}').replace("\r\n", "\n"))
}
