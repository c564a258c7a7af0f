#!/usr/bin/env python3
"""Reference for Benchmarks/mail/run.sh: Python's `email` package plus the same kind of regular-expression
extraction omniaudit does (codes after a code word, percent off, prices with a currency, dates, free-shipping
thresholds), over every message of an mbox. Prints: messages N seconds S promos P."""
import email
import email.policy
import html.parser
import re
import sys
import time

CODE = re.compile(r"(?i)\b(?:codice|code|coupon|gutscheincode|rabattcode|c[oó]digo|voucher)\b[\s:]*(?:(?:sconto|promo|il|the|is|di|del|your)\s+)*([A-Z0-9][A-Z0-9_-]{2,23})\b")
PERCENT = re.compile(r"(?i)(?:-\s?(\d{1,2})\s?%|(\d{1,2})\s?%\s*(?:off|di sconto|sconto|rabatt|de descuento|de r[ée]duction))")
PRICE = re.compile(r"(?:€|\$|£)\s?(\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{2})?)|(\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{2})?)\s?(?:€|EUR\b)")
DATE = re.compile(r"\b(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\b")
FREE = re.compile(r"(?i)(?:spedizione gratuita|free shipping|kostenloser versand|livraison gratuite|env[ií]o gratis)[^.\n]{0,40}?(?:€|\$)?\s?(\d+(?:[.,]\d{2})?)")


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head"):
            self.skip += 1
        elif tag in ("p", "div", "br", "tr", "td", "li", "h1", "h2", "h3"):
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def text_of(message):
    parts = []
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        kind = part.get_content_type()
        if kind not in ("text/plain", "text/html"):
            continue
        try:
            body = part.get_content()
        except Exception:
            body = (part.get_payload(decode=True) or b"").decode("latin-1", "replace")
        if kind == "text/html":
            parser = Text()
            try:
                parser.feed(body)
            except Exception:
                pass
            body = "".join(parser.out)
        parts.append(body)
    return "\n".join(parts)


def main(path):
    raw = open(path, "rb").read()
    chunks = re.split(rb"\n(?=From )", raw)
    start = time.perf_counter()
    promos = 0
    for chunk in chunks:
        chunk = chunk.split(b"\n", 1)[1] if chunk.startswith(b"From ") else chunk
        try:
            message = email.message_from_bytes(chunk, policy=email.policy.default)
            subject = str(message.get("subject", ""))
            text = subject + "\n" + text_of(message)
        except Exception:
            continue
        found = [CODE.search(line) or PERCENT.search(line) or FREE.search(line) for line in text.splitlines()]
        prices = [PRICE.findall(line) for line in text.splitlines()]
        dates = DATE.findall(text)
        if any(found) or any(prices) or dates:
            promos += 1
    print(f"messages {len(chunks)} seconds {time.perf_counter() - start:.3f} promos {promos}")


if __name__ == "__main__":
    main(sys.argv[1])
