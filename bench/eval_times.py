#!/usr/bin/env python3
"""Score ``times[]`` on MEANTIME dev (or any file in its format): detection F1 (any overlap)
and value F1, the way ``../shared/tools/score.py times`` computes them, plus an error list.

    .venv/bin/python bench/eval_times.py [GOLD.jsonl] [--system SYSTEM.jsonl] [--errors]

Without ``--system`` the pipeline is run on GOLD here.  A gold file of ``bench/gold/`` (ids,
offsets and values only) gets its texts from ../shared (``bench/gold/build.py``).  The figures that count are the ones
``score.py times`` prints; this script exists to read the errors.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "meantime" / "dev.jsonl"
sys.path.insert(0, str(ROOT.parent / "shared" / "tools"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("gold", nargs="?", default=str(DEFAULT))
    ap.add_argument("--system")
    ap.add_argument("--errors", action="store_true", help="list wrong, missed and spurious times")
    args = ap.parse_args()
    from score import canon_value  # the scorer's own value convention

    gold = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    if not all("text" in g for g in gold):  # bench/gold keeps offsets only: texts from ../shared
        sys.path.insert(0, str(ROOT / "bench" / "gold"))
        from build import build

        gold = build(Path(args.gold))
    if args.system:
        system = {r["id"]: r for r in map(json.loads, open(args.system, encoding="utf-8"))}
    else:
        from tidings.pipeline import extract_many

        system = {r.id: r.to_dict() if hasattr(r, "to_dict") else json.loads(r.model_dump_json(by_alias=True))
                  for r in extract_many(gold)}
    n_gold = n_sys = n_match = n_val = 0
    for g in gold:
        res = system.get(g["id"], {})
        end = g.get("annotated_end", len(g["text"]))
        sx = [t for t in res.get("times", []) if t["start"] < end]
        gx = g.get("timexes", [])
        n_gold += len(gx)
        n_sys += len(sx)
        used: set[int] = set()
        for a in gx:
            best, bov = None, 0
            for k, b in enumerate(sx):
                ov = min(a["end"], b["end"]) - max(a["start"], b["start"])
                if ov > bov and k not in used:
                    best, bov = k, ov
            if best is None:
                if args.errors:
                    print(f"MISS  {g['id']} {a['text']!r} {a['type']} {a['value']}  pub={g.get('published')}")
                continue
            used.add(best)
            b = sx[best]
            n_match += 1
            ok = canon_value(a["value"]) == canon_value(b.get("value"), b.get("granularity"))
            n_val += ok
            if args.errors and not ok:
                ctx = g["text"][max(0, b["start"] - 50):b["end"] + 30].replace("\n", " ")
                print(f"VALUE {g['id']} {a['text']!r} gold={a['value']} sys={b.get('value')}/{b.get('granularity')}"
                      f"  pub={g.get('published')}  …{ctx}…")
        if args.errors:
            for k, b in enumerate(sx):
                if k not in used:
                    ctx = g["text"][max(0, b["start"] - 40):b["end"] + 30].replace("\n", " ")
                    print(f"SPUR  {g['id']} {b['text']!r} {b.get('value')}  …{ctx}…")

    def f1(c: int, s: int, gtot: int) -> tuple[float, float, float]:
        p, r = (c / s if s else 0.0), (c / gtot if gtot else 0.0)
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    dp, dr, df = f1(n_match, n_sys, n_gold)
    vp, vr, vf = f1(n_val, n_sys, n_gold)
    print(f"gold {n_gold}  system {n_sys}  matched {n_match}  values right {n_val}")
    print(f"detection (overlap)  P {dp:.4f}  R {dr:.4f}  F1 {df:.4f}")
    print(f"value                P {vp:.4f}  R {vr:.4f}  F1 {vf:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
