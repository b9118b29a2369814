"""Error types.  Each has a stable ``code`` for scripts and a message a person understands."""
from __future__ import annotations

from typing import Optional


class TidingsError(Exception):
    code = "error"
    hint: Optional[str] = None

    def __init__(self, message: str, *, document: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        self.document = document

    def __str__(self) -> str:
        where = f"{self.document}: " if self.document else ""
        return f"{where}{self.message}"


class InputError(TidingsError):
    """The input cannot be read as a document at all."""
    code = "unreadable"


class EmptyInput(InputError):
    code = "empty"


class BinaryInput(InputError):
    code = "binary"


class EncodingError(InputError):
    code = "encoding"


class PdfError(InputError):
    code = "pdf"


class HtmlError(InputError):
    code = "html"


class TooLarge(InputError):
    code = "too_large"


class NotFound(InputError):
    code = "not_found"
