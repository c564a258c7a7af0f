#!/usr/bin/env python3
"""Writes an N-item Google Merchant RSS feed and the same items as a Merchant CSV and as an app's JSON feed
(`{"data": {"products": [...]}}`, Merchant names) (deterministic).

    generate.py N OUT_FOLDER     # writes OUT_FOLDER/feed.xml, feed.csv and feed.json
"""
import json
import sys
from pathlib import Path

AVAIL = ["in stock", "out of stock", "preorder", "backorder"]


def item(i):
    price = f"{5 + (i * 37) % 995}.{(i * 13) % 100:02d}"
    sale = f"{4 + (i * 37) % 995}.{(i * 7) % 100:02d}" if i % 5 == 0 else ""
    return {
        "id": f"SKU-{i:07d}", "title": f"Prodotto numero {i} — ceramica «Deruta» & lino",
        "link": f"https://shop.example/p/{i}?utm_source=google", "price": f"{price} EUR", "sale_price": f"{sale} EUR" if sale else "",
        "availability": AVAIL[i % 4], "gtin": "", "brand": "Bottega Aurora", "item_group_id": f"G-{i // 3}",
        "quantity": str(i % 50), "shipping": "IT::Standard:4.90 EUR",
    }


def main():
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "feed.xml", "w", encoding="utf-8") as xml, open(out / "feed.csv", "w", encoding="utf-8") as csv, \
            open(out / "feed.json", "w", encoding="utf-8") as app:
        app.write('{"meta": {"generator": "generate.py", "count": %d}, "data": {"products": [\n' % n)
        xml.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">\n'
                  "<channel>\n<title>Bench</title>\n")
        fields = ["id", "title", "link", "price", "sale_price", "availability", "brand", "item_group_id", "quantity", "shipping"]
        csv.write(",".join("g:" + f for f in fields) + "\n")
        for i in range(n):
            it = item(i)
            title = it["title"].replace("&", "&amp;")
            link = it["link"].replace("&", "&amp;")
            xml.write(f"<item>\n  <g:id>{it['id']}</g:id>\n  <title><![CDATA[{it['title']}]]></title>\n"
                      f"  <link>{link}</link>\n  <g:price>{it['price']}</g:price>\n")
            if it["sale_price"]:
                xml.write(f"  <g:sale_price>{it['sale_price']}</g:sale_price>\n")
            xml.write(f"  <g:availability>{it['availability']}</g:availability>\n  <g:brand>{it['brand']}</g:brand>\n"
                      f"  <g:item_group_id>{it['item_group_id']}</g:item_group_id>\n  <g:quantity>{it['quantity']}</g:quantity>\n"
                      "  <g:shipping><g:country>IT</g:country><g:service>Standard</g:service><g:price>4.90 EUR</g:price></g:shipping>\n"
                      "</item>\n")
            row = [it[f] for f in fields]
            row[1] = '"' + row[1].replace('"', '""') + '"'
            csv.write(",".join(row) + "\n")
            entry = {k: v for k, v in it.items() if v}
            entry["shipping"] = {"country": "IT", "service": "Standard", "price": "4.90 EUR"}
            app.write(("  " if i == 0 else ",\n  ") + json.dumps(entry, ensure_ascii=False))
        xml.write("</channel>\n</rss>\n")
        app.write("\n]}}\n")


if __name__ == "__main__":
    main()
