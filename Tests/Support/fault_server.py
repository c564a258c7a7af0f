#!/usr/bin/env python3
"""Fault-injecting HTTP server for omniaudit's crawler tests (Python 3 stdlib only).

Listens on 127.0.0.1 only (or --host, another loopback address such as 127.0.0.2), port 0 (the OS picks one) and prints the port on the first stdout line.
Counters are per server process; every test starts its own server and kills it at the end.
It exits by itself when its stdin closes or after --lifetime seconds (default 120), so a crashed test never
leaves it behind.

With --tls CERT KEY it serves HTTPS (the tests use a throw-away self-signed certificate).

Routes (GET):
  /robots.txt                 Disallow /private/, Allow /private/ok$, Sitemap: /sitemap-index.xml (503 to "downbot")
  /sitemap-index.xml          index of /sitemap-a.xml and /sitemap-b.xml.gz (gzipped child)
  /sitemap-a.xml, /sitemap-b.xml.gz   product pages /p/1../p/N (N from --products, split between both)
  /p/<n>                      a product page with JSON-LD (sku P-<n>, price <n>.90 EUR), ETag "p-<n>" and 304
  /private/<x>                a product page robots.txt disallows (except /private/ok)
  /slow                       drips one byte every 0.5 s (Content-Length 1000)
  /429?k=KEY[&date=1]         429 with Retry-After: 1 (seconds, or an HTTP-date) the first time per KEY, then 200
  /503?k=KEY                  503 the first time per KEY, then 200
  /500                        500 forever
  /loop/a, /loop/b            redirect to each other
  /chain/<n>                  redirects to /chain/<n-1>; /chain/0 is a page
  /short                      Content-Length 1000 but only 100 bytes, then the connection closes
  /bomb                       Content-Encoding: gzip, ~65 KB on the wire, 64 MB decompressed
  /gzip-ok                    a small gzip-encoded product page
  /big                        a 20 MB page
  /etag                       ETag "v1"; 304 when If-None-Match matches
  /headers                    echoes the request headers as JSON
  /sleep?ms=N                 answers after N ms; tracks the highest number of /sleep requests in flight
  /links                      a page linking to /p/1, /p/2, /private/x, /links2 and an image
  /links2                     a page linking to /p/3
  /feed.json                  an app feed of P-1..P-N with the same prices as the pages
  /merchant.xml.gz            a gzip file (application/gzip) of a Merchant RSS feed of P-1..P-N, P-3 at 77.90 EUR
  /big-feed.csv               a 19 MB Merchant CSV: P-1..P-N, then 100,000 filler items Z-0..Z-99999
  /merchant.csv               a Merchant CSV of P-1..P-N (P-4 out of stock) sent with Content-Encoding: gzip
  /stats                      JSON: hits per path, max concurrent /sleep requests
  /received                   JSON: every request received so far, [{"path", "headers"}] (secrets tests)
  /redirect?to=URL            302 to any URL (file:///etc/passwd, another host …)
  /hostile-sitemap.xml?other=BASE   lists file:///etc/passwd, a bare path, ftp://, BASE/p/2 (another host),
                              /p/1, /redirect?to=file:///etc/passwd and /redirect?to=BASE/p/3
  /entity-sitemap.xml         an internal entity repeated inside one <loc> (billion-laughs style)
  /attributes-sitemap.xml     one element with 200,000 attributes
  /long-loc-sitemap.xml       a 3,000-character <loc> beside /p/1
  /empty-sitemap.xml          lists /links and /links2: pages without any product
  /empty-feed.json            {"products": []}
  /numbers-feed.json          a feed with a UTF-8 BOM and prices 1.5e2, 2E1, 1e-2, -5, 1e999 for P-1..P-5
  /many-products?n=N          one page with N JSON-LD products
"""
import argparse, gzip, json, os, sys, threading, time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

LOCK = threading.Lock()
HITS = {}
RECEIVED = []
SEEN = set()
SLEEPING = [0, 0]  # in flight, max
ARGS = None
BOMB = []  # built on the first /bomb request


def page(n, sku_prefix="P"):
    return ("<!doctype html><html><head><title>Product %s</title>"
            "<link rel=canonical href=\"/p/%s\">"
            "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
            "\"sku\":\"%s-%s\",\"name\":\"Product %s\",\"offers\":{\"@type\":\"Offer\",\"price\":\"%s.90\","
            "\"priceCurrency\":\"EUR\",\"availability\":\"https://schema.org/InStock\"}}</script></head>"
            "<body><h1>Product %s</h1></body></html>" % (n, n, sku_prefix, n, n, n, n)).encode()


