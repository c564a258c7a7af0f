#!/usr/bin/env python3
"""The Python references for the feed benchmark, reading the same files:

    reference.py xml FILE [bare]   # xml.etree.ElementTree.iterparse, one dict per <item>, element cleared
    reference.py csv FILE [bare]   # csv.DictReader
    reference.py json FILE [bare]  # json.load, then the items of data.products

Without `bare`, each item's price is also read as the Swift side does (Decimal amount + currency, sale price
first) and its availability looked up; `bare` only builds the dicts. Prints items, seconds and peak RSS (KB).
"""
import csv
import json
import resource
import sys
import time
import xml.etree.ElementTree as ET
from decimal import Decimal

G = "{http://base.google.com/ns/1.0}"
AVAIL = {"in stock": "in_stock", "out of stock": "out_of_stock", "preorder": "preorder", "backorder": "backorder"}


def money(text):
    amount, _, currency = text.strip().partition(" ")
    return Decimal(amount), currency


def interpret(item, counts):
    price = item.get("sale_price") or item.get("price")
    if price:
        money(price)
        counts[1] += 1
    AVAIL.get((item.get("availability") or "").strip().lower())


def run_xml(path, bare):
    counts = [0, 0]
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag != "item":
            continue
        item = {}
        for child in element:
            name = child.tag[len(G):] if child.tag.startswith(G) else child.tag
            item.setdefault(name, child.text or "")
        if not bare:
            interpret(item, counts)
        counts[0] += 1
        element.clear()
    return counts


def run_csv(path, bare):
    counts = [0, 0]
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        reader.fieldnames = [name[2:] if name.startswith("g:") else name for name in reader.fieldnames]
        for row in reader:
            if not bare:
                interpret(row, counts)
            counts[0] += 1
    return counts


def run_json(path, bare):
    counts = [0, 0]
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    for item in document["data"]["products"]:
        if not bare:
            interpret(item, counts)
        counts[0] += 1
    return counts


def main():
    kind, path = sys.argv[1], sys.argv[2]
    bare = len(sys.argv) > 3 and sys.argv[3] == "bare"
    start, cpu_start = time.perf_counter(), time.process_time()
    items, priced = {"xml": run_xml, "csv": run_csv, "json": run_json}[kind](path, bare)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"items {items} priced {priced} problems 0 seconds {seconds:.3f} peak_kb {usage.ru_maxrss} cpu_seconds {cpu:.3f}")


if __name__ == "__main__":
    main()
