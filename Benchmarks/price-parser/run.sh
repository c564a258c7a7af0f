#!/usr/bin/env bash
# Benchmark: omniaudit's price parser vs Python's price-parser on the same strings.
#
#   Benchmarks/price-parser/run.sh [LINES]      # default 200000
#
# Makes a venv under /tmp (pip install price-parser), generates LINES JSONL requests by cycling the test price
# table (Tests/NormalizeTests/Data/PriceTable.swift), builds omniaudit in release mode, then prints strings/s for
#   - price-parser in-process (Price.fromstring in a Python loop, no I/O: the reference's best case),
#   - price-parser as a JSONL filter (json.loads → Price.fromstring → json.dumps), like for like,
#   - `omniaudit parse price --jsonl` (whole process: start-up, reading, parsing, writing),
# and the ratios. Best of 3 runs each. Performance is compared in the same run, never against stored figures.
set -euo pipefail
lines="${1:-200000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="/tmp/omniaudit-bench"
venv="/tmp/omniaudit-bench-venv"
mkdir -p "$work"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet price-parser
fi
"$venv/bin/python" "$root/Benchmarks/price-parser/generate.py" "$root/Tests/NormalizeTests/Data/PriceTable.swift" \
  "$lines" > "$work/input.jsonl"

(cd "$root" && swift build -c release --product omniaudit 2>&1 | tail -1)
bin="$(cd "$root" && swift build -c release --show-bin-path)/omniaudit"

best_swift=0
for run in 1 2 3; do
  start=$(date +%s.%N)
  "$bin" parse price --jsonl < "$work/input.jsonl" > "$work/swift.jsonl"
  end=$(date +%s.%N)
  rate=$(python3 -c "print(int($lines / ($end - $start)))")
  [ "$rate" -gt "$best_swift" ] && best_swift=$rate
done
out_lines=$(wc -l < "$work/swift.jsonl")

"$venv/bin/python" "$root/Benchmarks/price-parser/reference.py" "$work/input.jsonl" "$work/python.jsonl" > "$work/python.txt"
py_loop=$(sed -n 's/^loop //p' "$work/python.txt")
py_jsonl=$(sed -n 's/^jsonl //p' "$work/python.txt")

echo "strings: $lines (output lines: $out_lines)"
echo "price-parser $("$venv/bin/pip" show price-parser | sed -n 's/^Version: //p'), in-process loop: $py_loop strings/s"
echo "price-parser as a JSONL filter:           $py_jsonl strings/s"
echo "omniaudit parse price --jsonl (release):  $best_swift strings/s"
python3 -c "print('ratio vs in-process loop: %.1fx   ratio vs JSONL filter: %.1fx' % ($best_swift / $py_loop, $best_swift / $py_jsonl))"
"$venv/bin/python" "$root/Benchmarks/price-parser/agreement.py" "$work/swift.jsonl" "$work/python.jsonl"
