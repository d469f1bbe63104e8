"""How a count is written before its noun: '1 agenda', '2 agendas', '1,250 rows'.

One place for the singular, so no sentence reads '1 agendas' or '1 reps'. A count is written
with thousands separators and no decimals (a float count is rounded as it is shown: 1.0 is
'1 day').
"""

from __future__ import annotations


def count(n: float, one: str, many: str | None = None) -> str:
    """'1 agenda' / '3 agendas'; `many` for a plural that is not `one` + 's' ('2 activities')."""
    shown = f"{n:,.0f}"
    return f"{shown} {one if shown in ('1', '-1') else many or one + 's'}"
