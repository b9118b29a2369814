"""Corpus benchmark: store N documents in SQLite, then time the HTTP API (and the web
pages, when built in) on a real uvicorn server.

    .venv/bin/python bench/corpus_bench.py                 # 10,000 documents
    .venv/bin/python bench/corpus_bench.py --docs 2000 --requests 100
    .venv/bin/python bench/corpus_bench.py --pg postgresql://user:pw@localhost/db  # PostgreSQL

The documents come from :mod:`tidings.store.synthetic`: news-like articles generated with
the tidings/1 result a perfect extractor would give (entities, a direct and an indirect
statement, 2-3 PLOVER events, a time expression; actors drawn with Zipf-like frequency), so
the store is measured without the NLP model (the model's own throughput is bench/'s
extraction figure, not this one).  Each document is written with ``Store.upsert`` — one
transaction per document, as ``tidings ingest`` does.

Reported: documents/s stored (generation time excluded and shown separately), then the
median and 95th percentile latency of each endpoint over ``--requests`` requests with
varied parameters (search words from rare to very common; actor pages from the most
prominent actor to rare ones), measured from a client on the same machine.
"""
from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

import httpx
import uvicorn

from tidings.api import create_app
from tidings.store import Store
from tidings.store.synthetic import synthetic_result

WORDS = ["sanctions", "ceasefire", "talks", "aid", "troops", "refugees", "oil exports",
         "Venezuela", "Russia", "nuclear inspections", "grain", "retaliation", "election",
         "humanitarian aid", "border security", "shelled positions", "intelligence",
         "reporters", "agreement", "debt", "protested against", "Mendes", "Zakharova"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def fill(store: Store, count: int, seed: int) -> dict[str, float]:
    gen = 0.0
    write = 0.0
    for n in range(count):
        t0 = time.perf_counter()
        result = synthetic_result(n, seed=seed)
        t1 = time.perf_counter()
        store.upsert(result)
        t2 = time.perf_counter()
        gen += t1 - t0
        write += t2 - t1
        if n and n % 1000 == 0:
            print(f"  {n} documents stored ({n / write:.0f}/s)", file=sys.stderr)
    return {"documents": count, "store_seconds": round(write, 2),
            "documents_per_second": round(count / write, 1),
            "generate_seconds": round(gen, 2)}


def timed(client: httpx.Client, paths: list[str]) -> dict[str, float]:
    times = []
    for path in paths:
        t0 = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - t0) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code}: {response.text[:200]}")
    return {"n": len(times), "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 0.95), 1), "max_ms": round(max(times), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=200, help="requests per endpoint")
    ap.add_argument("--db", default=None, help="SQLite file (default: a temporary one)")
    ap.add_argument("--pg", default=None, metavar="URL",
                    help="measure PostgreSQL instead (in a new schema, dropped afterwards)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON only")
    args = ap.parse_args()
    if args.pg:
        from tidings.store.testing import private_schema

        with private_schema(args.pg) as url:
            run(args, url, None)
    else:
        tmp = tempfile.TemporaryDirectory()
        path = Path(args.db) if args.db else Path(tmp.name) / "bench.db"
        if path.exists():
            raise SystemExit(f"{path} exists: give a new file")
        run(args, f"sqlite:///{path}", path)


def run(args: argparse.Namespace, url: str, path: Path | None) -> None:
    store = Store(url)
    print(f"storing {args.docs} generated documents in {store!r} ...", file=sys.stderr)
    figures: dict[str, object] = {"database": store.dialect,
                                  "ingest": fill(store, args.docs, args.seed)}
    figures["counts"] = store.counts().to_dict()
    if path is not None:
        figures["db_megabytes"] = round(path.stat().st_size / 1e6, 1)

    rng = random.Random(args.seed)
    actors = store.actors(limit=500).items
    top = [a.id for a in actors[:10]]
    rest = [a.id for a in actors[10:]]
    n = args.requests

    def actor_ids() -> list[int]:  # a third of the requests hit the ten biggest actors
        return [rng.choice(top) if i % 3 == 0 else rng.choice(rest or top) for i in range(n)]

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(store, write_token=None)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        import tidings.web.pages  # noqa: F401  (the pages are served when built in)
        has_pages = True
    except ImportError:
        has_pages = False
    plans: dict[str, Callable[[], list[str]]] = {
        "GET /api/search?q=": lambda: [f"/api/search?q={rng.choice(WORDS)}&offset={rng.choice([0, 0, 20, 100])}"
                                       for _ in range(n)],
        "GET /api/actors/{id}": lambda: [f"/api/actors/{a}" for a in actor_ids()],
        "GET /api/statements?q=": lambda: [f"/api/statements?q={rng.choice(WORDS)}" for _ in range(n)],
        "GET /api/events?actor=": lambda: [f"/api/events?actor={a}" for a in actor_ids()],
        "GET /api/actors?q=": lambda: [f"/api/actors?q={rng.choice(['ma', 'petrov', 'united', 'a'])}"
                                       for _ in range(n)],
        "GET /api/timeline": lambda: ["/api/timeline?granularity=month"] * max(10, n // 10),
        "GET /api/network": lambda: ["/api/network?limit=100"] * max(10, n // 10),
    }
    if has_pages:
        plans["GET /search?q= (page)"] = lambda: [f"/search?q={rng.choice(WORDS)}" for _ in range(n)]
        plans["GET /actors/{id} (page)"] = lambda: [f"/actors/{a}" for a in actor_ids()]
    latency = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
        client.get("/api/counts")  # warm up
        for name, plan in plans.items():
            latency[name] = timed(client, plan())
    server.should_exit = True
    thread.join(timeout=10)
    figures["latency"] = latency
    store.close()
    if args.json:
        print(json.dumps(figures, indent=2))
        return
    ing = figures["ingest"]
    print(f"\nstored {ing['documents']} documents in {ing['store_seconds']} s: "  # type: ignore[index]
          f"{ing['documents_per_second']} documents/s "  # type: ignore[index]
          f"(+{ing['generate_seconds']} s generating them) in {figures['database']}; "  # type: ignore[index]
          f"{figures.get('db_megabytes', '?')} MB; {figures['counts']}")
    print(f"\n{'endpoint':32} {'n':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    for name, row in latency.items():
        print(f"{name:32} {row['n']:>5} {row['median_ms']:>10} {row['p95_ms']:>8} {row['max_ms']:>8}")


if __name__ == "__main__":
    main()
