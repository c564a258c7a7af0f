#!/usr/bin/env bash
# Scale benchmark: memory of a whole audit of PAGES crawled product pages (nginx on loopback, one SSI template)
# plus an ITEMS-item Merchant feed, on one machine and split into SHARDS shards + merge; peak RSS per stage
# (OMNIAUDIT_STAGE_RSS=1 progress lines) and per process (/usr/bin/time). Not a test: figures only.
#
# usage: Benchmarks/scale/run.sh [PAGES=100000] [ITEMS=1000000] [SHARDS=4]
set -euo pipefail
PAGES=${1:-100000}; ITEMS=${2:-1000000}; SHARDS=${3:-4}
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d /tmp/omniaudit-scale.XXXXXX)
chmod 755 "$WORK"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
NGINX_PID=""
cleanup() { [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== generating $PAGES pages (one SSI template) and a $ITEMS-item Merchant feed in $WORK"
python3 "$HERE/generate.py" "$WORK/site" "$BASE" "$PAGES" "$ITEMS"
# shellcheck source=../lib/nginx.sh
. "$HERE/../lib/nginx.sh"
start_nginx "$BASE/sitemap.xml" "" 'location ~ ^/p/([0-9]+)\.html$ { set $n $1; ssi on; try_files /template.html =404; }'
curl -s "$BASE/p/0000042.html" | grep -o '"sku":"[^"]*"' | head -1

(cd "$ROOT" && swift build -c release --static-swift-stdlib --product omniaudit >/dev/null)
OMNIAUDIT=${OMNIAUDIT:-"$ROOT/.build/release/omniaudit"}
cat > "$WORK/omniaudit.yml" <<YAML
version: 1
shop: { name: Scale, currency: EUR, locale: it-IT, timezone: UTC }
match: [sku]
channels:
  web:
    kind: web
    catalog: partial            # the feed lists more products than the pages crawled
    sitemaps: [$BASE/sitemap.xml]
    cache: false
    max-pages: $PAGES
    fetch: { concurrency: 16, per-host: 16 }
  merchant:
    kind: feed
    source: $WORK/site/feed.xml
gate: { fail-on: never, min-coverage: 0 }
report: { out: $WORK/reports, formats: [json] }
YAML

run() {  # $1 = label, rest = command; prints stage memory lines and the process's wall time and peak RSS
  local label=$1; shift
  OMNIAUDIT_STAGE_RSS=1 /usr/bin/time -f "TIME %e s, peak RSS %M KB" "$@" > "$WORK/out.txt" 2> "$WORK/err.txt" || true
  echo "-- $label"
  grep -E "^memory after|^TIME" "$WORK/err.txt" | sed 's/^/   /'
}
run "single machine: audit" "$OMNIAUDIT" audit --config "$WORK/omniaudit.yml" --as-of 2026-11-29
ls -la "$WORK/reports/omniaudit.json" | awk '{printf "   JSON report: %.0f MB\n", $5 / 1048576}'
for i in $(seq 1 "$SHARDS"); do
  run "shard $i/$SHARDS" "$OMNIAUDIT" audit --config "$WORK/omniaudit.yml" --as-of 2026-11-29 --shard "$i/$SHARDS" --emit-observations "$WORK/shards"
done
du -sm "$WORK/shards" | awk '{print "   shard files: " $1 " MB"}'
run "merge of $SHARDS shards" "$OMNIAUDIT" merge "$WORK/shards" --config "$WORK/omniaudit.yml" --out "$WORK/merged"
cmp -s "$WORK/reports/omniaudit.json" "$WORK/merged/omniaudit.json" && echo "   merged report byte-identical to the single run" \
  || echo "   MERGED REPORT DIFFERS from the single run"
