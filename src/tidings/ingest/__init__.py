"""Ingestion: a path, bytes or a string become a :class:`Document` whose text is fixed.

The format is sniffed from the content (``%PDF-``, HTML markup), the extension only
breaking ties.  Failures raise :class:`tidings.errors.InputError` subclasses with the
reason; :func:`load_safely` turns them into a Document with an ``errors`` entry instead.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Optional, Union

from tidings.document import Document, ErrorEntry
from tidings.errors import EmptyInput, InputError, NotFound, TooLarge
from tidings.ingest.sniff import sniff
from tidings.ingest.text import DamagedUtf8, decode

log = logging.getLogger(__name__)

MAX_BYTES = int(os.environ.get("TIDINGS_MAX_BYTES", 8 * 1024 * 1024))
SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".pdf", ".md")

Source = Union[str, bytes, os.PathLike]


def _doc_id(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".html", ".htm", ".xhtml", ".txt", ".text", ".pdf", ".md"):
        name = name.removesuffix(suffix)
    return name


def load_bytes(data: bytes, *, id: Optional[str] = None, source: Optional[str] = None,
               suffix: str = "", url: Optional[str] = None) -> Document:
    label = source or id or "<input>"
    if not data.strip():
        raise EmptyInput("the document is empty" if not data else
                         "the document has no text (only whitespace)", document=label)
    if len(data) > MAX_BYTES:
        raise TooLarge(f"the document is {len(data) / 1e6:.1f} MB, over the limit of "
                       f"{MAX_BYTES / 1e6:.0f} MB (set TIDINGS_MAX_BYTES to raise it)",
                       document=label)
    kind = sniff(data, suffix)
    if kind in ("pdf", "html"):
        doc = _load_format(kind, data, label=label, url=url)
    else:
        try:
            doc = Document(text=decode(data, label=label))
        except DamagedUtf8 as damaged:
            doc = Document(text=damaged.text)
            doc.errors.append(ErrorEntry(code=damaged.code, message=damaged.message, document=label))
    doc.id, doc.source = id, source
    if url and not doc.url:
        doc.url = url
    return doc


def _load_format(kind: str, data: bytes, *, label: str, url: Optional[str]) -> Document:
    """A PDF or HTML document.  The third-party readers can fail in ways nobody listed (deep
    markup, odd fonts, broken streams): any such failure becomes an input error with the
    reason, so one bad file never stops a run."""
    try:
        if kind == "pdf":
            from tidings.ingest.pdf import load_pdf
            return load_pdf(data, label=label)
        from tidings.ingest.html import load_html
        return load_html(data, label=label, url=url)
    except InputError:
        raise
    except Exception as e:  # deep markup (RecursionError), broken streams, reader bugs
        log.debug("reading %s as %s failed", label, kind.upper(), exc_info=True)
        raise InputError(f"the {kind.upper()} could not be read ({type(e).__name__}: {e})",
                         document=label) from e


def load(source: Source, *, id: Optional[str] = None, url: Optional[str] = None) -> Document:
    """Read a file path (``str`` or ``PathLike``) or raw ``bytes``.  A ``str`` that is not an
    existing path is taken as the document text itself."""
    if isinstance(source, bytes):
        return load_bytes(source, id=id, url=url)
    path = Path(source)
    if isinstance(source, os.PathLike) or _looks_like_path(str(source)):
        if not path.is_file():
            raise NotFound(f"no such file: {path}", document=str(path))
        size = path.stat().st_size
        if size > MAX_BYTES and path.suffix != ".gz":  # refused before it is read into memory
            raise TooLarge(f"the file is {size / 1e6:.1f} MB, over the limit of "
                           f"{MAX_BYTES / 1e6:.0f} MB (set TIDINGS_MAX_BYTES to raise it)",
                           document=str(path))
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"the file cannot be read: {e.strerror or e}", document=str(path)) from e
        if path.suffix == ".gz":
            data = _gunzip(data, label=str(path))
        suffix = Path(path.stem).suffix if path.suffix == ".gz" else path.suffix
        return load_bytes(data, id=id or _doc_id(path), source=str(path), suffix=suffix.lower(),
                          url=url)
    text = str(source)
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise TooLarge(f"the text is over the limit of {MAX_BYTES / 1e6:.0f} MB", document=id)
    return Document(text=text, id=id)


def _gunzip(data: bytes, *, label: str) -> bytes:
    import gzip
    import io
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
            out = fh.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise InputError(f"the .gz file cannot be decompressed ({e}); it may be truncated",
                         document=label) from e
    if len(out) > MAX_BYTES:
        raise TooLarge(f"the decompressed document is over the limit of {MAX_BYTES / 1e6:.0f} MB "
                       f"(set TIDINGS_MAX_BYTES to raise it)", document=label)
    return out


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 4096:
        return False
    try:
        return Path(s).is_file()
    except OSError:
        return False


def error_document(err: InputError, *, id: Optional[str], source: Optional[str]) -> Document:
    doc = Document(text="", id=id, source=source)
    doc.errors.append(ErrorEntry(code=err.code, message=err.message,
                                 document=err.document or source or id))
    return doc
