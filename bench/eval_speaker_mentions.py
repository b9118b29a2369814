#!/usr/bin/env python3
"""How many PolNeAR gold attribution sources (speaker spans) fall on an entity mention.

The statements stage resolves a speaker with ``EntityLayer.entity_at``; a source span that
no entity mention overlaps cannot be resolved.  Counts one article per document (the first
annotator), for the first N articles.

Usage: .venv/bin/python bench/eval_speaker_mentions.py [N=120] [PATH]
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"


def main(argv: list[str]) -> int:
    from tidings.pipeline import default_pipeline

    n = int(argv[0]) if argv else 120
    path = argv[1] if len(argv) > 1 else str(DEFAULT)
    records, seen = [], set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["doc"] in seen:
                continue
            seen.add(rec["doc"])
            records.append(rec)
            if len(records) >= n:
                break
    results = default_pipeline().extract_many([{"id": r["id"], "text": r["text"]} for r in records])
    total = covered = 0
    missed: collections.Counter[str] = collections.Counter()
    for rec, res in zip(records, results):
        spans = [(m.start, m.end) for e in res.entities for m in e.mentions]
        for attribution in rec["attributions"]:
            for src in attribution.get("source") or []:
                total += 1
                if any(s < src["end"] and e > src["start"] for s, e in spans):
                    covered += 1
                else:
                    missed[src["text"][:40]] += 1
    print(f"articles: {len(records)}  gold source spans: {total}  on an entity mention: "
          f"{covered} ({covered / max(total, 1):.3f})")
    print("most often missed:", missed.most_common(15))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
