//! Where in a template's text a render error is: Tera says which filter, function or
//! variable it could not find, and which template it was rendering, but not the line,
//! nor the parent or included template the name is really written in. These functions
//! read the name out of Tera's message and find the first place it is written.

/// A name Tera could not find while rendering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Missing {
    /// `{{ x | name }}`: Tera's "Filter 'name' not found".
    Filter(String),
    /// `{{ name(…) }}`: "Function 'name' not found".
    Function(String),
    /// `{% if x is name %}`: "Tester 'name' not found".
    Tester(String),
    /// `{{ page.nosuch }}`: "Variable `page.nosuch` not found in context".
    Variable(String),
}

/// The name a Tera error `message` says was not found, if it says so.
pub(super) fn missing_name(message: &str) -> Option<Missing> {
    let quoted = |after: &str, mark: char| -> Option<String> {
        let (_, rest) = message.split_once(after)?;
        let name = rest.strip_prefix(mark)?.split(mark).next()?;
        (!name.is_empty()).then(|| name.to_owned())
    };
    quoted("Filter ", '\'')
        .map(Missing::Filter)
        .or_else(|| quoted("Function ", '\'').map(Missing::Function))
        .or_else(|| quoted("Tester ", '\'').map(Missing::Tester))
        .or_else(|| quoted("Variable ", '`').map(Missing::Variable))
}

/// The first place (1-based line and column, in characters) `text` writes `missing`.
pub(super) fn find(text: &str, missing: &Missing) -> Option<(u32, u32)> {
    let (Missing::Filter(name)
    | Missing::Function(name)
    | Missing::Tester(name)
    | Missing::Variable(name)) = missing;
    for (index, line) in text.lines().enumerate() {
        for (at, _) in line.match_indices(name.as_str()) {
            let before = line[..at].trim_end();
            let after = line[at + name.len()..].trim_start();
            let whole = !line[..at].ends_with(is_name_char)
                && !line[at + name.len()..].starts_with(is_name_char);
            let fits = match missing {
                Missing::Filter(_) => before.ends_with('|'),
                Missing::Function(_) => after.starts_with('('),
                Missing::Tester(_) => before.ends_with(" is") || before.ends_with(" not"),
                Missing::Variable(_) => !line[..at].ends_with('.'),
            };
            if whole && fits {
                let column = line[..at].chars().count() + 1;
                return Some((u32::try_from(index + 1).ok()?, u32::try_from(column).ok()?));
            }
        }
    }
    None
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_from_teras_messages_and_found_where_written() {
        let filter = missing_name("Failed to render 'page.html': Filter 'nosuch' not found");
        assert_eq!(filter, Some(Missing::Filter("nosuch".into())));
        let variable = missing_name(
            "Variable `page.nosuch.x` not found in context while rendering 'page.html'",
        );
        assert_eq!(variable, Some(Missing::Variable("page.nosuch.x".into())));
        assert_eq!(missing_name("Failed to render 'page.html'"), None);

        let text = "<h1>{{ page.title }}</h1>\n<p>{{ page.nosuch.x }} {{ a | nosuch }}</p>\n";
        assert_eq!(
            find(text, &variable.unwrap_or(Missing::Variable(String::new()))),
            Some((2, 7))
        );
        assert_eq!(find(text, &Missing::Filter("nosuch".into())), Some((2, 31)));
        // A longer name, or the name as a field of something else, is another name.
        assert_eq!(
            find(
                "{{ nosuchfilter }} {{ x.nosuch }}",
                &Missing::Variable("nosuch".into())
            ),
            None
        );
        assert_eq!(
            find("{{ 汇聚 | nosuch }}", &Missing::Filter("nosuch".into())),
            Some((1, 9))
        );
        assert_eq!(
            find("{{ now() }}", &Missing::Function("now".into())),
            Some((1, 4))
        );
    }
}
