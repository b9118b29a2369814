#!/usr/bin/env python3
"""Score the events stage on PLOVER-style gold sentences (../shared/data/plover/dev.jsonl).

    .venv/bin/python bench/eval_events.py [GOLD.jsonl] [--out SYSTEM.jsonl] [--show N]

Runs tidings over every record, writes the results as jsonl, prints the project scorer's
table (event-type accuracy and macro-F1, source/target country set F1, full-tuple match:
../shared/tools/score.py events-plover, the same script the held-out figures come from)
and the commonest type confusions.  ``--show N`` prints N sentences whose type or
countries are wrong, with what was extracted.
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(SHARED / "data" / "plover" / "dev.jsonl"))
    ap.add_argument("--out", default="/tmp/tidings-events-plover.jsonl")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    gold_path = Path(args.gold)
    if not gold_path.exists():
        print(f"{gold_path} is not here (the shared data sits beside the repository)")
        return 2
    from tidings.pipeline import extract_many

    with gold_path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    results = list(extract_many({"id": r["id"], "text": r["text"]} for r in records))
    with open(args.out, "w", encoding="utf-8") as fh:
        for res in results:
            fh.write(res.to_json() + "\n")
    scorer = SHARED / "tools" / "score.py"
    if scorer.exists():
        subprocess.run([sys.executable, str(scorer), "events-plover", str(gold_path), args.out], check=False)
    confusions: collections.Counter[tuple[str, str]] = collections.Counter()
    shown = 0
    for rec, res in zip(records, results):
        countries = {e.id: e.country for e in res.entities}
        chosen = next((e for e in res.events if e.type == rec["event"]), res.events[0] if res.events else None)
        got = chosen.type if chosen else "NONE"
        src = sorted({countries.get(i) for i in chosen.source} - {None}) if chosen else []
        tgt = sorted({countries.get(i) for i in chosen.target} - {None}) if chosen else []
        if got != rec["event"]:
            confusions[(rec["event"], got)] += 1
        wrong = got != rec["event"] or src != rec["source_countries"] or tgt != rec["target_countries"]
        if wrong and shown < args.show:
            shown += 1
            print(f"\n{rec['event']} {rec['source_countries']} -> {rec['target_countries']} | {rec['text']}")
            for ev in res.events:
                s = [(countries.get(i), next(e.name for e in res.entities if e.id == i)) for i in ev.source]
                t = [(countries.get(i), next(e.name for e in res.entities if e.id == i)) for i in ev.target]
                print(f"    {ev.type} {ev.cameo} mode={ev.mode} S={s} T={t}")
    print("\ncommonest type confusions (gold -> chosen):")
    for (g, s), n in confusions.most_common(12):
        print(f"  {g:10} -> {s:10} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
