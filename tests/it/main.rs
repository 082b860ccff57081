//! The integration tests: one binary, a module per feature. Each test builds a real
//! site in a temporary folder and asserts on the files it produced.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod accessibility;
mod bad_input;
mod build_cache;
mod build_cli;
mod check;
mod check_complete;
mod check_editor;
mod check_external;
mod check_external_private;
mod check_network;
mod ci_recipe;
mod config;
mod content;
mod deploy;
mod diagnostics;
mod dist;
mod fuzz_regressions;
mod hostile_files;
mod image;
mod images;
mod layers;
mod markdown;
mod network;
mod network_demo;
mod no_data_lost;
mod one_owner;
mod output_safety;
mod outputs;
mod photos;
mod portal;
mod portal_directory;
mod publishing;
mod scaffold;
mod search;
mod serve;
mod serve_attack;
mod serve_browser;
mod serve_edit;
mod serve_edit_browser;
mod serve_http;
mod serve_incremental;
mod serve_network;
mod serve_trust;
mod template_data;
mod template_safety;
mod templates;
mod terminal_escapes;
mod traditional;
mod url_schemes;
mod zola_compat;
mod zola_sites;
