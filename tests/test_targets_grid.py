"""The target grid (rep × week × metric) read for many reps and for one rep gives the same rows.

`targets.weekly_targets` decides the target in force once per span of unchanged targets when it
reads a company or teams (`effective_targets_by_span`) and once per rep-week when it reads one rep
(`effective_targets`); each rep's rows must be the same either way, whichever targets overlap.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard import targets
from dashboard.ingest import ingest_file

# Over the sample company's own team targets: a company default, a team's target that ends, a
# rep's own target starting mid-week and ending, a later team target replacing an earlier one,
# and a rep's target that ends before the weeks read (lower-case and padded names, as typed).
OVERLAPPING = """metric,value,period,team,rep,effective_from,effective_to
calls,30,week,,,2025-06-02,
calls,45,week,enterprise east,,2026-09-09,2026-10-20
calls,12,week,,  priya raman ,2026-10-08,2026-10-28
first_meetings,4,week,SMB West,,2026-08-05,
first_meetings,6,week,SMB West,,2026-10-14,
first_meetings,1,week,,Marcus Bennett,2025-01-06,2025-03-31
win_rate,0.3,quarter,,,2026-09-30,2026-11-04
"""


def _key(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values(["rep", "week", "metric"]).reset_index(drop=True)


def test_each_reps_targets_are_the_same_read_for_all_or_for_one(sample, tmp_path) -> None:
    path = tmp_path / "targets.csv"
    path.write_text(OVERLAPPING, encoding="utf-8")
    result = ingest_file(sample, path)
    assert result.status == "loaded" and result.rows_rejected == 0, result.message
    for first, last in [
        (dt.date(2026, 6, 1), dt.date(2026, 11, 16)),  # months, across every change
        (dt.date(2026, 10, 12), dt.date(2026, 10, 26)),  # inside the rep's own target
        (dt.date(2026, 11, 16), dt.date(2026, 11, 16)),  # one week
    ]:
        every = targets.weekly_targets(sample, first, last)
        assert len(every) == len(every.drop_duplicates(["rep", "week", "metric"]))  # one per rep-week
        assert {"Priya Raman", "Marcus Bennett"} <= set(every["rep"])
        for rep in sorted(set(every["rep"])):
            one = targets.weekly_targets(sample, first, last, rep=rep)
            pd.testing.assert_frame_equal(_key(every[every["rep"] == rep]), _key(one))
    calls = targets.weekly_targets(sample, dt.date(2026, 9, 7), dt.date(2026, 11, 2), rep="Priya Raman")
    chosen = calls[calls["metric"] == "calls"].set_index("week")[["value", "scope"]]
    assert chosen.loc[dt.date(2026, 9, 7)].tolist() == [45, "team"]  # her team's from Wednesday 9 Sep
    assert chosen.loc[dt.date(2026, 10, 5)].tolist() == [12, "rep"]  # her own from Thursday 8 Oct
    assert chosen.loc[dt.date(2026, 11, 2)].tolist() == [25, "team"]  # both ended: the team's first again
