"""Embedded posts dated by their identifiers: a tweet's status id holds the moment it was
posted (ids since November 2010 are "snowflake" ids: the milliseconds since the Twitter epoch
1288834974657 shifted left by 22 bits), so an article that embeds a tweet -
``<tweet tweet-id="674577084669407232">``, ``twitter.com/TIME/status/674577084669407232`` -
was written after that tweet, mostly within days of it.  :func:`tweet_posts` returns them as
the (date, original start, end) of :func:`tidings.timex.conflicts.embedded_posts`, which turns
the latest one into a clue of the fit and a post dated after the claimed date into a flag.

The rule holds for any article that embeds posts of that service; older ids (sequential, before
the snowflake scheme) decode to the epoch itself and are skipped."""
from __future__ import annotations

import datetime as dt
import logging
import re

log = logging.getLogger(__name__)

TWITTER_EPOCH_MS = 1288834974657
SNOWFLAKE_FIRST = dt.date(2010, 11, 5)      # ids decoding before this are not snowflake ids
# a status id where an embed names it: an attribute of an embed element, or a status URL
_TWEET_ID = re.compile(r"""(?:tweet[-_]id\s*=\s*["']?|(?:twitter|x)\.com/(?:#!/)?\w{1,30}/status(?:es)?/)(\d{15,20})\b""")


def tweet_date(status_id: int) -> dt.date | None:
    """The UTC day a tweet with this snowflake ``status_id`` was posted, or None for an id
    that is not a snowflake (before November 2010) or lies beyond 2100."""
    ms = (status_id >> 22) + TWITTER_EPOCH_MS
    try:
        d = dt.datetime.fromtimestamp(ms / 1000, tz=dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None
    return d if SNOWFLAKE_FIRST <= d <= dt.date(2100, 1, 1) else None


# an embed that names its date instead: tweet-date="March 10, 2016"
_TWEET_DATE = re.compile(r"""tweet[-_]date\s*=\s*["']\s*([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s*((?:19|20)\d\d)\b""")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def tweet_posts(text: str) -> list[tuple[dt.date, int, int]]:
    """(date, start, end) of every embedded tweet of ``text`` identified by its status id or
    dated by an attribute of its embed."""
    if "weet" not in text and "status" not in text:
        return []
    out = []
    for m in _TWEET_ID.finditer(text):
        d = tweet_date(int(m.group(1)))
        if d is not None:
            out.append((d, m.start(1), m.end(1)))
    for m in _TWEET_DATE.finditer(text):
        month = _MONTHS.get(m.group(1)[:3].lower())
        try:
            d = dt.date(int(m.group(3)), month or 0, int(m.group(2)))
        except ValueError:
            continue
        out.append((d, m.start(1), m.end(3)))
    return out
