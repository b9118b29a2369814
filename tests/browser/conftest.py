"""Browser tests: a real server (uvicorn in a thread, on a free port, over a SQLite store in
a temporary folder) driven by Debian's headless Chromium through Playwright.

Skipped with a message when /usr/bin/chromium is absent (install it with
``apt-get install -y chromium``).  Playwright never downloads a browser here: it launches
the system one.  Screenshots of every page go to ``tests/screenshots/`` for review."""
from __future__ import annotations

import re
import socket
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
WRITE_TOKEN = "browser-test-write-token"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    def __init__(self, app: Any) -> None:
        import uvicorn

        self.app = app
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, name="uvicorn", daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed: the browser tests need Debian's chromium "
                    f"(apt-get install -y chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A SQLite store holding the hand-coded articles of ``webcorpus``."""
    from tidings.store import Store

    from tests.browser import webcorpus

    store = Store("sqlite:///" + str(tmp_path_factory.mktemp("webdb") / "tidings.db"))
    for result in webcorpus.corpus():
        store.put(result)
    yield store
    store.close()


@pytest.fixture(scope="session")
def live(corpus_store: Any) -> Iterator[LiveServer]:
    """The real app (JSON API + pages) on a free port.  The pipeline is injected by the
    tests that extract (``live.app.state.pipeline = pipeline``), so the model loads once."""
    from tidings.api import create_app

    app = create_app(corpus_store, write_token=WRITE_TOKEN)
    with LiveServer(app) as server:
        yield server


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(chromium), args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, live: LiveServer) -> Iterator[Any]:
    """A fresh browser tab; fails the test on any script error or console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live.url)
    context.set_default_timeout(15_000)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda err: problems.append(f"script error: {err}"))

    def on_console(msg: Any) -> None:
        # a form answered 400/403 on purpose shows as a failed load; anything else counts
        expected = re.search(r"status of 40[03] ", msg.text)
        if msg.type == "error" and not expected:
            problems.append(f"console {msg.type}: {msg.text}")
    tab.on("console", on_console)
    yield tab
    context.close()
    assert not problems, problems


@pytest.fixture(scope="session")
def shot() -> Any:
    """``shot(tab, name)`` writes a full-page screenshot to tests/screenshots/NAME.png."""
    def take(tab: Any, name: str) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    return take
