"""tidings: news articles to checkable facts — who said what, who did what to whom, when
and where — each traced to the characters it came from.

    >>> import tidings
    >>> result = tidings.extract("path/to/article.txt")
    >>> result.to_json()
"""
from tidings.document import Result, json_schema
from tidings.pipeline import Pipeline, extract, extract_many

__version__ = "0.1.0"
__all__ = ["Pipeline", "Result", "extract", "extract_many", "json_schema", "__version__"]
