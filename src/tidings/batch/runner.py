"""``run_batch``: documents → Dask workers → the batch output folder, then deduplication.

The client streams work items (never holding more than a few chunks in memory), submits
chunks to the workers with a bounded number in flight, writes each finished chunk's files
and manifest entry, and at the end groups near-duplicate articles and merges duplicate
events over the *whole* output (this run's documents and earlier runs').
"""
from __future__ import annotations

import datetime as dt
import logging
import secrets
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Optional

import pyarrow as pa

from tidings.batch import dedup
from tidings.batch.gdelt import MENTIONS_SCHEMA, MERGED_SCHEMA, merged_tables
from tidings.batch.inputs import work_items
from tidings.batch.output import BatchOutput
from tidings.batch.tables import rows_for, to_table
from tidings.batch.worker import ChunkOutput, LoadModel, _failed, _parquet, process_chunk

log = logging.getLogger(__name__)

Progress = Callable[[int, Optional[int], int], None]
"""Called after each chunk with (documents done, total documents if known, words done)."""

GROUPS_SCHEMA = pa.schema([
    ("document_id", pa.string()), ("group_id", pa.string()), ("canonical_id", pa.string()),
    ("is_canonical", pa.bool_()), ("group_size", pa.int64()), ("similarity", pa.float64()),
])


@dataclass
class BatchSummary:
    out: str
    documents_seen: int = 0
    skipped: int = 0          # already written by an earlier run
    processed: int = 0        # written by this run
    errors: int = 0           # of those, unreadable
    words: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # summed over the workers' chunks
    client_cpu_seconds: float = 0.0  # this process: reading inputs, scheduling, writing
    workers: dict[str, float] = field(default_factory=dict)  # worker -> peak RSS MB
    dedup: dict[str, Any] = field(default_factory=dict)

    @property
    def docs_per_second(self) -> float:
        return self.processed / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


def _chunks(items: Iterator[dict[str, Any]], size: int, skip: set[tuple[str, str]],
            summary: BatchSummary, limit: Optional[int]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        if limit is not None and len(seen) >= limit:
            break
        summary.documents_seen += 1
        key = (item["id"], item["hash"])
        if key in skip or key in seen:
            summary.skipped += 1
            continue
        seen.add(key)
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _failed_chunk(items: list[dict[str, Any]], chunk_id: str, exc: BaseException) -> ChunkOutput:
    """Rows for documents whose worker died (twice): each goes to ``errors`` with why."""
    out = ChunkOutput(chunk_id=chunk_id)
    rows = []
    for item in items:
        rows.extend(rows_for(_failed(item, exc), content_hash=item["hash"]).rows["errors"])
        out.done.append((item["id"], item["hash"]))
        out.n_docs += 1
        out.n_errors += 1
    out.files[f"errors/part-{chunk_id}.parquet"] = _parquet(to_table("errors", rows))
    return out


def _client(scheduler: str, workers: int) -> tuple[Any, Any]:
    from distributed import Client, LocalCluster

    if scheduler == "local":
        import dask

        # Dask's workers default to MALLOC_TRIM_THRESHOLD_=65536, which costs the parser
        # system time (measured: +50% sys, about +5% CPU in all); keep the thread limits.
        environ = {k: v for k, v in dask.config.get("distributed.nanny.pre-spawn-environ").items()
                   if k != "MALLOC_TRIM_THRESHOLD_"}
        with dask.config.set({"distributed.nanny.pre-spawn-environ": environ}):
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
        return Client(cluster), cluster
    return Client(scheduler), None


def run_batch(inputs: list[str] | tuple[str, ...], out_dir: str, *, scheduler: str = "local",
              workers: int = 2, chunk_size: int = 32, published: Optional[str] = None,
              threshold: float = dedup.DEFAULT_THRESHOLD,
              window_days: int = dedup.DEFAULT_WINDOW_DAYS, client: Any = None,
              progress: Optional[Progress] = None, limit: Optional[int] = None) -> BatchSummary:
    """Extract every document named by ``inputs`` into ``out_dir`` on a Dask cluster.

    ``scheduler`` is ``"local"`` (a local cluster of ``workers`` processes) or the address
    of a running Dask scheduler (``tcp://host:8786``); an existing ``client`` may be passed
    instead.  Documents already in ``out_dir`` are skipped.  ``limit`` stops after that many
    new documents (a run cut short on purpose; the next run continues).  Raises
    :class:`~tidings.batch.output.OutputBusy` if another run is writing to ``out_dir``."""
    output = BatchOutput(out_dir)
    output.lock()
    try:
        return _run(output, inputs, scheduler=scheduler, workers=workers, chunk_size=chunk_size,
                    published=published, threshold=threshold, window_days=window_days,
                    client=client, progress=progress, limit=limit)
    finally:
        output.unlock()


def _run(output: BatchOutput, inputs: list[str] | tuple[str, ...], *, scheduler: str,
         workers: int, chunk_size: int, published: Optional[str], threshold: float,
         window_days: int, client: Any, progress: Optional[Progress], limit: Optional[int]
         ) -> BatchSummary:
    from distributed import as_completed

    out_dir = output.root
    output.clean_orphans()
    summary = BatchSummary(out=str(out_dir))
    done = output.done_keys()
    owned_client, owned_cluster = None, None
    if client is None:
        owned_client, owned_cluster = _client(scheduler, workers)
        client = owned_client
    try:
        client.register_plugin(LoadModel())
        n_workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})) or workers)
        run_id = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        started, client_cpu = time.perf_counter(), time.process_time()
        if progress is not None:
            progress(0, None, 0)  # the cluster is up: the clock for documents/s starts
        chunks = _chunks(work_items(inputs), chunk_size, done, summary, limit)
        pending: dict[Any, tuple[list[dict[str, Any]], str, bool]] = {}
        counter = 0
        queue = as_completed()

        def submit(chunk: list[dict[str, Any]], retry: bool = False) -> None:
            nonlocal counter
            counter += 1
            chunk_id = f"{run_id}-{counter:06d}"
            future = client.submit(process_chunk, chunk, chunk_id=chunk_id, published=published,
                                   pure=False)
            pending[future] = (chunk, chunk_id, retry)
            queue.add(future)

        exhausted = False
        for chunk in chunks:
            submit(chunk)
            if len(pending) >= 2 * n_workers:
                break
        else:
            exhausted = True
        for future in queue:
            chunk, chunk_id, retry = pending.pop(future)
            try:
                result: ChunkOutput = future.result()
            except Exception as exc:  # the worker died or the task failed as a whole
                log.warning("chunk %s failed (%s: %s)", chunk_id, type(exc).__name__, exc)
                if len(chunk) > 1 or not retry:
                    for item in chunk:  # isolate the document that kills workers
                        submit([item], retry=True)
                    continue
                result = _failed_chunk(chunk, chunk_id, exc)
            output.write_chunk(result)
            summary.processed += result.n_docs
            summary.errors += result.n_errors
            summary.words += result.n_words
            summary.cpu_seconds += result.cpu_seconds
            if result.worker:
                summary.workers[result.worker] = max(summary.workers.get(result.worker, 0.0),
                                                     result.peak_rss_mb)
            if not exhausted:
                nxt = next(chunks, None)
                if nxt is None:
                    exhausted = True
                else:
                    submit(nxt)
            if progress is not None:
                total = summary.documents_seen - summary.skipped if exhausted else None
                progress(summary.processed, total, summary.words)
        summary.seconds = time.perf_counter() - started
        summary.client_cpu_seconds = time.process_time() - client_cpu
    finally:
        if owned_client is not None:
            owned_client.close()
        if owned_cluster is not None:
            owned_cluster.close()
    summary.dedup = finalize(output, threshold=threshold, window_days=window_days)
    output.write_summary({**summary.__dict__, "docs_per_second": summary.docs_per_second,
                          "words_per_second": summary.words_per_second})
    return summary


