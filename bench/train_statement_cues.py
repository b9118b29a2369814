"""Train the cue classifier (``src/tidings/statements/model/cue_model.json``) on PolNeAR.

    .venv/bin/python bench/train_statement_cues.py [--epochs 6] [--l2 1e-5] [--threshold 0.4] [--out PATH]

Examples are the verbs of the TRAIN slice of ``polnear/train.jsonl`` (the held-out and dev
slices of ``bench/eval_statements.py`` are never used), once per annotator of the article;
a verb is positive when that annotator's cue span covers it as its last verb.  Features are
:func:`tidings.statements.cuemodel.features` (parse only).  Plain logistic regression by
SGD with L2, weights averaged over the epochs' ends, numpy only; CPU time about a minute after the articles
are parsed (the parse is cached in /tmp by the eval script).  Only weights of at least 5e-3 in
magnitude are written.  ``--threshold`` is the decision threshold stored with the weights
(tune it with ``bench/eval_statements.py --part dev``).
"""
from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from eval_statements import DATA, parsed_articles, records  # noqa: E402


def examples(parts: list[str]) -> list[tuple[list[str], int]]:
    from tidings.statements.cuemodel import DocInfo, features

    recs, arts = [], []
    for part in parts:
        if part == "heldout":
            raise SystemExit("the held-out slice is never trained on")
        prec = records(DATA, part)
        recs += prec
        arts += parsed_articles(prec, Path(tempfile.gettempdir()) / f"tidings-polnear-{part}.pkl", False)
    by_doc = defaultdict(list)
    for r in recs:
        by_doc[r["doc"]].append(r)
    out = []
    for doc, cleaned, parsed in arts:
        verbs = [t for t in parsed if t.pos_ == "VERB"]
        info = DocInfo(parsed)
        feats = {t.i: features(t, info) for t in verbs}
        for rec in by_doc[doc.id]:
            marked = set()
            for a in rec["attributions"]:
                for sp in a["cue"]:
                    vr = cleaned.view.from_original_range(sp["start"], sp["end"])
                    if vr is None:
                        continue
                    span = parsed.char_span(vr[0], vr[1], alignment_mode="expand")
                    toks = [t for t in span or [] if t.pos_ == "VERB"]
                    if toks:
                        marked.add(toks[-1].i)
            for t in verbs:
                out.append((feats[t.i], int(t.i in marked)))
    return out


def train(data: list[tuple[list[str], int]], *, epochs: int, l2: float, lr: float) -> dict[str, float]:
    w: dict[str, float] = defaultdict(float)
    total: dict[str, float] = defaultdict(float)  # running sums for averaging
    rng = random.Random(13)
    steps = 0
    for epoch in range(epochs):
        rng.shuffle(data)
        loss = 0.0
        eta = lr / (1 + epoch)
        for feats, y in data:
            z = sum(w[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            loss -= math.log(p if y else 1 - p + 1e-12)
            g = p - y
            for f in feats:
                w[f] -= eta * (g + l2 * w[f])
        for f, v in w.items():  # average the weights at the end of each epoch
            total[f] += v
        steps += 1
        print(f"epoch {epoch + 1}: loss {loss / len(data):.4f}", file=sys.stderr)
    return {f: total[f] / steps for f in w}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--l2", type=float, default=1e-5)
    ap.add_argument("--lr", type=float, default=0.2)
    ap.add_argument("--threshold", type=float, default=0.4)  # tuned on the DEV slice
    ap.add_argument("--parts", default="train",
                    help="slices to train on, comma-separated: train (default) or train,dev")
    ap.add_argument("--out", type=Path, default=None, help="write the weights here (default: the package's model)")
    args = ap.parse_args(argv)
    from tidings.statements.cuemodel import MODEL_PATH

    out = args.out or MODEL_PATH
    data = examples(args.parts.split(","))
    print(f"{len(data)} examples, {sum(y for _, y in data)} positive", file=sys.stderr)
    weights = train(data, epochs=args.epochs, l2=args.l2, lr=args.lr)
    weights = {f: round(v, 4) for f, v in weights.items() if abs(v) >= 5e-3}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({
        "about": "cue-head classifier for tidings.statements; trained by bench/train_statement_cues.py "
                 "on the PolNeAR train slice", "threshold": args.threshold,
        "weights": dict(sorted(weights.items()))}, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(weights)} weights -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
