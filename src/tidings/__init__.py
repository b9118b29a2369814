"""tidings: news articles to checkable facts — who said what, who did what to whom, when
and where — each traced to the characters it came from.

    >>> import tidings
    >>> result = tidings.extract("path/to/article.txt")
    >>> result.to_json()

The heavy parts (spaCy and the stages) load on first use, so importing a submodule such
as ``tidings.clean`` or ``tidings.document`` stays cheap.
"""
from __future__ import annotations

from typing import Any

__version__ = "0.1.0"
__all__ = ["Pipeline", "Result", "extract", "extract_many", "json_schema", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("Pipeline", "extract", "extract_many"):
        from tidings import pipeline

        return getattr(pipeline, name)
    if name in ("Result", "json_schema"):
        from tidings import document

        return getattr(document, name)
    raise AttributeError(f"module 'tidings' has no attribute {name!r}")
