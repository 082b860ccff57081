//! The integration tests: one binary, a module per feature. Each test builds a real
//! site in a temporary folder and asserts on the files it produced.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod build_cli;
mod config;
mod content;
mod markdown;
mod outputs;
mod scaffold;
mod search;
mod serve;
mod templates;
mod zola_compat;
