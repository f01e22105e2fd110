//! The `newsevents` binary: parse args, load config, init tracing, run a subcommand.

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "newsevents",
    version,
    about = "News articles in, structured deduplicated events out"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Offline extraction: articles from files or stdin -> events as JSON Lines on stdout.
    Extract(newsevents::cli::extract::ExtractArgs),
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Some(Command::Extract(args)) => newsevents::cli::extract::run(&args),
        None => {
            eprintln!("newsevents: the worker (`run`) is not wired yet");
            2
        }
    };
    std::process::exit(code);
}
