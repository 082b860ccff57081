//! The command line in the run's language: help texts, headings and usage errors from
//! the catalogs (`cli-…` messages). English help is the doc comments of the clap types
//! in `cli.rs`, which the English catalog repeats (a test keeps them equal), so the
//! catalogs are the one place a translator works.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgMatches, Command, CommandFactory};

use super::Cli;
use crate::diag::{Lang, catalog};

/// Parses the command line; `--help` and usage errors in the language of the run.
pub(super) fn parse_args(args: Vec<OsString>) -> Result<ArgMatches, (String, u8)> {
    let lang = lang_of(&args);
    let command = localized(Cli::command(), lang);
    command.try_get_matches_from(args).map_err(|e| {
        let code = if e.use_stderr() { 2 } else { 0 };
        (render_error(&e, lang), code)
    })
}

/// The language the arguments ask for, before they are parsed: `--lang`, then the
/// environment and the site named by `--root` (or the current folder).
fn lang_of(args: &[OsString]) -> Lang {
    let value_of = |long: &str, short: Option<&str>| {
        let mut found = None;
        let mut args = args.iter().map(|a| a.to_string_lossy());
        while let Some(arg) = args.next() {
            if let Some(value) = arg.strip_prefix(&format!("{long}=")) {
                found = Some(value.to_owned());
            } else if arg == long || short.is_some_and(|s| arg == s) {
                found = args.next().map(|v| v.into_owned());
            }
        }
        found
    };
    let flag = value_of("--lang", None).and_then(|tag| Lang::from_tag(&tag));
    let root = PathBuf::from(value_of("--root", Some("-r")).unwrap_or_else(|| ".".to_owned()));
    Lang::for_run(flag, Some(&root))
}

/// `command` with its texts from `lang`'s catalog; English is left as written.
pub(super) fn localized(mut command: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return command;
    }
    let text = |id: &str| catalog::format(lang, id, None);
    command.build();
    command = texts(command, "cli", lang)
        .subcommand_help_heading(text("cli-heading.commands"))
        .help_template(template(lang))
        .after_help(text("cli.after-help"));
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in names {
        command = command.mut_subcommand(&name, |sub| {
            let mut sub = sub;
            sub.build();
            texts(sub, &format!("cli-{name}"), lang).help_template(template(lang))
        });
    }
    command
}

/// clap's help layout with the usage heading in `lang`; it ends with a line end, as
/// clap's own does (a catalog value cannot).
fn template(lang: Lang) -> String {
    format!("{}\n", catalog::format(lang, "cli-heading.template", None))
}

/// The about text (`ID`) and each argument's help (`ID.ARG`) from the catalog.
fn texts(mut command: Command, id: &str, lang: Lang) -> Command {
    if catalog::has(lang, id) {
        command = command.about(catalog::format(lang, id, None));
    }
    let options = catalog::format(lang, "cli-heading.options", None);
    let arguments = catalog::format(lang, "cli-heading.arguments", None);
    let args: Vec<String> = command
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for arg in args {
        let arg_id = format!("{id}.{}", arg.replace('_', "-"));
        let generic = format!("cli.{arg}");
        let help = [arg_id, generic]
            .into_iter()
            .find(|i| catalog::has(lang, i));
        command = command.mut_arg(&arg, |a| {
            let heading = if a.is_positional() {
                &arguments
            } else {
                &options
            };
            let a = a.help_heading(heading.clone());
            match &help {
                Some(help) => a.help(catalog::format(lang, help, None)),
                None => a,
            }
        });
    }
    command
}

