#!/usr/bin/env python3
"""Quotes and speakers, scored the way the held-out quote set is scored, on PolNeAR.

    .venv/bin/python bench/eval_quotes.py [--part heldout|dev|train|all] [--limit N] [--keep out.jsonl]

The held-out quote measure (``score.py statements-ggt``) needs news annotated with each
quote's span and its speaker's full name; we have no such data.  This script builds the
nearest thing from PolNeAR (``../shared/data/polnear/train.jsonl``, one annotator per
article, the same held-out/dev/train slices as ``bench/eval_statements.py``):

- every gold attribution with a source is a quote; its ``quote`` span runs from the first
  to the last character of its content spans (PolNeAR attributions include thoughts and
  beliefs as well as speech, so this gold is broader than a quote set);
- its ``reference`` is the source span's text when that is a name (capitalised words
  only, at most five, e.g. "Hillary Clinton", "Sen. Marco Rubio", "Trump"), and empty
  otherwise ("he", "the campaign", "officials"), so only named sources are scored for
  the speaker.  PolNeAR marks the mention the text attributes the quote to, often a
  surname, so the *strict* (full-name) accuracy is not meaningful here; read the lenient
  one (last words equal).

The articles run through the full pipeline (``extract_many``: entities resolve the
speakers) and ``../shared/tools/score.py statements-ggt`` scores the output unchanged.

``--speech`` keeps only the gold attributions that a quote set would hold: those whose cue
is a verb of saying (``SPEECH_VERBS``: the ``speech`` list of ``statement_cues.json`` when
this measure was set up, in any inflection) or "according to", and those whose content
holds a quotation mark.  PolNeAR's thoughts,
beliefs and stances ("endorsed Clinton", "expects to win") are left out, so a statement
the system adds for one of them counts against its precision, as it would on a quote set.
``--scope`` runs the statements stage with the given scope (default: the stage's own).
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
DATA = SHARED / "data" / "polnear" / "train.jsonl"

sys.path.insert(0, str(HERE))
from eval_statements import part_of  # noqa: E402

_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.)$")


def reference(source_text: str) -> str:
    """The source as a speaker name, or "" when it is not a name."""
    words = source_text.split()
    if not words or len(words) > 5:
        return ""
    if not all(_NAME_WORD.match(w) for w in words):
        return ""
    if words[0].lower() in {"he", "she", "they", "it", "we", "i", "the", "his", "her"}:
        return ""
    return " ".join(words).rstrip(",")


IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
             "spoke": "speak", "spoken": "speak"}
QUOTE_MARKS = "\"“”„«»"


def _lemma_forms(lemma: str) -> set[str]:
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing", lemma + "es"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # "admitted", "quipping"
    return forms


# the verbs of saying of ``statement_cues.json`` as they were when this measure was set up:
# kept here so that the measure does not move when the stage's own list changes
SPEECH_VERBS = (
    "say", "tell", "add", "state", "declare", "announce", "claim", "insist", "deny", "warn",
    "vow", "promise", "argue", "assert", "explain", "note", "stress", "emphasize",
    "emphasise", "report", "write", "tweet", "post", "reply", "respond", "answer", "ask",
    "acknowledge", "admit", "confirm", "suggest", "predict", "complain", "contend",
    "maintain", "remark", "recall", "reiterate", "repeat", "continue", "conclude", "allege",
    "testify", "disclose", "reveal", "urge", "demand", "pledge", "threaten", "concede",
    "caution", "joke", "boast", "quip", "observe", "point", "counter", "retort", "scoff",
    "shout", "yell", "whisper", "mutter", "exclaim", "proclaim", "cite", "quote", "inform",
    "advise", "comment", "agree", "describe", "mention", "indicate", "signal", "hint",
    "charge", "accuse", "blame", "criticize", "criticise", "praise", "call", "speculate",
    "estimate", "forecast", "recount", "reason", "express", "question", "denounce",
    "defend", "dismiss", "reject", "blast", "condemn", "remind", "tout", "slam", "assure",
    "rail", "echo", "decry", "lament", "voice", "brag", "rebut", "plead", "email",
    "applaud", "recite", "rip", "underscore", "highlight", "mock", "recommend", "refer",
    "propose", "thank", "congratulate", "apologize", "dispute", "challenge", "welcome",
    "hail", "lash"
)


def speech_words() -> set[str]:
    words = set(IRREGULAR)
    for lemma in SPEECH_VERBS:
        words |= _lemma_forms(lemma)
    return words


def is_speech(attribution: dict, words: set[str]) -> bool:
    """A gold attribution a quote set would hold: a verb of saying, "according to", or a
    quotation mark in the content."""
    cue = " ".join(s["text"] for s in attribution.get("cue") or []).lower()
    if any(w in words or w == "according" for w in re.findall(r"[a-z]+", cue)):
        return True
    return any(ch in QUOTE_MARKS for s in attribution.get("content") or [] for ch in s["text"])


def to_quote_gold(rec: dict, *, speech: "set[str] | None" = None) -> dict:
    """A PolNeAR record as a statements-ggt gold record (only its speech attributions when
    ``speech``, the words of saying, is given)."""
    text = rec["text"]
    quotes = []
    for a in rec.get("attributions", []):
        content, source = a.get("content") or [], a.get("source") or []
        if not content or not source or (speech is not None and not is_speech(a, speech)):
            continue
        start = min(s["start"] for s in content)
        end = max(s["end"] for s in content)
        ref = reference(" ".join(s["text"] for s in source)) if len(source) == 1 else ""
        quotes.append({"quote": {"start": start, "end": end, "text": text[start:end]},
                       "reference": ref})
    return {"id": rec["doc"], "text": text, "quotes": quotes}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--part", default="heldout", choices=["heldout", "dev", "train", "all"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--keep", type=Path, help="also write the system jsonl here")
    ap.add_argument("--speech", action="store_true",
                    help="gold = only the attributions with a verb of saying, 'according to' or a quote")
    ap.add_argument("--scope", choices=["statements", "attributions"], default=None,
                    help="run the statements stage with this scope (default: the stage's own)")
    args = ap.parse_args(argv)
    if not args.data.exists():
        print(f"{args.data} not found", file=sys.stderr)
        return 2
    gold, seen = [], set()
    with args.data.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec["doc"] in seen or (args.part != "all" and part_of(rec["doc"]) != args.part):
                continue
            seen.add(rec["doc"])
            gold.append(rec)
            if args.limit and len(gold) >= args.limit:
                break

    from tidings.pipeline import default_pipeline

    pipe = default_pipeline()
    if args.scope:
        from tidings.statements import make_stage

        pipe.stages = [make_stage(scope=args.scope) if st.name == "statements" else st for st in pipe.stages]
    items = [{"id": r["doc"], "text": r["text"], "published": r.get("published")} for r in gold]
    system = [res.to_json() for res in pipe.extract_many(items)]
    words = speech_words() if args.speech else None
    with tempfile.TemporaryDirectory() as tmp:
        gpath, spath = Path(tmp) / "gold.jsonl", Path(tmp) / "system.jsonl"
        gpath.write_text("".join(json.dumps(to_quote_gold(r, speech=words)) + "\n" for r in gold), encoding="utf-8")
        spath.write_text("".join(s + "\n" for s in system), encoding="utf-8")
        if args.keep:
            args.keep.write_text(spath.read_text(encoding="utf-8"), encoding="utf-8")
        proc = subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"),
                               "statements-ggt", str(gpath), str(spath)],
                              capture_output=True, text=True)
    print(f"{len(gold)} PolNeAR articles ({args.part})")
    print(proc.stdout, end="")
    print(proc.stderr, end="", file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())
