"""``tidings ingest``: extract articles and store them in a corpus database."""
from __future__ import annotations

import logging
import sys
from typing import Any, Iterator, Optional

import click

from tidings.cliopts import iso_date

log = logging.getLogger(__name__)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", "db_url", envvar="TIDINGS_DB", default="sqlite:///tidings.db",
              show_default=True, metavar="URL",
              help="sqlite:///path/to/file.db or postgresql://user:pw@host/db (env TIDINGS_DB).")
@click.option("--force", is_flag=True,
              help="Extract and store again documents whose text is already stored.")
@click.option("--published", callback=iso_date, metavar="YYYY-MM-DD", default=None,
              help="Publication date for documents that do not carry one.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when standard error is a terminal).")
def ingest(paths: tuple[str, ...], db_url: str, force: bool, published: Optional[str],
           progress: Optional[bool]) -> None:
    """Extract facts from articles and store them: files (.txt, .html, .pdf), folders,
    .jsonl document lists, or - for standard input (as for `tidings extract`).

    A document is identified by its text: one already stored is skipped (or, with --force,
    updated in place), so an interrupted ingest is resumed by running it again.  Each
    document is written in one transaction.  Exit status 1 if any document failed."""

    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn)

    from tidings.cli import iter_inputs
    from tidings.pipeline import _as_document, extract_many
    from tidings.store import Store, content_hash

    try:
        store = Store(db_url)
    except Exception as e:  # a bad URL or an unreachable server: say which, and stop
        raise click.ClickException(f"cannot open the database {db_url!r}: {e}") from e

    items = list(iter_inputs(paths))
    counts = {"stored": 0, "updated": 0, "skipped": 0, "repeated": 0}
    seen: set[str] = set()  # texts met in this run: a repeated input is not extracted twice
    failures: list[str] = []
    show = sys.stderr.isatty() if progress is None else progress

    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), TextColumn("{task.description}"),
                  console=Console(stderr=True), disable=not show, transient=False) as bar:
        task = bar.add_task("", total=len(items))

        def todo() -> Iterator[Any]:
            for item in items:
                doc = _as_document(item, published)
                if doc.text:
                    key = content_hash(doc.text)
                    if key in seen:
                        counts["repeated"] += 1
                        bar.advance(task)
                        continue
                    seen.add(key)
                    if not force and store.has(key):
                        counts["skipped"] += 1
                        bar.advance(task)
                        continue
                yield doc

        for result in extract_many(todo(), published=published):
            label = result.id or result.source or "?"
            for err in result.errors:
                failures.append(f"{err.document or label}: {err.message}")
            if result.text:
                try:
                    _, created = store.upsert_ex(result)
                except Exception as e:  # one document failing to store never stops the rest
                    log.exception("storing %s failed", label)
                    failures.append(f"{label}: not stored: {type(e).__name__}: {e}")
                else:
                    counts["stored" if created else "updated"] += 1
            bar.update(task, advance=1, description=label[-40:])

    total = store.counts()
    click.echo(f"ingest: {counts['stored']} stored, {counts['updated']} updated, "
               f"{counts['skipped']} already stored, {counts['repeated']} repeated in the input; "
               f"the corpus has {total.documents} documents, "
               f"{total.actors} actors, {total.statements} statements, {total.events} events.",
               err=True)
    if failures:
        click.echo(f"{len(failures)} error(s):", err=True)
        for line in failures:
            click.echo(f"  error: {line}", err=True)
        sys.exit(1)
