"""Every entry of the event tables carries an example sentence; each is read here and
must give the entry's type (and mode, source and target word where the entry names them)."""
from __future__ import annotations

import pytest

from tidings.data import load_json
from tidings.document import PLOVER_TYPES


def _cases():
    verbs = load_json("events_verbs.json")["verbs"]
    nouns = load_json("events_nouns.json")["nouns"]
    cues = load_json("events_cues.json")
    for e in verbs:
        yield f"verb:{e['id']}", e["example"], e["type"], "any", e.get("source"), e.get("target_word")
    for e in nouns:
        yield f"noun:{e['id']}", e["example"], e["type"], "any", e.get("source"), e.get("target_word")
        if e.get("joint_example"):
            yield f"noun-joint:{e['id']}", e["joint_example"], e["joint"]["type"], "any", None, None
        if e.get("undo_example"):
            yield f"noun-undo:{e['id']}", e["undo_example"], e["undo"]["type"], "any", None, None
    for key in ("speech_examples", "mode_examples", "intent_examples", "demand_examples", "role_examples",
                "occur_examples"):
        for n, e in enumerate(cues[key]):
            yield f"{key}:{n}", e["example"], e["type"], e.get("mode", "any"), e.get("source"), e.get("target_word")
    for e in cues["idioms"]:
        yield f"idiom:{e['id']}", e["example"], e["type"], "any", e.get("source"), None


CASES = list(_cases())


def test_table_codes_are_valid():
    for name in ("events_verbs.json", "events_nouns.json"):
        table = load_json(name)
        entries = table.get("verbs") or table.get("nouns")
        ids = [e["id"] for e in entries]
        assert len(ids) == len(set(ids)), f"duplicate ids in {name}"
        for e in entries:
            assert e["type"] in PLOVER_TYPES, e["id"]
            assert e["cameo"].isdigit() and 2 <= len(e["cameo"]) <= 4, e["id"]
            assert e["example"].strip(), e["id"]
            undo = e.get("undo")
            if undo:
                assert undo["type"] in PLOVER_TYPES and undo["cameo"].isdigit(), e["id"]


@pytest.mark.parametrize("name,text,typ,mode,source,target", CASES, ids=[c[0] for c in CASES])
def test_table_example(frames_of, name, text, typ, mode, source, target):
    frames = frames_of(text)
    if typ is None:
        assert frames == [], f"{text!r} should give no event, got {[f.type for f in frames]}"
        return
    chosen = [f for f in frames if f.type == typ]
    assert chosen, f"{text!r} should give {typ}, got {[(f.type, f.rule) for f in frames]}"
    frame = chosen[0]
    if mode != "any":
        assert frame.mode == mode, f"{text!r}: mode {frame.mode!r}, expected {mode!r}"
    if source:
        texts = [a.text for a in frame.sources] + [a.fallback.text for a in frame.sources if a.fallback]
        assert any(source in t for t in texts), f"{text!r}: source {texts}, expected {source!r}"
    if target:
        texts = [a.text for a in frame.targets]
        assert any(target in t for t in texts), f"{text!r}: target {texts}, expected {target!r}"
