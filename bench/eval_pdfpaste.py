#!/usr/bin/env python3
"""Articles pasted out of PDFs, scored the way the held-out paste set is scored.

    .venv/bin/python bench/eval_pdfpaste.py [--limit N] [--keep DIR]

The held-out measure (``score.py pdfpaste``) reads articles that people copied out of PDF
files: headline, body paragraphs, and the page furniture, bylines, related-article inserts
and URLs that come with them.  We hold no such set, so this bench makes one from real
articles whose structure is known: the MEANTIME dev articles (``../shared/data/meantime``:
headline, dateline, paragraphs) and PolNeAR articles (headline and paragraphs).  Each is
typeset with fpdf2 into an A4 PDF -- one or two columns, a running header with the
outlet's name and a "Page N of M" footer on every page, a byline under the headline,
a "Related article" insert and a URL between paragraphs, line-end hyphenation of long
words -- and its text is taken out with pdfium, page by page, as a reader copying the whole
document gets it (``variant`` pdfium).  The layout of each article is fixed by a hash of
its id.

Two system runs are scored with ``score.py pdfpaste`` unchanged:

- **paste**: ``tidings extract`` on the pasted text (the founding article's case);
- **pdf**: ``tidings extract`` on the PDF file itself (our own PDF reader).

This is a proxy: the layouts are ours, so read the figures as a check that cleaning holds
on many real texts, not as the held-out figure.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
OUTLETS = ["THE NORTHERN LEDGER", "Harbour Courier", "THE EVENING POST", "Valley Times"]
NAMES = ["Anna Berg", "Tom Ellery", "Selin Kaya", "Marco Ruiz"]


def _h(s: str) -> int:
    return int(hashlib.sha1(s.encode("utf-8")).hexdigest(), 16)


def articles(limit: int) -> list[dict]:
    """Real articles as (id, headline, paragraphs)."""
    out = []
    with open(SHARED / "data" / "meantime" / "dev.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            blocks = [" ".join(b.split()) for b in r["text"].split("\n") if b.strip()]
            if len(blocks) < 3:
                continue
            # headline, dateline, paragraphs
            out.append({"id": f"meantime-{r['id']}", "headline": blocks[0], "paragraphs": blocks[2:]})
    seen: set[str] = set()
    with open(SHARED / "data" / "polnear" / "train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["doc"] in seen:
                continue
            seen.add(r["doc"])
            blocks = [" ".join(b.split()) for b in r["text"].split("\n") if b.strip()]
            blocks = [b for b in blocks if b not in ("ABSTRACT.", "FULL TEXT.")]
            if len(blocks) < 4 or len(blocks[0]) > 150:
                continue
            out.append({"id": f"polnear-{r['doc']}", "headline": blocks[0].rstrip("."),
                        "paragraphs": blocks[1:]})
            if len(out) >= 2 * limit:
                break
    out.sort(key=lambda a: _h(a["id"]))
    return out[:limit]


def _hyphenate(lines: list[str], fits: "Callable[[str], bool]", seed: int) -> list[str]:
    """Break the next line's first word with a hyphen at some line ends where its first
    half still fits, as typeset news does."""
    out = []
    for k, line in enumerate(lines):
        nxt = lines[k + 1].split(" ") if k + 1 < len(lines) else []
        if nxt and (seed + k) % 3 == 0:
            w = nxt[0]
            cut = len(w) // 2
            if len(w) >= 8 and w.isalpha() and fits(f"{line} {w[:cut]}-"):
                line = f"{line} {w[:cut]}-"
                lines[k + 1] = " ".join([w[cut:]] + nxt[1:])
        out.append(line)
    return out


def _wrap(pdf: "FPDF", text: str, width: float) -> list[str]:
    """Greedy line breaking by the rendered width of the words, as a typesetter does (so
    the lines hold different numbers of characters)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and pdf.get_string_width(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def typeset(art: dict, path: Path) -> dict:
    """Write the article as a PDF; return its layout facts (columns, non-body strings)."""
    from fpdf import FPDF

    seed = _h(art["id"])
    columns = 2 if seed % 2 else 1
    outlet = OUTLETS[seed % len(OUTLETS)]
    byline = f"By {NAMES[(seed // 7) % len(NAMES)]}"
    related = "Related article: " + " ".join(art["paragraphs"][0].split()[:9])
    url = f"https://www.{outlet.lower().replace('the ', '').replace(' ', '')}.example/news/{seed % 9000}"
    insert_at = min(2, len(art["paragraphs"]) - 1)

    class Paper(FPDF):
        def header(self) -> None:
            self.set_font("Serif", "", 8)
            self.cell(0, 6, outlet, align="C")
            self.ln(9)

        def footer(self) -> None:
            self.set_y(-14)
            self.set_font("Serif", "", 8)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Paper(format="A4")
    pdf.alias_nb_pages()
    pdf.add_font("Serif", "", str(FONT_DIR / "DejaVuSerif.ttf"))
    pdf.add_font("Serif", "B", str(FONT_DIR / "DejaVuSerif-Bold.ttf"))
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    pdf.set_font("Serif", "B", 20)
    pdf.multi_cell(0, 9, art["headline"])
    pdf.ln(2)
    pdf.set_font("Serif", "", 9)
    pdf.cell(0, 5, byline)
    pdf.ln(8)
    col_w = (pdf.w - pdf.l_margin - pdf.r_margin) / columns
    state = {"col": 0, "top": pdf.get_y()}  # the column written and where columns start

    def line_out(text: str, size: int = 10, height: float = 5.0) -> None:
        if pdf.get_y() + height > pdf.h - 20:
            if state["col"] + 1 < columns:
                state["col"] += 1
            else:
                pdf.add_page()
                state["col"], state["top"] = 0, pdf.get_y()
            pdf.set_y(state["top"])
        pdf.set_x(pdf.l_margin + state["col"] * col_w)
        pdf.set_font("Serif", "", size)
        pdf.cell(col_w - 4, height, text)
        pdf.ln(height)

    pdf.set_auto_page_break(auto=False)
    pdf.set_font("Serif", "", 10)
    for k, para in enumerate(art["paragraphs"]):
        lines = _hyphenate(_wrap(pdf, para, col_w - 4),
                           lambda t: pdf.get_string_width(t) <= col_w - 4, seed + k)
        for line in lines:
            line_out(line)
        pdf.ln(2.5)
        if k == insert_at:
            line_out(related, 9)
            line_out(url, 8)
            pdf.ln(2.5)
    pdf.output(str(path))
    return {"columns": columns, "outlet": outlet, "byline": byline, "related": related,
            "url": url, "pages": pdf.page_no()}


def pasted_text(path: Path) -> str:
    """The text a reader gets by selecting all and copying: pdfium's text, page by page."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    pages = []
    for page in doc:
        tp = page.get_textpage()
        pages.append(tp.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
    # pdfium marks a hyphen at a line end with U+FFFE or U+0002 and joins the lines; a
    # viewer's copy keeps the hyphen and the line break
    text = "\n".join(p.rstrip("\n") for p in pages)
    return re.sub("[\ufffe\x02]\n?", "-\n", text) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=80, help="articles (default 80)")
    ap.add_argument("--keep", type=Path, help="keep the PDFs, gold and system files here")
    args = ap.parse_args(argv)
    if not (SHARED / "data").exists() or not FONT_DIR.exists():
        print("needs ../shared/data and the DejaVu fonts (Debian fonts-dejavu-core)", file=sys.stderr)
        return 2
    work = args.keep or Path(tempfile.mkdtemp(prefix="tidings-pdfpaste-"))
    (work / "pdf").mkdir(parents=True, exist_ok=True)
    gold = []
    for art in articles(args.limit):
        pdf_path = work / "pdf" / f"{art['id']}.pdf"
        lay = typeset(art, pdf_path)
        text = pasted_text(pdf_path)
        non_body = [{"kind": "header", "text": lay["outlet"]} for _ in range(lay["pages"])]
        non_body += [{"kind": "footer", "text": f"Page {p} of {lay['pages']}"}
                     for p in range(1, lay["pages"] + 1)]
        non_body += [{"kind": "byline", "text": lay["byline"]},
                     {"kind": "related", "text": lay["related"]}, {"kind": "url", "text": lay["url"]}]
        gold.append({"id": art["id"], "text": text, "headline": art["headline"],
                     "paragraphs": art["paragraphs"], "non_body": non_body,
                     "variant": "pdfium", "columns": lay["columns"]})
    gpath = work / "gold.jsonl"
    gpath.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    tidings = [str(Path(sys.executable).parent / "tidings")]
    score = [sys.executable, str(SHARED / "tools" / "score.py"), "pdfpaste", str(gpath)]
    for run, inputs in (("paste", [str(gpath)]), ("pdf", [str(work / "pdf")])):
        out = work / f"system-{run}.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            subprocess.run(tidings + ["extract", "--format", "jsonl", *inputs], stdout=fh,
                           stderr=subprocess.DEVNULL, check=False)
        proc = subprocess.run(score + [str(out)], capture_output=True, text=True)
        print(f"== {run}: {len(gold)} articles ({'pasted text' if run == 'paste' else 'the PDF files'})")
        print(proc.stdout, end="")
    print(f"files in {work}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
