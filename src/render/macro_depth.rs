//! Bounds macro recursion. Tera follows a macro that keeps calling itself, or two that
//! call each other, until the stack overflows and the process aborts (a build dies, the
//! preview dies with it). Whether a recursion stops depends on the data (a menu tree
//! stops at its leaves; `self::down(n=n+1)` under `{% if n > 0 %}` never does), so it
//! cannot be decided before rendering. Instead every parsed template is rewritten once,
//! at load: each macro gets a hidden argument [`DEPTH_ARG`], each macro call passes the
//! caller's depth plus one (top-level code passes 1), and a macro entered more than
//! [`MAX_MACRO_DEPTH`] calls deep throws an error naming the macros that call each
//! other, found from the call graph. The threads that render have room for that depth
//! ([`super::RENDER_STACK_BYTES`]), so the error always comes before the stack ends.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tera::Template;
use tera::ast::{
    Expr, ExprVal, FunctionCall, If, LogicExpr, LogicOperator, MacroCall, MathExpr, MathOperator,
    Node, WS,
};

/// How deep macros may call macros. Real trees (menus, the organization tree from the
/// national association down to a township) are a handful of levels deep.
pub const MAX_MACRO_DEPTH: i64 = 100;

/// The hidden argument that carries the depth; no template can spell it by accident.
pub const DEPTH_ARG: &str = "__menhu_macro_depth";

/// Starts the message of the error thrown at the limit, so that it can be told apart
/// from other template errors.
pub const TOO_DEEP: &str = "template recursion: ";

/// What follows the place in that message when the macros that loop are known.
pub const CYCLE: &str = "; these macros call each other without end: ";

/// A macro: the template defining it and its name.
type MacroId = (String, String);

/// Rewrites every template of `templates` (parsed, before Tera builds its inheritance
/// chains) so that macro recursion stops at [`MAX_MACRO_DEPTH`] with an error.
pub fn bound_macro_depth(templates: &mut HashMap<String, Template>) {
    let graph = call_graph(templates);
    for template in templates.values_mut() {
        let name = template.name.clone();
        let top_level = depth_from_caller(false);
        rewrite_nodes(&mut template.ast, &top_level);
        for block in template.blocks.values_mut() {
            rewrite_nodes(&mut block.body, &top_level);
        }
        for (macro_name, definition) in &mut template.macros {
            let id = (name.clone(), macro_name.clone());
            rewrite_nodes(&mut definition.body, &depth_from_caller(true));
            definition
                .body
                .insert(0, guard(&too_deep_message(&id, &graph)));
            definition
                .args
                .insert(DEPTH_ARG.to_owned(), Some(Expr::new(ExprVal::Int(1))));
        }
    }
}

/// The macros each macro calls, by namespace resolved to the template defining them.
fn call_graph(templates: &HashMap<String, Template>) -> BTreeMap<MacroId, BTreeSet<MacroId>> {
    let mut graph = BTreeMap::new();
    for template in templates.values() {
        for (name, definition) in &template.macros {
            let mut calls = Vec::new();
            collect_calls(&definition.body, &mut calls);
            let targets = calls
                .into_iter()
                .filter_map(|call| {
                    let file = if call.namespace == "self" {
                        Some(template.name.clone())
                    } else {
                        template
                            .imported_macro_files
                            .iter()
                            .find(|(_, namespace)| *namespace == call.namespace)
                            .map(|(file, _)| file.clone())
                    };
                    file.map(|f| (f, call.name.clone()))
                })
                .collect();
            graph.insert((template.name.clone(), name.clone()), targets);
        }
    }
    graph
}

/// `macros.html::tree → macros.html::tree`: the shortest chain of calls from `start`
/// back to itself, when there is one.
fn cycle_through(
    start: &MacroId,
    graph: &BTreeMap<MacroId, BTreeSet<MacroId>>,
) -> Option<Vec<MacroId>> {
    let mut came_from: BTreeMap<&MacroId, &MacroId> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(at) = queue.pop_front() {
        for next in graph.get(at).into_iter().flatten() {
            if next == start {
                let mut chain = vec![at.clone()];
                let mut step = at;
                while let Some(previous) = came_from.get(step) {
                    chain.push((*previous).clone());
                    step = previous;
                }
                chain.reverse();
                if chain.first() != Some(start) {
                    chain.insert(0, start.clone());
                }
                chain.push(start.clone());
                return Some(chain);
            }
            if next != start && !came_from.contains_key(next) && graph.contains_key(next) {
                came_from.insert(next, at);
                queue.push_back(next);
            }
        }
    }
    None
}

fn too_deep_message(id: &MacroId, graph: &BTreeMap<MacroId, BTreeSet<MacroId>>) -> String {
    let (file, name) = id;
    let place = format!("macro `{name}` in '{file}' was entered {MAX_MACRO_DEPTH} calls deep");
    match cycle_through(id, graph) {
        Some(chain) => {
            let chain: Vec<String> = chain.iter().map(|(f, m)| format!("{f}::{m}")).collect();
            format!("{TOO_DEEP}{place}{CYCLE}{}", chain.join(" → "))
        }
        None => format!("{TOO_DEEP}{place}"),
    }
}

