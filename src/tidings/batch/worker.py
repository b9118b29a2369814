"""What runs on a Dask worker: one chunk of documents → Parquet part files as bytes.

Each worker process loads the pipeline (and the spaCy model) once -- at start-up through
:class:`LoadModel`, a worker plugin, or at the first chunk -- and keeps it for every chunk.
A chunk is parsed with ``Pipeline.extract_many`` (``nlp.pipe`` in batches).  The worker
encodes its tables to Parquet itself and returns the bytes, so the client only writes
files: the workers need no shared file system with the client.

Nothing here raises for a bad document: a document that cannot be read becomes an
``errors`` row, and if the chunk as a whole fails the documents are retried one by one.
"""
from __future__ import annotations

import gzip
import io
import logging
import os
import resource
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

import pyarrow.parquet as pq
from distributed.diagnostics.plugin import WorkerPlugin

from tidings.batch import dedup
from tidings.batch.tables import rows_for, to_table
from tidings.document import ErrorEntry, Result
from tidings.errors import InputError
from tidings.pipeline import Pipeline

log = logging.getLogger(__name__)

PARTITION = "pubdate"
NULL_PARTITION = "unknown"  # not the Hive null marker: pandas cannot read that back


class _BatchPipeline(Pipeline):
    """The standard pipeline that also keeps, for the result it just finished, the
    sentence boundaries (original-text offsets) and the token count of its parse."""

    last_sentences: list[tuple[int, int]] = []
    last_tokens: int = 0

    def _finish(self, prep: Any, parsed: Any) -> Result:
        result = super()._finish(prep, parsed)
        self.last_sentences, self.last_tokens = [], 0
        if parsed is not None and prep.cleaned is not None:
            view = prep.cleaned.view
            self.last_tokens = len(parsed)
            self.last_sentences = [view.to_original(s.start_char, s.end_char) for s in parsed.sents]
        return result


_pipeline: Optional[_BatchPipeline] = None
# One chunk at a time per process: the pipeline's per-result side channel (and spaCy's
# pipe) are not shared between threads.  Workers should run with one thread each anyway
# (the parse holds the GIL); this keeps a worker started with more threads correct.
_lock = threading.Lock()


def pipeline() -> _BatchPipeline:
    """This process's pipeline, built (and the model and the stages' tables loaded) once."""
    global _pipeline
    if _pipeline is None:
        pipe = _BatchPipeline()
        pipe.warm_up()  # a warm-up failure only costs speed: the real chunks report errors
        _pipeline = pipe
    return _pipeline


class LoadModel(WorkerPlugin):
    """Loads the pipeline when a worker starts, so the first chunk is not slower."""
    name = "tidings-load-model"

    def setup(self, worker: Any) -> None:
        pipeline()


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB.

    Read from ``VmHWM`` in ``/proc/self/status`` where there is one: ``ru_maxrss`` survives
    ``exec`` on Linux, so a worker spawned by a big parent would report the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class ChunkOutput:
    chunk_id: str
    files: dict[str, bytes] = field(default_factory=dict)  # relative path -> content
    done: list[tuple[str, str]] = field(default_factory=list)  # (document id, content hash)
    n_docs: int = 0
    n_errors: int = 0
    n_words: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time of the worker process on this chunk
    worker: str = ""
    peak_rss_mb: float = 0.0


def _document(item: dict[str, Any]) -> Any:
    """A work item → what ``extract_many`` takes (a Document, or the record dict)."""
    from tidings.ingest import error_document, load_bytes

    if item["kind"] == "record":
        return item["record"]
    if item["kind"] == "error":
        err = InputError(item["reason"], document=item.get("source"))
        err.code = item.get("code", "unreadable")
        return error_document(err, id=item["id"], source=item.get("source"))

    data = item["data"]
    try:
        if item.get("gz"):
            data = gzip.decompress(data)
        return load_bytes(data, id=item["id"], source=item["source"], suffix=item["suffix"])
    except (InputError, OSError, EOFError) as err:
        if not isinstance(err, InputError):
            err = InputError(f"the file cannot be decompressed: {err}", document=item["source"])
        return error_document(err, id=item["id"], source=item["source"])


