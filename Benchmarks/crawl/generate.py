#!/usr/bin/env python3
"""Generates the benchmark shop: N product pages (JSON-LD + filler markup of about --page-kb KB) and a sitemap.

usage: generate.py OUT_DIR BASE_URL [--pages 2000] [--page-kb 40] [--big-sitemap 100000]
--big-sitemap also writes big-index.xml → big-1.xml … (50,000 URLs each) pointing at /same/<n>, which nginx
answers with one shared page (no canonical), to measure memory over a 100,000-URL crawl without 100,000 files.
"""
import argparse, os

FILLER = ('<div class="card"><a href="/c/%d">Categoria %d</a><p>Lorem ipsum dolor sit amet, consectetur '
          'adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p></div>\n')


def page(n, kb, canonical=True):
    head = ('<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Prodotto %d</title>%s'
            '<meta property="og:title" content="Prodotto %d">'
            '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","sku":"B-%d",'
            '"name":"Prodotto %d","gtin13":"80%011d","offers":{"@type":"Offer","price":"%d.90","priceCurrency":"EUR",'
            '"availability":"https://schema.org/InStock"}}</script></head><body><h1>Prodotto %d</h1>'
            '<span class="price">%d,90 €</span>\n'
            % (n, '<link rel="canonical" href="/p/%d.html">' % n if canonical else '', n, n, n, n, n % 500 + 1, n,
               n % 500 + 1))
    body, i = [head], 0
    while sum(map(len, body)) < kb * 1024:
        body.append(FILLER % (i, i))
        i += 1
    body.append("</body></html>\n")
    return "".join(body)


def urlset(urls):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            + "".join("<url><loc>%s</loc></url>\n" % u for u in urls) + "</urlset>\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("base")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--page-kb", type=int, default=40)
    parser.add_argument("--big-sitemap", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(os.path.join(args.out, "p"), exist_ok=True)
    for n in range(1, args.pages + 1):
        with open(os.path.join(args.out, "p", "%d.html" % n), "w") as f:
            f.write(page(n, args.page_kb))
    with open(os.path.join(args.out, "sitemap.xml"), "w") as f:
        f.write(urlset("%s/p/%d.html" % (args.base, n) for n in range(1, args.pages + 1)))
    with open(os.path.join(args.out, "same.html"), "w") as f:
        f.write(page(0, args.page_kb, canonical=False))
    if args.big_sitemap:
        children = []
        for part, start in enumerate(range(1, args.big_sitemap + 1, 50000), 1):
            name = "big-%d.xml" % part
            children.append("%s/%s" % (args.base, name))
            with open(os.path.join(args.out, name), "w") as f:
                f.write(urlset("%s/same/%d" % (args.base, n) for n in range(start, min(start + 50000, args.big_sitemap + 1))))
        with open(os.path.join(args.out, "big-index.xml"), "w") as f:
            f.write('<?xml version="1.0"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                    + "".join("<sitemap><loc>%s</loc></sitemap>\n" % c for c in children) + "</sitemapindex>\n")


if __name__ == "__main__":
    main()
