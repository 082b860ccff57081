//! What templates say, read from the syntax tree Tera parsed (never from their text):
//! the templates each one pulls in, the names its tags use, the names it binds. The
//! theme decides from these which fields listed pages carry and whether they carry
//! their content; [`super::include_cycle`] walks the same tree for loops.

use std::collections::BTreeSet;

use tera::Template;
use tera::ast::{Expr, ExprVal, FunctionCall, MacroDefinition, Node};

/// What a walk of a template meets, each with the text Tera keeps for it.
pub(super) trait Visitor {
    /// A variable path as written (`p.extra.author`, `p["title"]`).
    fn ident(&mut self, _path: &str) {}
    /// A string literal's value.
    fn string(&mut self, _value: &str) {}
    /// A string literal given as argument `argument` of the function or filter
    /// `function` (`trans(key="toc")`): by default, as any other string.
    fn argument_string(&mut self, _function: &str, _argument: &str, value: &str) {
        self.string(value);
    }
    /// The name of a function, filter, test, macro, argument or block.
    fn name(&mut self, _name: &str) {}
    /// A name bound by `for`, `set`, `set_global` or a macro's parameters.
    fn binds(&mut self, _name: &str) {}
    /// A template pulled in by `extends`, `include` or `import`.
    fn template(&mut self, _name: &str, _how: Pull) {}
}

/// How a template pulls another in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pull {
    /// `{% extends %}`: the other renders around this one.
    Extends,
    /// `{% include %}`: the other renders here.
    Include,
    /// `{% import %}`: only the other's macros are used.
    Import,
}

/// Walks every node of `template`: its body, its blocks and its macros.
pub(super) fn walk(template: &Template, visitor: &mut impl Visitor) {
    if let Some(parent) = &template.parent {
        visitor.template(parent, Pull::Extends);
    }
    for (file, namespace) in &template.imported_macro_files {
        visitor.template(file, Pull::Import);
        visitor.name(namespace);
    }
    nodes(&template.ast, visitor);
    for definition in template.macros.values() {
        macro_definition(definition, visitor);
    }
}

fn macro_definition(definition: &MacroDefinition, visitor: &mut impl Visitor) {
    visitor.name(&definition.name);
    for (arg, default) in &definition.args {
        visitor.binds(arg);
        if let Some(default) = default {
            expr(default, visitor);
        }
    }
    nodes(&definition.body, visitor);
}

/// The templates `template` extends, includes or imports.
pub(super) fn references(template: &Template) -> BTreeSet<String> {
    struct References(BTreeSet<String>);
    impl Visitor for References {
        fn template(&mut self, name: &str, _how: Pull) {
            self.0.insert(name.to_owned());
        }
    }
    let mut found = References(BTreeSet::new());
    walk(template, &mut found);
    found.0
}

fn nodes(list: &[Node], visitor: &mut impl Visitor) {
    for node in list {
        match node {
            Node::VariableBlock(_, e) => expr(e, visitor),
            Node::MacroDefinition(_, definition, _) => macro_definition(definition, visitor),
            Node::Extends(_, name) => visitor.template(name, Pull::Extends),
            Node::Include(_, names, _) => {
                names
                    .iter()
                    .for_each(|n| visitor.template(n, Pull::Include));
            }
            Node::ImportMacro(_, file, namespace) => {
                visitor.template(file, Pull::Import);
                visitor.name(namespace);
            }
            Node::Set(_, set) => {
                visitor.binds(&set.key);
                expr(&set.value, visitor);
            }
            Node::FilterSection(_, section, _) => {
                call(&section.filter, visitor);
                nodes(&section.body, visitor);
            }
            Node::Block(_, block, _) => {
                visitor.name(&block.name);
                nodes(&block.body, visitor);
            }
            Node::Forloop(_, forloop, _) => {
                if let Some(key) = &forloop.key {
                    visitor.binds(key);
                }
                visitor.binds(&forloop.value);
                expr(&forloop.container, visitor);
                nodes(&forloop.body, visitor);
                if let Some(empty) = &forloop.empty_body {
                    nodes(empty, visitor);
                }
            }
            Node::If(branches, _) => {
                for (_, condition, body) in &branches.conditions {
                    expr(condition, visitor);
                    nodes(body, visitor);
                }
                if let Some((_, body)) = &branches.otherwise {
                    nodes(body, visitor);
                }
            }
            Node::Super
            | Node::Text(_)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
    }
}

fn expr(e: &Expr, visitor: &mut impl Visitor) {
    value(&e.val, visitor);
    for filter in &e.filters {
        call(filter, visitor);
    }
}

fn call(function: &FunctionCall, visitor: &mut impl Visitor) {
    visitor.name(&function.name);
    for (arg, e) in &function.args {
        visitor.name(arg);
        match &e.val {
            ExprVal::String(s) => {
                visitor.argument_string(&function.name, arg, s);
                e.filters.iter().for_each(|filter| call(filter, visitor));
            }
            _ => expr(e, visitor),
        }
    }
}

fn value(val: &ExprVal, visitor: &mut impl Visitor) {
    match val {
        ExprVal::String(s) => visitor.string(s),
        ExprVal::Int(_) | ExprVal::Float(_) | ExprVal::Bool(_) => {}
        ExprVal::Ident(path) => visitor.ident(path),
        ExprVal::Math(m) => {
            expr(&m.lhs, visitor);
            expr(&m.rhs, visitor);
        }
        ExprVal::Logic(l) => {
            expr(&l.lhs, visitor);
            expr(&l.rhs, visitor);
        }
        ExprVal::Test(test) => {
            visitor.ident(&test.ident);
            visitor.name(&test.name);
            test.args.iter().for_each(|a| expr(a, visitor));
        }
        ExprVal::MacroCall(macro_call) => {
            visitor.name(&macro_call.namespace);
            visitor.name(&macro_call.name);
            for (arg, e) in &macro_call.args {
                visitor.name(arg);
                expr(e, visitor);
            }
        }
        ExprVal::FunctionCall(function) => call(function, visitor),
        ExprVal::Array(items) => items.iter().for_each(|i| expr(i, visitor)),
        ExprVal::StringConcat(concat) => concat.values.iter().for_each(|v| value(v, visitor)),
        ExprVal::In(within) => {
            expr(&within.lhs, visitor);
            expr(&within.rhs, visitor);
        }
    }
}
