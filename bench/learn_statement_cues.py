"""Count the cue table ``src/tidings/data/statement_cues.json`` on PolNeAR's TRAIN slice.

    .venv/bin/python bench/learn_statement_cues.py [--threshold 0.4] [--min-count 3]

For every verb lemma in the TRAIN slice of ``polnear/train.jsonl`` (see
``bench/eval_statements.py`` for the split; the held-out and dev slices are never
counted), how often the annotators marked an occurrence as the head of an attribution cue
(``cue``) out of all its occurrences as a verb (``seen``, counted once per annotator of
the article).  The stage uses the lemmas whose ``rate = cue / seen`` is at least
``threshold`` and whose ``cue`` count is at least ``min_count``; the hand-written parts
of the table (``speech``, ``exclude``, ``examples``) are kept as they are.
Re-running rewrites only ``learned``, ``threshold`` and ``min_count``.
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_statements import DATA, parsed_articles, records  # noqa: E402

TABLE = HERE.parent / "src" / "tidings" / "data" / "statement_cues.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threshold", type=float, default=0.4)
    ap.add_argument("--min-count", type=int, default=3)
    args = ap.parse_args(argv)
    import tempfile
    recs = records(DATA, "train")
    arts = parsed_articles(recs, Path(tempfile.gettempdir()) / "tidings-polnear-train.pkl", False)
    by_doc = collections.defaultdict(list)
    for r in recs:
        by_doc[r["doc"]].append(r)
    cue, seen = collections.Counter(), collections.Counter()
    for doc, cleaned, parsed in arts:
        anns = by_doc[doc.id]
        verbs = {t.idx: t for t in parsed if t.pos_ == "VERB"}
        for t in verbs.values():
            seen[t.lemma_.lower()] += len(anns)
        for rec in anns:
            marked = set()
            for a in rec["attributions"]:
                for sp in a["cue"]:
                    vr = cleaned.view.from_original_range(sp["start"], sp["end"])
                    if vr is None:
                        continue
                    toks = [t for t in parsed.char_span(vr[0], vr[1], alignment_mode="expand") or []
                            if t.pos_ == "VERB"]
                    if toks:
                        marked.add(toks[-1].idx)
            for idx in marked:
                cue[verbs[idx].lemma_.lower()] += 1
    learned = {lemma: {"cue": cue[lemma], "seen": seen[lemma],
                       "rate": round(cue[lemma] / seen[lemma], 3)}
               for lemma in sorted(cue, key=lambda k: -cue[k]) if seen[lemma]}
    table = json.loads(TABLE.read_text(encoding="utf-8")) if TABLE.exists() else {}
    table.update({"threshold": args.threshold, "min_count": args.min_count, "learned": learned})
    TABLE.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    used = [k for k, v in learned.items() if v["rate"] >= args.threshold and v["cue"] >= args.min_count]
    print(f"{len(learned)} lemmas counted, {len(used)} used: {', '.join(used[:60])} ...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
