"""Inputs, a batch output written without Dask (the worker function called in-process), and
``tidings export`` from it and from a store to CSV, Parquet and GDELT-style tables."""
from __future__ import annotations

import csv
import gzip
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tidings.batch.export import result_tables, write_export
from tidings.batch.inputs import work_items
from tidings.batch.output import BatchOutput
from tidings.batch.runner import finalize
from tidings.batch.worker import process_chunk
from tidings.cli import main

from .wire_helpers import VERSIONS, hand_result

FIXTURES = Path(__file__).parent / "fixtures"


def test_inputs_expand_globs_gz_lists_and_keep_missing_files_as_errors(tmp_path):
    for name in VERSIONS:
        shutil.copy(FIXTURES / "wire" / f"{name}.txt", tmp_path / f"{name}.txt")
    gz = tmp_path / "list.jsonl.gz"
    gz.write_bytes(gzip.compress((FIXTURES / "others.jsonl").read_bytes()))
    items = list(work_items([str(tmp_path / "*-kenya-uganda.txt"), str(gz),
                             str(tmp_path / "missing.txt")]))
    assert [i["id"] for i in items[:3]] == sorted(VERSIONS)
    assert [i["id"] for i in items[3:5]] == ["chile-copper-strike", "philippines-typhoon-aid"]
    assert items[5]["kind"] == "error" and "not a JSON object" in items[5]["reason"]
    assert items[6]["kind"] == "error" and items[6]["code"] == "not_found"
    # the identity is stable and follows the content
    again = list(work_items([str(tmp_path / "*-kenya-uganda.txt")]))
    assert [i["hash"] for i in again] == [i["hash"] for i in items[:3]]
    assert len({i["hash"] for i in items[:3]}) == 3


@pytest.fixture(scope="module")
def batch_out(pipeline, tmp_path_factory) -> Path:
    """A batch output of the wire copies and the jsonl list, written chunk by chunk here."""
    out = tmp_path_factory.mktemp("batch")
    inputs = [str(FIXTURES / "wire"), str(FIXTURES / "others.jsonl")]
    items = list(work_items(inputs))
    output = BatchOutput(out)
    output.write_chunk(process_chunk(items[:3], chunk_id="t-000001"))
    output.write_chunk(process_chunk(items[3:], chunk_id="t-000002"))
    finalize(output)
    return out


def test_worker_chunks_write_documents_errors_and_groups(batch_out):
    output = BatchOutput(batch_out)
    docs = output.read_table("documents").to_pylist()
    assert sorted(d["document_id"] for d in docs) == sorted(
        list(VERSIONS) + ["chile-copper-strike", "philippines-typhoon-aid"])
    assert all(d["n_words"] > 50 and d["n_entities"] > 0 for d in docs)
    assert output.read_table("errors").num_rows == 1
    assert len(output.done_keys()) == 6
    groups = output.read_table("article_groups").to_pylist()
    assert {g["document_id"] for g in groups} == set(VERSIONS)


