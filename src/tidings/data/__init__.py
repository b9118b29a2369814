"""Tables the stages read.  Each is a JSON file beside this module, loaded once."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    with resources.files(__name__).joinpath(name).open("r", encoding="utf-8") as fh:
        return json.load(fh)
