#!/usr/bin/env bash
# Benchmark (not a test): messages/s parsed and promo-extracted by omniaudit vs Python's `email` package plus the
# same regular-expression extraction, on the same mbox, in one run.
#
#   Benchmarks/mail/run.sh [COPIES]      # default 20: the 243 corpus messages + the promo fixtures, COPIES times
#
# Builds omniaudit in release mode, writes one mbox of the messages in fixtures/emails and fixtures/demo-shop/promo
# repeated COPIES times, then times `omniaudit inspect --as email MBOX` (GMime, charsets, libxml2 HTML, promo
# extraction, JSON written to /dev/null; process start included) and reference.py (parsing and extraction only,
# interpreter start excluded). Each figure is the best of 3 runs; the ratio is omniaudit / Python.
set -euo pipefail
copies="${1:-20}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="/tmp/omniaudit-mail-bench"
mkdir -p "$work"
mbox="$work/bench-$copies.mbox"
python3 - "$root" "$copies" "$mbox" <<'PY'
import pathlib, sys
root, copies, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
files = sorted(root.glob("fixtures/emails/**/*.eml")) + sorted(root.glob("fixtures/demo-shop/promo/*.eml"))
with open(out, "wb") as f:
    for _ in range(copies):
        for path in files:
            data = path.read_bytes().replace(b"\r\n", b"\n")
            lines = [b">" + l if l.startswith(b"From ") else l for l in data.split(b"\n")]
            f.write(b"From bench@example.com Mon Nov 16 08:00:00 2026\n" + b"\n".join(lines).rstrip(b"\n") + b"\n\n")
PY
(cd "$root" && swift build -c release --static-swift-stdlib --product omniaudit 2>&1 | tail -1)
bin="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/omniaudit"

best_swift() {
  local best=""
  for _ in 1 2 3; do
    local start end s
    start=$(date +%s.%N)
    "$bin" inspect --as email "$mbox" > /dev/null
    end=$(date +%s.%N)
    s=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.3f", b - a}')
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best="$s"; fi
  done
  echo "$best"
}
best_python() {
  local best=""
  for _ in 1 2 3; do
    s=$(python3 "$root/Benchmarks/mail/reference.py" "$mbox" | awk '{print $4}')
    if [ -z "$best" ] || awk "BEGIN{exit !($s < $best)}"; then best="$s"; fi
  done
  echo "$best"
}
messages=$("$bin" inspect --as email "$mbox" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["messages"]) + len(d["problems"]))')
swift_s=$(best_swift)
python_s=$(best_python)
echo "== $messages messages ($(du -m "$mbox" | cut -f1) MB mbox)"
awk -v n="$messages" -v s="$swift_s" -v p="$python_s" 'BEGIN{
  printf "omniaudit   %8.0f messages/s  (%.3f s, process start and JSON output included)\n", n / s, s
  printf "python      %8.0f messages/s  (%.3f s, email package + regexes)\n", n / p, p
  printf "ratio       %.2fx python\n", p / s }'
