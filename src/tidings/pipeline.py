"""The pipeline: ingest → clean → one spaCy pass → stages → :class:`Result`.

``Pipeline`` builds its stages once (the model is loaded once per process);
:func:`extract` and :func:`extract_many` are the public entry points.  ``extract_many``
streams results in input order, parsing with ``nlp.pipe`` in batches.

:meth:`Pipeline.warm_up` takes every stage through its tables once and then moves what is
loaded (the model, the knowledge tables) out of the cyclic garbage collector's way
(``gc.freeze``): those objects live as long as the process, and without this every full
collection re-scans them, which cost the stages about 0.3 s of CPU per 160 articles
(``bench/batch_bench.py``).  :func:`default_pipeline` (the CLI, ``ingest``, the web app) and
the batch workers warm up when they start.
"""
from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import os
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, Optional, Union

from tidings import entities, events, statements, timex
from tidings.analysis import Analysis
from tidings.clean import Cleaned, clean
from tidings.document import Article, Document, ErrorEntry, Paragraph, Result
from tidings.entities.doccache import remember_text
from tidings.errors import InputError, TooLarge
from tidings.ingest import MAX_BYTES, error_document, load
from tidings.nlp import get_nlp
from tidings.stage import Stage, check_order

log = logging.getLogger(__name__)

DEFAULT_STAGES: list[Stage] = [entities.STAGE, timex.STAGE, statements.STAGE, events.STAGE]

Item = Union[str, bytes, "os.PathLike[str]", Document, dict]

# A short article that takes every stage through its tables once, so the lazily loaded
# resources (gazetteers, date parsers, word lists) are loaded when a process starts rather
# than inside the first documents, where they would be counted as work.
WARM_UP = (
    "Ministers agree to talks on grain exports\n\n"
    "GENEVA, May 4, 2026 - Turkey and Ukraine agreed on Monday to resume talks on grain "
    "shipments across the Black Sea, the United Nations said. \"We expect the first ships to "
    "leave Odesa next week,\" Foreign Minister Hakan Fidan told reporters in Ankara. Russia "
    "accused Kyiv of delaying the deal, and police arrested two protesters outside the embassy "
    "in Moscow in January.\n"
)


@dataclass
class _Prepared:
    doc: Document
    cleaned: Optional[Cleaned]


def _as_document(item: Item, published: Optional[str]) -> Document:
    """Turn one input item into a Document; input errors become an error Document."""
    record_published = None
    try:
        if isinstance(item, Document):
            doc = item
        elif isinstance(item, dict):
            if not isinstance(item.get("text"), str):
                raise InputError(item.get("_error") or "the record has no 'text' string",
                                 document=str(item.get("id")))
            if not item["text"].strip():
                raise InputError("the record's text is empty", document=str(item.get("id")))
            if len(item["text"]) > MAX_BYTES:
                raise TooLarge(f"the record's text is {len(item['text']) / 1e6:.1f} million characters, "
                               f"over the limit of {MAX_BYTES / 1e6:.0f} MB (set TIDINGS_MAX_BYTES)",
                               document=str(item.get("id")))
            # a record's text is always text, never a file name (records come from
            # uploads and document lists: reading paths from them would expose files)
            doc = Document(text=item["text"], id=None if item.get("id") is None else str(item["id"]),
                           url=item.get("url"))
            # annotated records carry other things under "source" (PLOVER: the gold actors)
            given = item.get("source")
            doc.source = given if isinstance(given, str) else item.get("url")
            record_published = item.get("published")
        else:
            doc = load(item)
    except InputError as err:
        ident = item.get("id") if isinstance(item, dict) else None
        src = None if isinstance(item, (dict, bytes, Document)) else str(item)
        if isinstance(item, str) and "\n" in item:
            src = None
        return error_document(err, id=None if ident is None else str(ident), source=src)
    given = normalise_date(record_published) if record_published else None
    if given:
        # an ISO date is taken as given; another written form ("03-02-2009": 3 February or
        # 2 March?) only when the document itself carries no date
        iso = str(record_published).strip()[:10] == given
        doc.published, doc.published_from = given, "given" if iso else "fallback"
    elif published and not doc.published:
        doc.published, doc.published_from = published, "fallback"
    return doc


def normalise_date(value: object) -> Optional[str]:
    """A given publication date as YYYY-MM-DD: ISO dates as they are, other written forms
    ("03-02-2009", "March 2, 2009") through dateparser; None when it is not a date."""
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    from tidings.clean.meta import parse_date

    parsed = parse_date(text)
    if parsed is None:
        log.warning("ignoring an unreadable publication date %r", text)
    return parsed


