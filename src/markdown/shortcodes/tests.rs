use super::*;

/// Shortcodes for tests: `figure` (inline HTML), `note` (block HTML), `md` (Markdown),
/// `rec` (calls itself), `fan` (calls itself twice), `fail` (render error), `args` (echoes
/// its arguments as JSON).
pub(crate) struct TestShortcodes;

impl ShortcodeRenderer for TestShortcodes {
    fn exists(&self, name: &str) -> bool {
        matches!(
            name,
            "figure" | "note" | "md" | "rec" | "fan" | "fail" | "args"
        )
    }

    fn render(
        &self,
        name: &str,
        args: &Map<String, Value>,
        body: Option<&str>,
    ) -> Result<ShortcodeOutput, String> {
        let src = args.get("src").and_then(Value::as_str).unwrap_or("");
        Ok(match name {
            "figure" => ShortcodeOutput::Html(format!("<figure><img src=\"{src}\"></figure>")),
            "note" => {
                ShortcodeOutput::Html(format!("<div class=\"note\">{}</div>", body.unwrap_or("")))
            }
            "md" => ShortcodeOutput::Markdown("**粗体** [a](@/news/a.md)".to_owned()),
            "rec" => ShortcodeOutput::Markdown("x {{ rec() }}".to_owned()),
            "fan" => ShortcodeOutput::Markdown("{{ fan() }}{{ fan() }}".to_owned()),
            "args" => ShortcodeOutput::Html(Value::Object(args.clone()).to_string()),
            _ => return Err("template `fail.html` has an error".to_owned()),
        })
    }
}

fn expand_text(text: &str) -> Expanded {
    expand(text, &TestShortcodes)
}

/// The expanded text with placeholders replaced by their HTML in brackets.
fn shown(expanded: &Expanded) -> String {
    split_placeholders(&expanded.text, expanded.html_outputs.len())
        .into_iter()
        .map(|piece| match piece {
            TextPiece::Text(text) => text.to_owned(),
            TextPiece::Html(i) => format!("[{}]", expanded.html_outputs[i].html),
        })
        .collect()
}

#[test]
fn text_without_shortcodes_is_unchanged() {
    let e = expand_text("plain {text} with { braces }");
    assert_eq!(e.text, "plain {text} with { braces }");
    assert!(e.problems.is_empty());
}

#[test]
fn arguments_of_every_kind() {
    let e = expand_text(
        r#"{{ args(k="v", s="文字", n=3, neg=-2, f=1.5, b=true, c=false, l=[1, "a", [true]], q='x', t=`y`, e="a\"b") }}"#,
    );
    assert!(e.problems.is_empty(), "{:?}", e.problems);
    let json: Value = serde_json::from_str(&e.html_outputs[0].html).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"k": "v", "s": "文字", "n": 3, "neg": -2, "f": 1.5, "b": true, "c": false,
            "l": [1, "a", [true]], "q": "x", "t": "y", "e": "a\"b"})
    );
}

#[test]
fn inline_and_block_shortcodes_become_placeholders() {
    let e = expand_text("a {{ figure(src=\"x.png\") }} b\n\n{% note() %}\n*正文*\n{% end %}\n");
    assert_eq!(
        shown(&e),
        "a [<figure><img src=\"x.png\"></figure>] b\n\n[<div class=\"note\">*正文*</div>]\n"
    );
    assert!(!e.html_outputs[0].block);
    assert!(e.html_outputs[1].block);
}

#[test]
fn escapes_print_the_shortcode_text() {
    let e = expand_text("{{/* figure(src=\"x\") */}} and {%/* note() */%}x{%/* end */%}");
    assert_eq!(e.text, "{{ figure(src=\"x\") }} and {% note() %}x{% end %}");
    assert!(e.html_outputs.is_empty());
}

