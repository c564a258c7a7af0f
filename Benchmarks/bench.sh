#!/usr/bin/env bash
# `make bench`: every benchmark in one run, each stage beside its peer (or physical limit) measured in this same
# run, as one table. Builds in release mode, installs Debian's nginx and wrk when missing, sets up the Python
# peers (extruct, price-parser, scrapy) in one venv outside the repo (PEERS_VENV, default
# /tmp/omniaudit-bench-venv), generates its data under /tmp. Nothing here is a pass/fail test: these VMs vary by
# ±25 %, so only ratios from one run mean anything. The sub-benchmarks' own output is kept in $BENCH_LOG.
#
# usage: Benchmarks/bench.sh   (env: PAGE_COPIES=4 PRICE_LINES=200000 CRAWL_PAGES=2000 RECONCILE_OBS=200000 MAIL_COPIES=20
#                                    SCALE_PAGES=100000 SCALE_ITEMS=1000000 SCALE_SHARDS=4; SCALE_PAGES=0 skips it)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
export PEERS_VENV=${PEERS_VENV:-/tmp/omniaudit-bench-venv}
LOG=${BENCH_LOG:-/tmp/omniaudit-bench-log}
mkdir -p "$LOG"
cd "$ROOT"

scripts/install-deps.sh pkg-config libxml2-dev libcurl4-openssl-dev zlib1g-dev libsqlite3-dev libgmime-3.0-dev gcc python3-venv nginx wrk time curl
echo "== building (release)" >&2
for product in omniaudit crawl-bench price-bench reconcile-bench; do swift build -c release --static-swift-stdlib --product "$product" >/dev/null; done
if ! "$PEERS_VENV/bin/python" -c 'import extruct, price_parser, scrapy' 2>/dev/null; then
  echo "== Python peers into $PEERS_VENV" >&2
  [ -x "$PEERS_VENV/bin/python" ] || python3 -m venv "$PEERS_VENV"
  "$PEERS_VENV/bin/pip" install -q extruct price-parser scrapy
fi

echo "== pages (extraction)" >&2
Benchmarks/pages/run.sh "${PAGE_COPIES:-4}" > "$LOG/pages.txt" 2>&1
echo "== price strings" >&2
Benchmarks/price-parser/run.sh "${PRICE_LINES:-200000}" > "$LOG/prices.txt" 2>&1
echo "== crawl" >&2
Benchmarks/crawl/run.sh "${CRAWL_PAGES:-2000}" 40 16 1000 > "$LOG/crawl.txt" 2>&1
if [ -x Benchmarks/feeds/run.sh ]; then
  echo "== feeds" >&2
  Benchmarks/feeds/run.sh > "$LOG/feeds.txt" 2>&1 || true
fi
echo "== mail" >&2
Benchmarks/mail/run.sh "${MAIL_COPIES:-20}" > "$LOG/mail.txt" 2>&1 || true
echo "== reconcile" >&2
Benchmarks/reconcile/run.sh "${RECONCILE_OBS:-200000}" > "$LOG/reconcile.txt" 2>&1

if [ "${SCALE_PAGES:-100000}" != 0 ]; then
  echo "== scale (memory): ${SCALE_PAGES:-100000} pages + ${SCALE_ITEMS:-1000000} feed items, ${SCALE_SHARDS:-4} shards" >&2
  Benchmarks/scale/run.sh "${SCALE_PAGES:-100000}" "${SCALE_ITEMS:-1000000}" "${SCALE_SHARDS:-4}" > "$LOG/scale.txt" 2>&1 || true
fi

python3 - "$LOG" "${RECONCILE_OBS:-200000}" <<'PY'
import os, re, sys
log, reconcile_obs = sys.argv[1], int(sys.argv[2])
def read(name):
    path = os.path.join(log, name)
    return open(path).read() if os.path.exists(path) else ""
def num(pattern, text, group=1):
    m = re.search(pattern, text, re.M)
    return float(m.group(group).replace(",", "")) if m else None
rows = []
def row(stage, ours, peer_name, peer, unit):
    if ours is None: return
    ratio = "%.2fx" % (ours / peer) if peer else "n/a"
    rows.append((stage, "%s %s" % (fmt(ours), unit), peer_name, "%s %s" % (fmt(peer), unit) if peer else "—", ratio))
def fmt(v):
    return "{:,.0f}".format(v) if v >= 100 else "{:.1f}".format(v)

pages = read("pages.txt")
corpus = re.search(r"corpus: (\d+) pages, ([\d.]+) MB", pages)
stage = "extraction, %s pages %s MB, 2 cores (`inspect`)" % corpus.groups() if corpus else "extraction (`inspect`)"
ours = num(r"omniaudit inspect \(all syntaxes\):\s+([\d.]+)", pages)
row(stage, ours, "extruct 0.18 json-ld+microdata+og", num(r"extruct without rdfa:\s+([\d.]+)", pages), "MB/s")
row(stage, ours, "extruct, with rdfa", num(r"extruct \(json-ld\+microdata\+og\+rdfa\):\s+([\d.]+)", pages), "MB/s")
m = re.search(r"extruct without rdfa, (\d+) processes:\s+([\d.]+)", pages)
if m: row(stage, ours, "extruct json-ld+microdata+og, %s processes" % m.group(1), float(m.group(2)), "MB/s")
row(stage, ours, "libxml2 bare HTML parse (C, 1 core)", num(r"libxml2 bare parse \(C\):\s+([\d.]+)", pages), "MB/s")
real = re.search(r"real pages: (\d+) pages, ([\d.]+) MB", pages)
if real:
    real_stage = "extraction, %s real pages %s MB (fixtures/real-pages), 2 cores" % real.groups()
    real_ours = num(r"real pages, omniaudit inspect:\s+([\d.]+)", pages)
    row(real_stage, real_ours, "extruct 0.18 json-ld+microdata+og", num(r"real pages, extruct without rdfa:\s+([\d.]+)", pages), "MB/s")
    m = re.search(r"real pages, extruct without rdfa, (\d+) processes:\s+([\d.]+)", pages)
    if m: row(real_stage, real_ours, "extruct json-ld+microdata+og, %s processes" % m.group(1), float(m.group(2)), "MB/s")

