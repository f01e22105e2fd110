//! The `newsevents` binary: parse args, load config, init tracing, run a subcommand.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// mimalloc (see [`newsevents::alloc`]).
#[global_allocator]
static GLOBAL: newsevents::alloc::Allocator = newsevents::alloc::Allocator;

#[derive(Debug, Parser)]
#[command(
    name = "newsevents",
    version,
    about = "News articles in, structured deduplicated events out"
)]
struct Cli {
    /// Config file (TOML) layered over the built-in defaults; environment variables
    /// `NEWSEVENTS__SECTION__KEY` override both.
    #[arg(long, global = true, env = "NEWSEVENTS_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the streaming worker (the default): articles from NATS in, events out.
    Run,
    /// Print the effective configuration as TOML (secrets redacted) and exit.
    Config,
    /// Offline extraction: articles from files or stdin -> events as JSON Lines on stdout.
    Extract(newsevents::cli::extract::ExtractArgs),
    /// Publish articles (JSON, JSON Lines or text files, or stdin) to NATS.
    Publish(newsevents::cli::publish::PublishArgs),
    /// Follow the event stream, one readable line (or JSON line) per event.
    Tail(newsevents::cli::tail::TailArgs),
    /// Benchmark the worker end to end against the raw JetStream pipe.
    Bench(newsevents::cli::bench::BenchArgs),
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        None | Some(Command::Run) => run(cli.config),
        Some(Command::Config) => print_config(cli.config),
        Some(Command::Extract(args)) => newsevents::cli::extract::run(&args),
        Some(Command::Publish(args)) => newsevents::cli::publish::run(&args, cli.config.as_deref()),
        Some(Command::Tail(args)) => newsevents::cli::tail::run(&args, cli.config.as_deref()),
        Some(Command::Bench(args)) => newsevents::cli::bench::run(&args, cli.config.as_deref()),
    };
    std::process::exit(code);
}

fn load(path: Option<PathBuf>) -> Result<newsevents::config::Config, i32> {
    newsevents::config::Config::load(path.as_deref()).map_err(|e| {
        eprintln!("newsevents: {e}");
        2
    })
}

fn print_config(path: Option<PathBuf>) -> i32 {
    let cfg = match load(path) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match cfg.to_toml() {
        Ok(s) => {
            print!("{s}");
            0
        }
        Err(e) => {
            eprintln!("newsevents: {e}");
            1
        }
    }
}

fn run(path: Option<PathBuf>) -> i32 {
    let cfg = match load(path) {
        Ok(c) => c,
        Err(code) => return code,
    };
    newsevents::app::init_tracing(&cfg.log);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("newsevents: cannot start the async runtime: {e}");
            return 1;
        }
    };
    runtime.block_on(async {
        let shutdown = tokio_util::sync::CancellationToken::new();
        newsevents::shutdown::cancel_on_signal(shutdown.clone());
        match newsevents::app::run(cfg, shutdown).await {
            Ok(()) => 0,
            Err(e) => {
                tracing::error!(error = format!("{e:#}"), "worker failed");
                1
            }
        }
    })
}
