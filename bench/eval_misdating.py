#!/usr/bin/env python3
"""Misdating evaluation on real articles whose claimed dates we shift.

    .venv/bin/python bench/eval_misdating.py [--polnear N] [--list]

Articles: the MEANTIME dev articles (../shared/data/meantime/dev.jsonl) and N PolNeAR
articles (../shared/data/polnear/train.jsonl, one record per article, picked by a hash of
the article name so the sample is fixed).  Each article is run as it is (label ``ok``) and
with its claimed ``published`` date shifted (label ``misdated``): by 1-3 years and by 1-6
months, forward and backward, the amount and direction picked by a hash of the article
name.  A record counts as flagged when the time layer emits a ``date_conflict`` flag.
Each text is parsed once; the time stage is re-run for every claimed date (the stage reads
nothing else that the date changes).  Reports P/R/F1, the false-positive rate on the
unshifted originals, and F1 re-weighted to 1.5 misdated per correct record (the held-out
mix that ``score.py misdating`` describes).

Held-out discipline: the checks (timex/conflicts.py, timex/conflicts_fit.py and the world
knowledge of timex/conflicts_world.py, timex/conflicts_events.py) were tuned on the default
sample (``--polnear 200``, offset 0, with MEANTIME); check them on a fresh one with
``--offset 200 --polnear 200 --no-meantime`` and the false-flag rate on every PolNeAR
article with ``--polnear 1000 --no-meantime`` (840 articles, a few minutes).  The fit's bar
(FIT_MIN_GAIN 3.7) was set to keep false flags on all PolNeAR under 3%, and some event
patterns were mended after reading false flags there, so those figures are not untouched.

Figures (P / R / F1 / FPR):
                                 before the world-knowledge clues   with them
    tuning sample (default)      0.974 0.434 0.600 0.023            0.986 0.556 0.711 0.016
    fresh sample                 0.960 0.237 0.381 0.020            0.976 0.400 0.567 0.020
    all 840 PolNeAR              0.940 0.241 0.384 0.031            0.969 0.405 0.571 0.026
With the month-level clues (debates of every cycle, party primary debates and state
primaries as spans, events tied to the writing week or month, the front-runner season,
"the November election", "this summer" with tense; recall on month shifts in brackets,
then on year shifts); fresh and all PolNeAR checked once, without tuning on them:
    tuning sample (default)      0.987 0.595 0.743 0.016  (m 0.502, y 0.689; were 0.455, 0.658)
    fresh sample                 0.971 0.422 0.589 0.025  (m 0.275, y 0.570; were 0.255, 0.545)
    all 840 PolNeAR              0.969 0.443 0.608 0.029  (m 0.308, y 0.577; were 0.271, 0.538)
The world knowledge (office-holders, candidates, birth dates, the election calendar of
1992-2024) has a cut-off: an article written after 2025 gets fewer clues.

Other news (``--polnear 0 --no-meantime --extraction``: the 146 article-extraction pages
whose HTML names a publication date; tech, business, culture and news of many outlets,
2014-2019) showed what PolNeAR does not: 11 of 146 correct articles flagged (FPR 0.075).
Its false flags were read (so it is not untouched either) and mended by rules about how news
is written: a schedule's dates of one month weigh two clues at most; a year named with no
tense may well be 1-4 years on (next year more so late in the year); a future date without a
year may be announced up to ~9 months ahead (tours, launches: the single check's
NEXT_YEAR_MIN_DAYS 150 -> 280); one yearless month-day alone cannot reach the bar.  With the
bare months' table (a past "in May" is seldom the writing month), quarters told with tense,
"earlier/later this year/month" and a headline's weekday (bar kept at 3.7; 3.5 was tried and
gave FPR 0.040 on the fresh sample):
                                 before (P R F1 FPR, m y)            after
    tuning sample (default)      0.987 0.595 0.743 0.016 (.502 .689)  0.997 0.595 0.745 0.004 (.494 .696)
    fresh sample                 0.971 0.422 0.589 0.025 (.275 .570)  0.976 0.412 0.580 0.020 (.270 .555)
    all 840 PolNeAR              0.969 0.443 0.608 0.029 (.308 .577)  0.984 0.432 0.600 0.014 (.294 .569)
    other news (--extraction)    0.864 0.240 0.375 0.075 (.212 .267)  0.955 0.216 0.352 0.021 (.199 .233)
With the title habit and the candidates of the office table (timex/conflicts_offices.py: a US
president or president-elect named in full and never "President" was seldom written about in
his term; a candidate named in full in a sentence about the race, during his run, a run quit
early lasting to its election day; "Rubio suspended his campaign" as an event; party
"front-runner" titles) and an event on a verb told with a weekday ("the convention began the
roll call on Tuesday"): before = HEAD 2d5277f in a clean worktree, after = 400c0d9 (which
includes other sessions' tagging commits of the same hours, about +2 of the +26 tuning
hits); fresh, all PolNeAR and other news run once at the end (one all-PolNeAR false flag was
read on the way, mended by the run-to-election-day rule):
                                 before (P R F1 FPR, m y)            after
    tuning sample (default)      0.997 0.595 0.745 0.004 (.494 .696)  0.997 0.646 0.784 0.004 (.525 .767)
    fresh sample                 0.976 0.412 0.580 0.020 (.270 .555)  0.980 0.487 0.651 0.020 (.275 .700)
    all 840 PolNeAR              0.984 0.432 0.600 0.014 (.294 .569)  0.986 0.495 0.659 0.014 (.311 .679)
    other news (--extraction)    0.955 0.216 0.352 0.021 (.199 .233)  0.955 0.216 0.352 0.021 (.199 .233)
A blind reading of 60 tuning records by a careful reader with world knowledge (ceil6's notes)
found evidence against the claimed date in 40 of 40 shifted records and none of 20 correct
ones; 15 of the 40 had evidence in the text itself (explicit years, past dates told as to
come), 17 general world knowledge of the kind these tables hold, 8 knowledge of one news event.
Other news in two halves (``--extraction-half A|B``: the pages split by the parity of
sha1(id); A to study and tune on, B to check on once).  Rules about how news is written,
found by reading A's misses (timex/conflicts_writing.py): relative years and months beside
the ones the text names ("on sale early next year" with "deliveries in 2021": written in
2020; "an event next month" with "on sale December 2": November; each only where a named
one is near), a season with its year ("in summer 2020") as a year clue, a copyright notice
left in the text ("(c) 2019 Associated Press. All rights reserved."), the latest embedded
post (a tweet's signature) as news of the days before.  Two more raised recall on A and
were reverted after B showed their false flags (keeping the tense of a value named again
without one; "four years ago" beside the past years).  Before = afd88a0 in a clean
worktree, after = this commit's rules; each sample run once at the end (B twice: the
second run after the revert, so B is no longer untouched):
                                 before (P R F1 FPR, m y)            after
    other news, half A (tuned)   0.941 0.216 0.352 0.027 (.189 .243)  0.951 0.264 0.413 0.027 (.230 .297)
    other news, half B           0.969 0.215 0.352 0.014 (.208 .222)  0.969 0.215 0.352 0.014 (.208 .222)
    tuning sample (default)      0.997 0.646 0.784 0.004 (.525 .767)  0.997 0.646 0.784 0.004 (.525 .767)
    fresh sample                 0.980 0.487 0.651 0.020 (.275 .700)  0.980 0.490 0.653 0.020 (.280 .700)
    all 840 PolNeAR              0.986 0.495 0.659 0.014 (.311 .679)  0.987 0.497 0.661 0.013 (.315 .679)
The gain on A did not carry over to B: of A's 116 missed records about one in six had
evidence in the text a careful reader could use, most of the rest needed knowledge of one
news event (product launches, sports fixtures, the news of a week) or had no date evidence
at all (recipes, advice columns, pages in other languages).
A study split nobody had tuned on (``--offset 400 --polnear 440 --no-meantime``, PolNeAR
hash-order 400..839) was read for its misses: embedded tweets dated by their status ids
(timex/conflicts_posts.py: a snowflake id holds the posting time), a full date ("May 2, 2016")
as a clue of its own, a yearless dateline ("WASHINGTON, Aug. 19 (UPI) --") as the dispatch day,
a presidency told as a prospect ("a Trump presidency", "if Clinton wins": written during the
run; timex/conflicts_campaign.py), a birthday with its age ("turns 70 on Tuesday"), the 2016
primary calendar state by state and event names in title case; and, for other news, annual
events named with a tense ("ahead of CES", "at last week's Mobile World Congress", "Black
Friday is approaching": timex/conflicts_annual.py, data/timex_annual.json; an untensed name is
no clue).  Before = 09de635, after = bc03cde; fresh was run twice (its first run and the tuning
and other-news runs showed three new false flags, whose causes were taken back), half B once:
                                 before (P R F1 FPR, m y)            after
    study split (tuned on)       0.986 0.478 0.644 0.014 (.298 .659)  0.988 0.547 0.704 0.014 (.366 .727)
    tuning sample (default)      0.997 0.646 0.784 0.004 (.525 .767)  0.997 0.663 0.797 0.004 (.553 .774)
    fresh sample                 0.980 0.490 0.653 0.020 (.280 .700)  0.981 0.527 0.686 0.020 (.345 .710)
    all 840 PolNeAR              0.987 0.497 0.661 0.013 (.315 .679)  0.988 0.547 0.704 0.013 (.375 .719)
    other news (--extraction)    0.959 0.240 0.384 0.021 (.219 .260)  0.961 0.253 0.401 0.021 (.247 .260)
    other news, half B           0.969 0.215 0.352 0.014 (.208 .222)  0.969 0.215 0.352 0.014 (.208 .222)
Of about 100 study-split articles whose shifts were missed, roughly 30 held evidence in the
text, 40 evidence a general table could hold, 30 needed one news event and 20 held none.
The bar was left at 3.7: lowering it to 3.5 would raise recall by about 0.02 on all PolNeAR
and other news and F1 by about 0.015, with false flags 1.4% -> 2.1% on PolNeAR and 2.1% ->
3.4% on other news.
Named news events, deaths and product generations as world knowledge (timex/conflicts_news.py:
a one-off event of data/timex_terms.json told as past or as recent, "last week's Brussels
attacks", is written in the weeks after it, "ahead of" a foreseen one before it; the decay
of an untensed name was measured over all dev articles at their true dates, one for all
events; timex/conflicts_deaths.py: "the late X", "X's death", "X died Saturday" from the
death dates of data/timex_people.json; data/timex_products.json: "iPhone XR", "Disney+"
cannot come before their announcement) and writing habits (week words as clues of the
writing weekday, the holiday season and the year's end, "today (Nov. 18)" as a dateline, a
month-day in a sentence's tense but not its own, embedded posts weighing more against
writing months after them).  Studied on PolNeAR 0..399 and 400..839 and other news half A
(so none of these is untouched now); half B run once at the end.  Before = 486701c, after =
86296e9 (each helper's own before/after on a common base is in the session notes):
                                 before (P R F1 FPR, m y)            after
    study split 400..839         0.988 0.547 0.704 0.014 (.366 .727)  0.989 0.589 0.738 0.014 (.427 .750)
    tuning sample (default)      0.997 0.663 0.797 0.004 (.553 .774)  0.997 0.677 0.806 0.004 (.572 .782)
    fresh sample 200..399        0.981 0.527 0.686 0.020 (.345 .710)  0.987 0.552 0.708 0.015 (.365 .740)
    all 840 PolNeAR              0.988 0.547 0.704 0.013 (.375 .719)  0.990 0.579 0.731 0.012 (.418 .740)
    other news (--extraction)    0.961 0.253 0.401 0.021 (.247 .260)  0.976 0.284 0.440 0.014 (.281 .288)
    other news, half B           0.969 0.215 0.352 0.014 (.208 .222)  0.972 0.243 0.389 0.014 (.222 .264)
Of the missed month shifts of PolNeAR 0..399, 140 of 243 hold no clue but weekdays that
favours the true date over the claimed one (other news: 71 of 111).
Known gaps: month shifts of articles with no month-level clue (most PolNeAR misses: their
best other date fits less than 2 nats better); future dates without a year are modelled as
weeks ahead, so an announcement of next summer's dates is still pulled towards them; US
Election Day is in the table for even years only (odd-year local elections); a page whose
metadata date disagrees with its URL date is flagged whichever is right; the state-by-state
primary calendar covers 2016 only (other cycles have the early contests and an every-even-year
span); the annual events' dates are written from memory and few of them were met in the samples.
"""
from __future__ import annotations

