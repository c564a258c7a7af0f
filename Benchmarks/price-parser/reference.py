"""Times price-parser on the requests: in-process loop and as a JSONL filter; best of 3 each, by wall clock
and by CPU time (process_time), since the machine is shared and wall time is noisy."""
import json, sys, time
from price_parser import Price

path, out_path = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().splitlines()
texts = [json.loads(line)["text"] for line in lines]

def measure(body):
    best_wall = best_cpu = 0.0
    for _ in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        body()
        best_wall = max(best_wall, len(lines) / (time.perf_counter() - wall))
        best_cpu = max(best_cpu, len(lines) / (time.process_time() - cpu))
    return int(best_wall), int(best_cpu)

def loop():
    for text in texts:
        Price.fromstring(text)

def jsonl():
    with open(out_path, "w", encoding="utf-8") as out:
        for line in lines:
            request = json.loads(line)
            price = Price.fromstring(request["text"], currency_hint=request.get("currency_hint"),
                                     decimal_separator=request.get("decimal_separator_hint"))
            out.write(json.dumps({"amount": None if price.amount is None else str(price.amount),
                                  "currency": price.currency, "currency_raw": price.currency}) + "\n")

print("loop %d %d" % measure(loop))
print("jsonl %d %d" % measure(jsonl))
