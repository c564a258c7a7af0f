"""Prints N JSONL price requests cycling the rows of the Swift price table (text, currency hint)."""
import json, re, sys

table, count = sys.argv[1], int(sys.argv[2])
row = re.compile(r'PriceRow\((".*?(?<!\\)"), "[^"]*", "[^"]*", ".*?", hint: (nil|"[A-Z]+")\)')
requests = []
for line in open(table, encoding="utf-8"):
    match = row.search(line)
    if not match:
        continue
    text = json.loads(match.group(1).replace("\\u{00A0}", "\u00a0").replace("\\u{202F}", "\u202f"))
    hint = None if match.group(2) == "nil" else match.group(2).strip('"')
    requests.append({"text": text, "currency_hint": hint, "decimal_separator_hint": None})
out = sys.stdout
for i in range(count):
    out.write(json.dumps(requests[i % len(requests)], ensure_ascii=False) + "\n")
