"""The peer: extruct on the same pages, with and without RDFa. Prints MB/s for each."""
import sys
import time
import extruct

files = sys.argv[1:]
pages = [(f, open(f, "rb").read()) for f in files]
total = sum(len(p) for _, p in pages)
for label, syntaxes in (("all", ["json-ld", "microdata", "opengraph", "rdfa"]), ("norfda", ["json-ld", "microdata", "opengraph"])):
    start = time.perf_counter()
    for name, data in pages:
        extruct.extract(data, base_url="https://example.com/", syntaxes=syntaxes, uniform=False, errors="ignore")
    print(label, f"{total / 1e6 / (time.perf_counter() - start):.1f}")