prices = read("prices.txt")
m = re.search(r"PriceParser.parse in-process loop:\s+([\d.]+)", prices)
p = re.search(r"in-process loop:\s+([\d.]+)", prices)
row("price strings, in-process loop", float(m.group(1)) if m else None, "price-parser in-process loop", float(p.group(1)) if p else None, "/s")
m = re.search(r"omniaudit parse price --jsonl \(release\):\s+([\d.]+)", prices)
p = re.search(r"price-parser as a JSONL filter:\s+([\d.]+)", prices)
row("price strings, `parse price --jsonl`", float(m.group(1)) if m else None, "price-parser JSONL filter", float(p.group(1)) if p else None, "/s")

crawl = read("crawl.txt")
audit = re.search(r"\| omniaudit audit \(crawl \+ extract\), (\d+) pages \| (\d+) \| [\d.]+x \| (\d+) MB", crawl)
scrapy = re.search(r"\| Scrapy SitemapSpider \(crawl \+ JSON-LD\) \| (\d+) \| [\d.]+x \| (\d+) MB", crawl)
fetch = re.search(r"\| crawl-bench, fetch only \| (\d+)", crawl)
scrapy_fetch = re.search(r"\| Scrapy SitemapSpider, fetch only \| (\d+)", crawl)
wrk = re.search(r"\| wrk, one page \(ceiling\) \| (\d+)", crawl)
if audit and scrapy:
    row("crawl + extract, %s pages of 40 KB, loopback nginx" % audit.group(1), float(audit.group(2)), "Scrapy SitemapSpider + JSON-LD", float(scrapy.group(1)), "pages/s")
if fetch and scrapy_fetch:
    row("crawl, fetch only", float(fetch.group(1)), "Scrapy fetch only", float(scrapy_fetch.group(1)), "pages/s")
if fetch and wrk:
    row("crawl, fetch only", float(fetch.group(1)), "wrk, one page (ceiling)", float(wrk.group(1)), "pages/s")

feeds = read("feeds.txt")
for kind, peer in (("xml", "Python ElementTree.iterparse"), ("csv", "Python csv.DictReader")):
    block = re.search(r"== %s \((\d+) items, (\d+) MB\)(.*?)(?:\n== |\Z)" % kind, feeds, re.S)
    if block:
        ours = num(r"^omniaudit\s+(\d+) items/s", block.group(3))
        theirs = num(r"^python\s+(\d+) items/s", block.group(3))
        row("feed items, %s, %s items (%s MB)" % (kind.upper() if kind == "csv" else "Merchant XML", block.group(1), block.group(2)),
            ours, peer + " (same fields, prices)", theirs, "items/s")

mail = read("mail.txt")
m = re.search(r"== (\d+) messages \((\d+) MB mbox\)", mail)
row("messages, parse + promo extraction%s" % (", %s messages (%s MB mbox)" % m.groups() if m else ""),
    num(r"^omniaudit\s+(\d+) messages/s", mail), "Python email package + regexes", num(r"^python\s+(\d+) messages/s", mail), "messages/s")

rec = read("reconcile.txt")
stages = {k: float(v) for k, v in re.findall(r"^(\w+)\s+([\d.]+) s$", rec, re.M)}
work = sum(v for k, v in stages.items() if k != "generate")
if work:
    row("reconcile (match + rules + history), %d observations" % reconcile_obs, reconcile_obs / work, "no peer", None, "obs/s")

print("| stage | omniaudit | peer | peer figure | ratio |")
print("|---|---|---|---|---|")
for r in rows:
    print("| %s | %s | %s | %s | %s |" % r)
rss = []
if audit and scrapy:
    rss.append("audit of %s pages %s MB (Scrapy %s MB)" % (audit.group(1), audit.group(3), scrapy.group(2)))
m = re.search(r"omniaudit inspect max RSS:\s+(\d+) KB", pages)
if m: rss.append("inspect %d MB" % (int(m.group(1)) // 1024))
m = re.search(r"max RSS (\d+) KB", rec)
if m: rss.append("reconcile %d MB" % (int(m.group(1)) // 1024))
print("\npeak RSS: " + "; ".join(rss))

scale = read("scale.txt")
if scale:
    print("\nscale run, peak RSS per stage (Benchmarks/scale/run.sh):")
    for block in re.split(r"^-- ", scale, flags=re.M)[1:]:
        title, _, body = block.partition("\n")
        stages = re.findall(r"memory after (.+?): peak RSS (\d+) MB", body)
        total = re.search(r"TIME ([\d.]+) s, peak RSS (\d+) KB", body)
        parts = ", ".join("%s %s MB" % stage for stage in stages)
        if total:
            print("- %s: %s s, peak %d MB (%s)" % (title, total.group(1), int(total.group(2)) // 1024, parts))
    for line in re.findall(r"^   (JSON report.*|shard files.*|merged report.*|MERGED.*)$", scale, re.M):
        print("- " + line)
PY
echo "(date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1); logs in $LOG)"
