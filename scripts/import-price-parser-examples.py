#!/usr/bin/env python3
"""Converts the hand-labelled price strings of Scrapinghub's price-parser test suite into a JSONL fixture.

    python3 scripts/import-price-parser-examples.py price_parser-0.5.1/tests/test_price_parsing.py \
        > fixtures/prices/real-strings/price-parser-examples.jsonl

The strings were "collected from a random sample of pages from different domains" and labelled by hand by
price-parser's authors (BSD-3-Clause, see LICENSE-price-parser beside the fixture). Each line:
{"set", "text", "hint", "currency_raw", "amount", "decimal_separator"}: `hint` is the text found near the price
(price-parser's `currency_raw` argument), `currency_raw` the currency token as written (price-parser's
`currency`), `amount` the expected amount as a decimal string or null. Read with the AST, never executed.
"""
import ast
import json
import sys

source = open(sys.argv[1], encoding="utf-8").read()
tree = ast.parse(source)


def value(node):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Decimal":
        return node.args[0].value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return -value(node.operand)
    raise ValueError(ast.dump(node))


for statement in tree.body:
    if not (isinstance(statement, (ast.Assign, ast.AnnAssign)) and isinstance(statement.value, ast.List)):
        continue
    target = statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
    name = getattr(target, "id", "")
    if not name.startswith("PRICE_PARSING_EXAMPLES"):
        continue
    for element in statement.value.elts:
        call = element
        # pytest.param(Example(...), marks=...)
        if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "param":
            call = call.args[0]
        if not (isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Example"):
            continue
        args = [value(argument) for argument in call.args]
        keywords = {keyword.arg: value(keyword.value) for keyword in call.keywords}
        hint, text, currency, _amount_text, amount = (args + [None] * 5)[:5]
        if text is None:
            continue
        amount_text = None if amount is None else (amount if isinstance(amount, str) else repr(amount))
        row = {"set": name.replace("PRICE_PARSING_EXAMPLES", "examples").lower().strip("_"),
               "text": text, "hint": hint, "currency_raw": currency, "amount": amount_text,
               "decimal_separator": keywords.get("decimal_separator")}
        # Checked by hand: a few labels of the "currencies to be added" list expect an amount of 1 for a text
        # that holds no number at all (only the currency token); there is no price in such a text ("Free" = 0 stays).
        free = text.strip().rstrip("!.").lower() in ("free", "gratis", "gratuit", "kostenlos", "gratuito")
        if amount_text is not None and not free and not any(character.isdigit() for character in text):
            row["amount"] = None
            row["corrected"] = "no number in the text: no amount"
        print(json.dumps(row, ensure_ascii=False))
