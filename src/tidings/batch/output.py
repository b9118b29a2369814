"""The batch output folder: Parquet datasets, JSONL results, and the resume manifest.

Layout under DIR::

    documents/pubdate=2026-06-24/part-<chunk>.parquet    (also entities, statements,
    events/pubdate=unknown/...                            events, times, flags)
    errors/part-<chunk>.parquet                           unreadable documents, with reason
    results/part-<chunk>.jsonl.gz                         the full tidings/1 result objects
    article_groups/ events_merged/ mentions/              deduplication (rewritten each run)
    _manifest/<chunk>.json                                what each finished chunk wrote
    summary.json

Crash safety: every file is written to a temporary name and renamed into place; a chunk's
manifest entry is written *last*.  On start, part files of chunks without a manifest entry
(a run killed half-way through writing them) are deleted, so a rerun redoes exactly those
documents and never duplicates a row.
"""
from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any, Iterable, Optional

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from tidings.batch.tables import SCHEMAS, TABLES
from tidings.batch.worker import ChunkOutput

log = logging.getLogger(__name__)

MANIFEST = "_manifest"
_PART = re.compile(r"^part-(?P<chunk>.+?)\.(parquet|jsonl\.gz)$")


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class OutputBusy(RuntimeError):
    """Another process is writing to this output folder."""


class BatchOutput:
    def __init__(self, root: "str | os.PathLike[str]") -> None:
        self.root = Path(root)
        self._lock_fh: Any = None

    def lock(self) -> None:
        """Take the folder for this process (released when it exits, even when killed): two
        runs into one folder would delete each other's unfinished parts as orphans."""
        import fcntl

        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.root / ".lock", "w")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            fh.close()
            raise OutputBusy(f"another tidings batch is writing to {self.root}; wait for it "
                             f"or choose another --out folder") from e
        self._lock_fh = fh

    def unlock(self) -> None:
        if self._lock_fh is not None:
            self._lock_fh.close()  # closing the file releases the lock
            self._lock_fh = None

    # -- resume ----------------------------------------------------------------------
    def manifest(self) -> list[dict[str, Any]]:
        entries = []
        for path in sorted((self.root / MANIFEST).glob("*.json")):
            try:
                entries.append(json.loads(path.read_text(encoding="utf-8")))
            except ValueError:  # cannot happen with atomic writes, but never trust a file
                log.warning("ignoring a damaged manifest entry %s", path)
        return entries

    def done_keys(self) -> set[tuple[str, str]]:
        """(document id, content hash) of every document already written."""
        return {(d[0], d[1]) for entry in self.manifest() for d in entry.get("done", [])}

    def clean_orphans(self) -> int:
        """Delete part files of unfinished chunks and temporary files; return how many."""
        if not self.root.exists():
            return 0
        finished = {entry["chunk_id"] for entry in self.manifest()}
        removed = 0
        for path in self.root.rglob("*"):
            if not path.is_file():
                continue
            top = path.relative_to(self.root).parts[0]
            match = _PART.match(path.name)
            orphan = (top in TABLES + ("errors", "results") and match is not None
                      and match["chunk"] not in finished)
            if path.name.endswith(".tmp") or orphan:
                path.unlink()
                removed += 1
        if removed:
            log.info("removed %d part files of an interrupted run", removed)
        return removed

    def write_chunk(self, out: ChunkOutput) -> None:
        for rel, data in sorted(out.files.items()):
            atomic_write(self.root / rel, data)
        entry = {"chunk_id": out.chunk_id, "done": out.done, "n_docs": out.n_docs,
                 "n_errors": out.n_errors, "n_words": out.n_words, "seconds": out.seconds,
                 "cpu_seconds": out.cpu_seconds,
                 "worker": out.worker, "peak_rss_mb": out.peak_rss_mb,
                 "files": sorted(out.files)}
        atomic_write(self.root / MANIFEST / f"{out.chunk_id}.json",
                     json.dumps(entry).encode("utf-8"))

    # -- tables ----------------------------------------------------------------------
    def read_table(self, name: str, *, columns: Optional[list[str]] = None) -> pa.Table:
        """A whole dataset as one Arrow table (empty, with its schema, when absent)."""
        schema = SCHEMAS.get(name)
        folder = self.root / name
        files = sorted(str(p) for p in folder.rglob("*.parquet")) if folder.is_dir() else []
        if not files:
            if schema is None:
                from tidings.batch.gdelt import MENTIONS_SCHEMA, MERGED_SCHEMA
                schema = {"events_merged": MERGED_SCHEMA, "mentions": MENTIONS_SCHEMA}.get(name)
            if schema is None:
                raise FileNotFoundError(f"no table {name!r} under {self.root}")
            empty = schema.empty_table()
            return empty.select(columns) if columns else empty
        # the partition folders (pubdate=...) repeat the ``published`` column: not read back
        dataset = ds.dataset(files, format="parquet", schema=schema)
        return dataset.to_table(columns=columns)

    def ensure_tables(self) -> None:
        """Give every table a folder with an empty file of its schema, so a table with no
        rows yet (no events, no errors) still reads as an empty dataset with its columns."""
        for name in TABLES + ("errors",):
            path = self.root / name / "empty.parquet"
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(SCHEMAS[name].empty_table(), path)

    def write_table(self, name: str, table: pa.Table) -> None:
        """Replace a whole (small, unpartitioned) table such as ``events_merged``."""
        folder = self.root / name
        final = folder / "part-all.parquet"
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / ".part-all.parquet.tmp"
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, final)

    def results(self) -> Iterable[dict[str, Any]]:
        """Every full result object written, chunk by chunk."""
        import gzip

        for path in sorted((self.root / "results").glob("part-*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield json.loads(line)

    def write_summary(self, summary: dict[str, Any]) -> None:
        atomic_write(self.root / "summary.json",
                     (json.dumps(summary, indent=2, default=str) + "\n").encode("utf-8"))
