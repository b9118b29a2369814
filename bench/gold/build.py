#!/usr/bin/env python3
"""Write a gold file of ``bench/gold/`` as full records, with the article texts read from
``../shared`` (the repo keeps only ids, offsets and values: the PolNeAR texts are their
publishers' and are not redistributed).

    .venv/bin/python bench/gold/build.py [bench/gold/polnear_times.jsonl] > gold.jsonl

Each record gets ``text`` (the PolNeAR record's text for its ``doc`` = our ``id``) and
``title``; every timex is checked against the text it was annotated on
(``text[start:end] == timex.text``), so a changed source file is caught, not scored.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train.jsonl"


def texts(needed: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    with POLNEAR.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["doc"] in needed and rec["doc"] not in out:
                out[rec["doc"]] = rec
    return out


def build(path: Path) -> list[dict]:
    slim = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    if all("text" in r for r in slim):
        return slim
    if not POLNEAR.is_file():
        raise SystemExit(f"{path}: the article texts come from {POLNEAR}, which is not there")
    found = texts({r["id"] for r in slim})
    out = []
    for r in slim:
        source = found.get(r["id"])
        if source is None:
            raise SystemExit(f"{path}: article {r['id']} is not in {POLNEAR}")
        text = source["text"]
        for t in r["timexes"]:
            if text[t["start"]:t["end"]] != t["text"]:
                raise SystemExit(f"{path}: {r['id']} {t['tid']}: the text at {t['start']}-{t['end']} "
                                 f"is {text[t['start']:t['end']]!r}, not {t['text']!r}")
        out.append({"id": r["id"], "title": source.get("title"), **{k: v for k, v in r.items() if k != "id"},
                    "text": text})
    return out


def main() -> int:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("polnear_times.jsonl")
    for rec in build(path):
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
