"""Times price-parser on the requests: in-process loop and as a JSONL filter; best of 3 each."""
import json, sys, time
from price_parser import Price

path, out_path = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().splitlines()
texts = [json.loads(line)["text"] for line in lines]

best = 0
for _ in range(3):
    start = time.perf_counter()
    for text in texts:
        Price.fromstring(text)
    best = max(best, len(texts) / (time.perf_counter() - start))
print("loop", int(best))

best = 0
for _ in range(3):
    start = time.perf_counter()
    with open(out_path, "w", encoding="utf-8") as out:
        for line in lines:
            request = json.loads(line)
            price = Price.fromstring(request["text"], currency_hint=request.get("currency_hint"),
                                     decimal_separator=request.get("decimal_separator_hint"))
            out.write(json.dumps({"amount": None if price.amount is None else str(price.amount),
                                  "currency": price.currency, "currency_raw": price.currency}) + "\n")
    best = max(best, len(lines) / (time.perf_counter() - start))
print("jsonl", int(best))
