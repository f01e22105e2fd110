//! `newsevents extract`: the offline path. Reads articles from files or stdin, runs
//! extraction and in-memory dedup, writes the final events as JSON Lines.

use std::path::PathBuf;

/// Arguments of `newsevents extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Input files: a JSON article, JSON Lines of articles, or plain text; `-` is stdin.
    #[arg(default_value = "-")]
    pub files: Vec<PathBuf>,
}

/// Runs the command; returns the process exit code (0 ok, 2 unreadable input).
pub fn run(args: &ExtractArgs) -> i32 {
    let _ = args;
    eprintln!("newsevents extract: not wired yet (helper `engine` owns this)");
    2
}
