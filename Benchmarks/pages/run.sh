#!/usr/bin/env bash
# Page-extraction benchmark: MB/s of `omniaudit inspect --as page` (release build) vs Python extruct
# (json-ld + microdata + opengraph + rdfa, and without rdfa) vs libxml2's bare HTML parse, on the same pages,
# in one run. Usage: Benchmarks/pages/run.sh [COPIES]   (needs: make build, python3, gcc, libxml2-dev)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${OMNIAUDIT_BENCH_DIR:-/tmp/omniaudit-bench-pages}
copies=${1:-8}
mkdir -p "$work"
python3 "$here/make_corpus.py" "$work/pages" "$copies"
files=("$work"/pages/*.html)
bytes=$(cat "${files[@]}" | wc -c)

[ -x "$root/.build/release/omniaudit" ] || (cd "$root" && swift build -c release --product omniaudit >/dev/null)
gcc -O2 -o "$work/bare_parse" "$here/bare_parse.c" $(pkg-config --cflags --libs libxml-2.0)
venv=${PEERS_VENV:-$work/venv}  # make bench shares one venv (PEERS_VENV)
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q extruct
fi

bare=$("$work/bare_parse" "${files[@]}")
start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/omniaudit.rss" "$root/.build/release/omniaudit" inspect --as page --format json "$work/pages" > "$work/omniaudit.json"
end=$(date +%s.%N)
ours=$(python3 -c "print(f'{$bytes / 1e6 / ($end - $start):.1f}')")
products=$(python3 -c "import json; print(len(json.load(open('$work/omniaudit.json'))['observations']))")
read -r _ extruct_all < <("$venv/bin/python" "$here/extruct_bench.py" "${files[@]}" | grep '^all')
read -r _ extruct_nordfa < <("$venv/bin/python" "$here/extruct_bench.py" "${files[@]}" | grep '^norfda')

echo "corpus: ${#files[@]} pages, $(python3 -c "print(f'{$bytes/1e6:.1f}')") MB; omniaudit found $products products"
echo "libxml2 bare parse (C):              $bare MB/s"
echo "omniaudit inspect (all syntaxes):    $ours MB/s   = $(python3 -c "print(f'{$ours/$bare:.2f}')") x bare parse"
echo "extruct (json-ld+microdata+og+rdfa): $extruct_all MB/s   omniaudit = $(python3 -c "print(f'{$ours/$extruct_all:.1f}')") x"
echo "extruct without rdfa:                $extruct_nordfa MB/s   omniaudit = $(python3 -c "print(f'{$ours/$extruct_nordfa:.1f}')") x"
echo "omniaudit inspect max RSS:           $(cat "$work/omniaudit.rss") KB"