import argparse
import calendar
import collections
import datetime as dt
import hashlib
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"


def _h(s: str) -> int:
    return int(hashlib.sha1(s.encode("utf-8")).hexdigest(), 16)


def shift_years(d: dt.date, n: int) -> dt.date:
    y = d.year + n
    return d.replace(year=y, day=min(d.day, calendar.monthrange(y, d.month)[1]))


def shift_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def variants(name: str, published: str) -> list[tuple[str, str, str]]:
    """(label, shift, published) for the original and its shifted copies."""
    d = dt.date.fromisoformat(published)
    h = _h(name)
    ny = 1 + h % 3
    nm = 1 + (h // 3) % 6
    sy = 1 if (h // 18) % 2 else -1
    sm = 1 if (h // 36) % 2 else -1
    return [("ok", "", published),
            ("misdated", f"{sy * ny:+d}y", shift_years(d, sy * ny).isoformat()),
            ("misdated", f"{sm * nm:+d}m", shift_months(d, sm * nm).isoformat())]


_PUBLISHED = re.compile(r'(?:article:published_time|datePublished|pubdate|publish-date|dc\.date|'
                        r'DC\.date\.issued|date\.published)[^0-9]{0,40}((?:19|20)\d\d-\d\d-\d\d)', re.I)


def load_extraction() -> list[dict]:
    """The article-extraction benchmark's pages whose HTML names a publication date (146 of
    181: tech, business, culture and news of many outlets, mostly 2018-2019): the body text
    of its ground truth with that date."""
    base = SHARED / "article-extraction"
    truth = json.loads((base / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for key in sorted(truth):
        with gzip.open(base / "html" / f"{key}.html.gz", "rt", encoding="utf-8", errors="replace") as f:
            m = _PUBLISHED.search(f.read())
        if m is None:
            continue
        try:
            dt.date.fromisoformat(m.group(1))
        except ValueError:
            continue
        out.append({"id": f"extraction-{key[:12]}", "text": truth[key]["articleBody"], "published": m.group(1),
                    "source": "extraction"})
    return out


def load_articles(n_polnear: int, offset: int = 0, *, meantime: bool = True) -> list[dict]:
    out = []
    mt = SHARED / "meantime" / "dev.jsonl"
    for line in (open(mt, encoding="utf-8") if meantime else []):
        r = json.loads(line)
        try:
            dt.date.fromisoformat(r["published"])
        except (ValueError, TypeError):
            continue
        out.append({"id": f"meantime-{r['id']}", "text": r["text"], "published": r["published"],
                    "source": "meantime"})
    seen: dict[str, dict] = {}
    for line in open(SHARED / "polnear" / "train.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if r["doc"] not in seen and r.get("published"):
            seen[r["doc"]] = {"id": f"polnear-{r['doc']}", "text": r["text"], "published": r["published"][:10],
                              "source": "polnear"}
    picked = sorted(seen.values(), key=lambda a: _h(a["id"]))[offset:offset + n_polnear]
    return out + picked


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--polnear", type=int, default=200, help="PolNeAR articles to use (default 200)")
    ap.add_argument("--offset", type=int, default=0,
                    help="skip this many PolNeAR articles of the fixed order (for a fresh sample)")
    ap.add_argument("--no-meantime", action="store_true", help="PolNeAR articles only")
    ap.add_argument("--list", action="store_true", help="print every flag and every miss")
    ap.add_argument("--extraction", action="store_true",
                    help="add the article-extraction pages with a publication date (other news, 2014-2019)")
    ap.add_argument("--extraction-half", choices=("A", "B"), default=None,
                    help="with --extraction: only half A (sha1 of the page id even: to study and tune on) "
                         "or half B (odd: to check on once)")
    args = ap.parse_args()

    from tidings import timex
    from tidings.analysis import Analysis
    from tidings.pipeline import default_pipeline

    pipe = default_pipeline()
    arts = load_articles(args.polnear, args.offset, meantime=not args.no_meantime)
    pages = load_extraction() if args.extraction else []
    if args.extraction_half:
        pages = [a for a in pages if _h(a["id"]) % 2 == "AB".index(args.extraction_half)]
    arts += pages
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for art in arts:
        base = pipe._prepare({"id": art["id"], "text": art["text"], "published": art["published"]}, None)
        if base.cleaned is None:
            continue
        parsed = pipe.nlp(base.cleaned.view.text)
        for label, shift, published in variants(art["id"], art["published"]):
            prep = pipe._prepare({"id": art["id"], "text": art["text"], "published": published}, None)
            analysis = Analysis(doc=prep.doc, cleaned=prep.cleaned, parsed=parsed)  # type: ignore[arg-type]
            layer = timex.run(analysis)
            flagged = any(f.kind == "date_conflict" for f in layer.flags)
            key = ("tp" if label == "misdated" else "fp") if flagged else ("fn" if label == "misdated" else "tn")
            for grp in ("all", art["source"]) + ((f"shift {shift[-1]}",) if shift else ()):
                counts[grp][key] += 1
            if args.list and (flagged or label == "misdated"):
                tag = key.upper()
                print(f"{tag} {art['id']} claimed={published} true={art['published']} {shift}")
                for f in layer.flags:
                    print("     ", f.message[:300])

    def prf(c: collections.Counter) -> tuple[float, float, float, float, float]:
        tp, fp, fn, tn = c["tp"], c["fp"], c["fn"], c["tn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        fpr = fp / (fp + tn) if fp + tn else 0.0
        # re-weighted to 1.5 misdated per ok record
        m, o = tp + fn, fp + tn
        w_fp = fp * (m / 1.5 / o) if o and m else fp
        f15 = 2 * tp / (2 * tp + w_fp + fn) if tp else 0.0
        return p, r, f, fpr, f15

    print(f"{'group':<12} {'mis':>5} {'ok':>5} {'tp':>5} {'fp':>4}  {'P':>6} {'R':>6} {'F1':>6} {'FPR':>6} {'F1@1.5':>7}")
    for grp in ("all", "meantime", "polnear", "extraction", "shift y", "shift m"):
        c = counts[grp]
        p, r, f, fpr, f15 = prf(c)
        print(f"{grp:<12} {c['tp'] + c['fn']:>5} {c['fp'] + c['tn']:>5} {c['tp']:>5} {c['fp']:>4}  "
              f"{p:6.3f} {r:6.3f} {f:6.3f} {fpr:6.3f} {f15:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
