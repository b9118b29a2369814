"""PDF ingestion on real PDFs written by fpdf2 (see pdfs.py): text, headline, paragraphs,
hyphenation, page furniture; and PDFs that cannot be read."""
from __future__ import annotations

import re

import pytest

from tidings.clean import clean
from tidings.errors import PdfError
from tidings.ingest import load_bytes

from . import pdfs


@pytest.fixture(scope="module")
def article():
    doc = load_bytes(pdfs.article_pdf(), id="harbour", source="harbour.pdf")
    return doc, clean(doc)


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s)


def test_pdf_is_sniffed_and_read_as_pdf(article):
    doc, _ = article
    assert doc.format == "pdf"
    assert doc.id == "harbour"
    assert "\r" not in doc.text


def test_every_body_word_is_in_the_text_in_order(article):
    doc, _ = article
    # the text layer keeps every printed word, in reading order (page 2 after page 1)
    expected = _words(" ".join(pdfs.PARAGRAPHS))
    got = _words(doc.text)
    it = iter(got)
    assert all(w in it for w in expected)
    assert doc.text.index("Dock workers") < doc.text.index("Local businesses")


def test_headline_is_the_largest_type_on_page_one_joined_across_lines(article):
    doc, cleaned = article
    assert doc.headline == pdfs.HEADLINE
    assert cleaned.headline == pdfs.HEADLINE
    s, e = cleaned.headline_span
    # the headline wraps: its span covers both printed lines
    assert "\n" in doc.text[s:e]
    assert " ".join(doc.text[s:e].split()) == pdfs.HEADLINE


def test_paragraphs_follow_the_printed_paragraphs(article):
    doc, cleaned = article
    paras = [" ".join(doc.text[s:e].split()) for s, e in cleaned.paragraphs]
    # one paragraph per printed paragraph (5 + the hyphenated closing one)
    assert len(paras) == len(pdfs.PARAGRAPHS) + 1
    for para, printed in zip(paras, pdfs.PARAGRAPHS):
        assert para.startswith(" ".join(printed.split()[:6]))
    # the paragraph that runs over the page break is one paragraph, not two
    crossing = paras[pdfs.BREAK_IN_PARAGRAPH]
    assert crossing.startswith("Shipping companies") and crossing.endswith("on the strikers.")


def test_header_and_footer_are_page_furniture_not_body(article):
    doc, cleaned = article
    kinds = {doc.text[s:e]: kind for kind, s, e in cleaned.non_body}
    assert kinds.get(pdfs.HEADER) == "furniture"
    assert "Page 1" in kinds and "Page 2" in kinds
    view = cleaned.view.text
    assert pdfs.HEADER not in view
    assert "Page 1" not in view and "Page 2" not in view
    # the sentence cut by the page break reads on in the view
    assert "neighbouring ports during the stoppage." in view


def test_line_end_hyphen_is_kept_in_the_text_and_mended_in_the_view(article):
    doc, cleaned = article
    assert f"{pdfs.HYPHEN_HEAD}-\n{pdfs.HYPHEN_TAIL}" in doc.text
    assert "outcome of the negotiations and promised" in cleaned.view.text
    vs = cleaned.view.text.index("negotiations")
    s, e = cleaned.view.to_original(vs, vs + len("negotiations"))
    assert doc.text[s:e] == f"{pdfs.HYPHEN_HEAD}-\n{pdfs.HYPHEN_TAIL}"


def test_truncated_pdf_is_an_error_with_a_reason():
    data = pdfs.article_pdf()
    with pytest.raises(PdfError) as err:
        load_bytes(data[: len(data) // 3], source="cut.pdf")
    assert "truncated or damaged" in err.value.message
    assert err.value.document == "cut.pdf"


def test_encrypted_pdf_is_an_error_with_a_reason():
    with pytest.raises(PdfError) as err:
        load_bytes(pdfs.article_pdf(encrypt_user_password="s3cret"), source="locked.pdf")
    assert "encrypted" in err.value.message and "password" in err.value.message


def test_pdf_without_a_text_layer_is_an_error_with_a_reason():
    with pytest.raises(PdfError) as err:
        load_bytes(pdfs.image_only_pdf(), source="scan.pdf")
    assert "no text layer" in err.value.message


def test_binary_junk_named_pdf_is_a_pdf_error():
    with pytest.raises(PdfError) as err:
        load_bytes(bytes(range(256)) * 8, source="junk.pdf", suffix=".pdf")
    assert "cannot be opened" in err.value.message


def test_text_named_pdf_is_read_as_text():
    text = "Ministers met in Geneva on Monday.\nThey agreed to meet again.\n"
    doc = load_bytes(text.encode(), source="notes.pdf", suffix=".pdf")
    assert doc.format == "text" and doc.text == text


def test_pdf_named_dat_is_read_as_pdf():
    doc = load_bytes(pdfs.article_pdf(), source="scan.dat", suffix=".dat")
    assert doc.format == "pdf" and doc.headline == pdfs.HEADLINE


def test_a_masthead_in_bigger_type_is_not_the_headline():
    doc = load_bytes(pdfs.masthead_pdf(), source="front.pdf")
    assert doc.headline == pdfs.HEADLINE
    # the masthead is still in the text (nothing is dropped from a document's text), and
    # the cleaner finds the headline's lines under it; the masthead is not body
    assert doc.text.startswith(pdfs.HEADER)
    cleaned = clean(doc)
    s, e = cleaned.headline_span
    assert " ".join(doc.text[s:e].split()) == pdfs.HEADLINE
    assert ("furniture", 0, len(pdfs.HEADER)) in cleaned.non_body
    first = cleaned.paragraphs[0]
    assert doc.text[first[0]:first[1]].startswith("Dock workers")


def test_first_line_indents_start_paragraphs():
    doc = load_bytes(pdfs.indented_pdf(), source="book.pdf")
    cleaned = clean(doc)
    paras = [" ".join(doc.text[s:e].split()) for s, e in cleaned.paragraphs]
    assert paras == [" ".join(p.split()) for p in pdfs.PARAGRAPHS]


def test_browser_printed_page_header_and_footer_are_split_and_recognised():
    doc = load_bytes(pdfs.printed_page_pdf(), source="printed.pdf")
    # the URL and the page number share a printed line but are far apart: separate lines
    assert f"{pdfs.PRINT_URL}\n1/2" in doc.text
    assert "3/14/25, 9:12 AM\nPort Strike Ends | The Harbour Courier" in doc.text
    cleaned = clean(doc)
    assert pdfs.PRINT_URL in cleaned.urls
    # the page's own URL gives the date and the outlet
    assert cleaned.meta.published == "2025-03-14" and cleaned.meta.published_from == "url"
    assert cleaned.headline == pdfs.HEADLINE
    view = cleaned.view.text
    for furniture in ("9:12 AM", "1/2", "2/2", "harbourcourier.example"):
        assert furniture not in view
    assert "neighbouring ports during the stoppage." in view


def test_words_in_a_justified_line_are_not_split():
    from fpdf import FPDF

    pdf = FPDF(format=(148, 210))  # A5 in mm
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    text = " ".join(pdfs.PARAGRAPHS)
    pdf.multi_cell(0, 5, text, align="J")   # justified: wide spaces between words
    doc = load_bytes(bytes(pdf.output()), source="justified.pdf")
    lines = doc.text.split("\n")
    assert " ".join(" ".join(lines).split()) == " ".join(text.split())
    # every printed line stays one line: none but the last is a fragment of a few words
    assert all(len(line.split()) >= 6 for line in lines[:-1]), lines
