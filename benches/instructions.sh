#!/usr/bin/env bash
# Extraction cost in instructions per article and per body byte: a figure that does not
# move with the machine's speed or load (the criterion bench's MB/s does: the same
# binary read 17.4 MiB/s on one day and 6.3 MiB/s on the next on this kind of shared
# machine). Counts with valgrind's callgrind the whole process of examples/extract_loop
# at 1 and at 11 passes over the corpus; the difference over 10 passes is the steady
# state, without the gazetteer load and the first pass's lazy set-up.
#
#   bash benches/instructions.sh [CORPUS.jsonl]    # default: ../shared/dev/corpus
#
# Needs valgrind (Debian package `valgrind`). Takes about a minute after the build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
corpus="${1:-../shared/dev/corpus/articles.jsonl}"
command -v valgrind >/dev/null || { echo "valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
cargo build --release --quiet --example extract_loop
bin="${CARGO_TARGET_DIR:-target}/release/examples/extract_loop"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
count() {
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$1" "$bin" "$corpus" "$1" \
    >"$out/stdout.$1" 2>"$out/stderr.$1"
  grep -o 'refs: *[0-9,]*' "$out/stderr.$1" | tr -dc 0-9
}
one="$(count 1)"
eleven="$(count 11)"
read -r articles _ bytes _ < <(head -n1 "$out/stdout.1")
per_article=$(( (eleven - one) / 10 / articles ))
echo "corpus: $corpus ($articles articles, $bytes body bytes)"
echo "instructions per article: $per_article"
echo "instructions per body byte: $(( (eleven - one) / 10 / bytes ))"
echo "whole process, 1 pass: $one (gazetteer load and first-pass set-up included)"