def urlset(paths, base):
    items = "".join("<url><loc>%s%s</loc></url>" % (base, p) for p in paths)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + items + "</urlset>").encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=None, content_type="text/html; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def first_time(self, key):
        with LOCK:
            if key in SEEN:
                return False
            SEEN.add(key)
            return True

    def do_GET(self):
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        with LOCK:
            HITS[path] = HITS.get(path, 0) + 1
            RECEIVED.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}})
            if ARGS.log:
                with open(ARGS.log, "a") as log:
                    log.write(json.dumps(RECEIVED[-1]) + "\n")
        base = "http://%s:%d" % (ARGS.host, self.server.server_port)
        n = ARGS.products
        if path == "/robots.txt" and "downbot" in self.headers.get("User-Agent", ""):
            self.send(503, b"maintenance")  # robots.txt unavailable: RFC 9309 says the host is then disallowed
        elif path == "/robots.txt":
            self.send(200, ("User-agent: *\nDisallow: /private/\nAllow: /private/ok$\n\nUser-agent: otherbot\n"
                            "Disallow: /\n\nSitemap: %s/sitemap-index.xml\n" % base).encode(), content_type="text/plain")
        elif path == "/sitemap-index.xml":
            body = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    "<sitemap><loc>%s/sitemap-a.xml</loc></sitemap><sitemap><loc>%s/sitemap-b.xml.gz</loc></sitemap>"
                    "</sitemapindex>" % (base, base)).encode()
            self.send(200, body, content_type="application/xml")
        elif path == "/sitemap-a.xml":
            self.send(200, urlset(["/p/%d" % i for i in range(1, n // 2 + 1)], base), content_type="application/xml")
        elif path == "/sitemap-b.xml.gz":
            paths = ["/p/%d" % i for i in range(n // 2 + 1, n + 1)] + ["/private/x", "/500"]
            self.send(200, gzip.compress(urlset(paths, base)), content_type="application/gzip")
        elif path.startswith("/p/"):
            etag = '"p-%s"' % path[3:]
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send(200, page(path[3:]), {"ETag": etag})
        elif path.startswith("/private/"):
            self.send(200, page("private"))
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(1000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass
        elif path == "/429":
            if self.first_time("429" + query.get("k", [""])[0]):
                after = formatdate(time.time() + 2, usegmt=True) if "date" in query else "1"
                self.send(429, b"slow down", {"Retry-After": after})
            else:
                self.send(200, page(429))
        elif path == "/503":
            if self.first_time("503" + query.get("k", [""])[0]):
                self.send(503, b"busy")
            else:
                self.send(200, page(503))
        elif path == "/500":
            self.send(500, b"boom")
        elif path in ("/loop/a", "/loop/b"):
            self.send(302, b"", {"Location": "/loop/b" if path == "/loop/a" else "/loop/a"})
        elif path.startswith("/chain/"):
            left = int(path[7:] or 0)
            if left <= 0:
                self.send(200, page("chain"))
            else:
                self.send(301, b"", {"Location": "/chain/%d" % (left - 1)})
        elif path == "/short":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"y" * 100)
            self.wfile.flush()
            self.close_connection = True
        elif path == "/bomb":
            with LOCK:
                if not BOMB:
                    BOMB.append(gzip.compress(b"\0" * (64 << 20), 6))
            self.send(200, BOMB[0], {"Content-Encoding": "gzip"})
        elif path == "/gzip-ok":
            self.send(200, gzip.compress(page("gz")), {"Content-Encoding": "gzip"})
        elif path == "/big":
            self.send(200, b"<html><body>" + b"z" * (20 << 20) + b"</body></html>")
        elif path == "/etag":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.send_header("ETag", '"v1"')
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send(200, page("etag"), {"ETag": '"v1"'})
        elif path == "/headers":
            self.send(200, json.dumps({k.lower(): v for k, v in self.headers.items()}).encode(),
                      content_type="application/json")
        elif path == "/sleep":
            with LOCK:
                SLEEPING[0] += 1
                SLEEPING[1] = max(SLEEPING[1], SLEEPING[0])
            time.sleep(int(query.get("ms", ["100"])[0]) / 1000)
            with LOCK:
                SLEEPING[0] -= 1
            self.send(200, page("sleep"))
        elif path == "/links":
            self.send(200, b'<html><body><a href="/p/1">1</a> <a class=x href=\'/p/2#top\'>2</a>'
                      b'<a href="/private/x">x</a><a href="links2">more</a><a href="/img.png">img</a>'
                      b'<a href="http://example.invalid/elsewhere">out</a></body></html>')
        elif path == "/links2":
            self.send(200, b'<html><body><a href="/p/3">3</a><a href="/links">back</a></body></html>')
        elif path == "/feed.json":
            items = [{"id": "P-%d" % i, "price": "%d.90" % i, "currency": "EUR"} for i in range(1, n + 1)]
            self.send(200, json.dumps({"products": items}).encode(), content_type="application/json")
        elif path == "/merchant.xml.gz":
            items = "".join("<item><g:id>P-%d</g:id><title>Product %d</title><g:price>%s EUR</g:price>"
                            "<g:availability>in stock</g:availability></item>\n" % (i, i, "77.90" if i == 3 else "%d.90" % i)
                            for i in range(1, n + 1))
            body = ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">'
                    "<channel><title>Test</title>\n%s</channel></rss>\n" % items).encode()
            self.send(200, gzip.compress(body), content_type="application/gzip")
        elif path == "/big-feed.csv":
            # P-1..P-N then filler rows: over 16 MiB on the wire (no Content-Encoding), a real catalogue's size.
            filler = "x" * 180
            rows = ["P-%d,%d.90 EUR,in stock,%s\n" % (i, i, filler) for i in range(1, n + 1)]
            rows += ["Z-%d,1.00 EUR,in stock,%s\n" % (i, filler) for i in range(100000)]
            self.send(200, ("id,price,availability,description\n" + "".join(rows)).encode(), content_type="text/csv; charset=utf-8")
        elif path == "/merchant.csv":
            rows = "".join("P-%d,%d.90 EUR,%s\n" % (i, i, "out of stock" if i == 4 else "in stock") for i in range(1, n + 1))
            self.send(200, gzip.compress(("id,price,availability\n" + rows).encode()), {"Content-Encoding": "gzip"},
                      content_type="text/csv; charset=utf-8")
        elif path == "/received":
            with LOCK:
                body = json.dumps(RECEIVED[:-1]).encode()  # without this request
            self.send(200, body, content_type="application/json")
        elif path == "/redirect":
            self.send(302, b"", {"Location": query.get("to", ["/"])[0]})
        elif path == "/hostile-sitemap.xml":
            other = query.get("other", ["http://127.0.0.2:9"])[0]
            locs = ["file:///etc/passwd", "/etc/passwd", "ftp://127.0.0.1/x", other + "/p/2", base + "/p/1",
                    base + "/redirect?to=file:///etc/passwd", base + "/redirect?to=" + other + "/p/3"]
            items = "".join("<url><loc>%s</loc></url>" % l.replace("&", "&amp;") for l in locs)
            self.send(200, ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                            + items + "</urlset>").encode(), content_type="application/xml")
        elif path == "/entity-sitemap.xml":
            body = ('<?xml version="1.0"?>\n<!DOCTYPE urlset [<!ENTITY x "%s">]>\n'
                    '<urlset><url><loc>%s/%s</loc></url></urlset>' % ("a" * 100000, base, "&x;" * 10000)).encode()
            self.send(200, body, content_type="application/xml")
        elif path == "/attributes-sitemap.xml":
            attributes = " ".join("a%d=\"1\"" % i for i in range(200000))
            self.send(200, ('<urlset><url %s><loc>%s/p/1</loc></url></urlset>' % (attributes, base)).encode(),
                      content_type="application/xml")
        elif path == "/long-loc-sitemap.xml":
            self.send(200, urlset(["/p/1", "/p/" + "9" * 3000], base), content_type="application/xml")
        elif path == "/empty-sitemap.xml":
            self.send(200, urlset(["/links", "/links2"], base), content_type="application/xml")
        elif path == "/numbers-feed.json":
            prices = ["1.5e2", "2E1", "1e-2", "-5", "1e999"]
            items = ",".join('{"id": "P-%d", "price": %s, "currency": "EUR"}' % (i + 1, p) for i, p in enumerate(prices))
            self.send(200, b"\xef\xbb\xbf" + ('{"products": [%s]}' % items).encode(), content_type="application/json")
        elif path == "/empty-feed.json":
            self.send(200, b'{"products": []}', content_type="application/json")
        elif path == "/many-products":
            count = int(query.get("n", ["10"])[0])
            items = ",".join('{"@type":"Product","sku":"M-%d","name":"M %d","offers":{"@type":"Offer","price":"%d.00",'
                             '"priceCurrency":"EUR"}}' % (i, i, i % 97 + 1) for i in range(count))
            self.send(200, ('<html><head><script type="application/ld+json">[%s]</script></head><body><h1>Many</h1>'
                            '</body></html>' % items).encode())
        elif path == "/cyrillic":
            # The header says windows-1251; the page's own meta wrongly says ISO-8859-1 (which would read the same
            # bytes as "\u00ca\u00ee\u00f4\u00e5"): the header must win.
            body = ('<html><head><meta charset="iso-8859-1"><title>x</title>'
                    '<script type="application/ld+json">{"@type": "Product", "sku": "K-1", "name": "\u041a\u043e\u0444\u0435",'
                    ' "offers": {"price": "12.90", "priceCurrency": "EUR"}}</script></head><body></body></html>')
            self.send(200, body.encode("cp1251"), content_type="text/html; charset=windows-1251")
        elif path == "/stats":
            with LOCK:
                body = json.dumps({"hits": HITS, "max_sleeping": SLEEPING[1]}).encode()
            self.send(200, body, content_type="application/json")
        else:
            self.send(404, b"not found")


def watch_parent():
    """Exits when stdin closes: the test process that started the server is gone."""
    while sys.stdin.buffer.read(4096):
        pass
    os._exit(0)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients hanging up (aborted bombs, timeouts) are expected here


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--products", type=int, default=6)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--log", help="append every request (path, headers) to this file as JSON lines")
    parser.add_argument("--lifetime", type=float, default=120)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="serve HTTPS with this certificate")
    ARGS = parser.parse_args()
    server = QuietServer((ARGS.host, 0), Handler)
    if ARGS.tls:
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*ARGS.tls)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_port, flush=True)
    timer = threading.Timer(ARGS.lifetime, lambda: os._exit(0))
    timer.daemon = True
    timer.start()
    threading.Thread(target=watch_parent, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
