//! Finds templates that include themselves, directly or through others (`page.html`
//! includes `a.html`, which includes `page.html`), and templates that extend each
//! other in a loop (`index.html` extending `index.html`). Tera follows such a cycle
//! until the stack overflows and the process aborts, so the cycle is reported before
//! any render (extends loops even before Tera builds its inheritance chains).
//!
//! A template's edges are every `{% include %}` anywhere in it (blocks, macros, `if`
//! and `for` bodies) and its `{% extends %}` parent, whose text renders around it.
//!
//! Likewise a macro that calls itself unconditionally (outside any `if` or `for`) can
//! never stop; recursion under a condition, as in a menu tree, is left alone.

use std::collections::{BTreeMap, BTreeSet};

use tera::ast::{ExprVal, Node};
use tera::{Template, Tera};

use super::template_ast::{Pull, Visitor, walk};

/// The first include cycle found, as the chain of template names that closes it
/// (`["page.html", "a.html", "page.html"]`), in a stable order.
pub fn find_include_cycle(tera: &Tera) -> Option<Vec<String>> {
    let graph: BTreeMap<&str, BTreeSet<String>> = tera
        .templates
        .iter()
        .map(|(name, template)| (name.as_str(), edges(template)))
        .collect();
    let mut done = BTreeSet::new();
    for start in graph.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = visit(start, &graph, &mut path, &mut done) {
            return Some(cycle);
        }
    }
    None
}

/// The first loop of `{% extends %}` (template → the template it extends), as the
/// chain of names that closes it (`["section.html", "list.html", "index.html",
/// "index.html"]`), in a stable order. A parent that is not a template ends a chain.
pub fn find_extends_cycle(parents: &BTreeMap<&str, &str>) -> Option<Vec<String>> {
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for start in parents.keys() {
        let mut path: Vec<&str> = Vec::new();
        let mut at = Some(*start);
        while let Some(name) = at {
            if let Some(from) = path.iter().position(|n| *n == name) {
                let mut cycle: Vec<String> = path[from..].iter().map(|n| (*n).to_owned()).collect();
                cycle.push(name.to_owned());
                let mut lead: Vec<String> = path[..from].iter().map(|n| (*n).to_owned()).collect();
                lead.extend(cycle);
                return Some(lead);
            }
            if done.contains(name) {
                break;
            }
            path.push(name);
            at = parents.get(name).copied();
        }
        done.extend(path);
    }
    None
}

/// Depth-first search with an explicit path; `done` holds templates proven cycle-free.
fn visit<'a>(
    name: &'a str,
    graph: &'a BTreeMap<&'a str, BTreeSet<String>>,
    path: &mut Vec<&'a str>,
    done: &mut BTreeSet<&'a str>,
) -> Option<Vec<String>> {
    if let Some(at) = path.iter().position(|n| *n == name) {
        let mut cycle: Vec<String> = path[at..].iter().map(|n| (*n).to_owned()).collect();
        cycle.push(name.to_owned());
        return Some(cycle);
    }
    if done.contains(name) {
        return None;
    }
    path.push(name);
    for next in graph.get(name).into_iter().flatten() {
        if let Some((key, _)) = graph.get_key_value(next.as_str())
            && let Some(cycle) = visit(key, graph, path, done)
        {
            return Some(cycle);
        }
    }
    path.pop();
    done.insert(name);
    None
}

/// The first `(template, macro)` whose body calls itself outside any `if` or `for`.
pub fn find_endless_macro(tera: &Tera) -> Option<(String, String)> {
    let mut names: Vec<&String> = tera.templates.keys().collect();
    names.sort();
    names.into_iter().find_map(|name| {
        let template = tera.templates.get(name)?;
        let mut macros: Vec<&String> = template.macros.keys().collect();
        macros.sort();
        macros
            .into_iter()
            .find(|m| {
                template
                    .macros
                    .get(*m)
                    .is_some_and(|d| calls_itself(&d.body, m))
            })
            .map(|m| (name.clone(), m.clone()))
    })
}

