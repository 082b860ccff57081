//! The integration tests: one binary, a module per feature. Each test builds a real
//! site in a temporary folder and asserts on the files it produced.

mod support;

mod build_cli;
mod search;
