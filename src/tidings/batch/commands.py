"""``tidings batch`` and ``tidings export`` (registered by :mod:`tidings.cli`)."""
from __future__ import annotations

import json
import logging
import sys
from typing import Any, Optional

import click

from tidings.cliopts import iso_date


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Output folder (Parquet datasets, JSONL results, dedup tables).")
@click.option("--scheduler", default="local", show_default=True,
              help="'local' for a local Dask cluster, or a scheduler address "
                   "(tcp://host:8786) of a running cluster.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True,
              help="Worker processes of the local cluster (ignored with an address).")
@click.option("--chunk-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Documents per task.")
@click.option("--published", callback=iso_date, metavar="YYYY-MM-DD", default=None,
              help="Publication date for documents that do not carry one.")
@click.option("--dup-threshold", type=click.FloatRange(0.05, 1.0), default=0.5,
              show_default=True, help="Estimated Jaccard similarity (word 5-grams) at which "
                                      "two articles are near-duplicates.")
@click.option("--window", "window_days", type=click.IntRange(min=0), default=2,
              show_default=True, help="Days within which reports of the same type and actors "
                                      "are one event.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Stop after this many new documents (rerun to continue).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def batch(inputs: tuple[str, ...], out_dir: str, scheduler: str, workers: int, chunk_size: int,
          published: Optional[str], dup_threshold: float, window_days: int,
          limit: Optional[int], quiet: bool) -> None:
    """Extract many documents on a Dask cluster into Parquet tables under --out.

    INPUTS are files, folders, glob patterns ('news/**/*.html') and .jsonl / .jsonl.gz
    document lists.  A rerun skips documents already written, so an interrupted run is
    continued by running the same command again.  Unreadable documents go to the errors
    table; they never stop the batch.  At the end near-duplicate articles are grouped and
    duplicate events merged (article_groups, events_merged, mentions)."""
    import time

    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                               TextColumn, TimeElapsedColumn)

    from tidings.batch.output import OutputBusy
    from tidings.batch.runner import run_batch

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("distributed", "tornado"):  # cluster chatter would break the progress bar
        logging.getLogger(noisy).setLevel(logging.ERROR)
    progress = Progress(SpinnerColumn(), TextColumn("[bold]extracting"), BarColumn(),
                        MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                        TimeElapsedColumn(), disable=quiet)
    task = progress.add_task("extract", total=None, rate="")
    state: dict[str, Any] = {}

    def report(done: int, total: Optional[int], words: int) -> None:
        if done == 0:
            state["t0"] = time.perf_counter()
        elapsed = max(time.perf_counter() - state["t0"], 1e-6)
        progress.update(task, completed=done, total=total,
                        rate=f"{done / elapsed:.1f} docs/s, {words / elapsed:,.0f} words/s")

    try:
        with progress:
            summary = run_batch(list(inputs), out_dir, scheduler=scheduler, workers=workers,
                                chunk_size=chunk_size, published=published,
                                threshold=dup_threshold, window_days=window_days,
                                progress=report, limit=limit)
    except OutputBusy as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(2)
    d = summary.dedup
    click.echo(f"{summary.processed} documents written ({summary.errors} unreadable, see "
               f"{out_dir}/errors), {summary.skipped} already there; "
               f"{summary.docs_per_second:.1f} docs/s.", err=True)
    click.echo(f"duplicates: {d['article_duplicates_merged']} near-duplicate articles in "
               f"{d['article_groups']} groups; {d['events']} event reports merged into "
               f"{d['events_merged']} events ({d['event_duplicates_merged']} duplicates merged).",
               err=True)
    if summary.workers:
        peak = ", ".join(f"{w} {mb:.0f} MB" for w, mb in sorted(summary.workers.items()))
        click.echo(f"peak memory per worker: {peak}", err=True)


@click.command()
@click.argument("source", required=False, type=click.Path(exists=True, file_okay=False))
@click.option("--db", "db_url", default=None,
              help="Export from a store instead (sqlite:///tidings.db, postgresql://...).")
@click.option("-f", "--format", "fmt", type=click.Choice(["csv", "parquet", "gdelt"]),
              default="csv", show_default=True,
              help="csv / parquet: one file per table; gdelt: GDELT 2.0-style events and "
                   "mentions tables (tab-separated, with a header).")
@click.option("-o", "--out", "dest", required=True, type=click.Path(file_okay=False),
              help="Folder to write into.")
@click.option("--table", "only", multiple=True,
              help="Only these tables (csv/parquet), e.g. --table events --table entities.")
def export(source: Optional[str], db_url: Optional[str], fmt: str, dest: str,
           only: tuple[str, ...]) -> None:
    """Export a batch output folder (SOURCE) or a store (--db URL) to CSV, Parquet, or a
    GDELT-style event table with one row per deduplicated event."""
    from tidings.batch.export import batch_tables, store_tables, write_export

    if bool(source) == bool(db_url):
        raise click.UsageError("give either a batch output folder or --db URL (one of them)")
    try:
        tables = store_tables(db_url) if db_url else batch_tables(source)  # type: ignore[arg-type]
        files = write_export(tables, dest, fmt=fmt, only=list(only) or None)
    except (FileNotFoundError, KeyError, ValueError) as e:
        click.echo(f"error: {e.args[0] if e.args else e}", err=True)
        sys.exit(2)
    for path in files:
        click.echo(str(path))
    counts = {name: t.num_rows for name, t in tables.items()}
    click.echo(json.dumps(counts), err=True)
