"""Statements on PolNeAR: exact and token-overlap P/R/F1 of source, cue and content spans.

    .venv/bin/python bench/eval_statements.py [--part heldout|dev|train] [--limit N]
        [--data ../shared/data/polnear/train.jsonl] [--keep out.jsonl] [--reparse]

The training file is split by article (all annotators of an article on the same side),
by ``sha1(doc)``:  ``% 100 < 15`` is the HELD-OUT slice (never used to build tables or to
tune rules), ``15 <= % 100 < 30`` is the DEV slice used while tuning, the rest is TRAIN
(the slice the cue table is counted on: ``bench/learn_statement_cues.py``).

The articles are cleaned and parsed once through the tidings pipeline and cached under
``/tmp/tidings-polnear-<part>.pkl``; the statements stage then runs on the cached parses
(entities and times layers left empty -- PolNeAR scores spans, not resolved speakers),
results are written as tidings/1 jsonl (one per article, id = ``doc``), and
``../shared/tools/score.py statements-polnear`` scores them exactly as the held-out
figures are computed.  The same figures come from the full CLI::

    .venv/bin/tidings extract --format jsonl SUBSET.jsonl > out.jsonl
    python3 ../shared/tools/score.py statements-polnear SUBSET.jsonl out.jsonl
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
DATA = SHARED / "data" / "polnear" / "train.jsonl"


def part_of(doc: str) -> str:
    """Which slice an article belongs to: heldout, dev or train."""
    k = int(hashlib.sha1(doc.encode("utf-8")).hexdigest(), 16) % 100
    return "heldout" if k < 15 else "dev" if k < 30 else "train"


def records(path: Path, part: str) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if part == "all" or part_of(rec["doc"]) == part:
                out.append(rec)
    return out


def parsed_articles(recs: list[dict], cache: Path, reparse: bool) -> list[tuple]:
    """(Document, Cleaned, spaCy Doc) per distinct article, cached."""
    from spacy.tokens import DocBin

    from tidings.pipeline import default_pipeline

    pipe = default_pipeline()
    if cache.exists() and not reparse:
        with cache.open("rb") as fh:
            preps, data = pickle.load(fh)
        docs = list(DocBin().from_bytes(data).get_docs(pipe.nlp.vocab))
        return [(p.doc, p.cleaned, d) for p, d in zip(preps, docs)]
    seen, items = set(), []
    for rec in recs:
        if rec["doc"] not in seen:
            seen.add(rec["doc"])
            items.append({"id": rec["doc"], "text": rec["text"], "published": rec.get("published")})
    preps = [pipe._prepare(it, None) for it in items]
    docs = list(pipe.nlp.pipe((p.cleaned.view.text for p in preps), batch_size=16))
    bin_ = DocBin(store_user_data=True)
    for d in docs:
        bin_.add(d)
    with cache.open("wb") as fh:
        pickle.dump((preps, bin_.to_bytes()), fh)
    return [(p.doc, p.cleaned, d) for p, d in zip(preps, docs)]


def results(arts: list[tuple], cues: str = "model", scope: str = "statements") -> list[dict]:
    from tidings.statements import extract as build
    from tidings.analysis import Analysis
    from tidings.document import Result
    from tidings.entities import EntityLayer
    from tidings.timex import TimeLayer

    out = []
    for doc, cleaned, parsed in arts:
        an = Analysis(doc=doc, cleaned=cleaned, parsed=parsed,
                      layers={"entities": EntityLayer(), "times": TimeLayer()})
        res = Result(id=doc.id, text=doc.text, statements=build(an, cues=cues, scope=scope))
        out.append(res.to_dict())
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--part", default="dev", choices=["heldout", "dev", "train", "all"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--keep", type=Path, help="also write the system jsonl here")
    ap.add_argument("--reparse", action="store_true")
    ap.add_argument("--cues", default="model", choices=["model", "table"],
                    help="cue detection: the trained classifier or the lemma table alone")
    ap.add_argument("--scope", default="statements", choices=["statements", "attributions"],
                    help="statements (the default of the stage) or all PolNeAR-style attributions")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} not found", file=sys.stderr)
        return 2
    recs = records(args.data, args.part)
    t0 = time.time()
    arts = parsed_articles(recs, Path(tempfile.gettempdir()) / f"tidings-polnear-{args.part}.pkl",
                           args.reparse)
    if args.limit:
        arts = arts[:args.limit]
        keep = {a[0].id for a in arts}
        recs = [r for r in recs if r["doc"] in keep]
    t1 = time.time()
    res = results(arts, args.cues, args.scope)
    t2 = time.time()
    print(f"{len(arts)} articles, {len(recs)} records; parse/cache {t1 - t0:.1f}s, "
          f"statements {t2 - t1:.1f}s", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        gold, system = Path(tmp) / "gold.jsonl", Path(tmp) / "system.jsonl"
        gold.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        system.write_text("".join(json.dumps(r) + "\n" for r in res), encoding="utf-8")
        if args.keep:
            args.keep.write_text(system.read_text(encoding="utf-8"), encoding="utf-8")
        proc = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"),
                               "statements-polnear", str(gold), str(system)],
                              capture_output=True, text=True)
        print(proc.stdout, end="")
        print(proc.stderr, end="", file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())