def test_export_csv_and_parquet_from_a_batch_output(batch_out, tmp_path):
    runner = CliRunner()
    res = runner.invoke(main, ["export", str(batch_out), "-f", "csv", "-o", str(tmp_path / "csv")],
                        catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with open(tmp_path / "csv" / "documents.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 5 and "minhash" not in rows[0]
    assert {r["document_id"] for r in rows} >= set(VERSIONS)
    with open(tmp_path / "csv" / "entities.csv", encoding="utf-8") as fh:
        ents = list(csv.DictReader(fh))
    # list columns become ';'-joined offsets that still index the text
    text = (FIXTURES / "wire" / "reuters-kenya-uganda.txt").read_text(encoding="utf-8")
    kenya = next(e for e in ents if e["document_id"] == "reuters-kenya-uganda" and e["name"] == "Kenya")
    starts = [int(s) for s in kenya["mention_starts"].split(";")]
    assert all(text[s:s + 5] == "Kenya" for s in starts)
    res = runner.invoke(main, ["export", str(batch_out), "-f", "parquet", "-o", str(tmp_path / "pq"),
                               "--table", "documents", "--table", "errors"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in (tmp_path / "pq").iterdir()) == ["documents.parquet", "errors.parquet"]
    assert pq.read_table(tmp_path / "pq" / "documents.parquet").num_rows == 5


def test_export_redoes_the_dedup_pass_a_cut_short_run_missed(batch_out, tmp_path):
    import os
    import time

    copy = tmp_path / "copy"
    shutil.copytree(batch_out, copy)
    shutil.rmtree(copy / "article_groups")
    merged = copy / "events_merged" / "part-all.parquet"
    stale = time.time() - 3600
    os.utime(merged, (stale, stale))  # older than the chunks: a later run wrote more
    res = CliRunner().invoke(main, ["export", str(copy), "-f", "csv", "-o", str(tmp_path / "x"),
                                    "--table", "article_groups"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with open(tmp_path / "x" / "article_groups.csv", encoding="utf-8") as fh:
        assert {r["document_id"] for r in csv.DictReader(fh)} == set(VERSIONS)
    assert merged.stat().st_mtime > stale


def test_export_refuses_a_folder_that_is_not_a_batch_output(tmp_path):
    res = CliRunner().invoke(main, ["export", str(tmp_path), "-o", str(tmp_path / "x")])
    assert res.exit_code == 2 and "not a tidings batch output" in res.output
    res = CliRunner().invoke(main, ["export", "-o", str(tmp_path / "x")])
    assert res.exit_code != 0


def _read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gdelt_export_of_three_wire_reports_is_one_event_row(tmp_path):
    tables = result_tables([hand_result(name) for name in VERSIONS])
    files = write_export(tables, tmp_path, fmt="gdelt")
    events = _read_tsv(files[0])
    mentions = _read_tsv(files[1])
    assert len(events) == 1 and len(mentions) == 3
    ev = events[0]
    assert (ev["Actor1Name"], ev["Actor1CountryCode"], ev["Actor2CountryCode"]) == ("KENYA", "KEN", "UGA")
    assert (ev["EventCode"], ev["EventRootCode"], ev["QuadClass"]) == ("112", "11", "3")
    assert (ev["NumMentions"], ev["NumSources"], ev["NumArticles"]) == ("3", "3", "3")
    assert ev["SQLDATE"] == "20260310" and ev["SOURCEURL"].startswith("https://www.reuters.com/")
    assert {m["GlobalEventID"] for m in mentions} == {ev["GlobalEventID"]}


def test_gdelt_export_with_no_events_still_has_the_header(batch_out, tmp_path):
    res = CliRunner().invoke(main, ["export", str(batch_out), "-f", "gdelt", "-o", str(tmp_path)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    header = (tmp_path / "events.gdelt.tsv").read_text(encoding="utf-8").splitlines()[0].split("\t")
    for column in ("GlobalEventID", "SQLDATE", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
                   "Actor2Name", "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                   "NumMentions", "NumSources", "NumArticles", "SOURCEURL"):
        assert column in header


def test_export_from_a_store(tmp_path):
    store_mod = pytest.importorskip("tidings.store")
    db = f"sqlite:///{tmp_path / 'corpus.db'}"
    with store_mod.Store(db) as store:
        for name in VERSIONS:
            store.upsert(hand_result(name))
    res = CliRunner().invoke(main, ["export", "--db", db, "-f", "gdelt", "-o", str(tmp_path / "g")],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    events = _read_tsv(tmp_path / "g" / "events.gdelt.tsv")
    assert len(events) == 1 and events[0]["NumArticles"] == "3"
    res = CliRunner().invoke(main, ["export", "--db", db, "-f", "csv", "-o", str(tmp_path / "c"),
                                    "--table", "article_groups"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    with open(tmp_path / "c" / "article_groups.csv", encoding="utf-8") as fh:
        assert {r["document_id"] for r in csv.DictReader(fh)} == set(VERSIONS)
