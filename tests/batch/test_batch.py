"""``tidings batch`` on a real local Dask cluster (2 worker processes) over a mixed folder:
good articles, near-duplicate wire copies, an exact republication, and broken documents.

One cluster serves the module; the command reaches it by its scheduler address, the same
path a real multi-machine cluster uses.
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tidings.batch.output import BatchOutput
from tidings.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
WIRE = ("reuters-kenya-uganda", "standard-kenya-uganda", "monitor-kenya-uganda")
GOOD = set(WIRE) | {"reuters-kenya-uganda-republished", "chile-copper-strike",
                    "philippines-typhoon-aid"}
BROKEN = {"junk": "binary", "empty": "empty"}


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as lc, Client(lc) as client:
        from tidings.batch.worker import LoadModel

        client.register_plugin(LoadModel())  # load the model in both workers now, once
        yield lc.scheduler_address


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mixed")
    for name in WIRE:
        shutil.copy(FIXTURES / "wire" / f"{name}.txt", folder / f"{name}.txt")
    # a verbatim republication by another site: another document, same group
    shutil.copy(FIXTURES / "wire" / "reuters-kenya-uganda.txt",
                folder / "reuters-kenya-uganda-republished.txt")
    shutil.copy(FIXTURES / "others.jsonl", folder / "others.jsonl")  # 2 good + 1 broken line
    (folder / "junk.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _batch(args: list[str], *, quiet: bool = True) -> str:
    result = CliRunner().invoke(main, ["batch", *args] + (["--quiet"] if quiet else []),
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def _ids(out: Path, table: str) -> list[str]:
    return pq.read_table(out / table, columns=["document_id"])["document_id"].to_pylist()


def _check_complete(out: Path) -> None:
    docs = _ids(out, "documents")
    assert sorted(docs) == sorted(GOOD), "every good document exactly once"
    errors = pq.read_table(out / "errors").to_pylist()
    by_id = {e["document_id"]: e for e in errors}
    assert len(errors) == len(by_id) == 3
    for name, code in BROKEN.items():
        assert by_id[name]["code"] == code and by_id[name]["message"]
    line = next(e for e in errors if e["document_id"].endswith("others.jsonl:3"))
    assert "not a JSON object" in line["message"]
    assert not set(by_id) & set(docs), "an unreadable document is not in documents"
    results = [json.loads(l) for p in sorted((out / "results").glob("*.jsonl.gz"))
               for l in gzip.open(p, "rt", encoding="utf-8")]
    assert sorted(r["id"] for r in results) == sorted(GOOD | set(by_id))
    assert all(r["schema"] == "tidings/1" for r in results)
    groups = pq.read_table(out / "article_groups").to_pylist()
    assert {g["document_id"] for g in groups} == set(WIRE) | {"reuters-kenya-uganda-republished"}
    assert len({g["group_id"] for g in groups}) == 1
    summary = json.loads((out / "summary.json").read_text())
    assert summary["dedup"]["article_duplicates_merged"] == 3


def test_batch_on_two_workers_writes_every_table_once(cluster, mixed, tmp_path):
    out = tmp_path / "out"
    log = _batch([str(mixed), "--out", str(out), "--scheduler", cluster, "--chunk-size", "2"])
    assert "3 near-duplicate articles in 1 groups" in log
    _check_complete(out)
    # partitioned by publication date; the wire copies carry no year, so no date
    docs = pq.read_table(out / "documents").to_pylist()
    dated = {d["document_id"]: d["published"] for d in docs}
    assert dated["chile-copper-strike"] == "2026-02-03"
    assert (out / "documents" / "pubdate=2026-02-03").is_dir()
    assert (out / "documents" / "pubdate=unknown").is_dir()
    for table in ("entities", "statements", "events", "times", "flags", "events_merged", "mentions"):
        pq.read_table(out / table)  # every table reads, even when empty
    ents = pq.read_table(out / "entities").to_pylist()
    texts = {d["document_id"]: (mixed / f"{d['document_id']}.txt") for d in docs}
    for ent in ents:  # offsets index the original text
        if ent["document_id"] in texts and texts[ent["document_id"]].exists() and ent["first_start"] is not None:
            text = texts[ent["document_id"]].read_text(encoding="utf-8")
            assert text[ent["first_start"]:ent["first_end"]].strip()
    # both workers took part
    manifest = BatchOutput(out).manifest()
    assert len({m["worker"] for m in manifest}) == 2
    # a rerun writes nothing new
    log = _batch([str(mixed), "--out", str(out), "--scheduler", cluster])
    assert "0 documents written" in log and "9 already there" in log
    _check_complete(out)


def test_killed_run_is_completed_by_a_rerun_without_duplicates(cluster, mixed, tmp_path):
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen([sys.executable, "-m", "tidings.cli", "batch", str(mixed), "--out",
                             str(out), "--scheduler", cluster, "--chunk-size", "1", "--quiet"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if list((out / "_manifest").glob("*.json")):
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(BatchOutput(out).done_keys())
    assert done_before >= 1
    # a crash between writing a chunk's files and its manifest entry leaves orphans behind
    written = next(p for p in out.rglob("part-*.parquet") if p.parts[-2] != "results")
    orphan = written.with_name("part-crashed-000001.parquet")
    shutil.copy(written, orphan)
    (out / "errors").mkdir(exist_ok=True)
    (out / "errors" / ".part-crashed-000002.parquet.tmp").write_bytes(b"half a file")
    log = _batch([str(mixed), "--out", str(out), "--scheduler", cluster])
    assert f"{done_before} already there" in log
    assert not orphan.exists()
    _check_complete(out)


def test_limit_stops_early_and_the_next_run_continues(cluster, mixed, tmp_path):
    out = tmp_path / "out"
    log = _batch([str(mixed), "--out", str(out), "--scheduler", cluster, "--limit", "4"])
    assert "4 documents written" in log
    assert len(_ids(out, "documents")) + len(_ids(out, "errors")) == 4
    log = _batch([str(mixed), "--out", str(out), "--scheduler", cluster], quiet=False)
    assert "5 documents written" in log and "4 already there" in log
    assert "5/5" in log and "docs/s" in log  # the progress bar's last state
    _check_complete(out)