#[test]
fn shortcodes_in_code_are_not_expanded() {
    let text =
        "`{{ figure() }}` and\n\n```\n{{ figure() }}\n{% note() %}\n```\n\n    {{ figure() }}\n";
    let e = expand_text(text);
    assert_eq!(e.text, text);
    assert!(e.problems.is_empty());
}

#[test]
fn markdown_output_is_spliced_and_expanded_again() {
    let e = expand_text("前 {{ md() }} 后");
    assert_eq!(e.text, "前 **粗体** [a](@/news/a.md) 后");
    // Offsets inside the splice map to the shortcode, offsets after it to the original.
    assert_eq!(e.map.original(5), 4);
    assert_eq!(
        e.map.original(e.text.len() - 1),
        "前 {{ md() }} 后".len() - 1
    );
}

#[test]
fn problems_leave_the_text_as_written() {
    let cases = [
        ("{{ nosuch() }}", CODE_UNKNOWN, "unknown shortcode `nosuch`"),
        (
            "{{ figure(src=) }}",
            CODE_BROKEN,
            "bad arguments in shortcode `figure`",
        ),
        ("{{ figure(src=\"x\" }}", CODE_BROKEN, "bad arguments"),
        (
            "{{ figure(src=\"x) }}",
            CODE_BROKEN,
            "a string is not closed",
        ),
        ("{{ figure() %}", CODE_BROKEN, "is not closed with `}}`"),
        (
            "{% note() %} body without end",
            CODE_BROKEN,
            "has no `{% end %}`",
        ),
        (
            "{{ fail() }}",
            CODE_BROKEN,
            "shortcode `fail` failed: template `fail.html` has an error",
        ),
    ];
    for (text, code, message) in cases {
        let e = expand_text(text);
        assert_eq!(e.text, text, "{text}");
        assert_eq!(e.problems.len(), 1, "{text}: {:?}", e.problems);
        assert_eq!(e.problems[0].code, code, "{text}");
        assert!(
            e.problems[0].message.contains(message),
            "{text}: {}",
            e.problems[0].message
        );
        assert_eq!(e.problems[0].offset, 0);
    }
}

#[test]
fn text_that_only_looks_like_a_shortcode_is_left_alone() {
    for text in [
        "{{",
        "{%",
        "{{ page.title }}",
        "{% if x %}",
        "{{}}",
        "{{ 3() }}",
        "{% end %}",
        "{{/* never closed",
    ] {
        let e = expand_text(text);
        assert_eq!(e.text, text);
        assert!(e.problems.is_empty(), "{text}: {:?}", e.problems);
    }
}

#[test]
fn recursion_is_bounded_and_reported_once() {
    let e = expand_text("起 {{ rec() }}");
    assert_eq!(e.problems.len(), 1, "{:?}", e.problems);
    assert!(e.problems[0].message.contains("nested more than 8 deep"));
    assert_eq!(e.problems[0].offset, "起 ".len());
    assert_eq!(e.text.matches("x ").count(), MAX_DEPTH);

    let e = expand_text("{{ fan() }}");
    assert!(e.text.len() < 100_000);
    assert!(!e.problems.is_empty());
}

#[test]
fn many_unclosed_blocks_stay_fast() {
    let text = "{% note() %} ".repeat(20_000) + &"{{/* ".repeat(20_000);
    let e = expand_text(&text);
    assert_eq!(e.text, text);
    assert_eq!(e.problems.len(), 20_000);
}

#[test]
fn placeholders_split_from_text() {
    let text =
        format!("a{PLACEHOLDER_START}0{PLACEHOLDER_END}b{PLACEHOLDER_START}9{PLACEHOLDER_END}");
    let pieces = split_placeholders(&text, 1);
    assert_eq!(pieces[0], TextPiece::Text("a"));
    assert_eq!(pieces[1], TextPiece::Html(0));
    // An index with no output stays text, whole.
    assert_eq!(pieces[2], TextPiece::Text("b\u{e000}9\u{e001}"));
    assert_eq!(pieces.len(), 3);
}
