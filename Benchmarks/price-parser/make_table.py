#!/usr/bin/env python3
"""Writes fixtures/prices/price-table.jsonl: price strings in the formats shops use, per currency,
with the expected amount and ISO code worked out here (independently of the Swift parser).

Each style is (pattern, thousands separator, decimal separator, fraction digits, hint) where the pattern has
{n} for the number. Run from the repo root: python3 Benchmarks/price-parser/make_table.py
"""
import json
from decimal import Decimal

NBSP, NNBSP = "\u00a0", "\u202f"

def fmt(amount, thousands, decimal, digits, lakh=False):
    q = Decimal(amount).quantize(Decimal(1) / (Decimal(10) ** digits)) if digits else Decimal(amount).quantize(Decimal(1))
    sign, whole, frac = str(q).partition(".")[0], str(q).partition(".")[0], str(q).partition(".")[2]
    groups = []
    if lakh and len(whole) > 3:
        head, tail = whole[:-3], whole[-3:]
        while len(head) > 2:
            groups.insert(0, head[-2:]); head = head[:-2]
        groups.insert(0, head); groups.append(tail)
    else:
        while len(whole) > 3:
            groups.insert(0, whole[-3:]); whole = whole[:-3]
        groups.insert(0, whole)
    text = thousands.join(groups)
    if digits:
        text += decimal + frac
    return text, q

def expected(q):
    """Like Money.format: a '.', at least two fraction digits, trailing zeros beyond two dropped."""
    s = format(q, "f")
    while "." in s and len(s.split(".")[1]) > 2 and s.endswith("0"):
        s = s[:-1]
    if "." not in s:
        s += ".00"
    elif len(s.split(".")[1]) < 2:
        s += "0"
    return s

