#!/usr/bin/env bash
# Crawl benchmark: omniaudit (release build, crawl + JSON-LD extraction) vs Scrapy's SitemapSpider (crawl +
# JSON-LD parse) at the same concurrency, with wrk as the ceiling, against nginx on loopback serving generated
# product pages; then omniaudit's max RSS over a 100,000-URL sitemap index.
#
# usage: Benchmarks/crawl/run.sh [PAGES=2000] [PAGE_KB=40] [CONCURRENCY=16] [BIG=100000]
# needs: nginx (or nginx-light), wrk, python3 with venv; Scrapy is pip-installed into /tmp/scrapy-venv.
# Prints ratios measured in this run; nothing here is a pass/fail test.
set -euo pipefail
PAGES=${1:-2000}; PAGE_KB=${2:-40}; CONCURRENCY=${3:-16}; BIG=${4:-100000}
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d /tmp/omniaudit-bench.XXXXXX)
chmod 755 "$WORK"  # nginx workers run as an unprivileged user
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
NGINX_PID=""
cleanup() { [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== generating $PAGES pages of ~${PAGE_KB} KB and a $BIG-URL sitemap index in $WORK"
python3 "$HERE/generate.py" "$WORK/site" "$BASE" --pages "$PAGES" --page-kb "$PAGE_KB" --big-sitemap "$BIG"
# shellcheck source=../lib/nginx.sh
. "$HERE/../lib/nginx.sh"
start_nginx "$BASE/sitemap.xml" "sendfile on; etag on;" "location /same/ { try_files /same.html =404; }"

echo "== building omniaudit (release)"
(cd "$ROOT" && swift build -c release --static-swift-stdlib --product omniaudit >/dev/null && swift build -c release --static-swift-stdlib --product crawl-bench >/dev/null)
OMNIAUDIT=${OMNIAUDIT:-"$ROOT/.build/release/omniaudit"}  # OMNIAUDIT=path measures another build

config() {  # $1 = sitemap URL, $2 = config path
  cat > "$2" <<YAML
version: 1
shop: { name: Bench, currency: EUR, locale: it-IT, timezone: UTC }
match: [sku]
channels:
  web:
    kind: web
    sitemaps: [$1]
    cache: false
    fetch: { concurrency: $CONCURRENCY, per-host: $CONCURRENCY }
gate: { fail-on: never, min-coverage: 0 }
report: { out: $WORK/reports, formats: [json] }
YAML
}
seconds() { python3 -c 'import sys,re; t=open(sys.argv[1]).read(); m=re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", t); print(int(m.group(1) or 0)*3600+int(m.group(2))*60+float(m.group(3)))' "$1"; }
rss() { grep "Maximum resident" "$1" | awk '{print $NF}'; }

config "$BASE/sitemap.xml" "$WORK/small.yml"
echo "== omniaudit audit: $PAGES pages, concurrency $CONCURRENCY"
/usr/bin/time -v "$OMNIAUDIT" audit --config "$WORK/small.yml" -q 2> "$WORK/omni.time" >/dev/null || true
OMNI_S=$(seconds "$WORK/omni.time")
python3 -c "import json; c=json.load(open('$WORK/reports/omniaudit.json'))['coverage']['web']; print('   read', c['read'], 'failed', len(c['failed']), 'products', c['products'], c['failed'][:1])"

echo "== Scrapy SitemapSpider: same pages, CONCURRENT_REQUESTS(_PER_DOMAIN)=$CONCURRENCY"
VENV=${PEERS_VENV:-/tmp/scrapy-venv}  # make bench shares one venv (PEERS_VENV)
if [ ! -x "$VENV/bin/scrapy" ]; then python3 -m venv "$VENV" && "$VENV/bin/pip" install -q scrapy; fi
(cd "$WORK" && /usr/bin/time -v "$VENV/bin/scrapy" runspider "$HERE/scrapy_sitemap.py" -a sitemap="$BASE/sitemap.xml" \
  -s CONCURRENT_REQUESTS=$CONCURRENCY -s CONCURRENT_REQUESTS_PER_DOMAIN=$CONCURRENCY 2> "$WORK/scrapy.time" | tail -1)
SCRAPY_S=$(seconds "$WORK/scrapy.time")

echo "== fetch only: crawl-bench (Fetch module alone) vs Scrapy without the JSON-LD parse"
"$ROOT/.build/release/crawl-bench" "$BASE/sitemap.xml" "$CONCURRENCY" | tee "$WORK/cb.txt"
FETCH_RATE=$(sed -E 's/.* ([0-9]+) pages\/s/\1/' "$WORK/cb.txt")
(cd "$WORK" && /usr/bin/time -v "$VENV/bin/scrapy" runspider "$HERE/scrapy_sitemap.py" -a sitemap="$BASE/sitemap.xml" \
  -a extract=0 -s CONCURRENT_REQUESTS=$CONCURRENCY -s CONCURRENT_REQUESTS_PER_DOMAIN=$CONCURRENCY 2> "$WORK/scrapy-fetch.time" | tail -1)
SCRAPY_FETCH_S=$(seconds "$WORK/scrapy-fetch.time")

echo "== wrk ceiling: one page, $CONCURRENCY connections, 5 s"
WRK=$(wrk -t2 -c"$CONCURRENCY" -d5s "$BASE/p/1.html" | awk '/Requests\/sec/ {print $2}')

echo "== omniaudit over a $BIG-URL sitemap index (memory)"
config "$BASE/big-index.xml" "$WORK/big.yml"
/usr/bin/time -v "$OMNIAUDIT" audit --config "$WORK/big.yml" -q 2> "$WORK/big.time" >/dev/null || true
python3 -c "import json; c=json.load(open('$WORK/reports/omniaudit.json'))['coverage']['web']; print('   read', c['read'], 'failed', len(c['failed']), 'skipped', len(c['skipped']), c['failed'][:1])"
BIG_S=$(seconds "$WORK/big.time")
/usr/bin/time -v "$ROOT/.build/release/crawl-bench" "$BASE/big-index.xml" "$CONCURRENCY" 2> "$WORK/cb-big.time"

python3 - "$PAGES" "$OMNI_S" "$SCRAPY_S" "$WRK" "$BIG" "$BIG_S" "$(rss "$WORK/omni.time")" "$(rss "$WORK/big.time")" "$(rss "$WORK/scrapy.time")" \
  "$FETCH_RATE" "$SCRAPY_FETCH_S" "$(rss "$WORK/cb-big.time")" <<'PY'
import sys
pages, omni, scrapy, wrk, big, big_s, rss_small, rss_big, rss_scrapy, fetch_rate, scrapy_fetch, rss_cb_big = sys.argv[1:]
pages, omni, scrapy, wrk, big, big_s = int(pages), float(omni), float(scrapy), float(wrk), int(big), float(big_s)
fetch_rate, scrapy_fetch = float(fetch_rate), pages / float(scrapy_fetch)
o, s = pages / omni, pages / scrapy
print("\n| what | pages/s | vs Scrapy | max RSS |\n|---|---|---|---|")
print("| omniaudit audit (crawl + extract), %d pages | %.0f | %.2fx | %d MB |" % (pages, o, o / s, int(rss_small) // 1024))
print("| Scrapy SitemapSpider (crawl + JSON-LD) | %.0f | 1.00x | %d MB |" % (s, int(rss_scrapy) // 1024))
print("| crawl-bench, fetch only | %.0f | %.2fx vs Scrapy fetch only | |" % (fetch_rate, fetch_rate / scrapy_fetch))
print("| Scrapy SitemapSpider, fetch only | %.0f | | |" % scrapy_fetch)
print("| wrk, one page (ceiling) | %.0f | %.2fx | |" % (wrk, wrk / s))
print("| omniaudit audit, %d-URL sitemap index | %.0f | | %d MB |" % (big, big / big_s, int(rss_big) // 1024))
print("| crawl-bench (fetch only), %d-URL sitemap index | | | %d MB |" % (big, int(rss_cb_big) // 1024))
PY
