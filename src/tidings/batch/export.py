"""Exports of a batch output folder or a store to CSV, Parquet or GDELT-style tables.

``csv``      one ``<table>.csv`` per table (list columns joined with ``;``)
``parquet``  one ``<table>.parquet`` per table (the partitioned datasets as single files)
``gdelt``    ``events.gdelt.tsv`` and ``mentions.gdelt.tsv``: tab-separated with a header
             row, GDELT 2.0 Events / Mentions column names, one row per *merged* event
             (see :mod:`tidings.batch.gdelt`) and one per mention of it.

From a store (``tidings.store.Store``) every stored result is read back, flattened with the
same code as the batch runner, and deduplicated the same way.  A store keeps no parse, so
mentions exported from a store have no sentence number.
"""
from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from tidings.batch import dedup
from tidings.batch.gdelt import (MENTIONS_SCHEMA, MERGED_SCHEMA, gdelt_events, gdelt_mentions,
                                 merged_tables)
from tidings.batch.output import BatchOutput
from tidings.batch.tables import TABLES, rows_for, to_table
from tidings.document import Result

log = logging.getLogger(__name__)

FORMATS = ("csv", "parquet", "gdelt")
ALL_TABLES = TABLES + ("errors", "article_groups", "events_merged", "mentions")


def batch_tables(root: str | Path) -> dict[str, pa.Table]:
    """Every table of a batch output folder (deduplication tables included when present)."""
    output = BatchOutput(root)
    if not (output.root / "documents").is_dir() and not (output.root / "errors").is_dir():
        raise FileNotFoundError(f"{root} is not a tidings batch output (no documents/ folder)")
    tables = {name: output.read_table(name) for name in TABLES + ("errors",)}
    merged = output.root / "events_merged" / "part-all.parquet"
    chunks = list((output.root / "_manifest").glob("*.json"))
    if not merged.exists() or any(c.stat().st_mtime > merged.stat().st_mtime for c in chunks):
        from tidings.batch.runner import finalize  # a run was cut short before its dedup pass
        finalize(output)
    for name in ("article_groups", "events_merged", "mentions"):
        tables[name] = output.read_table(name)
    return tables


def _store_results(url: str, *, page: int = 200) -> Iterator[Result]:
    from tidings.store import Store

    with Store(url) as store:
        offset = 0
        while True:
            hits = store.search(None, limit=page, offset=offset)
            for hit in hits.items:
                result = store.document(hit.id)
                if result is not None:
                    yield result
            offset += len(hits.items)
            if not hits.items or offset >= hits.total:
                break


def result_tables(results: Iterable[Result], *, threshold: float = dedup.DEFAULT_THRESHOLD,
                  window_days: int = dedup.DEFAULT_WINDOW_DAYS) -> dict[str, pa.Table]:
    """The batch tables, computed in memory from result objects (e.g. from a store)."""
    from tidings.batch.inputs import content_hash
    from tidings.batch.runner import GROUPS_SCHEMA
    from tidings.batch.worker import _body

    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES + ("errors",)}
    for result in results:
        sig = dedup.signature(_body(result)) if result.text else None
        doc_rows = rows_for(result, content_hash=content_hash(result.text.encode("utf-8")),
                            minhash=sig)
        for name, table_rows in doc_rows.rows.items():
            rows[name].extend(table_rows)
    tables = {name: to_table(name, r) for name, r in rows.items()}
    groups = dedup.group_articles(((d["document_id"], d["published"], d["minhash"])
                                   for d in rows["documents"]), threshold=threshold)
    member_of = {m: g.group_id for g in groups for m in g.members}
    tables["article_groups"] = pa.Table.from_pylist(
        [{"document_id": m, "group_id": g.group_id, "canonical_id": g.canonical,
          "is_canonical": m == g.canonical, "group_size": len(g.members),
          "similarity": g.similarity[m]} for g in groups for m in g.members], schema=GROUPS_SCHEMA)
    merged = dedup.merge_events(rows["events"], window_days=window_days,
                                article_groups=member_of)
    events, mentions = merged_tables(merged, article_groups=member_of)
    tables["events_merged"] = pa.Table.from_pylist(events, schema=MERGED_SCHEMA)
    tables["mentions"] = pa.Table.from_pylist(mentions, schema=MENTIONS_SCHEMA)
    return tables


def store_tables(url: str) -> dict[str, pa.Table]:
    return result_tables(_store_results(url))


def _flat(table: pa.Table) -> pa.Table:
    """List columns → ';'-joined strings; binary columns dropped (CSV cannot hold them)."""
    cols, names = [], []
    for name, col in zip(table.column_names, table.columns):
        if pa.types.is_binary(col.type):
            continue
        if pa.types.is_list(col.type):
            col = pa.array([None if v is None else ";".join(str(x) for x in v)
                            for v in col.to_pylist()], type=pa.string())
        cols.append(col)
        names.append(name)
    return pa.table(cols, names=names)


def _tsv_value(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _write_tsv(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    """GDELT's own layout: tab-separated, unquoted, one line per row (whitespace inside a
    value is collapsed to single spaces so no value holds a tab or a line break)."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(_tsv_value(row.get(c)) for c in columns) + "\n")


def _gdelt_columns(name: str) -> list[str]:
    dummy = {"event_id": "", "global_event_id": 0, "num_mentions": 0, "num_sources": 0,
             "num_articles": 0}
    if name == "events":
        return list(gdelt_events([dummy])[0])
    return list(gdelt_mentions([dummy], [dummy])[0])


def write_export(tables: dict[str, pa.Table], dest: str | Path, *, fmt: str,
                 only: Optional[list[str]] = None, added: Optional[dt.date] = None) -> list[Path]:
    """Write ``tables`` to the folder ``dest`` in ``fmt``; return the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    folder = Path(dest)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if fmt == "gdelt":
        events = tables["events_merged"].to_pylist()
        for name, rows in (("events", gdelt_events(events, added=added)),
                           ("mentions", gdelt_mentions(tables["mentions"].to_pylist(), events))):
            path = folder / f"{name}.gdelt.tsv"
            _write_tsv(path, _gdelt_columns(name), rows)
            written.append(path)
        return written
    for name in only or list(tables):
        if name not in tables:
            raise KeyError(f"no table {name!r}; tables: {', '.join(tables)}")
        table = tables[name]
        if fmt == "csv":
            path = folder / f"{name}.csv"
            pacsv.write_csv(_flat(table), path)
        else:
            path = folder / f"{name}.parquet"
            pq.write_table(table, path, compression="zstd")
        written.append(path)
    return written