def _failed(item: dict[str, Any], exc: BaseException) -> Result:
    return Result(id=item["id"], source=item.get("source"), errors=[ErrorEntry(
        code="failed", document=item.get("source") or item["id"],
        message=f"processing failed: {type(exc).__name__}: {exc}")])


def _run(pipe: _BatchPipeline, items: list[dict[str, Any]], published: Optional[str]
         ) -> Iterator[tuple[dict[str, Any], Result, list[tuple[int, int]], int]]:
    docs = (_document(item) for item in items)
    for item, result in zip(items, pipe.extract_many(docs, published=published)):
        if result.id is None:
            result.id = item["id"]
        yield item, result, pipe.last_sentences, pipe.last_tokens


def _extract(pipe: _BatchPipeline, items: list[dict[str, Any]], published: Optional[str]
             ) -> list[tuple[dict[str, Any], Result, list[tuple[int, int]], int]]:
    try:
        return list(_run(pipe, items, published))
    except Exception:
        log.exception("a chunk of %d documents failed; retrying them one by one", len(items))
    out = []
    for item in items:
        try:
            out.extend(_run(pipe, [item], published))
        except Exception as exc:  # this one document breaks the pipeline: record why
            log.exception("document %s failed", item["id"])
            out.append((item, _failed(item, exc), [], 0))
    return out


def _body(result: Result) -> str:
    paras = result.article.paragraphs
    if paras:
        return "\n".join(result.text[p.start:p.end] for p in paras)
    return result.text


def _parquet(table: Any) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def process_chunk(items: list[dict[str, Any]], *, chunk_id: str,
                  published: Optional[str] = None) -> ChunkOutput:
    """Extract a chunk of work items; return its part files (Parquet and JSONL) as bytes."""
    with _lock:
        return _process_chunk(items, chunk_id=chunk_id, published=published)


def _process_chunk(items: list[dict[str, Any]], *, chunk_id: str,
                   published: Optional[str]) -> ChunkOutput:
    started, cpu_started = time.perf_counter(), time.process_time()
    pipe = pipeline()
    out = ChunkOutput(chunk_id=chunk_id, worker=f"{socket.gethostname()}:{os.getpid()}")
    by_table: dict[tuple[str, Optional[str]], list[dict[str, Any]]] = {}
    jsonl = io.BytesIO()
    with gzip.GzipFile(fileobj=jsonl, mode="wb", compresslevel=3) as gz:
        for item, result, sentences, tokens in _extract(pipe, items, published):
            gz.write(result.to_json().encode("utf-8") + b"\n")
            sig = dedup.signature(_body(result)) if result.text else None
            rows = rows_for(result, content_hash=item["hash"], minhash=sig,
                            sentences=sentences, n_words=tokens)
            for name, table_rows in rows.rows.items():
                if table_rows:
                    key = (name, None if name == "errors" else rows.published)
                    by_table.setdefault(key, []).extend(table_rows)
            out.done.append((item["id"], item["hash"]))
            out.n_docs += 1
            out.n_errors += "errors" in rows.rows
            out.n_words += tokens
    out.files[f"results/part-{chunk_id}.jsonl.gz"] = jsonl.getvalue()
    for (name, day), table_rows in by_table.items():
        if name == "errors":
            path = f"errors/part-{chunk_id}.parquet"
        else:
            path = f"{name}/{PARTITION}={day or NULL_PARTITION}/part-{chunk_id}.parquet"
        out.files[path] = _parquet(to_table(name, table_rows))
    out.seconds = time.perf_counter() - started
    out.cpu_seconds = time.process_time() - cpu_started
    out.peak_rss_mb = peak_rss_mb()
    return out

