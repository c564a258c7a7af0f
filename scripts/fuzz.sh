#!/usr/bin/env bash
# Builds and runs a libFuzzer target for the Normalize parsers, outside `swift test`.
#
#   scripts/fuzz.sh price [SECONDS]   # price parser + JSONL line reader   (default 600 s)
#   scripts/fuzz.sh terms [SECONDS]   # availability, shipping, returns, payment, promo, dates
#
# Builds with `swiftc -sanitize=fuzzer,address -parse-as-library` into /tmp/omniaudit-fuzz, seeds a corpus from
# the price table, and exits non-zero on a crash (the crashing input is kept in /tmp/omniaudit-fuzz/).
set -euo pipefail
target="${1:-price}"
seconds="${2:-600}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="/tmp/omniaudit-fuzz"
mkdir -p "$work/corpus-$target"

case "$target" in
  price) entry="$root/Fuzz/PriceFuzz.swift" ;;
  terms) entry="$root/Fuzz/TermsFuzz.swift" ;;
  *) echo "usage: $0 price|terms [SECONDS]" >&2; exit 64 ;;
esac

# AuditModel as its own module (Normalize imports it), then Normalize + the entry point as one executable.
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name AuditModel -emit-module \
  -emit-module-path "$work/AuditModel.swiftmodule" -emit-library -static -o "$work/libAuditModel.a" \
  $(find "$root/Sources/AuditModel" -name '*.swift') 2> >(grep -v 'Cannot export local symbol' >&2)
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name NormalizeFuzz -I "$work" -L "$work" \
  -lAuditModel $(find "$root/Sources/Normalize" -name '*.swift') "$entry" -o "$work/$target-fuzz" \
  2> >(grep -v 'Cannot export local symbol' >&2)

# Seeds: the price table strings and a few terms sentences.
if [ -z "$(ls -A "$work/corpus-$target")" ]; then
  i=0
  python3 -c 'import json, sys; [print(json.loads(l)["text"]) for l in open(sys.argv[1], encoding="utf-8")]' \
    "$root/fixtures/prices/price-table.jsonl" | awk 'NR % 4 == 1' | while IFS= read -r line; do
    printf '%s' "$line" > "$work/corpus-$target/seed-$i"; i=$((i + 1))
  done || true
  for s in "Spedizione gratuita sopra i 49 €, consegna in 2-4 giorni lavorativi" "reso gratuito entro 30 giorni" \
    "PayPal, Visa, contrassegno" "-20% con il codice NATALE20 valido fino al 31/12" "Only 2 left in stock" \
    "2026-11-20T00:00+01:00/2026-11-30T23:59+01:00" '{"text": "1.299,00 €", "currency_hint": "EUR"}'; do
    printf '%s' "$s" > "$work/corpus-$target/seed-terms-$(printf '%s' "$s" | md5sum | cut -c1-8)"
  done
fi

cd "$work"
# -detect_leaks=0: LeakSanitizer reports, at exit only, the one-time state of the static Regex literals in
# Dates/DateMentions.swift (a few KB held by the standard library's regex program for the process lifetime, not
# growing with inputs). Crashes, overflows and use-after-free are still caught by AddressSanitizer.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
exec "./$target-fuzz" -max_total_time="$seconds" -max_len=512 -timeout=5 -rss_limit_mb=2048 -detect_leaks=0 \
  -print_final_stats=1 "corpus-$target"