/// A usage error said plainly, with the usage and where to find help; `--help` and
/// `--version` as clap renders them.
fn render_error(error: &clap::Error, lang: Lang) -> String {
    let invalid = matches!(
        error.kind(),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation
    );
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    // `MENHU_NOW`, set in a CI job, is read as `--now`: both named, with the form.
    if invalid && context(ContextKind::InvalidArg).starts_with("--now") {
        let said = crate::t!("cli-error-now", value = context(ContextKind::InvalidValue));
        return format!("{}\n", said.render(lang));
    }
    if lang == Lang::En
        || matches!(
            error.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        return error.render().to_string();
    }
    let said = match error.kind() {
        ErrorKind::UnknownArgument => crate::t!(
            "cli-error-unknown-argument",
            arg = context(ContextKind::InvalidArg)
        ),
        ErrorKind::InvalidSubcommand => crate::t!(
            "cli-error-unknown-command",
            command = context(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => crate::t!(
            "cli-error-invalid-value",
            arg = context(ContextKind::InvalidArg),
            value = context(ContextKind::InvalidValue)
        ),
        ErrorKind::MissingRequiredArgument => {
            crate::t!("cli-error-missing", args = context(ContextKind::InvalidArg))
        }
        _ => crate::t!("cli-error-other"),
    };
    let mut out = format!("{}\n", said.render(lang));
    let valid = context(ContextKind::ValidValue);
    if invalid && !valid.is_empty() {
        out.push_str(&crate::t!("cli-error-valid-values", values = valid).render(lang));
        out.push('\n');
    }
    let suggested = context(ContextKind::SuggestedArg) + &context(ContextKind::SuggestedSubcommand);
    if !suggested.is_empty() {
        out.push_str(&crate::t!("config-did-you-mean", key = suggested).render(lang));
        out.push('\n');
    }
    out.push_str(&crate::t!("cli-error-help").render(lang));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `cli…` entries the English catalog must hold: the clap doc comments.
    fn english_entries() -> Vec<(String, String)> {
        let mut command = Cli::command();
        command.build();
        let mut out = vec![(
            "cli".to_owned(),
            command
                .get_about()
                .map(|a| a.to_string())
                .unwrap_or_default(),
        )];
        let arg_entries = |command: &Command, id: &str, out: &mut Vec<(String, String)>| {
            for arg in command.get_arguments() {
                let name = arg.get_id().to_string();
                if matches!(name.as_str(), "help" | "version")
                    || (id != "cli" && matches!(name.as_str(), "root" | "lang" | "now"))
                {
                    continue;
                }
                if let Some(help) = arg.get_help() {
                    out.push((format!("{id}.{}", name.replace('_', "-")), help.to_string()));
                }
            }
        };
        arg_entries(&command, "cli", &mut out);
        for sub in command.get_subcommands() {
            let id = format!("cli-{}", sub.get_name());
            out.push((
                id.clone(),
                sub.get_about().map(|a| a.to_string()).unwrap_or_default(),
            ));
            arg_entries(sub, &id, &mut out);
        }
        out
    }

    #[test]
    fn english_help_is_the_catalogs() {
        let mut wrong = String::new();
        for (id, text) in english_entries() {
            if id.contains(".now") {
                continue;
            }
            if catalog::format(Lang::En, &id, None) != text {
                wrong.push_str(&format!("{id} = {text}\n"));
            }
        }
        assert!(
            wrong.is_empty(),
            "catalogs/en.ftl differs from the clap doc comments:\n{wrong}"
        );
    }

    #[test]
    fn chinese_help_and_usage_errors() {
        let help = localized(Cli::command(), Lang::ZhHans)
            .render_help()
            .to_string();
        for expected in ["用法：", "命令:", "选项:", "生成网站", "--lang", "显示帮助"]
        {
            assert!(help.contains(expected), "{expected} not in:\n{help}");
        }
        let error = localized(Cli::command(), Lang::ZhHans)
            .try_get_matches_from(["menhu", "buld"])
            .unwrap_err();
        let said = render_error(&error, Lang::ZhHans);
        assert!(said.contains("不认识的命令 `buld`"), "{said}");
        assert!(said.contains("是不是要写 `build`？"), "{said}");
        assert!(said.contains("menhu --help"), "{said}");
    }
}
