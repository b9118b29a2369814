#!/usr/bin/env python3
"""Throughput of ``tidings.extract_many`` against bare spaCy ``nlp.pipe`` on the same texts.

Both run in the same invocation, each in a fresh child process (so peak memory is that
run's own), alternating twice to even out noise from other load on the machine.  Prints
documents/s, words/s, the ratio pipeline / bare (target >= 0.8) and peak RSS.

    .venv/bin/python bench/throughput.py [--docs 200] [PATH ...]

PATH: a folder of articles or a .jsonl document list; default: one text per article of
../shared/data/polnear/train.jsonl.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"


def load_texts(paths: list[str], limit: int) -> list[str]:
    texts: list[str] = []
    seen: set[str] = set()
    for raw in paths or [str(DEFAULT)]:
        p = Path(raw)
        files = sorted(p.rglob("*.txt")) if p.is_dir() else [p]
        for f in files:
            if f.suffix == ".jsonl":
                for line in f.open(encoding="utf-8"):
                    rec = json.loads(line)
                    key = rec.get("doc") or rec.get("id")
                    if key in seen:
                        continue
                    seen.add(key)
                    texts.append(rec["text"])
                    if len(texts) >= limit:
                        return texts
            else:
                texts.append(f.read_text(encoding="utf-8"))
                if len(texts) >= limit:
                    return texts
    return texts


def _bare(texts: list[str], q: "mp.Queue[tuple[float, int]]") -> None:
    from tidings.nlp import get_nlp

    nlp = get_nlp()
    list(nlp.pipe(texts[:2]))  # warm up
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    q.put((time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def _tidings(texts: list[str], q: "mp.Queue[tuple[float, int]]") -> None:
    from tidings.pipeline import Pipeline

    pipe = Pipeline()
    pipe.warm_up()  # as the CLI and the batch workers do when they start
    list(pipe.extract_many([{"id": "w", "text": t} for t in texts[:2]]))
    t0 = time.perf_counter()
    for _ in pipe.extract_many(({"id": str(i), "text": t} for i, t in enumerate(texts)), batch_size=32):
        pass
    q.put((time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def measure(target, texts: list[str]) -> tuple[float, int]:
    ctx = mp.get_context("spawn")
    q: "mp.Queue[tuple[float, int]]" = ctx.Queue()
    proc = ctx.Process(target=target, args=(texts, q))
    proc.start()
    out = q.get()
    proc.join()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    texts = load_texts(args.paths, args.docs)
    if not texts:
        print("no texts found", file=sys.stderr)
        return 1
    words = sum(len(t.split()) for t in texts)
    bare, full = [], []
    for _ in range(args.rounds):
        bare.append(measure(_bare, texts))
        full.append(measure(_tidings, texts))
    b = min(t for t, _ in bare)
    f = min(t for t, _ in full)
    print(f"documents: {len(texts)}  words: {words}  rounds: {args.rounds} (best of each)")
    print(f"{'run':<22}{'docs/s':>10}{'words/s':>12}{'peak RSS MB':>14}")
    print(f"{'bare nlp.pipe':<22}{len(texts) / b:>10.1f}{words / b:>12.0f}{max(m for _, m in bare) / 1024:>14.0f}")
    print(f"{'tidings extract_many':<22}{len(texts) / f:>10.1f}{words / f:>12.0f}{max(m for _, m in full) / 1024:>14.0f}")
    print(f"RATIO tidings/bare = {b / f:.3f}  (target >= 0.8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