class Pipeline:
    def __init__(self, stages: Optional[list[Stage]] = None) -> None:
        self.stages = list(DEFAULT_STAGES if stages is None else stages)
        check_order(self.stages)
        self.nlp = get_nlp()

    def warm_up(self) -> None:
        """Load everything the stages use (one short article through the whole pipeline),
        then freeze what is loaded out of the garbage collector's reach (``gc.freeze``,
        after a collection so no garbage is kept).  Call once, when a process that will
        read many articles starts.  A failure here only costs speed: it is logged."""
        try:
            self.extract({"id": "warm-up", "text": WARM_UP})
        except Exception:
            log.exception("the warm-up extraction failed")
        gc.collect()
        gc.freeze()

    # -- one document --------------------------------------------------------------
    def _prepare(self, item: Item, published: Optional[str]) -> _Prepared:
        doc = _as_document(item, published)
        if not doc.text:
            return _Prepared(doc, None)
        try:
            return _Prepared(doc, clean(doc))
        except Exception as e:  # a cleaning bug on one odd document never stops the run
            log.debug("cleaning failed on %s", doc.id or doc.source, exc_info=True)
            doc.errors.append(ErrorEntry(code="clean_failed", document=doc.id or doc.source,
                                         message=f"the document could not be cleaned: "
                                                 f"{type(e).__name__}: {e}"))
            return _Prepared(doc, None)

    def _finish(self, prep: _Prepared, parsed: Any) -> Result:
        doc, cleaned = prep.doc, prep.cleaned
        result = Result(id=doc.id, source=doc.source, text=doc.text,
                        errors=list(doc.errors))
        if cleaned is None:
            return result
        meta = cleaned.meta
        result.article = Article(
            headline=cleaned.headline, published=meta.published,
            published_from=meta.published_from, outlet=meta.outlet, urls=cleaned.urls,
            paragraphs=[Paragraph(start=s, end=e) for s, e in cleaned.paragraphs])
        result.article.normalized = cleaned.view.text  # type: ignore[attr-defined]
        if doc.updated:
            result.article.updated = doc.updated  # type: ignore[attr-defined]
        if parsed is not None:
            remember_text(parsed, cleaned.view.text)  # parsed from it: no need to rejoin
        analysis = Analysis(doc=doc, cleaned=cleaned, parsed=parsed)
        for stage in self.stages:
            try:
                analysis.layers[stage.assigns] = stage(analysis)
            except Exception as e:  # one stage failing never loses the document
                log.exception("stage %s failed on %s", stage.name, doc.id or doc.source)
                result.errors.append(ErrorEntry(
                    code="stage_failed", document=doc.id or doc.source,
                    message=f"the {stage.name} stage failed: {type(e).__name__}: {e}"))
        self._assemble(result, analysis)
        return result

    @staticmethod
    def _assemble(result: Result, analysis: Analysis) -> None:
        layers = analysis.layers
        if "entities" in layers:
            result.entities = layers["entities"].entities
        if "times" in layers:
            result.times = layers["times"].times
            result.flags.extend(layers["times"].flags)
        if "statements" in layers:
            result.statements = layers["statements"]
        if "events" in layers:
            result.events = layers["events"]

    def extract(self, item: Item, *, published: Optional[str] = None) -> Result:
        prep = self._prepare(item, published)
        parsed = self.nlp(prep.cleaned.view.text) if prep.cleaned else None
        return self._finish(prep, parsed)

    def extract_many(self, items: Iterable[Item], *, published: Optional[str] = None,
                     batch_size: int = 32) -> Iterator[Result]:
        prepared = (self._prepare(item, published) for item in items)

        def texts() -> Iterator[tuple[str, _Prepared]]:
            for prep in prepared:
                yield (prep.cleaned.view.text if prep.cleaned else ""), prep

        for parsed, prep in self.nlp.pipe(texts(), as_tuples=True, batch_size=batch_size):
            yield self._finish(prep, parsed if prep.cleaned else None)


_default: Optional[Pipeline] = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
        _default.warm_up()
    return _default


def extract(text_or_path: Item, *, published: Optional[str] = None) -> Result:
    """Extract everything from one document: a path, raw text, bytes, or a record dict."""
    return default_pipeline().extract(text_or_path, published=published)


def extract_many(items: Iterable[Item], *, published: Optional[str] = None,
                 batch_size: int = 32) -> Iterator[Result]:
    """Stream results for many documents, in input order."""
    return default_pipeline().extract_many(items, published=published, batch_size=batch_size)


def read_jsonl(path: str) -> Iterator[dict]:
    """Records of a ``.jsonl`` document list; a broken line becomes an error record."""
    import gzip

    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                if not isinstance(record, dict):
                    raise ValueError("not a JSON object")
            except ValueError as e:
                yield {"id": f"{path}:{n}", "text": None, "_error": f"line {n} is not a JSON object: {e}"}
                continue
            yield record
