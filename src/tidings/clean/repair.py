"""Character-level repairs for the normalised view: mojibake, OCR quote damage, hyphens."""
from __future__ import annotations

import re
from functools import lru_cache

import ftfy
from wordfreq import zipf_frequency

_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, normalization=None,
                             fix_character_width=False, explain=False)
# "I’'m", "it'’s": a doubled apostrophe inside a word, left by OCR or a bad paste
_DOUBLE_APOS = re.compile(r"(?<=\w)[’'`´]{2,}(?=\w)")
_SOFT_HYPHEN = "\u00ad"


def repair_line(text: str) -> str:
    """The text as it should read: ftfy's encoding repairs, doubled apostrophes collapsed."""
    fixed = ftfy.fix_text(text, _FTFY) if not text.isascii() else text
    fixed = _DOUBLE_APOS.sub(lambda m: "’" if "’" in m.group() else "'", fixed)
    return fixed.replace(_SOFT_HYPHEN, "")


@lru_cache(maxsize=65536)
def _freq(word: str) -> float:
    return zipf_frequency(word, "en")


_LAST_WORD = re.compile(r"([A-Za-z]+)-$")
_FIRST_WORD = re.compile(r"^([a-z]+)")


def mend_hyphen(line: str, next_line: str) -> str:
    """How a line ending in a hyphen joins the next: 'join' (drop the hyphen), 'compound'
    (keep it, no space) or 'none' (not a broken word)."""
    if line.endswith(_SOFT_HYPHEN):
        return "join"
    m1 = _LAST_WORD.search(line)
    m2 = _FIRST_WORD.match(next_line)
    if not (m1 and m2):
        return "none"
    left, right = m1.group(1), m2.group(1)
    joined = (left + right).lower()
    # a real word when joined, and more common than the two halves as a compound
    if _freq(joined) >= 2.0 and _freq(joined) >= min(_freq(left.lower()), _freq(right.lower())) - 1.5:
        return "join"
    return "compound"
