#!/usr/bin/env python3
"""How far PolNeAR's own annotators agree, scored exactly as the system is.

    .venv/bin/python bench/polnear_agreement.py [--data ../shared/data/polnear/train.jsonl]
        [--with-heldout] [--system SYSTEM.jsonl]

Sixteen PolNeAR articles were annotated by five or six people each.  On those articles
(the one in the held-out slice of ``bench/eval_statements.py`` is left out unless
``--with-heldout``) this script scores, with ``../shared/tools/score.py statements-polnear``:

- **pairwise**: every annotator taken as the "system" against every other one as gold;
- **consensus**: for each annotator, the spans that at least a share of the *other*
  annotators marked (per role, exact positions), against that annotator, for several
  shares.  This is what a predictor of the annotators' common judgement would score
  against one annotator, which is how a held-out article with one annotator is scored;
  the best share is picked on these very articles, so the row is optimistic;
- **system** (with ``--system``): a tidings/1 jsonl of those articles (id = PolNeAR
  ``doc``; make it with ``--write-input`` and ``tidings extract --format jsonl``) against
  every annotator.

The figures bound what exact-span F1 any system can be expected to reach on this corpus.
"""
from __future__ import annotations

import argparse
import collections
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
ROLES = ("source", "cue", "content")
SHARES = (0.2, 0.4, 0.6, 0.8)

sys.path.insert(0, str(HERE))
from eval_statements import DATA, part_of  # noqa: E402


def multi_annotated(path: Path, *, with_heldout: bool) -> dict[str, list[dict]]:
    by: dict[str, list[dict]] = collections.defaultdict(list)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            by[rec["doc"]].append(rec)
    return {d: rs for d, rs in sorted(by.items())
            if len(rs) > 1 and (with_heldout or part_of(d) != "heldout")}


def unit_statement(role: str, spans: list[dict]) -> dict:
    """A tidings/1 statement that carries one role's spans only (score.py counts the
    units of each role separately, so one statement per unit is scored the same)."""
    if role == "source":
        return {"speaker": {"spans": spans, "start": spans[0]["start"], "end": spans[-1]["end"],
                            "text": ""}, "content": []}
    if role == "cue":
        return {"cue": spans, "content": []}
    return {"content": spans}


def as_statements(rec: dict) -> list[dict]:
    return [unit_statement(role, a[role]) for a in rec["attributions"] for role in ROLES if a.get(role)]


def consensus(others: list[dict], share: float) -> list[dict]:
    """The units at least ``share`` of ``others`` marked (at least one annotator)."""
    need = max(1, round(share * len(others)))
    votes: dict[tuple[str, tuple], int] = collections.Counter()
    spans: dict[tuple[str, tuple], list[dict]] = {}
    for rec in others:
        seen = set()
        for a in rec["attributions"]:
            for role in ROLES:
                if a.get(role):
                    key = (role, tuple(sorted((s["start"], s["end"]) for s in a[role])))
                    if key not in seen:
                        seen.add(key)
                        votes[key] += 1
                        spans[key] = a[role]
    return [unit_statement(role, spans[(role, k)]) for (role, k), v in votes.items() if v >= need]


def score(pairs: list[tuple[dict, dict]]) -> str:
    """score.py's table for (gold record, system result) pairs, ids made unique."""
    with tempfile.TemporaryDirectory() as tmp:
        g_path, s_path = Path(tmp) / "gold.jsonl", Path(tmp) / "sys.jsonl"
        with g_path.open("w", encoding="utf-8") as g, s_path.open("w", encoding="utf-8") as s:
            for i, (gold, res) in enumerate(pairs):
                rid = f"{gold['id']}#{i}"
                g.write(json.dumps({**gold, "id": rid, "doc": rid}) + "\n")
                s.write(json.dumps({**res, "id": rid}) + "\n")
        out = subprocess.run([sys.executable, str(SCORE), "statements-polnear", str(g_path), str(s_path)],
                             capture_output=True, text=True, check=True).stdout
    return "\n".join(line for line in out.splitlines() if line.split()[:1] and line.split()[0] in
                     ("role", "source", "cue", "content", "SCORE"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--with-heldout", action="store_true",
                    help="include the multi-annotated article of the held-out slice")
    ap.add_argument("--system", type=Path, help="tidings/1 jsonl of these articles (id = doc)")
    ap.add_argument("--write-input", type=Path,
                    help="write the articles as tidings input jsonl here and stop")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"no PolNeAR data at {args.data}", file=sys.stderr)
        return 2
    multi = multi_annotated(args.data, with_heldout=args.with_heldout)
    if args.write_input:
        with args.write_input.open("w", encoding="utf-8") as fh:
            for d, rs in multi.items():
                fh.write(json.dumps({"id": d, "text": rs[0]["text"], "published": rs[0].get("published")}) + "\n")
        return 0
    n_recs = sum(len(rs) for rs in multi.values())
    print(f"{len(multi)} articles annotated by several people, {n_recs} annotations")
    pairs = [(b, {"id": b["id"], "statements": as_statements(a)})
             for rs in multi.values() for a, b in itertools.permutations(rs, 2)]
    print(f"\npairwise: one annotator against another ({len(pairs)} ordered pairs)")
    print(score(pairs))
    for share in SHARES:
        rows = [(b, {"id": b["id"], "statements": consensus([a for a in rs if a is not b], share)})
                for rs in multi.values() for b in rs]
        print(f"\nconsensus: spans marked by >= {share:.0%} of the other annotators, against the left-out one")
        print(score(rows))
    if args.system:
        system = {}
        with args.system.open(encoding="utf-8") as fh:
            for line in fh:
                res = json.loads(line)
                system[res["id"]] = res
        missing = [d for d in multi if d not in system]
        if missing:
            print(f"{args.system}: no result for {len(missing)} articles, e.g. {missing[0]}", file=sys.stderr)
            return 2
        rows = [(b, system[d]) for d, rs in multi.items() for b in rs]
        print(f"\nsystem ({args.system.name}) against every annotator")
        print(score(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
