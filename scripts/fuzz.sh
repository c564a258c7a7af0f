#!/usr/bin/env bash
# Builds and runs libFuzzer targets (swiftc -sanitize=fuzzer,address), outside `swift test`.
#
#   scripts/fuzz.sh price   [SECONDS]  # price parser + JSONL line reader                (default 600 s)
#   scripts/fuzz.sh terms   [SECONDS]  # availability, shipping, returns, payment, promo, dates
#   scripts/fuzz.sh page    [SECONDS]  # web page extraction: libxml2 HTML, JSON-LD, microdata, RDFa, OpenGraph
#   scripts/fuzz.sh rawtext [SECONDS]  # differential: bodies and attribute values taken out and put back = libxml2's tree
#   scripts/fuzz.sh jsonld  [SECONDS]  # JSON-LD: lenient/strict JSON parser, exact numbers, schema.org products
#   scripts/fuzz.sh sitemap [SECONDS]  # sitemap XML: markup pre-scan, libxml2 XML parser, <loc> caps
#   scripts/fuzz.sh feed    [SECONDS]  # JSON feed: strict parser, field mapping, exact prices
#   scripts/fuzz.sh merchant [SECONDS] # Merchant RSS/Atom feeds: libxml2 xmlTextReader, g: fields, prices
#   scripts/fuzz.sh csv     [SECONDS]  # CSV/TSV feeds and store lists; differential: batches split where rows end
#   scripts/fuzz.sh mail    [SECONDS]  # e-mail: GMime MIME parsing, charsets, HTML parts, promo extraction
#   scripts/fuzz.sh all     [SECONDS]  # every target above, one after the other, SECONDS each
#
# Builds into /tmp/omniaudit-fuzz, seeds each corpus from the fixtures, and exits non-zero on a crash or a
# sanitizer report (the crashing input is kept in /tmp/omniaudit-fuzz/).
set -euo pipefail
target="${1:-price}"
seconds="${2:-600}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${OMNIAUDIT_FUZZ_DIR:-/tmp/omniaudit-fuzz}"

if [ "$target" = all ]; then
  for each in price terms page rawtext jsonld sitemap feed merchant csv mail; do
    echo "== $each: $seconds s" >&2
    "$0" "$each" "$seconds"
  done
  exit 0
fi

case "$target" in
  price) entry="$root/Fuzz/PriceFuzz.swift"; max_len=512 ;;
  terms) entry="$root/Fuzz/TermsFuzz.swift"; max_len=512 ;;
  page) entry="$root/Fuzz/PageFuzz.swift"; max_len=65536 ;;
  rawtext) entry="$root/Fuzz/RawTextFuzz.swift"; max_len=65536 ;;
  jsonld) entry="$root/Fuzz/JSONLDFuzz.swift"; max_len=16384 ;;
  sitemap) entry="$root/Fuzz/SitemapFuzz.swift"; max_len=16384 ;;
  feed) entry="$root/Fuzz/FeedFuzz.swift"; max_len=16384 ;;
  merchant) entry="$root/Fuzz/MerchantFuzz.swift"; max_len=16384 ;;
  csv) entry="$root/Fuzz/CSVFuzz.swift"; max_len=16384 ;;
  mail) entry="$root/Fuzz/MailFuzz.swift"; max_len=65536 ;;
  *) echo "usage: $0 price|terms|page|rawtext|jsonld|sitemap|feed|merchant|csv|mail|all [SECONDS]" >&2; exit 64 ;;
esac
mkdir -p "$work/corpus-$target"
quiet() { grep -v 'Cannot export local symbol' >&2 || true; }
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)

# AuditModel as its own module (Normalize imports it).
swiftc "${flags[@]}" -module-name AuditModel -emit-module -emit-module-path "$work/AuditModel.swiftmodule" \
  -emit-library -static -o "$work/libAuditModel.a" $(find "$root/Sources/AuditModel" -name '*.swift') 2> >(quiet)
# The arena allocator Extract gives libxml2 (a C target), as an object with the same sanitizers.
clang -fsanitize=fuzzer-no-link,address -O1 -g -c "$root/Sources/CMarkupArena/arena.c" \
  -I "$root/Sources/CMarkupArena/include" -o "$work/arena.o"
