"""Date-conflict checks (placeholder filled below)."""
from __future__ import annotations
import datetime as dt
from tidings.document import Flag

def find_conflicts(analysis, items, anchor: dt.date) -> list[Flag]:
    return []
