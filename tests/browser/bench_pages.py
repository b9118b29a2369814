"""Time every web page on a 10,000-document corpus (not a test: run it by hand).

    .venv/bin/python -m tests.browser.bench_pages [--docs 10000] [--db /tmp/tidings-web-bench.db]

Builds the corpus once from ``tidings.store.synthetic`` (no model; a few minutes), starts
the real app on a free port and prints the median and 95th-percentile time of each page
over 20 requests, measured from the client over HTTP."""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import httpx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--db", default="/tmp/tidings-web-bench.db")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    from tests.browser.conftest import LiveServer
    from tidings.api import create_app
    from tidings.store import Store
    from tidings.store.synthetic import synthetic_results

    store = Store("sqlite:///" + args.db)
    have = store.counts().documents
    if have < args.docs:
        started = time.perf_counter()
        for result in synthetic_results(args.docs):
            store.put(result)
        print(f"stored {args.docs} documents in {time.perf_counter() - started:.0f} s")
    counts = store.counts()
    print(f"corpus: {counts.documents} documents, {counts.actors} actors, "
          f"{counts.statements} statements, {counts.events} events  ({Path(args.db)})")
    doc = store.search("talks", limit=1).items[0].id
    actor = store.actors(limit=1).items[0].id
    pages = ["/", "/search?q=talks", "/search?q=talks&page=50", "/search?q=ceasefire&kind=statements",
             "/search?page=400", "/actors", "/actors?q=maria", f"/actors/{actor}",
             f"/actors/{actor}?page=3", "/timeline", "/timeline?page=300", "/timeline?type=ASSAULT",
             f"/timeline?actor={actor}", "/network", "/network?type=AID", f"/documents/{doc}"]
    with LiveServer(create_app(store, write_token=None)) as server, \
            httpx.Client(base_url=server.url, timeout=30) as client:
        print(f"{'page':45} {'median ms':>10} {'p95 ms':>8}")
        for path in pages:
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - t0) * 1000)
                response.raise_for_status()
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            print(f"{path:45} {statistics.median(times):10.1f} {p95:8.1f}")
    store.close()


if __name__ == "__main__":
    main()
