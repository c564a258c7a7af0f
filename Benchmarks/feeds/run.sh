#!/usr/bin/env bash
# Benchmark: omniaudit's streaming feed readers vs Python's iterparse and csv, on the same generated files.
#
#   Benchmarks/feeds/run.sh [ITEMS]      # default 1000000
#
# Generates ITEMS Merchant items as RSS XML, as CSV and as an app's JSON feed (generate.py), builds feed-bench in
# release mode, then for
# each format prints items/s and peak RSS of
#   - omniaudit (feed-bench: FeedInput → MerchantXMLReader/DelimitedReader → RecordInterpreter → Observation,
#     every observation counted and dropped),
#   - Python xml.etree.ElementTree.iterparse / csv.DictReader / json.load reading the same fields and prices
#     (reference.py; json.load holds the whole document, omniaudit streams it one item at a time),
#   - the same Python loops without reading prices ("bare", the references' best case),
# and the ratios, by wall clock and per CPU second (omniaudit interprets on every core; Python uses one). For CSV it
# also prints the floor: the same observations made and dropped with nothing read, the most any reader could reach.
# Each figure is the best of 3 runs, all in this run; never compared with stored figures.
set -euo pipefail
items="${1:-1000000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="/tmp/omniaudit-feed-bench"
mkdir -p "$work"
if [ ! -s "$work/$items/feed.json" ]; then python3 "$root/Benchmarks/feeds/generate.py" "$items" "$work/$items"; fi
(cd "$root" && swift build -c release --static-swift-stdlib --product feed-bench 2>&1 | tail -1)
bench="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/feed-bench"

best() {  # best (lowest seconds) of 3 runs of a command; prints its line
  local best_line="" best_s=""
  for _ in 1 2 3; do
    line="$("$@")"
    s="$(echo "$line" | awk '{print $8}')"
    if [ -z "$best_s" ] || awk "BEGIN{exit !($s < $best_s)}"; then best_s="$s"; best_line="$line"; fi
  done
  echo "$best_line"
}
rate() { echo "$1" | awk '{printf "%.0f", $2 / $8}'; }
rss() { echo "$1" | awk '{printf "%.0f", $10 / 1024}'; }
cpurate() { echo "$1" | awk '{printf "%.0f", $2 / $12}'; }  # items per CPU second (all threads): the cost, whatever the cores

ls -la "$work/$items"
for kind in xml csv json; do
  file="$work/$items/feed.$kind"
  swift_line="$(best "$bench" "$file")"
  py_line="$(best python3 "$root/Benchmarks/feeds/reference.py" "$kind" "$file")"
  bare_line="$(best python3 "$root/Benchmarks/feeds/reference.py" "$kind" "$file" bare)"
  echo "== $kind ($items items, $(du -m "$file" | cut -f1) MB)"
  echo "omniaudit        $(rate "$swift_line") items/s, $(cpurate "$swift_line") items/CPU-s, peak $(rss "$swift_line") MB   [$swift_line]"
  echo "python           $(rate "$py_line") items/s, $(cpurate "$py_line") items/CPU-s, peak $(rss "$py_line") MB   [$py_line]"
  echo "python (bare)    $(rate "$bare_line") items/s, $(cpurate "$bare_line") items/CPU-s, peak $(rss "$bare_line") MB   [$bare_line]"
  awk -v s="$(rate "$swift_line")" -v p="$(rate "$py_line")" -v b="$(rate "$bare_line")" \
    'BEGIN{printf "ratio            %.1fx python, %.1fx python bare (items/s, wall clock)\n", s / p, s / b}'
  awk -v s="$(cpurate "$swift_line")" -v p="$(cpurate "$py_line")" \
    'BEGIN{printf "ratio per CPU    %.1fx python (items per CPU second)\n", s / p}'
  if [ "$kind" = csv ]; then
    # The observations of these items made and dropped with nothing read (FeedBench/Floor.swift): no reader giving
    # them can be faster, so this is the most any ratio above could be.
    floor_line="$(FEED_BENCH_FLOOR="$items" best "$bench")"
    echo "floor            $(rate "$floor_line") items/s: the observations alone, nothing read   [$floor_line]"
    awk -v f="$(rate "$floor_line")" -v p="$(rate "$py_line")" 'BEGIN{printf "ceiling          %.1fx python (the floor against python)\n", f / p}'
  fi
done
