"""Prints N JSONL price requests cycling the rows of the price table (text, currency hint)."""
import json, sys

table, count = sys.argv[1], int(sys.argv[2])
requests = []
for line in open(table, encoding="utf-8"):
    row = json.loads(line)
    requests.append({"text": row["text"], "currency_hint": row["hint"], "decimal_separator_hint": None})
out = sys.stdout
for i in range(count):
    out.write(json.dumps(requests[i % len(requests)], ensure_ascii=False) + "\n")
