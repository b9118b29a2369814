"""Bad input through the real command line: every unreadable document gives a result with an
``errors`` entry naming it and the reason, the others in the same run are processed
normally, and the exit status is 1 at the end -- never a traceback."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings.cli import main

from . import pages, pdfs

ARTICLE = """Ministers Agree to Reopen Border Crossing

Foreign ministers of the two countries agreed on Tuesday to reopen the main border crossing,
which has been closed since a dispute over customs fees began in the spring.

"Trade can start moving again next week," one of the ministers told reporters after the talks.
"""

# name -> (file content, what the error message must say)
BAD = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b" \r\n\t\n", "no text"),
    "junk.txt": (bytes(range(256)) * 64, "binary"),
    "cut.pdf": (None, "truncated or damaged"),
    "locked.pdf": (None, "encrypted"),
    "scan.pdf": (None, "no text layer"),
    "nothing.html": (pages.empty_page().encode(), "no article"),
    "huge.txt": (None, "over the limit"),
    "latin9.txt": (None, "no other text encoding fits"),
}


def _write_bad(folder: Path) -> None:
    article_pdf = pdfs.article_pdf()
    content = dict(BAD)
    content["cut.pdf"] = (article_pdf[: len(article_pdf) // 3], "")
    content["locked.pdf"] = (pdfs.article_pdf(encrypt_user_password="s3cret"), "")
    content["scan.pdf"] = (pdfs.image_only_pdf(), "")
    # bytes that are no text in any encoding: invalid UTF-8 and full of C1/C0 controls
    content["latin9.txt"] = (b"\x81\x8d\x8f\x90\x9d\xff\xfe\xc3" * 400 + b"\x01\x02", "")
    for name, (data, _) in content.items():
        if name == "huge.txt":
            continue
        (folder / name).write_bytes(data)
    line = ("The committee met again on Thursday and heard evidence from officials. " * 20 + "\n").encode()
    with open(folder / "huge.txt", "wb") as fh:  # a 50 MB text file
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            fh.write(line)


@pytest.fixture(scope="module")
def run(tmp_path_factory, pipeline):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "a-good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b-good.html").write_text(pages.article_page(), encoding="utf-8")
    (folder / "c-good.pdf").write_bytes(pdfs.article_pdf())
    # a page saved under a text name, and damaged UTF-8 that is still mostly readable
    (folder / "d-page.txt").write_text(pages.article_page(), encoding="utf-8")
    (folder / "e-damaged.txt").write_bytes(ARTICLE.replace("spring", "Zürich spring").encode()
                                           .replace(b"customs", b"cus\xfftoms"))
    _write_bad(folder)
    pdf_as_dat = folder / "f-scan.dat"
    pdf_as_dat.write_bytes(pdfs.article_pdf())
    out = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(folder), str(pdf_as_dat)])
    results = [json.loads(line) for line in out.stdout.splitlines()]
    return folder, out, {Path(r["source"]).name: r for r in results}, results


def test_exit_status_is_1_and_no_traceback(run):
    _, out, _, _ = run
    assert out.exit_code == 1
    assert out.exception is None or isinstance(out.exception, SystemExit)
    assert "Traceback" not in out.stderr and "Traceback" not in out.stdout


def test_every_input_gives_one_result_in_order(run):
    folder, _, by_name, results = run
    walked = sorted(p.name for p in folder.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
    assert [Path(r["source"]).name for r in results] == walked + ["f-scan.dat"]


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_document_has_an_error_naming_it_and_the_reason(run, name):
    folder, out, by_name, _ = run
    result = by_name[name]
    assert result["schema"] == "tidings/1"
    assert result["errors"], result
    err = result["errors"][0]
    assert err["document"] == str(folder / name)
    assert BAD[name][1] in err["message"], err
    assert result["text"] == ""
    # the same reason is on standard error, with the document's name
    assert f"error: {folder / name}: {err['message']}" in out.stderr


@pytest.mark.parametrize("name", ["a-good.txt", "b-good.html", "c-good.pdf", "d-page.txt", "f-scan.dat"])
def test_good_documents_in_the_same_run_are_processed_normally(run, name):
    _, _, by_name, _ = run
    result = by_name[name]
    assert result["errors"] == []
    assert result["article"]["headline"]
    assert result["article"]["paragraphs"]
    for p in result["article"]["paragraphs"]:
        assert 0 <= p["start"] < p["end"] <= len(result["text"])


def test_content_decides_the_type_not_the_name(run):
    _, _, by_name, _ = run
    assert by_name["d-page.txt"]["article"]["headline"] == pages.HEADLINE
    assert by_name["d-page.txt"]["article"]["published"] == pages.PUBLISHED
    assert by_name["f-scan.dat"]["article"]["headline"] == pdfs.HEADLINE


def test_html_and_pdf_results_carry_their_metadata(run):
    _, _, by_name, _ = run
    html = by_name["b-good.html"]["article"]
    assert html["published"] == pages.PUBLISHED and html["published_from"] == "metadata"
    assert html["updated"] == pages.UPDATED
    assert html["outlet"] == pages.SITE
    assert pages.URL in html["urls"]
    assert by_name["c-good.pdf"]["article"]["headline"] == pdfs.HEADLINE


def test_damaged_utf8_is_read_with_an_error_entry(run):
    folder, _, by_name, _ = run
    result = by_name["e-damaged.txt"]
    assert result["errors"] and result["errors"][0]["code"] == "encoding"
    assert result["errors"][0]["document"] == str(folder / "e-damaged.txt")
    assert "invalid UTF-8" in result["errors"][0]["message"]
    # the rest of the document is read: the broken byte is one U+FFFD, Zürich is intact
    assert "cus\ufffdtoms" in result["text"] and "Zürich" in result["text"]
    assert result["article"]["headline"] == "Ministers Agree to Reopen Border Crossing"


def test_the_huge_file_is_refused_with_its_size(run):
    folder, _, by_name, _ = run
    size = os.path.getsize(folder / "huge.txt")
    assert size >= 50 * 1024 * 1024
    message = by_name["huge.txt"]["errors"][0]["message"]
    assert f"{size / 1e6:.1f} MB" in message and "TIDINGS_MAX_BYTES" in message


def test_junk_on_standard_input_is_an_error_result(pipeline):
    out = CliRunner().invoke(main, ["extract", "--format", "jsonl", "-"], input=bytes(range(256)) * 16)
    assert out.exit_code == 1
    result = json.loads(out.stdout)
    assert result["source"] == "-" and result["id"] == "stdin"
    assert "binary" in result["errors"][0]["message"]


def test_an_html_page_on_standard_input_is_read_as_html(pipeline):
    out = CliRunner().invoke(main, ["extract", "--format", "jsonl", "-"],
                             input=pages.article_page().encode("utf-8"))
    assert out.exit_code == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["article"]["headline"] == pages.HEADLINE
    assert result["article"]["outlet"] == pages.SITE


def test_a_cleaning_failure_is_an_error_entry_not_a_crash(pipeline, monkeypatch, tmp_path):
    import tidings.pipeline as pl

    def broken(doc):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(pl, "clean", broken)
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(f)])
    assert out.exit_code == 1
    result = json.loads(out.stdout)
    assert result["text"] == ARTICLE
    assert "simulated bug" in result["errors"][0]["message"]