arena=(-I "$root/Sources/CMarkupArena/include" "$work/arena.o")
case "$target" in
  price|terms)
    # Normalize + the entry point as one executable.
    swiftc "${flags[@]}" -module-name NormalizeFuzz -I "$work" -L "$work" -lAuditModel \
      $(find "$root/Sources/Normalize" -name '*.swift') "$entry" -o "$work/$target-fuzz" 2> >(quiet) ;;
  mail)
    # Normalize and Extract as modules, then Mail (GMime and libxml2 through their module maps) + the entry point.
    swiftc "${flags[@]}" -module-name Normalize -I "$work" -L "$work" -lAuditModel -emit-module \
      -emit-module-path "$work/Normalize.swiftmodule" -emit-library -static -o "$work/libNormalize.a" \
      $(find "$root/Sources/Normalize" -name '*.swift') 2> >(quiet)
    swiftc "${flags[@]}" -module-name Extract -I "$work" -I "$root/Sources/CLibXML2" -I "$root/Sources/CZlib" \
      -I "$root/Sources/CMarkupArena/include" \
      $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') -L "$work" -lAuditModel -lNormalize -emit-module \
      -emit-module-path "$work/Extract.swiftmodule" -emit-library -static -o "$work/libExtract.a" \
      $(find "$root/Sources/Extract" -name '*.swift') 2> >(quiet)
    swiftc "${flags[@]}" -module-name MailFuzz -I "$work" -I "$root/Sources/CLibXML2" -I "$root/Sources/CGMime" -I "$root/Sources/CZlib" \
      $(pkg-config --cflags libxml-2.0 gmime-3.0 | tr ' ' '\n' | grep '^-I' | sed 's/^/-Xcc /' | tr '\n' ' ') \
      -L "$work" -lAuditModel -lNormalize -lExtract -lxml2 -lz -lgmime-3.0 -lgobject-2.0 -lglib-2.0 "${arena[@]}" \
      $(find "$root/Sources/Mail" -name '*.swift') "$entry" -o "$work/$target-fuzz" 2> >(quiet) ;;
  *)
    # Normalize as a module, then Extract (with libxml2 through its module map) + the entry point.
    swiftc "${flags[@]}" -module-name Normalize -I "$work" -L "$work" -lAuditModel -emit-module \
      -emit-module-path "$work/Normalize.swiftmodule" -emit-library -static -o "$work/libNormalize.a" \
      $(find "$root/Sources/Normalize" -name '*.swift') 2> >(quiet)
    swiftc "${flags[@]}" -module-name ExtractFuzz -I "$work" -I "$root/Sources/CLibXML2" -I "$root/Sources/CZlib" \
      $(pkg-config --cflags libxml-2.0 | sed 's/-I/-Xcc -I/g') -L "$work" -lAuditModel -lNormalize -lxml2 -lz "${arena[@]}" \
      $(find "$root/Sources/Extract" -name '*.swift') "$entry" -o "$work/$target-fuzz" 2> >(quiet) ;;
esac

# Seeds, once per corpus.
corpus="$work/corpus-$target"
if [ -z "$(ls -A "$corpus")" ]; then
  case "$target" in
    price|terms)
      i=0
      python3 -c 'import json, sys; [print(json.loads(l)["text"]) for l in open(sys.argv[1], encoding="utf-8")]' \
        "$root/fixtures/prices/price-table.jsonl" | awk 'NR % 4 == 1' | while IFS= read -r line; do
        printf '%s' "$line" > "$corpus/seed-$i"; i=$((i + 1))
      done || true
      for s in "Spedizione gratuita sopra i 49 €, consegna in 2-4 giorni lavorativi" "reso gratuito entro 30 giorni" \
        "PayPal, Visa, contrassegno" "-20% con il codice NATALE20 valido fino al 31/12" "Only 2 left in stock" \
        "2026-11-20T00:00+01:00/2026-11-30T23:59+01:00" '{"text": "1.299,00 €", "currency_hint": "EUR"}'; do
        printf '%s' "$s" > "$corpus/seed-terms-$(printf '%s' "$s" | md5sum | cut -c1-8)"
      done ;;
    page|rawtext)
      find "$root/fixtures/pages" "$root/fixtures/demo-shop/web" -name '*.html' -size -64k -exec cp {} "$corpus/" \; ;;
    jsonld)
      python3 - "$root/fixtures" "$corpus" <<'PY'
import pathlib, re, sys
out = pathlib.Path(sys.argv[2])
for n, page in enumerate(pathlib.Path(sys.argv[1]).rglob("*.html")):
    text = page.read_text(encoding="utf-8", errors="replace")
    for m, script in enumerate(re.findall(r'<script[^>]*ld\+json[^>]*>(.*?)</script>', text, re.S)):
        (out / f"seed-{n}-{m}").write_text(script[:16384], encoding="utf-8")
PY
      ;;
    sitemap)
      cp "$root/fixtures/demo-shop/web/sitemap.xml" "$corpus/"
      printf '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://a.example/s1.xml</loc></sitemap></sitemapindex>' > "$corpus/index.xml"
      printf '<urlset><url><loc>https://a.example/p/1</loc><lastmod>2026-01-01</lastmod></url></urlset>' > "$corpus/small.xml" ;;
    merchant)
      head -c 16384 "$root/fixtures/demo-shop/feeds/google.xml" > "$corpus/google.xml"
      find "$root/fixtures/feeds" -name '*.xml' -size -16k -exec cp {} "$corpus/" \; ;;
    mail)
      find "$root/fixtures/emails" "$root/fixtures/demo-shop/promo" -name '*.eml' -size -64k -exec sh -c 'cp "$1" "$2/$(echo "$1" | md5sum | cut -c1-12).eml"' _ {} "$corpus" \; ;;
    csv)
      cp "$root/fixtures/demo-shop/negozi/listino.csv" "$corpus/"
      find "$root/fixtures/feeds" \( -name '*.csv' -o -name '*.tsv' \) -size -16k -exec cp {} "$corpus/" \; ;;
    feed)
      head -c 16384 "$root/fixtures/demo-shop/app/products.json" > "$corpus/products.json"
      printf '{"data":{"products":[{"id":"A","pricing":{"sale":1.5e2,"list":"1.299,00"},"stock":{"status":"in_stock","qty":2E1}}]}}' > "$corpus/numbers.json" ;;
  esac
fi

cd "$work"
# -detect_leaks=0: LeakSanitizer reports, at exit only, the one-time state of the static Regex literals in
# Dates/DateMentions.swift and libxml2's global parser state (allocated once per process, not growing with
# inputs). Crashes, overflows and use-after-free are still caught by AddressSanitizer.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
exec "./$target-fuzz" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 \
  -print_final_stats=1 "$corpus"