# currency: list of (pattern, thousands, decimal, digits, hint, raw)
STYLES = {
    "EUR": [("{n} €", ".", ",", 2, None, "€"), ("{n}€", ".", ",", 2, None, "€"), ("€ {n}", ".", ",", 2, None, "€"),
            ("€{n}", ",", ".", 2, None, "€"), ("EUR {n}", ".", ",", 2, None, "EUR"), ("{n} EUR", ".", ",", 2, None, "EUR"),
            ("{n}" + NBSP + "€", NBSP, ",", 2, None, "€"), ("{n}" + NNBSP + "€", NNBSP, ",", 2, None, "€"),
            ("€ {n},-", ".", ",", 0, None, "€"), ("Prezzo: {n} €", ".", ",", 2, None, "€"), ("{n} Euro", ".", ",", 2, None, "Euro")],
    "USD": [("${n}", ",", ".", 2, "USD", "$"), ("US${n}", ",", ".", 2, None, "US$"), ("USD {n}", ",", ".", 2, None, "USD"),
            ("{n} USD", ",", ".", 2, None, "USD"), ("$ {n}", ",", ".", 0, "USD", "$"), ("Now ${n}", ",", ".", 2, "USD", "$")],
    "GBP": [("£{n}", ",", ".", 2, None, "£"), ("£ {n}", ",", ".", 2, None, "£"), ("GBP {n}", ",", ".", 2, None, "GBP"),
            ("Price: £{n}", ",", ".", 0, None, "£")],
    "CHF": [("CHF {n}", "'", ".", 2, None, "CHF"), ("CHF {n}", "'", ",", 2, None, "CHF"), ("Fr. {n}", "'", ".", 2, None, "Fr."),
            ("{n}.– CHF", "'", ".", 0, None, "CHF"), ("CHF {n}", "\u2019", ".", 2, None, "CHF")],
    "SEK": [("{n} kr", " ", ",", 0, "SEK", "kr"), ("{n} kr", " ", ",", 2, "SEK", "kr"), ("SEK {n}", " ", ",", 2, None, "SEK")],
    "NOK": [("kr {n},-", " ", ",", 0, "NOK", "kr"), ("{n},- Kr", ".", ",", 0, "NOK", "Kr"), ("NOK {n}", " ", ",", 2, None, "NOK")],
    "DKK": [("{n} kr.", ".", ",", 2, "DKK", "kr."), ("kr. {n}", ".", ",", 2, "DKK", "kr."), ("DKK {n}", ".", ",", 2, None, "DKK")],
    "PLN": [("{n} zł", " ", ",", 2, None, "zł"), ("{n}zł", " ", ",", 2, None, "zł"), ("PLN {n}", " ", ",", 2, None, "PLN")],
    "CZK": [("{n} Kč", " ", ",", 0, None, "Kč"), ("{n} Kč", " ", ",", 2, None, "Kč"), ("CZK {n}", " ", ",", 0, None, "CZK")],
    "HUF": [("{n} Ft", " ", ",", 0, None, "Ft"), ("{n} Ft", ".", ",", 0, None, "Ft"), ("HUF {n}", " ", ",", 0, None, "HUF")],
    "RON": [("{n} Lei", ".", ",", 2, None, "Lei"), ("{n} lei", ".", ",", 2, None, "lei"), ("RON {n}", ".", ",", 2, None, "RON")],
    "RUB": [("{n} ₽", " ", ",", 0, None, "₽"), ("{n} руб.", " ", ",", 0, None, "руб."), ("{n} ₽", NBSP, ",", 2, None, "₽")],
    "INR": [("₹{n}", ",", ".", 0, None, "₹", True), ("₹ {n}", ",", ".", 2, None, "₹", True), ("Rs. {n}", ",", ".", 0, None, "Rs.", True),
            ("INR {n}", ",", ".", 2, None, "INR")],
    "TRY": [("{n} ₺", ".", ",", 2, None, "₺"), ("₺{n}", ".", ",", 2, None, "₺"), ("{n} TL", ".", ",", 2, None, "TL")],
    "ILS": [("₪{n}", ",", ".", 2, None, "₪"), ("{n} ₪", ",", ".", 2, None, "₪"), ("ILS {n}", ",", ".", 2, None, "ILS")],
    "AED": [("{n} د.إ", ",", ".", 2, None, "د.إ"), ("AED {n}", ",", ".", 2, None, "AED"), ("د.إ {n}", ",", ".", 0, None, "د.إ")],
    "SAR": [("{n} ر.س", ",", ".", 2, None, "ر.س"), ("SAR {n}", ",", ".", 2, None, "SAR")],
    "EGP": [("{n} ج.م", ",", ".", 2, None, "ج.م"), ("EGP {n}", ",", ".", 0, None, "EGP")],
    "KRW": [("₩{n}", ",", ".", 0, None, "₩"), ("{n}원", ",", ".", 0, None, "원"), ("KRW {n}", ",", ".", 0, None, "KRW")],
    "JPY": [("¥{n}", ",", ".", 0, None, "¥"), ("{n}円", ",", ".", 0, None, "円"), ("￥{n}", ",", ".", 0, None, "￥"),
            ("JPY {n}", ",", ".", 0, None, "JPY")],
    "CNY": [("¥{n}", ",", ".", 2, "CNY", "¥"), ("{n}元", ",", ".", 2, None, "元"), ("CNY {n}", ",", ".", 2, None, "CNY"),
            ("RMB {n}", ",", ".", 2, None, "RMB")],
    "CAD": [("C${n}", ",", ".", 2, None, "C$"), ("CA${n}", ",", ".", 2, None, "CA$"), ("{n} $", " ", ",", 2, "CAD", "$"),
            ("CAD {n}", ",", ".", 2, None, "CAD")],
    "AUD": [("A${n}", ",", ".", 2, None, "A$"), ("AU$ {n}", ",", ".", 2, None, "AU$"), ("AUD {n}", ",", ".", 2, None, "AUD")],
    "NZD": [("NZ${n}", ",", ".", 2, None, "NZ$"), ("NZD {n}", ",", ".", 2, None, "NZD")],
    "BRL": [("R$ {n}", ".", ",", 2, None, "R$"), ("R${n}", ".", ",", 2, None, "R$"), ("BRL {n}", ".", ",", 2, None, "BRL")],
    "MXN": [("MX${n}", ",", ".", 2, None, "MX$"), ("MXN {n}", ",", ".", 2, None, "MXN")],
    "HRK": [("{n} kn", ".", ",", 2, None, "kn"), ("{n} Kn", ".", ",", 2, None, "Kn"), ("HRK {n}", ".", ",", 2, None, "HRK")],
    "KZT": [("{n} тг.", " ", ",", 0, None, "тг."), ("{n} ₸", " ", ",", 0, None, "₸"), ("KZT {n}", " ", ",", 0, None, "KZT")],
    "SGD": [("S${n}", ",", ".", 2, None, "S$"), ("SGD {n}", ",", ".", 2, None, "SGD")],
    "HKD": [("HK${n}", ",", ".", 2, None, "HK$"), ("HKD {n}", ",", ".", 2, None, "HKD")],
    "ZAR": [("R{n}", " ", ".", 2, None, "R"), ("ZAR {n}", ",", ".", 2, None, "ZAR")],
    "UAH": [("{n} ₴", " ", ",", 0, None, "₴"), ("{n} грн", " ", ",", 0, None, "грн")],
    "BGN": [("{n} лв.", " ", ",", 2, None, "лв."), ("BGN {n}", " ", ",", 2, None, "BGN")],
    "IDR": [("Rp {n}", ".", ",", 0, None, "Rp"), ("Rp{n}", ".", ",", 0, None, "Rp")],
    "MYR": [("RM {n}", ",", ".", 2, None, "RM"), ("RM{n}", ",", ".", 2, None, "RM")],
    "PHP": [("₱{n}", ",", ".", 2, None, "₱")],
    "THB": [("฿{n}", ",", ".", 0, None, "฿"), ("THB {n}", ",", ".", 2, None, "THB")],
    "VND": [("{n} ₫", ".", ",", 0, None, "₫"), ("VND {n}", ".", ",", 0, None, "VND")],
    "ISK": [("{n} kr.", ".", ",", 0, "ISK", "kr.")],
    "NGN": [("₦{n}", ",", ".", 2, None, "₦")],
    "KWD": [("KWD {n}", ",", ".", 3, None, "KWD")],
}
AMOUNTS = {
    "small": ["0.99", "4.50", "9.90", "19.99", "49.90", "129.00", "249.95"],
    "large": ["1299.00", "1049.95", "12999.00", "149999.50"],
}
BIG_UNIT = {"HUF", "KRW", "JPY", "IDR", "VND", "KZT", "ISK", "CZK", "RUB", "INR", "THB"}

rows = []
seen = set()
for code, styles in STYLES.items():
    for style in styles:
        pattern, th, dec, digits, hint, raw = style[:6]
        lakh = len(style) > 6
        amounts = AMOUNTS["small"] + AMOUNTS["large"]
        if code in BIG_UNIT:
            amounts = ["99", "990", "1299", "12990", "129900", "1299000"] if digits == 0 else amounts
        for amount in amounts:
            number, q = fmt(amount, th, dec, digits, lakh)
            if digits == 0 and q < 1:
                continue
            text = pattern.replace("{n}", number)
            if text in seen:
                continue
            seen.add(text)
            rows.append((text, expected(q), code, raw, hint))

with open("fixtures/prices/price-table.jsonl", "w", encoding="utf-8") as out:
    for text, amount, code, raw, hint in rows:
        out.write(json.dumps({"text": text, "amount": amount, "currency": code, "raw": raw, "hint": hint},
                             ensure_ascii=False) + "\n")
print(len(rows), "rows,", len(STYLES), "currencies")
