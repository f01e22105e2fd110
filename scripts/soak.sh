#!/usr/bin/env bash
# Long reliability soak: the kill -9 test at 20,000 articles and 20 kills (CI runs 1,000
# and 10), then the fault tests, against the real binary and real nats-server processes.
#
#   scripts/soak.sh                      # 20,000 articles, 20 kills
#   ARTICLES=50000 KILLS=40 scripts/soak.sh
#   SEED=123 scripts/soak.sh             # replay one kill schedule
#
# Needs nats-server 2.11+ on PATH (or NATS_SERVER_BIN). Prints the figures (articles,
# kills, doubled, gaps, dead-lettered, peak RSS, time) on stderr; exits non-zero on any
# loss or duplicate. Expect roughly an hour in a debug build on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

export NEWSEVENTS_SOAK_ARTICLES="${ARTICLES:-20000}"
export NEWSEVENTS_SOAK_KILLS="${KILLS:-20}"
if [[ -n "${SEED:-}" ]]; then export NEWSEVENTS_SOAK_SEED="$SEED"; fi

cargo test --test reliability_kill -- --nocapture
cargo test --test reliability_faults -- --nocapture --test-threads 1
