//! Command-line front ends: each subcommand of the `newsevents` binary has a module here.

pub mod bench;
pub mod extract;
pub mod publish;
pub mod tail;
