"""Options shared by the ``tidings`` commands (extract, ingest, batch)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import click


def iso_date(ctx: click.Context, param: click.Parameter, value: Optional[str]) -> Optional[str]:
    """Click callback: a YYYY-MM-DD date, or a usage error that says so."""
    if value:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None
    return value
