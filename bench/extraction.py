"""HTML body extraction on the Zyte/ScrapingHub article-extraction benchmark.

    .venv/bin/python bench/extraction.py [--data ../shared/data/article-extraction] [--keep out.jsonl]
                                         [--full]

Decompresses the pages to a temporary folder, runs tidings' ingestion and cleaning on each
page (the NLP stages are skipped: only ``text`` and ``article.paragraphs`` are scored),
writes tidings/1 results as jsonl (``--full``: the whole pipeline, ``extract_many``, as
``tidings extract`` runs it -- slower, same body) and scores them with ``score.py extraction`` -- the
benchmark's own method (4-gram shingle precision/recall over page bodies).  Prints the
scorer's table, the pages that scored worst, and the F1.
"""
from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def result_for(path: Path) -> dict:
    """A tidings/1 result for one page: ingestion + cleaning, no NLP stages."""
    from tidings.clean import clean
    from tidings.document import Article, Paragraph, Result
    from tidings.errors import InputError
    from tidings.ingest import error_document, load

    try:
        doc = load(path)
    except InputError as err:
        doc = error_document(err, id=path.name.removesuffix(".html"), source=str(path))
    result = Result(id=doc.id, source=doc.source, text=doc.text, errors=list(doc.errors))
    if doc.text:
        cleaned = clean(doc)
        result.article = Article(
            headline=cleaned.headline, published=cleaned.meta.published,
            published_from=cleaned.meta.published_from, outlet=cleaned.meta.outlet,
            urls=cleaned.urls,
            paragraphs=[Paragraph(start=s, end=e) for s, e in cleaned.paragraphs])
    return result.to_dict()


def _shingles(text: str) -> "dict[tuple[str, ...], int]":
    from collections import Counter

    toks = re.findall(r"\w+", text or "")
    if len(toks) < 4:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i:i + 4]) for i in range(len(toks) - 3))


def _page_scores(gold: dict, results: list[dict]) -> list[tuple[float, float, float, str]]:
    """(precision, recall, F1, id) per page, the scorer's definitions, for the worst list."""
    out = []
    by_id = {r["id"]: r for r in results}
    for key, g in gold.items():
        res = by_id.get(key) or {}
        text = res.get("text") or ""
        body = "\n".join(text[p["start"]:p["end"]] for p in (res.get("article") or {}).get("paragraphs", []))
        T, P = _shingles(g.get("articleBody") or ""), _shingles(body)
        tp = sum((T & P).values())
        fp = sum((P - T).values())
        fn = sum((T - P).values())
        p = 1.0 if fp == fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)
        r = 1.0 if fp == fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
        out.append((p, r, 2 * p * r / (p + r) if p + r else 0.0, key))
    return sorted(out, key=lambda t: t[2])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "article-extraction")
    ap.add_argument("--score", type=Path, default=SHARED / "tools" / "score.py")
    ap.add_argument("--keep", type=Path, default=None, help="also keep the jsonl here")
    ap.add_argument("--worst", type=int, default=10, help="list this many worst pages")
    ap.add_argument("--full", action="store_true",
                    help="run the whole pipeline (extract_many, with the NLP stages)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)

    gold_path = args.data / "ground-truth.json"
    if not gold_path.is_file():
        print(f"benchmark data not found at {args.data}", file=sys.stderr)
        return 2
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="tidings-extraction-") as tmp:
        pages = Path(tmp) / "html"
        pages.mkdir()
        for gz in sorted((args.data / "html").glob("*.html.gz")):
            (pages / gz.name.removesuffix(".gz")).write_bytes(gzip.decompress(gz.read_bytes()))
        started = time.perf_counter()
        paths = sorted(pages.glob("*.html"))
        if args.full:
            from tidings.pipeline import extract_many

            results = [r.to_dict() for r in extract_many(paths)]
        else:
            results = [result_for(p) for p in paths]
        elapsed = time.perf_counter() - started
        out = args.keep or Path(tmp) / "out.jsonl"
        with open(out, "w", encoding="utf-8") as fh:
            for res in results:
                fh.write(json.dumps(res, ensure_ascii=False) + "\n")
        errors = sum(1 for r in results if r.get("errors"))
        print(f"{len(results)} pages in {elapsed:.1f} s ({len(results) / elapsed:.1f} pages/s); "
              f"{errors} with errors")
        if args.worst:
            print("worst pages (precision, recall, F1, id):")
            for p, r, f, key in _page_scores(gold, results)[:args.worst]:
                print(f"  {p:.3f} {r:.3f} {f:.3f} {key}")
        proc = subprocess.run([sys.executable, str(args.score), "extraction", str(gold_path), str(out)],
                              capture_output=True, text=True)
    print(proc.stdout, end="")
    if proc.returncode:
        print(proc.stderr, file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