/// `{% if DEPTH_ARG > MAX_MACRO_DEPTH %}{{ throw(message=…) }}{% endif %}`.
fn guard(message: &str) -> Node {
    let too_deep = Expr::new(ExprVal::Logic(LogicExpr {
        lhs: Box::new(Expr::new(ExprVal::Ident(DEPTH_ARG.to_owned()))),
        rhs: Box::new(Expr::new(ExprVal::Int(MAX_MACRO_DEPTH))),
        operator: LogicOperator::Gt,
    }));
    let throw = Expr::new(ExprVal::FunctionCall(FunctionCall {
        name: "throw".to_owned(),
        args: HashMap::from([(
            "message".to_owned(),
            Expr::new(ExprVal::String(message.to_owned())),
        )]),
    }));
    Node::If(
        If {
            conditions: vec![(
                WS::default(),
                too_deep,
                vec![Node::VariableBlock(WS::default(), throw)],
            )],
            otherwise: None,
        },
        WS::default(),
    )
}

/// The depth a call passes on: the macro's own plus one inside a macro; elsewhere the
/// same, or 0 plus one when the code is not running inside a macro (an included
/// template sees the depth of the macro that included it).
fn depth_from_caller(in_macro: bool) -> Expr {
    let mut own = Expr::new(ExprVal::Ident(DEPTH_ARG.to_owned()));
    if !in_macro {
        own.filters.push(FunctionCall {
            name: "default".to_owned(),
            args: HashMap::from([("value".to_owned(), Expr::new(ExprVal::Int(0)))]),
        });
    }
    Expr::new(ExprVal::Math(MathExpr {
        lhs: Box::new(own),
        rhs: Box::new(Expr::new(ExprVal::Int(1))),
        operator: MathOperator::Add,
    }))
}

fn rewrite_nodes(nodes: &mut [Node], depth: &Expr) {
    for node in nodes {
        match node {
            Node::VariableBlock(_, expr) => rewrite_expr(expr, depth),
            Node::Set(_, set) => rewrite_expr(&mut set.value, depth),
            Node::FilterSection(_, section, _) => {
                rewrite_call_args(&mut section.filter, depth);
                rewrite_nodes(&mut section.body, depth);
            }
            Node::Block(_, block, _) => rewrite_nodes(&mut block.body, depth),
            Node::Forloop(_, forloop, _) => {
                rewrite_expr(&mut forloop.container, depth);
                rewrite_nodes(&mut forloop.body, depth);
                if let Some(empty) = &mut forloop.empty_body {
                    rewrite_nodes(empty, depth);
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &mut branches.conditions {
                    rewrite_expr(condition, depth);
                    rewrite_nodes(body, depth);
                }
                if let Some((_, body)) = &mut branches.otherwise {
                    rewrite_nodes(body, depth);
                }
            }
            // Macro definitions left in the tree are not what renders (`macros` is).
            _ => {}
        }
    }
}

fn rewrite_expr(expr: &mut Expr, depth: &Expr) {
    rewrite_val(&mut expr.val, depth);
    for filter in &mut expr.filters {
        rewrite_call_args(filter, depth);
    }
}

fn rewrite_call_args(call: &mut FunctionCall, depth: &Expr) {
    for arg in call.args.values_mut() {
        rewrite_expr(arg, depth);
    }
}

fn rewrite_val(val: &mut ExprVal, depth: &Expr) {
    match val {
        ExprVal::MacroCall(call) => {
            for arg in call.args.values_mut() {
                rewrite_expr(arg, depth);
            }
            call.args.insert(DEPTH_ARG.to_owned(), depth.clone());
        }
        ExprVal::FunctionCall(call) => rewrite_call_args(call, depth),
        ExprVal::Math(MathExpr { lhs, rhs, .. }) | ExprVal::Logic(LogicExpr { lhs, rhs, .. }) => {
            rewrite_expr(lhs, depth);
            rewrite_expr(rhs, depth);
        }
        ExprVal::In(test) => {
            rewrite_expr(&mut test.lhs, depth);
            rewrite_expr(&mut test.rhs, depth);
        }
        ExprVal::Test(test) => test.args.iter_mut().for_each(|a| rewrite_expr(a, depth)),
        ExprVal::Array(items) => items.iter_mut().for_each(|i| rewrite_expr(i, depth)),
        ExprVal::StringConcat(concat) => {
            concat.values.iter_mut().for_each(|v| rewrite_val(v, depth));
        }
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => {}
    }
}

/// Every macro call in `nodes`, wherever it is written.
fn collect_calls<'a>(nodes: &'a [Node], out: &mut Vec<&'a MacroCall>) {
    for node in nodes {
        match node {
            Node::VariableBlock(_, expr) => collect_in_expr(expr, out),
            Node::Set(_, set) => collect_in_expr(&set.value, out),
            Node::FilterSection(_, section, _) => {
                section
                    .filter
                    .args
                    .values()
                    .for_each(|a| collect_in_expr(a, out));
                collect_calls(&section.body, out);
            }
            Node::Block(_, block, _) => collect_calls(&block.body, out),
            Node::Forloop(_, forloop, _) => {
                collect_in_expr(&forloop.container, out);
                collect_calls(&forloop.body, out);
                if let Some(empty) = &forloop.empty_body {
                    collect_calls(empty, out);
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    collect_in_expr(condition, out);
                    collect_calls(body, out);
                }
                if let Some((_, body)) = &branches.otherwise {
                    collect_calls(body, out);
                }
            }
            _ => {}
        }
    }
}

