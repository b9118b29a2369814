"""Throughput of the batch runner against bare spaCy, on the same real articles.

    .venv/bin/python bench/batch_bench.py [--docs 160] [--chunk-size 16] [--data ../shared/data/polnear/train.jsonl]

Measures, in one run over the same documents (PolNeAR news articles, one per document):

1. bare spaCy: ``nlp.pipe`` over the raw texts (the model tidings uses), words/s;
2. ``Pipeline.extract_many`` in this process (cleaning + parse + every stage), words/s;
3. ``tidings batch`` (``run_batch``) on a local Dask cluster with 1 worker, then 2 workers.

"Words" are the tokens of the bare parse, the same count for every line, so the rates are
comparable.  Every process measured is warm: it has parsed the documents once before (spaCy's
vocabulary grows on first sight of a word) and has run every stage once on the workers'
warm-up article (``Pipeline.warm_up``: the stages load their tables lazily; what is loaded
is then frozen out of the garbage collector's way, as the CLI and the workers do), so the
figures are the steady state
of a long run, the same for each line; that one-time loading is printed on its own line
(``bench/throughput.py`` warms its pipeline the same way).  Batch times exclude cluster
start-up and model loading (each worker loads the model once, at start) but include reading
inputs, shipping them to the workers and writing Parquet; "with start-up and dedup" adds the
cluster start, the warm-up and the deduplication pass.  Prints the ratios
(targets: extract_many >= 0.8 x bare, 2 workers >= 1.7 x 1 worker) and the peak memory of
each worker process.  The machine's load average is printed before and after: other
processes on a shared machine make every figure noisy.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def load_docs(path: Path, n: int) -> list[dict]:
    """The first ``n`` distinct articles (PolNeAR has one line per annotator)."""
    seen, docs = set(), []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            key = rec.get("doc") or rec["id"]
            if key in seen:
                continue
            seen.add(key)
            docs.append({"id": key, "text": rec["text"], "published": rec.get("published")})
            if len(docs) >= n:
                break
    return docs


def _warm_up(texts: list[str]) -> int:
    """On a worker: parse the texts once, as the bench process did before timing."""
    from tidings.batch.worker import pipeline

    return sum(1 for _ in pipeline().nlp.pipe(texts, batch_size=32))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "polnear" / "train.jsonl")
    ap.add_argument("--docs", type=int, default=160)
    ap.add_argument("--chunk-size", type=int, default=16,
                    help="documents per task (160 / 16 = 10 tasks, 5 per worker with 2)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if not args.data.is_file():
        print(f"data not found: {args.data}", file=sys.stderr)
        return 2
    docs = load_docs(args.data, args.docs)
    print(f"{len(docs)} PolNeAR articles; load average before: {os.getloadavg()}")

    from tidings.batch.runner import _client, run_batch
    from tidings.batch.worker import LoadModel, peak_rss_mb
    from tidings.pipeline import DEFAULT_STAGES, Pipeline
    from tidings.stage import Stage

    for noisy in ("distributed", "tornado"):  # after importing distributed, which sets them
        logging.getLogger(noisy).setLevel(logging.ERROR)

    stage_cpu: dict[str, float] = {}

    def timed(stage: Stage) -> Stage:
        def func(analysis):  # type: ignore[no-untyped-def]
            c = time.process_time()
            try:
                return stage.func(analysis)
            finally:
                stage_cpu[stage.name] = stage_cpu.get(stage.name, 0.0) + time.process_time() - c
        return Stage(stage.name, stage.assigns, stage.requires, func)

    pipeline = Pipeline(stages=[timed(s) for s in DEFAULT_STAGES])
    nlp = pipeline.nlp
    texts = [d["text"] for d in docs]
    for _ in nlp.pipe(texts, batch_size=32):  # warm-up: the vocabulary learns these words
        pass
    c0 = time.process_time()
    pipeline.warm_up()  # as each worker (and the CLI) does at start
    print(f"one-time start-up of the stages (tables loaded on first use, once per process): "
          f"{time.process_time() - c0:.1f} CPU-s, not counted below")

    t0, c0 = time.perf_counter(), time.process_time()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    bare, bare_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"bare nlp.pipe:          {words / bare:8.0f} words/s  ({words} words, {bare:.1f} s; "
          f"{words / bare_cpu:.0f} words per CPU-second)")

    t0, c0 = time.perf_counter(), time.process_time()
    stage_cpu.clear()
    n = sum(1 for _ in pipeline.extract_many(docs, batch_size=32))
    many, many_cpu = time.perf_counter() - t0, time.process_time() - c0
    assert n == len(docs)
    shares = ", ".join(f"{name} {sec:.1f} s" for name, sec in stage_cpu.items())
    rest = many_cpu - sum(stage_cpu.values())
    print(f"extract_many (1 proc):  {words / many:8.0f} words/s  ({many:.1f} s; "
          f"{words / many_cpu:.0f} words per CPU-second)")
    print(f"  CPU by stage: {shares}; ingestion + cleaning + parse {rest:.1f} s "
          f"(the bare parse took {bare_cpu:.1f} s)")
    rss_main = peak_rss_mb()

    rates: dict[int, float] = {}
    cpu_rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="tidings-batch-bench-") as tmp:
        inp = Path(tmp) / "docs.jsonl"
        inp.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
        for workers in (1, 2):
            out = Path(tmp) / f"out{workers}"
            t0 = time.perf_counter()
            client, cluster = _client("local", workers)
            try:
                client.register_plugin(LoadModel())
                client.run(_warm_up, texts)  # each worker as warm as this process
                summary = run_batch([str(inp)], str(out), client=client,
                                    chunk_size=args.chunk_size)
            finally:
                client.close()
                cluster.close()
            wall = time.perf_counter() - t0
            assert summary.processed == len(docs), summary
            rates[workers] = words / summary.seconds
            cpu_rates[workers] = words / summary.cpu_seconds
            peaks = ", ".join(f"{mb:.0f} MB" for mb in sorted(summary.workers.values()))
            print(f"batch, {workers} worker(s):    {rates[workers]:8.0f} words/s  "
                  f"({summary.seconds:.1f} s processing, {wall:.1f} s with start-up and dedup; "
                  f"{summary.docs_per_second:.1f} docs/s; {cpu_rates[workers]:.0f} words per "
                  f"worker CPU-second; client {summary.client_cpu_seconds:.1f} CPU-s); "
                  f"peak memory per worker: {peaks}")
    d = summary.dedup
    print(f"deduplication of the 2-worker output: {d['article_duplicates_merged']} near-duplicate "
          f"articles in {d['article_groups']} groups; {d['events']} event reports -> "
          f"{d['events_merged']} events ({d['event_duplicates_merged']} merged)")
    print(f"ratios: extract_many / bare = {bare / many:.2f} (target >= 0.8); "
          f"2 workers / 1 worker = {rates[2] / rates[1]:.2f} (target >= 1.7); "
          f"1 worker / extract_many = {rates[1] / (words / many):.2f}")
    print(f"the same ratios in CPU time (insensitive to other load on the machine): "
          f"extract_many / bare = {bare_cpu / many_cpu:.2f}; a worker's words per CPU-second "
          f"with 2 workers / with 1 = {cpu_rates[2] / cpu_rates[1]:.2f} (1.00 = linear scaling "
          f"when each worker has a core of its own)")
    per_day = rates[2] / max(words / len(docs), 1) * 86400
    print(f"at the 2-worker rate: {per_day:,.0f} articles of this length per day")
    print(f"peak memory of this process (bare + extract_many): {rss_main:.0f} MB; "
          f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
