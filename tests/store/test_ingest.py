"""``tidings ingest`` through its real interface: the click command in-process (sharing the
session's model), and a real process killed with SIGKILL midway, then run again."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner
from sqlalchemy import text as sql

from tidings.cli import main
from tidings.store import Store, content_hash
from tidings.store.db import make_engine
from tidings.store.synthetic import synthetic_result

ARTICLES = {
    "port.txt": (
        "Dockworkers strike at Santos port\n\n"
        "SANTOS, Brazil (March 4) - Dockworkers at Brazil's largest port walked off the job on "
        "Tuesday, demanding higher wages. \"We will not return until the company listens to "
        "us,\" union leader Paulo Ribeiro told reporters outside the terminal.\n\n"
        "The port authority said exports of soybeans were delayed by at least two days.\n"),
    "summit.txt": (
        "Leaders meet in Nairobi on drought relief\n\n"
        "NAIROBI - Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in "
        "Nairobi on Friday to discuss drought relief, his office said.\n\n"
        "\"No family should go hungry because the rains failed,\" Ruto said after the talks. "
        "The World Food Programme said it would send aid to the region next month.\n"),
    "court.txt": (
        "Court blocks mining licence\n\n"
        "A court in Lima suspended a copper mining licence on Wednesday after residents "
        "protested against the project for weeks. The mining company said it would appeal.\n"),
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "articles"
    root.mkdir()
    for name, body in ARTICLES.items():
        (root / name).write_text(body, encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    return root


def test_ingest_stores_skips_and_forces(pipeline, folder, tmp_path):
    url = f"sqlite:///{tmp_path / 'c.db'}"
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", str(folder), "--db", url, "--no-progress"])
    assert first.exit_code == 1, first.output  # the broken PDF is reported ...
    assert "broken" in first.output and "error:" in first.output
    assert "3 stored" in first.output  # ... and the three articles are stored all the same
    with Store(url) as store:
        assert store.counts().documents == 3
        assert store.search("dockworkers").items[0].ext_id == "port"
        stored = {h.ext_id for h in store.search(None).items}
    assert stored == {"port", "summit", "court"}

    again = runner.invoke(main, ["ingest", str(folder / "port.txt"), str(folder / "court.txt"),
                                 str(folder / "port.txt"), "--db", url, "--no-progress"])
    assert again.exit_code == 0, again.output
    assert "0 stored, 0 updated, 2 already stored, 1 repeated in the input" in again.output

    forced = runner.invoke(main, ["ingest", str(folder / "summit.txt"), "--db", url, "--force",
                                  "--no-progress"])
    assert forced.exit_code == 0, forced.output
    assert "0 stored, 1 updated" in forced.output
    with Store(url) as store:
        assert store.counts().documents == 3


def test_ingest_refuses_a_bad_database_url(tmp_path, folder):
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", "mysql://nowhere/x"])
    assert result.exit_code != 0
    assert "cannot open the database" in result.output


def _count(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sql("SELECT count(*) FROM documents")).scalar_one())
    except Exception:  # the tables do not exist yet: the process is still starting
        return 0
    finally:
        engine.dispose()


@pytest.mark.slow
def test_killed_ingest_resumes_with_every_document_once(store_url, tmp_path):
    total = 120
    docs = tmp_path / "docs.jsonl"
    with docs.open("w", encoding="utf-8") as fh:
        for n in range(total):
            r = synthetic_result(n, seed=11)
            fh.write(json.dumps({"id": r.id, "text": r.text, "published": r.article.published}) + "\n")
    command = [sys.executable, "-m", "tidings.cli", "ingest", str(docs), "--db", store_url,
               "--no-progress"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "killed.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 300
        while _count(store_url) < 5 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL, (
        "ingest ended before it could be killed: " + log.read_text(errors="replace"))
    at_kill = _count(store_url)
    assert 0 < at_kill < total

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{at_kill} already stored" in rerun.stderr
    assert f"{total - at_kill} stored" in rerun.stderr

    with Store(store_url) as store, store.engine.connect() as conn:
        rows = conn.execute(sql("SELECT pk, content_hash, result, n_statements, n_events "
                                "FROM documents")).all()
        assert len(rows) == total
        expected = {content_hash(synthetic_result(n, seed=11).text) for n in range(total)}
        assert {r.content_hash for r in rows} == expected
        per_doc = dict(conn.execute(sql("SELECT doc_pk, count(*) FROM statements GROUP BY doc_pk")).all())
        per_doc_ev = dict(conn.execute(sql("SELECT doc_pk, count(*) FROM events GROUP BY doc_pk")).all())
        for r in rows:  # no document is half-written
            result = json.loads(r.result)
            assert per_doc.get(r.pk, 0) == len(result["statements"]) == r.n_statements
            assert per_doc_ev.get(r.pk, 0) == len(result["events"]) == r.n_events
