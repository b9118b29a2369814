"""``tidings extract`` through its real command-line interface."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from tidings.cli import main

ARTICLE = """Ministers Meet in Geneva

Foreign ministers from France and Germany met in Geneva on Monday to discuss the crisis.
"We made progress," the French minister said after the talks.
"""


def _run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_json_is_a_list_of_results(tmp_path: Path):
    f = tmp_path / "geneva.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = _run("extract", "--format", "json", str(f))
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert isinstance(data, list) and len(data) == 1
    assert data[0]["schema"] == "tidings/1"
    assert data[0]["id"] == "geneva"
    assert data[0]["text"] == ARTICLE
    assert data[0]["article"]["headline"] == "Ministers Meet in Geneva"


def test_jsonl_list_keeps_ids_order_and_published(tmp_path: Path):
    records = [{"id": f"doc-{i}", "text": ARTICLE.replace("Monday", day), "published": f"2026-03-0{i + 1}"}
               for i, day in enumerate(["Monday", "Tuesday", "Friday"])]
    f = tmp_path / "docs.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    out = _run("extract", "--format", "jsonl", str(f))
    assert out.exit_code == 0, out.output
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["doc-0", "doc-1", "doc-2"]
    assert [r["article"]["published"] for r in lines] == ["2026-03-01", "2026-03-02", "2026-03-03"]
    assert all(r["article"]["published_from"] == "given" for r in lines)
    assert [r["text"] for r in lines] == [r["text"] for r in records]


def test_folder_is_walked_in_a_stable_order(tmp_path: Path):
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.xyz").write_text("ignored", encoding="utf-8")
    out = _run("extract", "--format", "jsonl", str(tmp_path))
    ids = [json.loads(line)["id"] for line in out.stdout.splitlines()]
    assert ids == ["b", "a"]


def test_published_option_is_a_fallback_only(tmp_path: Path):
    plain = tmp_path / "plain.txt"
    plain.write_text(ARTICLE, encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text(ARTICLE + "\nhttps://www.reuters.com/world/2025/11/05/geneva-talks/\n", encoding="utf-8")
    out = _run("extract", "--format", "jsonl", "--published", "2026-01-15", str(plain), str(dated))
    a, b = [json.loads(line)["article"] for line in out.stdout.splitlines()]
    assert (a["published"], a["published_from"]) == ("2026-01-15", "given")
    assert (b["published"], b["published_from"]) == ("2025-11-05", "url")
    assert b["outlet"] == "Reuters"


def test_bad_published_date_is_a_clear_usage_error(tmp_path: Path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", "--published", "24/06/2026", str(f)])
    assert out.exit_code == 2
    assert "YYYY-MM-DD" in out.output


def test_text_report_names_its_sections(tmp_path: Path):
    f = tmp_path / "geneva.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    out = _run("extract", "--format", "text", str(f))
    assert out.stdout.startswith("Ministers Meet in Geneva\n")
    for section in ("ENTITIES", "STATEMENTS", "EVENTS", "TIMES", "FLAGS"):
        assert section in out.stdout


def test_stdin_through_the_installed_command():
    exe = Path(sys.executable).with_name("tidings")
    proc = subprocess.run([str(exe), "extract", "--format", "jsonl", "-"], input=ARTICLE.encode(),
                          capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout)
    assert result["text"] == ARTICLE and result["source"] == "-"


def test_missing_file_is_an_error_entry_and_exit_1(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(tmp_path / "nope.txt"), str(good)])
    assert out.exit_code == 1
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(lines) == 2
    assert lines[0]["errors"] and "no such file" in lines[0]["errors"][0]["message"]
    assert lines[1]["errors"] == [] and lines[1]["id"] == "good"


def test_broken_jsonl_line_is_reported_and_the_rest_processed(tmp_path: Path):
    f = tmp_path / "docs.jsonl"
    f.write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n{not json\n"
                 + json.dumps({"id": "c", "text": ARTICLE}) + "\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["extract", "--format", "jsonl", str(f)])
    assert out.exit_code == 1
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in lines] == ["a", f"{f}:2", "c"]
    assert "line 2 is not a JSON object" in lines[1]["errors"][0]["message"]
    assert not lines[0]["errors"] and not lines[2]["errors"]


def test_regression_record_text_naming_a_file_is_not_read(tmp_path: Path, pipeline):
    secret = tmp_path / "secret.txt"
    secret.write_text("the server's private notes", encoding="utf-8")
    result = pipeline.extract({"id": "upload", "text": str(secret)})
    assert result.text == str(secret)
    assert "private notes" not in result.to_json()


def test_regression_non_iso_published_is_read_not_fatal(pipeline):
    # MEANTIME record 120578 carries "03-02-2009"; it made the events stage fail
    result = pipeline.extract({"id": "x", "text": ARTICLE, "published": "03-02-2009"})
    assert result.article.published == "2009-03-02"
    assert not result.errors
    junk = pipeline.extract({"id": "y", "text": ARTICLE, "published": "sometime"})
    assert junk.article.published is None and not junk.errors


def test_regression_ambiguous_given_date_yields_to_the_dateline(pipeline):
    text = "Car Sales Fall Sharply\n\nFebruary 03, 2009\n\nSales of cars fell 35% in January.\n"
    result = pipeline.extract({"id": "z", "text": text, "published": "03-02-2009"})
    assert (result.article.published, result.article.published_from) == ("2009-02-03", "dateline")


def test_regression_paragraph_start_is_not_a_one_word_sentence(pipeline):
    text = ("Grain Deal Extended\n\nUkraine and Russia agreed on Friday to extend the grain corridor, "
            "Turkish officials said.\n")
    result = pipeline.extract({"id": "g", "text": text, "published": "2026-03-14"})
    said = next(s for s in result.statements if s.cue and s.cue.text == "said")
    assert said.content[0].text.startswith("Ukraine and Russia agreed")