/// A `{{ self::name(…) }}` at the top level of `body` (not under `if`/`for`).
fn calls_itself(body: &[Node], name: &str) -> bool {
    body.iter().any(|node| match node {
        Node::VariableBlock(_, expr) => {
            matches!(&expr.val, ExprVal::MacroCall(call) if call.namespace == "self" && call.name == name)
        }
        Node::FilterSection(_, section, _) => calls_itself(&section.body, name),
        _ => false,
    })
}

/// The templates that render inside or around `template`: its parent and every
/// template it includes, wherever the include sits.
fn edges(template: &Template) -> BTreeSet<String> {
    struct Edges(BTreeSet<String>);
    impl Visitor for Edges {
        fn template(&mut self, name: &str, how: Pull) {
            if how != Pull::Import {
                self.0.insert(name.to_owned());
            }
        }
    }
    let mut edges = Edges(BTreeSet::new());
    walk(template, &mut edges);
    edges.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera(templates: &[(&str, &str)]) -> Tera {
        let mut tera = Tera::default();
        let added = tera.add_raw_templates(templates.to_vec());
        assert!(added.is_ok(), "{added:?}");
        tera
    }

    #[test]
    fn finds_direct_and_indirect_cycles() {
        let direct = tera(&[("page.html", "{% include \"page.html\" %}")]);
        assert_eq!(
            find_include_cycle(&direct),
            Some(vec!["page.html".to_owned(), "page.html".to_owned()])
        );
        let indirect = tera(&[
            (
                "a.html",
                "{% if x %}{% for i in y %}{% include \"b.html\" %}{% endfor %}{% endif %}",
            ),
            (
                "b.html",
                "{% block c %}{% include \"a.html\" %}{% endblock c %}",
            ),
        ]);
        assert_eq!(
            find_include_cycle(&indirect),
            Some(vec!["a.html".into(), "b.html".into(), "a.html".into()])
        );
        let through_parent = tera(&[
            (
                "base.html",
                "{% include \"page.html\" %}{% block b %}{% endblock b %}",
            ),
            (
                "page.html",
                "{% extends \"base.html\" %}{% block b %}x{% endblock b %}",
            ),
        ]);
        assert!(find_include_cycle(&through_parent).is_some());
    }

    #[test]
    fn finds_extends_loops_that_do_not_return_to_their_start() {
        let parents = BTreeMap::from([
            ("index.html", "index.html"),
            ("list.html", "index.html"),
            ("section.html", "list.html"),
            ("page.html", "base.html"),
        ]);
        assert_eq!(
            find_extends_cycle(&parents),
            Some(vec!["index.html".into(), "index.html".into()])
        );
        let through = BTreeMap::from([
            ("a.html", "b.html"),
            ("b.html", "c.html"),
            ("c.html", "b.html"),
        ]);
        assert_eq!(
            find_extends_cycle(&through),
            Some(vec![
                "a.html".into(),
                "b.html".into(),
                "c.html".into(),
                "b.html".into()
            ])
        );
        let fine = BTreeMap::from([("page.html", "base.html"), ("section.html", "base.html")]);
        assert_eq!(find_extends_cycle(&fine), None);
    }

    #[test]
    fn shared_includes_and_recursive_macros_are_fine() {
        let ok = tera(&[
            ("a.html", "{% include \"p.html\" %}{% include \"p.html\" %}"),
            ("b.html", "{% extends \"a.html\" %}{% include \"p.html\" %}"),
            ("p.html", "{% include \"missing.html\" ignore missing %}"),
            (
                "m.html",
                "{% macro tree(n) %}{% for c in n.children %}{{ self::tree(n=c) }}{% endfor %}{% endmacro tree %}",
            ),
        ]);
        assert_eq!(find_include_cycle(&ok), None);
        assert_eq!(find_endless_macro(&ok), None);
    }

    #[test]
    fn finds_a_macro_that_always_calls_itself() {
        let endless = tera(&[(
            "m.html",
            "{% macro ok(n) %}{% if n %}{{ self::ok(n=n-1) }}{% endif %}{% endmacro ok %}{% macro down(n) %}<i>{{ self::down(n=n+1) }}{% endmacro down %}",
        )]);
        assert_eq!(
            find_endless_macro(&endless),
            Some(("m.html".into(), "down".into()))
        );
    }
}