fn collect_in_expr<'a>(expr: &'a Expr, out: &mut Vec<&'a MacroCall>) {
    collect_in_val(&expr.val, out);
    for filter in &expr.filters {
        filter.args.values().for_each(|a| collect_in_expr(a, out));
    }
}

fn collect_in_val<'a>(val: &'a ExprVal, out: &mut Vec<&'a MacroCall>) {
    match val {
        ExprVal::MacroCall(call) => {
            out.push(call);
            call.args.values().for_each(|a| collect_in_expr(a, out));
        }
        ExprVal::FunctionCall(call) => call.args.values().for_each(|a| collect_in_expr(a, out)),
        ExprVal::Math(MathExpr { lhs, rhs, .. }) | ExprVal::Logic(LogicExpr { lhs, rhs, .. }) => {
            collect_in_expr(lhs, out);
            collect_in_expr(rhs, out);
        }
        ExprVal::In(test) => {
            collect_in_expr(&test.lhs, out);
            collect_in_expr(&test.rhs, out);
        }
        ExprVal::Test(test) => test.args.iter().for_each(|a| collect_in_expr(a, out)),
        ExprVal::Array(items) => items.iter().for_each(|i| collect_in_expr(i, out)),
        ExprVal::StringConcat(concat) => concat.values.iter().for_each(|v| collect_in_val(v, out)),
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tera(templates: &[(&str, &str)]) -> tera::Tera {
        let mut tera = tera::Tera::default();
        for (name, text) in templates {
            let parsed = Template::new(name, None, text);
            assert!(parsed.is_ok(), "{parsed:?}");
            if let Ok(parsed) = parsed {
                tera.templates.insert((*name).to_owned(), parsed);
            }
        }
        bound_macro_depth(&mut tera.templates);
        assert!(tera.build_inheritance_chains().is_ok());
        tera
    }

    /// Renders `name` on a thread with the stack the renderers get.
    fn render(tera: &tera::Tera, name: &str) -> Result<String, String> {
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .stack_size(crate::render::RENDER_STACK_BYTES)
                .spawn_scoped(scope, || render_here(tera, name))
                .map_err(|e| e.to_string())?
                .join()
                .map_err(|_| "panicked".to_owned())?
        })
    }

    fn render_here(tera: &tera::Tera, name: &str) -> Result<String, String> {
        let mut context = tera::Context::new();
        context.insert("n", &5);
        tera.render(name, &context).map_err(|e| {
            let mut chain = vec![e.to_string()];
            let mut source = std::error::Error::source(&e);
            while let Some(inner) = source {
                chain.push(inner.to_string());
                source = inner.source();
            }
            chain.join(": ")
        })
    }

    #[test]
    fn recursion_that_stops_renders_as_before() {
        let tera = tera(&[
            (
                "m.html",
                "{% macro down(n) %}{{ n }}{% if n > 0 %}{{ self::down(n=n - 1) }}{% endif %}{% endmacro down %}",
            ),
            (
                "p.html",
                "{% import \"m.html\" as m %}[{{ m::down(n=n) }}]{% set x = m::down(n=1) %}{{ x }}",
            ),
        ]);
        assert_eq!(render(&tera, "p.html").as_deref(), Ok("[543210]10"));
    }

    #[test]
    fn endless_recursion_is_an_error_naming_the_chain() {
        let tera = tera(&[
            (
                "m.html",
                "{% macro up(n) %}{% if n > 0 %}{{ self::up(n=n + 1) }}{% endif %}{% endmacro up %}\
                 {% macro ping(n) %}{{ self::pong(n=n) }}{% endmacro ping %}\
                 {% macro pong(n) %}{% for i in [1] %}{{ self::ping(n=n) | upper }}{% endfor %}{% endmacro pong %}",
            ),
            ("up.html", "{% import \"m.html\" as m %}{{ m::up(n=n) }}"),
            (
                "ping.html",
                "{% import \"m.html\" as m %}{% block b %}{{ m::ping(n=n) }}{% endblock b %}",
            ),
        ]);
        let up = render(&tera, "up.html").unwrap_err();
        assert!(up.contains(TOO_DEEP), "{up}");
        assert!(up.contains("m.html::up → m.html::up"), "{up}");
        let ping = render(&tera, "ping.html").unwrap_err();
        assert!(
            ping.contains("m.html::ping → m.html::pong → m.html::ping"),
            "{ping}"
        );
    }
}
