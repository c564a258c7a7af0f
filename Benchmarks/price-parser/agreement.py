"""Reports how often omniaudit and price-parser read the same amount (they differ by design on e.g. 1.299)."""
import json, sys
from decimal import Decimal

same = total = swift_amounts = python_amounts = 0
with open(sys.argv[1], encoding="utf-8") as a, open(sys.argv[2], encoding="utf-8") as b:
    for left, right in zip(a, b):
        total += 1
        x, y = json.loads(left)["amount"], json.loads(right)["amount"]
        swift_amounts += x is not None
        python_amounts += y is not None
        same += (x is None and y is None) or (x is not None and y is not None and Decimal(x) == Decimal(y))
print(f"amounts read: omniaudit {swift_amounts}/{total}, price-parser {python_amounts}/{total}; same amount on {same}/{total}")
