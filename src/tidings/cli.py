"""The ``tidings`` command.  A thin shell over the Python API; the only module that prints."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator, Optional

import click

from tidings.cliopts import iso_date

from tidings.document import Result

INPUT_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".pdf", ".md", ".jsonl", ".gz")


def iter_inputs(paths: tuple[str, ...]) -> Iterator[object]:
    """Expand PATH arguments into items for ``extract_many``, in a stable order."""
    from tidings.pipeline import read_jsonl

    for raw in paths:
        if raw == "-":
            yield _stdin_document(sys.stdin.buffer.read())
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES)
            for f in files:
                yield from _file_items(f)
        else:
            yield from _file_items(path)


def _stdin_document(data: bytes) -> object:
    """Standard input read like a file: decoded (or sniffed as HTML/PDF); junk, empty or
    undecodable input becomes an error result, as for a file."""
    from tidings.errors import InputError
    from tidings.ingest import error_document, load_bytes

    try:
        return load_bytes(data, id="stdin", source="-")
    except InputError as err:
        return error_document(err, id="stdin", source="-")


def _file_items(path: Path) -> Iterator[object]:
    from tidings.pipeline import read_jsonl

    if path.name.endswith((".jsonl", ".jsonl.gz")) and path.is_file():
        yield from read_jsonl(str(path))
    else:
        yield path  # a Path, so a missing file is an error rather than text


def render_text(result: Result) -> str:
    from tidings.report import render

    return render(result)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tidings")
def main() -> None:
    """tidings: who said what, who did what to whom, when and where — from raw news text.

    Every fact is traced to the characters it came from (see the tidings/1 contract)."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="json",
              show_default=True, help="json: a list of results; jsonl: one result per line; "
                                      "text: a readable report.")
@click.option("--published", callback=iso_date, metavar="YYYY-MM-DD", default=None,
              help="Publication date for documents that do not carry one.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-",
              help="Write here instead of standard output.")
def extract(paths: tuple[str, ...], fmt: str, published: Optional[str], output) -> None:  # type: ignore[no-untyped-def]
    """Extract facts from articles: files (.txt, .html, .pdf), folders, .jsonl document
    lists ({"id", "text", "published"?, "url"?} per line), or - for standard input.

    Exit status 1 if any document could not be read; the others are written normally."""

    from tidings.pipeline import extract_many

    failed = 0
    first = True
    if fmt == "json":
        output.write("[")
    for result in extract_many(iter_inputs(paths), published=published):
        if result.errors:
            failed += 1
            for err in result.errors:
                click.echo(f"error: {err.document or result.id or result.source}: {err.message}", err=True)
        if fmt == "jsonl":
            output.write(result.to_json() + "\n")
        elif fmt == "json":
            output.write(("\n" if first else ",\n") + result.to_json(indent=2))
        else:
            output.write(("" if first else "\n" + "=" * 78 + "\n\n") + render_text(result))
        output.flush()
        first = False
    if fmt == "json":
        output.write("\n]\n")
    if failed:
        click.echo(f"{failed} document(s) could not be read fully; see the errors above.", err=True)
        sys.exit(1)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write the schema to this file instead of standard output.")
def schema(output: Optional[str]) -> None:
    """Print the JSON Schema of the tidings/1 result object."""
    from tidings.document import json_schema

    text = json.dumps(json_schema(), indent=2)
    if output:
        Path(output).write_text(text + "\n", encoding="utf-8")
    else:
        click.echo(text)


def _register_commands() -> None:
    """Commands that live beside their stage; each module defines one click command."""
    import importlib

    for module, name in (("tidings.store.commands", "ingest"), ("tidings.web.commands", "serve"),
                         ("tidings.batch.commands", "batch"), ("tidings.batch.commands", "export")):
        try:
            command = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue  # that capability is not built into this version
        main.add_command(command)


_register_commands()

if __name__ == "__main__":
    main()
