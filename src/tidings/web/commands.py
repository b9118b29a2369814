"""``tidings serve``: the JSON API and the web UI in one server."""
from __future__ import annotations

import logging
from typing import Optional

import click

log = logging.getLogger(__name__)

DEFAULT_DB = "sqlite:///tidings.db"


@click.command()
@click.option("--db", "db_url", envvar="TIDINGS_DB", default=DEFAULT_DB, show_default=True,
              metavar="URL", help="The corpus: sqlite:///path/to/file.db or postgresql://... "
                                  "(env TIDINGS_DB).")
@click.option("--host", envvar="TIDINGS_HOST", default="127.0.0.1", show_default=True,
              help="Address to listen on; 0.0.0.0 for every interface (env TIDINGS_HOST).")
@click.option("--port", envvar="TIDINGS_PORT", type=click.IntRange(0, 65535), default=8000,
              show_default=True, help="Port to listen on (env TIDINGS_PORT).")
@click.option("--write-token", envvar="TIDINGS_WRITE_TOKEN", default=None, metavar="TOKEN",
              help="Token that uploads must carry (env TIDINGS_WRITE_TOKEN).  Without it the "
                   "server stores nothing from the web; the paste page still shows results.")
@click.option("--read-token", envvar="TIDINGS_READ_TOKEN", default=None, metavar="TOKEN",
              help="Token needed to read, when the corpus is not public (env "
                   "TIDINGS_READ_TOKEN).  Pages accept it once as ?token=... and remember it.")
@click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]),
              default="info", show_default=True)
def serve(db_url: str, host: str, port: int, write_token: Optional[str],
          read_token: Optional[str], log_level: str) -> None:
    """Serve the web UI and the HTTP API over a corpus made with `tidings ingest`.

    The pages are at http://HOST:PORT/ (search, actors, timeline, network, paste an
    article); the API and its OpenAPI schema at /docs."""
    import uvicorn

    from tidings.api import create_app
    from tidings.store import Store

    store = Store(db_url)
    app = create_app(store, write_token=write_token or None, read_token=read_token or None)
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    click.echo(f"tidings: serving {db_url} at http://{shown}:{port}/  (Ctrl-C stops)", err=True)
    if not write_token:
        click.echo("tidings: no --write-token: the paste page shows articles without storing them",
                   err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
