#!/usr/bin/env python3
"""Builds the page-extraction benchmark corpus: the platform pages of fixtures/pages/platforms, each grown to
the size of a real product page (avg ~475 KB: theme JavaScript bundles and JSON blobs inline, mega-menus,
reviews, related-product grids), deterministically. Usage: make_corpus.py OUT_DIR [COPIES]"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
platforms = os.path.join(here, "..", "..", "fixtures", "pages", "platforms")
out = sys.argv[1]
copies = int(sys.argv[2]) if len(sys.argv) > 2 else 8
os.makedirs(out, exist_ok=True)
for stale in os.listdir(out):  # a run with fewer copies must not measure an earlier run's extra pages
    if stale.endswith(".html"):
        os.remove(os.path.join(out, stale))

def menu(n):
    items = "".join(f'<li class="menu__item"><a href="/collections/c{i}" class="menu__link">Categoria {i} &amp; accessori</a>'
                    f'<ul class="submenu">{"".join(f"<li><a href=/c{i}/s{j}>Sottocategoria {j}</a></li>" for j in range(12))}</ul></li>'
                    for i in range(n))
    return f'<nav class="mega-menu"><ul class="menu">{items}</ul></nav>'

def bundle(kb):
    line = 'function t(e){return e&&e.__esModule?e:{default:e}}var n=window.Shopify||{};n.theme={variants:[1,2,3],money_format:"€{{amount_with_comma_separator}}"};\n'
    return "<script>" + line * (kb * 1024 // len(line)) + "</script>"

def reviews(n):
    return '<section class="reviews">' + "".join(
        f'<article class="review"><h4>Ottimo prodotto {i}</h4><div class="stars">★★★★☆</div><p>'
        + "Spedizione veloce, imballo curato, qualità eccellente rispetto al prezzo. " * 6 + "</p></article>"
        for i in range(n)) + "</section>"

def cards(n):
    return '<div class="related-products"><ul class="grid">' + "".join(
        f'<li class="grid__item"><div class="card"><a href="/products/p{i}"><img src="/img/p{i}.jpg" alt="Prodotto {i}"></a>'
        f'<h3 class="card__heading">Prodotto correlato {i}</h3><div class="price"><span class="price-item">€{10 + i},90 EUR</span></div></div></li>'
        for i in range(n)) + "</ul></div>"

names = sorted(f for f in os.listdir(platforms) if f.endswith(".html"))
total = 0
for copy in range(copies):
    for name in names:
        html = open(os.path.join(platforms, name), encoding="utf-8", errors="replace").read()
        head, sep, body = html.partition("<body")
        body_open, gt, rest = body.partition(">")
        grown = (head + sep + body_open + gt + menu(40) + bundle(120 + 40 * (copy % 4)) + rest)
        grown = grown.replace("</body>", reviews(60) + cards(24) + bundle(90) + "</body>")
        path = os.path.join(out, f"{copy:02d}-{name}")
        with open(path, "w", encoding="utf-8") as f:
            f.write(grown)
        total += os.path.getsize(path)
print(f"{len(names) * copies} pages, {total / 1e6:.1f} MB, avg {total / len(names) / copies / 1e3:.0f} KB", file=sys.stderr)
