"""The peer: extruct on the same pages, with and without RDFa. Prints MB/s for each.

With --without-rdfa-only the RDFa run is left out. With --repeat N each figure is the best of N runs (the
machine is shared; omniaudit's side is measured the same way). With --processes N (N > 1) it also runs the RDFa-less extraction in N worker processes (the pages preloaded and
the workers started before the clock starts), so omniaudit on N cores stands beside extruct on N cores."""
import multiprocessing
import sys
import time
import extruct

SYNTAXES = {"all": ["json-ld", "microdata", "opengraph", "rdfa"], "norfda": ["json-ld", "microdata", "opengraph"]}
args = sys.argv[1:]
processes = 1
repeat = 1
labels = ["all", "norfda"]
if args[:1] == ["--repeat"]:
    repeat, args = int(args[1]), args[2:]
if args[:1] == ["--processes"]:
    processes, args = int(args[1]), args[2:]
if args[:1] == ["--without-rdfa-only"]:
    labels, args = ["norfda"], args[1:]
pages = [(f, open(f, "rb").read()) for f in args]
total = sum(len(p) for _, p in pages)


def extract(indices):
    for index in indices:
        extruct.extract(pages[index][1], base_url="https://example.com/", syntaxes=SYNTAXES["norfda"], uniform=False, errors="ignore")
    return len(indices)


if __name__ == "__main__":
    for label in labels:
        syntaxes = SYNTAXES[label]
        best = None
        for _ in range(repeat):
            start = time.perf_counter()
            for name, data in pages:
                extruct.extract(data, base_url="https://example.com/", syntaxes=syntaxes, uniform=False, errors="ignore")
            seconds = time.perf_counter() - start
            best = seconds if best is None else min(best, seconds)
        print(label, f"{total / 1e6 / best:.1f}")
    if processes > 1:
        # Largest pages first, dealt to whichever worker is free (as omniaudit's workers take pages).
        order = sorted(range(len(pages)), key=lambda i: -len(pages[i][1]))
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            pool.map(len, [[]] * processes)  # workers up before the clock starts
            best = None
            for _ in range(repeat):
                start = time.perf_counter()
                pool.map(extract, [[i] for i in order], chunksize=1)
                seconds = time.perf_counter() - start
                best = seconds if best is None else min(best, seconds)
            print(f"norfda-{processes}proc", f"{total / 1e6 / best:.1f}")
