#!/usr/bin/env python3
"""Writes the scale benchmark's inputs (deterministic): a page template for nginx's SSI, sitemaps listing PAGES
product pages, and an ITEMS-item Google Merchant RSS feed whose first PAGES items are the pages' products.

    generate.py OUT_DIR BASE_URL PAGES ITEMS

Every page and item costs 19.90 EUR and is in stock, except every 1,000th item of the feed (21.90 EUR): the
audit then finds a price mismatch per 1,000 products on the web, as a healthy shop's nightly run would.
"""
import os
import sys


def main():
    out, base, pages, items = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    os.makedirs(out, exist_ok=True)
    pad = "".join("<li>Caratteristica %d: ceramica dipinta a mano, lino, legno d'ulivo.</li>" % n for n in range(40))
    with open(os.path.join(out, "template.html"), "w") as f:
        f.write('<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Prodotto <!--# echo var="n" --></title>'
                '<link rel="canonical" href="%s/p/<!--# echo var="n" -->.html">'
                '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product",'
                '"sku":"SKU-<!--# echo var="n" -->","name":"Prodotto <!--# echo var="n" -->",'
                '"offers":{"@type":"Offer","price":"19.90","priceCurrency":"EUR",'
                '"availability":"https://schema.org/InStock"}}</script></head>'
                '<body><h1>Prodotto <!--# echo var="n" --></h1><p class="price">19,90 €</p><p>Disponibile</p>'
                '<ul>%s</ul></body></html>\n' % (base, pad))
    per = 50000
    names = []
    for part, start in enumerate(range(0, pages, per), 1):
        name = "sitemap-%d.xml" % part
        names.append(name)
        with open(os.path.join(out, name), "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
            for n in range(start, min(start + per, pages)):
                f.write("<url><loc>%s/p/%07d.html</loc></url>\n" % (base, n))
            f.write("</urlset>\n")
    with open(os.path.join(out, "sitemap.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
        for name in names:
            f.write("<sitemap><loc>%s/%s</loc></sitemap>\n" % (base, name))
        f.write("</sitemapindex>\n")
    with open(os.path.join(out, "feed.xml"), "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n'
                "<channel>\n<title>Scale</title>\n")
        for n in range(items):
            price = "21.90" if n % 1000 == 999 else "19.90"
            f.write("<item><g:id>SKU-%07d</g:id><title>Prodotto %07d</title><link>%s/p/%07d.html</link>"
                    "<g:price>%s EUR</g:price><g:availability>in stock</g:availability></item>\n"
                    % (n, n, base, n, price))
        f.write("</channel>\n</rss>\n")


if __name__ == "__main__":
    main()
