"""Batch inputs → work items with a stable identity (document id + content hash).

INPUT arguments are expanded like ``tidings extract`` does (:func:`tidings.cli.iter_inputs`:
folders, files, ``.jsonl`` and ``.jsonl.gz`` document lists) after glob patterns are
expanded here (so ``'data/**/*.html'`` works even unexpanded by a shell).  Files are read
on the client and sent to the workers as bytes: workers need not see the client's disk.

The content hash (of the file bytes, or of the record) keys the resume manifest: a rerun
skips a document whose (id, hash) is already written, and reprocesses one that changed.
"""
from __future__ import annotations

import glob
import hashlib
import json
import logging
from pathlib import Path
from typing import Any, Iterator

log = logging.getLogger(__name__)

_GLOB_CHARS = set("*?[")
_ID_SUFFIXES = (".gz", ".html", ".htm", ".xhtml", ".txt", ".text", ".pdf", ".md")


def expand(paths: tuple[str, ...] | list[str]) -> list[str]:
    """Glob patterns → sorted matching paths; other arguments are kept as given."""
    out: list[str] = []
    for raw in paths:
        if not Path(raw).exists() and _GLOB_CHARS & set(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                log.warning("the pattern %s matches no file", raw)
            out.extend(matches)
        else:
            out.append(raw)
    return out


def content_hash(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:20]


def _doc_id(path: Path) -> str:
    name = path.name
    for suffix in _ID_SUFFIXES:
        name = name.removesuffix(suffix)
    return name


def _file_item(raw: str) -> dict[str, Any]:
    path = Path(raw)
    gz = path.suffix.lower() == ".gz"
    suffix = (Path(path.stem).suffix if gz else path.suffix).lower()
    base = {"id": _doc_id(path), "source": str(path)}
    try:
        data = path.read_bytes()
    except OSError as e:
        reason = "no such file" if isinstance(e, FileNotFoundError) else f"cannot read the file: {e.strerror}"
        return {**base, "kind": "error", "hash": content_hash(str(path).encode()),
                "code": "not_found" if isinstance(e, FileNotFoundError) else "unreadable",
                "reason": f"{reason}: {path}"}
    return {**base, "kind": "bytes", "hash": content_hash(data), "data": data,
            "suffix": suffix, "gz": gz}


def _record_item(record: dict[str, Any]) -> dict[str, Any]:
    raw = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
    digest = content_hash(raw)
    ident = record.get("id")
    ident = str(ident) if ident is not None else f"sha1:{digest}"
    record = {**record, "id": ident}
    if "_error" in record:  # a line of a .jsonl list that is not a JSON object
        return {"kind": "error", "id": ident, "source": ident, "hash": digest,
                "code": "unreadable", "reason": str(record["_error"])}
    return {"kind": "record", "id": ident, "source": record.get("source") or record.get("url"),
            "hash": digest, "record": record}


def work_items(paths: tuple[str, ...] | list[str]) -> Iterator[dict[str, Any]]:
    """Every document named by the INPUT arguments, as a work item, in a stable order."""
    from tidings.cli import iter_inputs

    for item in iter_inputs(tuple(expand(paths))):
        if isinstance(item, dict):
            yield _record_item(item)
        else:
            yield _file_item(str(item))
