"""Regression tests from the bundled sample article: Title Case headlines and roles."""
from __future__ import annotations

TEXT = ("Iceland Will Keep Coast Guard Ships Near Disputed\n"
        "Fishing Grounds ‘Until Talks Resume,' Reykjavik Says\n\n"
        "Norway summoned Iceland’s ambassador on Monday and demanded that the ships with-\n"
        "draw. Fisheries Minister Ingrid Solheim said the deployment was a provocation.\n")


def test_regression_headline_speech_verb_is_not_part_of_a_name(pipeline):
    result = pipeline.extract({"id": "h", "text": TEXT, "published": "2026-03-11"})
    names = {e.name for e in result.entities}
    assert "Reykjavik Says" not in names
    assert "Reykjavik" in names


def test_regression_role_does_not_start_with_the_previous_sentence_end(pipeline):
    result = pipeline.extract({"id": "h", "text": TEXT, "published": "2026-03-11"})
    solheim = next(e for e in result.entities if e.name == "Ingrid Solheim")
    assert solheim.role == "Fisheries Minister"
