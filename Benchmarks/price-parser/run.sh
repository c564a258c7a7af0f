#!/usr/bin/env bash
# Benchmark: omniaudit's price parser vs Python's price-parser on the same strings.
#
#   Benchmarks/price-parser/run.sh [LINES]      # default 200000
#
# Makes a venv under /tmp (pip install price-parser), generates LINES JSONL requests by cycling the test price
# table (fixtures/prices/price-table.jsonl), builds omniaudit in release mode, then prints strings/s for
#   - price-parser in-process (Price.fromstring in a Python loop, no I/O: the reference's best case),
#   - price-parser as a JSONL filter (json.loads → Price.fromstring → json.dumps), like for like,
#   - `omniaudit parse price --jsonl` (whole process: start-up, reading, parsing, writing),
#   - `PriceParser.parse` in a Swift loop (price-bench: the like-for-like peer of the Python loop),
# and the ratios. Each figure is the best pass over all the strings: best of 3 for the Python runs and the CLI,
# best of at least 10 passes and 5 seconds for price-bench. Performance is compared in the same run, never
# against stored figures.
set -euo pipefail
lines="${1:-200000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="/tmp/omniaudit-bench"
venv="${PEERS_VENV:-/tmp/omniaudit-bench-venv}"  # make bench shares one venv (PEERS_VENV)
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet price-parser
fi
"$venv/bin/python" "$root/Benchmarks/price-parser/generate.py" "$root/fixtures/prices/price-table.jsonl" \
  "$lines" > "$work/input.jsonl"

(cd "$root" && swift build -c release --static-swift-stdlib --product omniaudit 2>&1 | tail -1)
(cd "$root" && swift build -c release --static-swift-stdlib --product price-bench 2>&1 | tail -1)
bin="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/omniaudit"
bench="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/price-bench"

read -r _ swift_wall < <("$venv/bin/python" "$root/Benchmarks/price-parser/time_cmd.py" 3 "$lines" "$work/input.jsonl" \
  "$work/swift.jsonl" "$bin" parse price --jsonl | sed -n 1p)
read -r _ swift_cpu < <("$venv/bin/python" "$root/Benchmarks/price-parser/time_cmd.py" 3 "$lines" "$work/input.jsonl" \
  "$work/swift.jsonl" "$bin" parse price --jsonl | sed -n 2p)
out_lines=$(wc -l < "$work/swift.jsonl")

"$venv/bin/python" "$root/Benchmarks/price-parser/reference.py" "$work/input.jsonl" "$work/python.jsonl" > "$work/python.txt"
read -r _ swift_loop_wall swift_loop_cpu _ < <("$bench" "$work/input.jsonl")
read -r _ py_loop_wall py_loop_cpu < <(grep '^loop' "$work/python.txt")
read -r _ py_jsonl_wall py_jsonl_cpu < <(grep '^jsonl' "$work/python.txt")

echo "strings: $lines (output lines: $out_lines); rates in strings/s, best pass, wall clock / CPU time"
echo "price-parser $("$venv/bin/pip" show price-parser | sed -n 's/^Version: //p'), in-process loop:  $py_loop_wall / $py_loop_cpu"
echo "price-parser as a JSONL filter:            $py_jsonl_wall / $py_jsonl_cpu"
echo "omniaudit parse price --jsonl (release):   $swift_wall / $swift_cpu"
echo "PriceParser.parse in-process loop:         $swift_loop_wall / $swift_loop_cpu"
python3 -c "
print('in-process vs in-process:  %.1fx wall, %.1fx CPU' % ($swift_loop_wall / $py_loop_wall, $swift_loop_cpu / $py_loop_cpu))
print('ratio vs in-process loop: %.1fx wall, %.1fx CPU' % ($swift_wall / $py_loop_wall, $swift_cpu / $py_loop_cpu))
print('ratio vs JSONL filter:    %.1fx wall, %.1fx CPU' % ($swift_wall / $py_jsonl_wall, $swift_cpu / $py_jsonl_cpu))"
"$venv/bin/python" "$root/Benchmarks/price-parser/agreement.py" "$work/swift.jsonl" "$work/python.jsonl"
