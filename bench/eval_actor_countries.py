#!/usr/bin/env python3
"""Actor country coding on the PLOVER dev sentences, with gold actor spans.

For each gold actor (``source``/``target`` lists with ``actorText`` and ``code``) the
actor text is located in the sentence, the entity mentioned there is taken (a person
mention wins over others, then the largest overlap, as ``EntityLayer.entity_at`` does), and
its ``country`` is the system's code for that actor.  Per sentence, the set of system
countries of the source actors is compared with the gold ``source_countries`` (likewise for
targets); TP/FP/FN are summed over sentences: the same set F1 as score.py's events-plover
country F1, but with gold actor spans instead of system events.

Usage: .venv/bin/python bench/eval_actor_countries.py [PLOVER_JSONL] [--errors]
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "plover" / "dev.jsonl"


def locate(text: str, actor: str) -> list[tuple[int, int]]:
    """Spans of the actor text in the sentence ("U.S. ... negotiators" gives two)."""
    spans = []
    for part in actor.split("..."):
        part = " ".join(part.split())
        if not part:
            continue
        i = text.find(part)
        if i < 0:
            i = " ".join(text.split()).find(part)  # the gold text may collapse spaces
            if i < 0:
                continue
        spans.append((i, i + len(part)))
    return spans


def entity_at(result, start: int, end: int):
    best, key = None, (0, 0)
    for ent in result.entities:
        for m in ent.mentions:
            overlap = min(m.end, end) - max(m.start, start)
            if overlap <= 0:
                continue
            k = (1 if ent.kind == "person" else 0, overlap)
            if k > key:
                best, key = ent, k
    return best


def main(argv: list[str]) -> int:
    from tidings.pipeline import default_pipeline

    path = next((a for a in argv if not a.startswith("--")), str(DEFAULT))
    show = "--errors" in argv
    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    pipe = default_pipeline()
    results = pipe.extract_many([{"id": r["id"], "text": r["text"]} for r in records])
    counts = {role: [0, 0, 0] for role in ("source", "target")}
    actors = {role: [0, 0] for role in ("source", "target")}
    for rec, res in zip(records, results):
        for role in ("source", "target"):
            gold = set(rec.get(f"{role}_countries") or [])
            system: set[str] = set()
            for actor in rec.get(role) or []:
                ent = None
                for s, e in locate(rec["text"], actor.get("actorText") or ""):
                    ent = entity_at(res, s, e)
                    if ent is not None:
                        break
                got = ent.country if ent is not None else None
                if got:
                    system.add(got)
                if actor.get("code") in gold:
                    actors[role][1] += 1
                    actors[role][0] += got == actor["code"]
                if show and got != actor.get("code"):
                    print(f"{role[:3]} {actor.get('code')!s:4} got {got!s:4} "
                          f"{actor.get('actorText')!r:45} | {rec['text'][:150]}")
            c = counts[role]
            c[0] += len(system & gold)
            c[1] += len(system - gold)
            c[2] += len(gold - system)
    print(f"records: {len(records)}  ({path})")
    for role, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        ok, n = actors[role]
        print(f"{role} countries: P {p:.3f} R {r:.3f} F1 {f:.3f}   "
              f"(actor accuracy {ok}/{n} = {ok / n if n else 0:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
