//! Localisable text: a catalog message id with its named arguments ([`Text`]), made by
//! the [`t!`](crate::t) macro where a diagnostic is raised, and rendered in any
//! language when it is shown. The English rendering is kept as well, since it is what
//! `--format json` and `github` carry in `message` whatever the language.

use std::borrow::Cow;

use fluent_bundle::{FluentArgs, FluentValue};

use super::catalog;
use super::lang::Lang;

/// One named argument: a string (paths, keys and values as written) or a count, which
/// Fluent can choose a plural form by.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text, shown as it is.
    Str(String),
    /// A whole number.
    Int(i64),
    /// Another catalog message (a reason inside a message), rendered in the same
    /// language as the message it is part of.
    Text(Box<Text>),
}

/// A catalog message and its arguments.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    /// The message id, or `id.attribute`.
    pub id: &'static str,
    /// The named arguments, in the order written.
    pub args: Vec<(&'static str, Arg)>,
}

impl Text {
    /// The message in `lang` (English where that catalog lacks it).
    pub fn render(&self, lang: Lang) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Arg::Str(s) => args.set(*name, FluentValue::from(s.as_str())),
                Arg::Int(n) => args.set(*name, FluentValue::from(*n)),
                Arg::Text(text) => args.set(*name, FluentValue::from(text.render(lang))),
            }
        }
        catalog::format(lang, self.id, Some(&args))
    }
}

/// What a diagnostic says: its English text and, when it comes from the catalog, the
/// message to render in other languages. Plain strings convert into it untranslated.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Said {
    /// The English text.
    pub english: String,
    /// The catalog message, `None` for text not (yet) in the catalog.
    pub text: Option<Text>,
}

impl Said {
    /// The text in `lang`: the catalog's, or the English text where there is none.
    pub fn render(&self, lang: Lang) -> Cow<'_, str> {
        match (&self.text, lang) {
            (Some(text), Lang::ZhHans | Lang::ZhHant) => Cow::Owned(text.render(lang)),
            _ => Cow::Borrowed(&self.english),
        }
    }
}

/// The English text, so code that reads a message as a string (`message.contains(…)`,
/// `format!("{message}")`) keeps working on a `Said`.
impl std::ops::Deref for Said {
    type Target = str;

    fn deref(&self) -> &str {
        &self.english
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english)
    }
}

/// Serialised as the English text, like the rest of menhu's machine-read output.
impl serde::Serialize for Said {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.english)
    }
}

impl PartialEq<str> for Said {
    fn eq(&self, other: &str) -> bool {
        self.english == other
    }
}

impl PartialEq<&str> for Said {
    fn eq(&self, other: &&str) -> bool {
        self.english == *other
    }
}

impl From<&Said> for Said {
    fn from(said: &Said) -> Said {
        said.clone()
    }
}

impl From<Text> for Said {
    fn from(text: Text) -> Said {
        Said {
            english: text.render(Lang::En),
            text: Some(text),
        }
    }
}

impl From<String> for Said {
    fn from(english: String) -> Said {
        Said {
            english,
            text: None,
        }
    }
}

impl From<&String> for Said {
    fn from(english: &String) -> Said {
        Said::from(english.clone())
    }
}

impl From<&str> for Said {
    fn from(english: &str) -> Said {
        Said::from(english.to_owned())
    }
}

impl From<Cow<'_, str>> for Said {
    fn from(english: Cow<'_, str>) -> Said {
        Said::from(english.into_owned())
    }
}

/// What may be passed as a named argument of [`t!`](crate::t).
pub trait IntoArg {
    /// The argument's value.
    fn into_arg(self) -> Arg;
}

macro_rules! text_args {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                Arg::Str(self.to_string())
            }
        }
    )*};
}
text_args!(
    &str,
    &&str,
    String,
    &String,
    Cow<'_, str>,
    &Cow<'_, str>,
    std::path::Display<'_>,
    char
);

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> Arg {
                Arg::Int(i64::try_from(self).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_args!(usize, u64, u32, u16, u8, i64, i32);

/// Any displayable value as a text argument (`t!("id", error = display(e))`).
pub fn display(value: impl std::fmt::Display) -> Arg {
    Arg::Str(value.to_string())
}

/// A message as an argument of another: the catalog's text when it has one, so it is
/// shown in the language of the message around it.
impl IntoArg for Said {
    fn into_arg(self) -> Arg {
        match self.text {
            Some(text) => Arg::Text(Box::new(text)),
            None => Arg::Str(self.english),
        }
    }
}

impl IntoArg for &Said {
    fn into_arg(self) -> Arg {
        self.clone().into_arg()
    }
}

impl IntoArg for Arg {
    fn into_arg(self) -> Arg {
        self
    }
}

/// `a`, `a or b`, `a or b or c`, in the language the list is shown in.
pub fn or_list(items: Vec<Said>) -> Said {
    let mut items = items.into_iter().rev();
    let Some(last) = items.next() else {
        return Said::from(String::new());
    };
    items.fold(last, |rest, item| {
        crate::t!("list-or", first = item, rest = rest)
    })
}

/// A catalog message with named arguments, as a [`Said`] for a diagnostic's message,
/// `expected` or `help`: `t!("config-unknown-key", key = name)`. `id.attr` names an
/// attribute of the message.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::diag::text::Said::from($crate::diag::text::Text {
            id: $id,
            args: vec![$((stringify!($name), $crate::diag::text::IntoArg::into_arg($value))),*],
        })
    };
}
