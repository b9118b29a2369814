"""A document that breaks the pipeline, or a task that fails on the cluster, costs that one
document (an ``errors`` row with the reason) and never the batch."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tidings.batch import runner, worker
from tidings.batch.inputs import work_items
from tidings.batch.output import BatchOutput

FIXTURES = Path(__file__).parent / "fixtures"


def _poisoned(real):
    def document(item):
        if item["id"] == "standard-kenya-uganda":
            raise RuntimeError("the cleaner choked on this one")
        return real(item)
    return document


def test_a_document_that_breaks_the_chunk_is_retried_alone_and_recorded(pipeline, monkeypatch):
    monkeypatch.setattr(worker, "_document", _poisoned(worker._document))
    items = list(work_items([str(FIXTURES / "wire")]))
    out = worker.process_chunk(items, chunk_id="p-1")
    assert out.n_docs == 3 and out.n_errors == 1
    errors = pq.read_table(pa.BufferReader(out.files["errors/part-p-1.parquet"])).to_pylist()
    assert [(e["document_id"], e["code"]) for e in errors] == [("standard-kenya-uganda", "failed")]
    assert "the cleaner choked on this one" in errors[0]["message"]
    docs = pq.read_table(pa.BufferReader(out.files["documents/pubdate=unknown/part-p-1.parquet"]))
    assert sorted(docs["document_id"].to_pylist()) == ["monitor-kenya-uganda", "reuters-kenya-uganda"]


def failing_chunk(items, **kw):
    """Stands in for a worker that dies on one document (as a segfault or OOM would)."""
    if any(item["id"] == "monitor-kenya-uganda" for item in items):
        raise MemoryError("worker killed")
    return worker.process_chunk(items, **kw)


def test_a_task_that_fails_on_the_cluster_costs_only_its_document(pipeline, monkeypatch, tmp_path):
    from distributed import Client, LocalCluster

    monkeypatch.setattr(runner, "process_chunk", failing_chunk)
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES / "wire", folder)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as lc, Client(lc) as client:
        summary = runner.run_batch([str(folder)], str(tmp_path / "out"), client=client,
                                   chunk_size=3)
    assert summary.processed == 3 and summary.errors == 1
    output = BatchOutput(tmp_path / "out")
    errors = output.read_table("errors").to_pylist()
    assert [(e["document_id"], e["code"]) for e in errors] == [("monitor-kenya-uganda", "failed")]
    assert "MemoryError" in errors[0]["message"]
    assert sorted(output.read_table("documents")["document_id"].to_pylist()) == [
        "reuters-kenya-uganda", "standard-kenya-uganda"]
    assert len(output.done_keys()) == 3  # the failed one is not retried by every rerun


@pytest.mark.parametrize("bad", ["", "   \n"])
def test_records_without_text_are_errors(pipeline, bad):
    from tidings.batch.inputs import _record_item

    out = worker.process_chunk([_record_item({"id": "blank", "text": bad})], chunk_id="b-1")
    assert out.n_errors == 1 and "errors/part-b-1.parquet" in out.files


def test_two_runs_into_one_folder_are_refused(tmp_path):
    from tidings.batch.output import OutputBusy

    holder = BatchOutput(tmp_path / "out")
    holder.lock()
    try:
        with pytest.raises(OutputBusy, match="another tidings batch"):
            runner.run_batch([str(FIXTURES / "wire")], str(tmp_path / "out"), client=object())
    finally:
        holder.unlock()
    second = BatchOutput(tmp_path / "out")
    second.lock()  # free again once the first has let go
    second.unlock()