def finalize(output: BatchOutput, *, threshold: float = dedup.DEFAULT_THRESHOLD,
             window_days: int = dedup.DEFAULT_WINDOW_DAYS) -> dict[str, Any]:
    """Group near-duplicate articles and merge duplicate events over the whole output;
    write ``article_groups``, ``events_merged`` and ``mentions``; return the counts."""
    output.ensure_tables()
    docs = output.read_table("documents", columns=["document_id", "published", "minhash"])
    groups = dedup.group_articles(zip(docs["document_id"].to_pylist(),
                                      docs["published"].to_pylist(),
                                      docs["minhash"].to_pylist()), threshold=threshold)
    group_rows, member_of = [], {}
    for g in groups:
        for m in g.members:
            member_of[m] = g.group_id
            group_rows.append({"document_id": m, "group_id": g.group_id, "canonical_id": g.canonical,
                               "is_canonical": m == g.canonical, "group_size": len(g.members),
                               "similarity": g.similarity[m]})
    output.write_table("article_groups", pa.Table.from_pylist(group_rows, schema=GROUPS_SCHEMA))
    events = output.read_table("events").to_pylist()
    merged = dedup.merge_events(events, window_days=window_days, article_groups=member_of)
    event_rows, mention_rows = merged_tables(merged, article_groups=member_of)
    output.write_table("events_merged", pa.Table.from_pylist(event_rows, schema=MERGED_SCHEMA))
    output.write_table("mentions", pa.Table.from_pylist(mention_rows, schema=MENTIONS_SCHEMA))
    errors = output.read_table("errors", columns=["document_id"]).num_rows
    return {
        "documents": docs.num_rows, "unreadable": errors,
        "article_groups": len(groups),
        "article_duplicates_merged": sum(len(g.members) - 1 for g in groups),
        "events": len(events), "events_merged": len(merged),
        "event_duplicates_merged": len(events) - len(merged),
        "threshold": threshold, "window_days": window_days,
    }
