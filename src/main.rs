//! The `menhu` command: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    menhu::cli::run(menhu::cli::Cli::parse())
}
