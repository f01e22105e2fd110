#!/usr/bin/env bash
# Profile-guided optimisation (PGO) of extraction, as a measurement: how much faster the
# extract bench runs when rustc lays out and inlines the code by a recorded profile of
# which branches and calls are hot. No shipped build reads a profile (README, Benchmarks:
# the gain measured was ~2%, within this host's noise, for a profile that goes stale with
# every change to the extraction code).
#
#   bash benches/pgo.sh profile          # record target/pgo-gen/extract.profdata
#   bash benches/pgo.sh build [ARGS]     # cargo build --release ARGS with the profile
#   bash benches/pgo.sh bench [ARGS]     # cargo bench --bench extract -- ARGS, with it
#
# The profile is recorded by an instrumented build of examples/extract_loop run twice over
# the NGEC training stories (rows i % 5 != 4 of ../shared/dev/ngec; never the dev corpus
# that the bench measures, nor NGEC's held-out rows). `profile` needs llvm-profdata from
# rustup's llvm-tools component. Builds go to target/pgo (and target/pgo-gen while
# recording), apart from the plain ones.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
target="${CARGO_TARGET_DIR:-$root/target}"
profile="$target/pgo-gen/extract.profdata"
# RUSTFLAGS replaces the flags of .cargo/config.toml: its block layout is given again here,
# so that a PGO build differs from the plain one by the profile alone
layout="$(sed -n 's/^rustflags = \["-C", "\(llvm-args=[^"]*\)"\]$/-C\1/p' .cargo/config.toml)"
cmd="${1:-}"
shift || true

record() {
  local host llvm_profdata stories
  host="$(rustc -vV | sed -n 's/^host: //p')"
  llvm_profdata="$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata"
  [ -x "$llvm_profdata" ] || {
    echo "llvm-profdata is missing: rustup component add llvm-tools" >&2
    exit 2
  }
  raw="$(mktemp -d)" # (global: the EXIT trap reads it after this function returns)
  trap 'rm -rf "$raw"' EXIT
  stories="$raw/ngec_train.jsonl"
  python3 - "$stories" <<'PY'
import csv, io, json, sys, zipfile
z = zipfile.ZipFile('../shared/dev/ngec/gpt_synthetic_events_2023-10-19_19.csv.zip')
rows = csv.DictReader(io.TextIOWrapper(z.open(z.namelist()[0]), encoding='utf-8'))
with open(sys.argv[1], 'w') as f:
    for i, r in enumerate(rows):
        if i % 5 != 4:
            f.write(json.dumps({"id": f"ngec-{i}", "url": f"https://example.org/ngec/{i}",
                "title": r['prompt'].split('\n')[0], "body": r['text'],
                "published_at": "2023-10-19T12:00:00Z", "source": r['source'] or "ngec",
                "language": "en"}) + "\n")
PY
  # (a fixed directory in the flags, so that a second recording rebuilds nothing; the
  # build scripts and proc macros built with them write their own profiles there)
  RUSTFLAGS="$layout -Cprofile-generate=$target/pgo-gen/build-profiles" \
    CARGO_TARGET_DIR="$target/pgo-gen" \
    cargo build --release --quiet --example extract_loop
  # only the extraction's profile: LLVM_PROFILE_FILE overrides the directory built in
  LLVM_PROFILE_FILE="$raw/run/%p.profraw" \
    "$target/pgo-gen/release/examples/extract_loop" "$stories" 2 >/dev/null
  # (sparse: functions never run are left out, which keeps the file small)
  "$llvm_profdata" merge --sparse -o "$profile" "$raw/run"
  echo "recorded $profile ($(wc -c <"$profile") bytes)"
}

with_profile() {
  [ -f "$profile" ] || { echo "no profile: bash benches/pgo.sh profile" >&2; exit 2; }
  RUSTFLAGS="$layout -Cprofile-use=$profile" CARGO_TARGET_DIR="$target/pgo" "$@"
}

case "$cmd" in
  profile) record ;;
  build) with_profile cargo build --release "$@" ;;
  bench) with_profile cargo bench --bench extract -- "$@" ;;
  *)
    echo "usage: bash benches/pgo.sh profile | build [CARGO ARGS] | bench [CRITERION ARGS]" >&2
    exit 2
    ;;
esac
