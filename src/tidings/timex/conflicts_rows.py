"""Array rows of the aggregate fit (:mod:`.conflicts_fit`): the candidate writing dates as
numpy arrays, and the log likelihood of a title or a month-day clue for every candidate at
once, with exactly the figures of :func:`.conflicts_fit.loglik` (the fit's constants and
densities are passed in, so the fit stays the one place that sets them).
"""
from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import numpy as np

    from tidings.timex.conflicts_fit import Clue


class _Days:
    """The candidate writing dates, ``anchor`` +- ``span`` days: ordinals, years and months
    as arrays."""
    __slots__ = ("ords", "years", "months", "mdays")

    def __init__(self, anchor: dt.date, *, span: int) -> None:
        import numpy as np

        days = np.arange(-span, span + 1)
        self.ords = anchor.toordinal() + days
        d64 = np.datetime64(anchor.isoformat(), "D") + days
        self.years = d64.astype("datetime64[Y]").astype(np.int64) + 1970
        self.months = d64.astype("datetime64[M]").astype(np.int64) % 12 + 1
        self.mdays = (d64 - d64.astype("datetime64[M]")).astype(np.int64) + 1

    def date(self, i: int) -> dt.date:
        return dt.date.fromordinal(int(self.ords[i]))


def _office_row(c: "Clue", ords: "np.ndarray", *, after: float, grace_after: int) -> "np.ndarray":
    """``loglik`` of a title clue for every date, at once (``after``: the likelihood ratio
    of the title after its terms; ``grace_after``: days after a term it is still fine)."""
    import numpy as np

    in_term = np.zeros(len(ords), dtype=bool)
    for a, b in c.terms:
        lo = a.toordinal() - c.grace
        hi = dt.date.max.toordinal() if b == dt.date.max else b.toordinal() + grace_after
        in_term |= (ords >= lo) & (ords <= hi)
    before = ords < min(a.toordinal() for a, _ in c.terms)
    out = np.where(before, math.log(c.before), math.log(after))
    return np.where(in_term, 0.0, out)


def _md_row(c: "Clue", cal: _Days, *, density: "Callable[[int, str], float]", noise: float) -> "np.ndarray":
    """``loglik`` of a month-day clue for every date, at once: the month-day's last
    occurrence on or before each date (this year or last) and its next one after it (this
    year or next), through ``density`` (the fit's ``_md_density``) mixed with the share
    ``noise`` of dates that fit no pattern."""
    import numpy as np

    ords, year = cal.ords, cal.years
    years = range(int(year[0]) - 1, int(year[-1]) + 2)
    occ, occ_year = [], []
    for y in years:
        try:
            occ.append(dt.date(y, c.month, c.day).toordinal())
            occ_year.append(y)
        except ValueError:
            continue                        # 29 February in a common year
    occ_a, occ_y = np.array(occ), np.array(occ_year)
    i_back = np.searchsorted(occ_a, ords, side="right") - 1
    i_fwd = i_back + 1
    ok_back = (i_back >= 0) & (occ_y[np.clip(i_back, 0, None)] >= year - 1)
    ok_fwd = (i_fwd < len(occ_a)) & (occ_y[np.clip(i_fwd, None, len(occ_a) - 1)] <= year + 1)
    o_back = occ_a[np.clip(i_back, 0, None)] - ords          # <= 0
    o_fwd = occ_a[np.clip(i_fwd, None, len(occ_a) - 1)] - ords  # > 0
    # the densities and logs of the few distinct values, with the scalar functions, so the
    # figures are exactly those of ``loglik``
    d_back = _through(lambda o: density(int(o), c.tense), o_back)
    d_fwd = _through(lambda o: density(int(o), c.tense), o_fwd)
    p = np.where(ok_back, d_back, 0.0) + np.where(ok_fwd, d_fwd, 0.0)
    return _through(lambda x: math.log((1 - noise) * float(x) + noise / 365), p)


def _through(f: "Callable[[object], float]", values: "np.ndarray") -> "np.ndarray":
    """``f`` of every value, computed once per distinct value."""
    import numpy as np

    uniq, inverse = np.unique(values, return_inverse=True)
    return np.array([f(u) for u in uniq])[inverse]
