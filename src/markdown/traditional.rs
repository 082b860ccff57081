//! A rendered page written in Traditional, converted to Simplified for the site itself
//! (see [`crate::content::traditional`]); what was written is kept for the copy.

use super::{Heading, Rendered};
use crate::zh::Restore;

impl Rendered {
    /// Converts the HTML, text and outline to Simplified, remembering the HTML as
    /// written in `restore`.
    pub fn simplify_traditional(&mut self, restore: &mut Restore) {
        for html in [&mut self.html, &mut self.summary_html] {
            let simplified = crate::html_text::convert_text(html, crate::zh::to_simplified);
            restore.remember(html, &simplified);
            *html = simplified;
        }
        self.text = crate::zh::to_simplified(&self.text);
        simplify_toc(&mut self.toc);
    }
}

fn simplify_toc(headings: &mut [Heading]) {
    for heading in headings {
        heading.title = crate::zh::to_simplified(&heading.title);
        simplify_toc(&mut heading.children);
    }
}
