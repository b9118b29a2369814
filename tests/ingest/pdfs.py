"""Real PDFs made with fpdf2 for the ingestion tests: a two-page news article with a big
headline, a running header and footer and a word hyphenated across a line end."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from fpdf import FPDF

HEADLINE = "Port Strike Ends After Talks Run Through the Night"
HEADER = "THE HARBOUR COURIER"
PARAGRAPHS = [
    ("Dock workers in the port of Valmora returned to work on Thursday after union leaders "
     "and the port authority agreed to a new contract, ending a strike that had halted "
     "container traffic for eleven days."),
    ("The agreement raises wages by six percent over two years and limits night shifts, "
     "said Elena Marsh, who led the union's negotiating team. \"Nobody got everything they "
     "wanted, but the cranes are moving again,\" she told reporters outside the terminal."),
    ("Shipping companies had diverted more than forty vessels to neighbouring ports during "
     "the stoppage. The port authority said it expected the backlog to clear within a week "
     "and that no penalties would be imposed on the strikers."),
    ("Talks broke down twice last month over pension contributions. A mediator appointed by "
     "the labour ministry brought both sides back to the table on Tuesday, and the final "
     "round lasted more than fourteen hours before the deal was signed at dawn."),
    ("Local businesses welcomed the news. Several warehouse operators had laid off temporary "
     "staff while the terminal was closed, and the chamber of commerce estimated the losses "
     "at several million euros a day for the regional economy."),
]
# a word that the test breaks by hand at a line end with a hyphen
HYPHEN_HEAD, HYPHEN_TAIL = "negoti", "ations"
HYPHEN_LINE_1 = f"The government praised the outcome of the {HYPHEN_HEAD}-"
HYPHEN_LINE_2 = f"{HYPHEN_TAIL} and promised to review port safety rules before the summer."


def body_lines() -> list[list[str]]:
    """The body as printed lines, paragraph by paragraph; the last paragraph breaks
    "negotiations" with a hyphen at a line end."""
    import textwrap

    out = [textwrap.wrap(p, 88) for p in PARAGRAPHS]
    out.append([HYPHEN_LINE_1, HYPHEN_LINE_2])
    return out


#: the page break falls inside this paragraph, after this many of its lines
BREAK_IN_PARAGRAPH, BREAK_AFTER_LINE = 2, 1


def _write_article(pdf: "FPDF", *, headline_size: int, headline_height: int) -> None:
    """The headline, then the body paragraphs, with one paragraph broken over a page."""
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", headline_size)
    pdf.multi_cell(0, headline_height, HEADLINE)
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    for k, lines in enumerate(body_lines()):
        for j, line in enumerate(lines):
            if (k, j) == (BREAK_IN_PARAGRAPH, BREAK_AFTER_LINE):
                pdf.add_page()
                pdf.set_font("Helvetica", "", 11)
            pdf.cell(0, 6, line)
            pdf.ln(6)
        pdf.ln(3)


def article_pdf(*, encrypt_user_password: Optional[str] = None) -> bytes:
    """Two pages: headline in 24 pt bold, body in 11 pt, a running header and a page-number
    footer on each page, a paragraph running over the page break."""
    from fpdf import FPDF

    class Paper(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, HEADER, align="C")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.cell(0, 6, f"Page {self.page_no()}", align="C")

    pdf = Paper(format="A4")
    _write_article(pdf, headline_size=24, headline_height=11)
    if encrypt_user_password is not None:
        pdf.set_encryption(owner_password="owner-secret", user_password=encrypt_user_password)
    return bytes(pdf.output())


def image_only_pdf() -> bytes:
    """A page holding only a drawn picture: no text layer, as a scan without OCR."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    for k in range(12):
        pdf.rect(20 + k * 5, 30 + k * 8, 120, 4, style="F")
    return bytes(pdf.output())


def masthead_pdf() -> bytes:
    """A newspaper page: the masthead in the largest type, the headline under it in type
    nearly as large, then the body."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 34)
    pdf.cell(0, 16, HEADER, align="C")
    pdf.ln(20)
    pdf.set_font("Helvetica", "B", 22)
    pdf.multi_cell(0, 10, HEADLINE)
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 11)
    for para in PARAGRAPHS[:3]:
        pdf.multi_cell(0, 6, para)
        pdf.ln(3)
    return bytes(pdf.output())


def indented_pdf() -> bytes:
    """Book-style paragraphs: no space between them, the first line indented by one em."""
    import textwrap

    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 9, HEADLINE)
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 11)
    for para in PARAGRAPHS:
        for j, line in enumerate(textwrap.wrap(para, 88)):
            pdf.set_x(pdf.l_margin + (4 if j == 0 else 0))  # 4 mm: about one em of 11 pt
            pdf.cell(0, 5.5, line)
            pdf.ln(5.5)
    return bytes(pdf.output())


PRINT_URL = "https://www.harbourcourier.example/news/2025/03/14/port-strike-ends"


def printed_page_pdf() -> bytes:
    """A web article printed to PDF by a browser: each page has a header with the print
    date at the left and the page title in the middle, and a footer with the page's URL at
    the left and "1/2" at the right, all on the same lines."""
    from fpdf import FPDF

    class Printed(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 7)
            self.cell(60, 5, "3/14/25, 9:12 AM")
            self.cell(0, 5, "Port Strike Ends | The Harbour Courier", align="C")
            self.ln(10)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("Helvetica", "", 7)
            self.cell(150, 5, PRINT_URL)
            self.cell(0, 5, f"{self.page_no()}/2", align="R")

    pdf = Printed(format="A4")
    _write_article(pdf, headline_size=22, headline_height=10)
    return bytes(pdf.output())
