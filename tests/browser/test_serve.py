"""``tidings serve`` as a user starts it: a real process, options from the environment."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.browser import webcorpus
from tests.browser.conftest import _free_port


def test_serve_starts_the_pages_and_the_api_over_a_corpus(tmp_path: Path):
    from tidings.store import Store

    db = "sqlite:///" + str(tmp_path / "corpus.db")
    with Store(db) as store:
        store.put(webcorpus.pact())
    port = _free_port()
    env = {**os.environ, "TIDINGS_DB": db, "TIDINGS_PORT": str(port)}
    env.pop("TIDINGS_WRITE_TOKEN", None)
    env.pop("TIDINGS_READ_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "tidings.cli", "serve", "--log-level", "warning"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        home = None
        deadline = time.monotonic() + 60
        while home is None and time.monotonic() < deadline and proc.poll() is None:
            try:
                home = httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
            except httpx.TransportError:
                time.sleep(0.2)
        assert home is not None, f"the server did not answer (exit {proc.poll()})"
        assert home.status_code == 200 and "Russia and Venezuela sign defence pact" in home.text
        paste = httpx.get(f"http://127.0.0.1:{port}/analyze", timeout=5)
        assert "started without a write token" in paste.text
        counts = httpx.get(f"http://127.0.0.1:{port}/api/counts", timeout=5).json()
        assert counts["documents"] == 1
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert f"http://localhost:{port}/" in err
