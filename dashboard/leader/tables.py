"""The leader page's tables as a person reads them: one readable text per measure, alphabetical."""

from __future__ import annotations

import pandas as pd

from dashboard.leader.frames import share
from dashboard.leader.measures import DEFAULT_WEEKS
from dashboard.leader.numbers import number, percent, ratio


def summary_table(frame: pd.DataFrame, by: str, weeks: int = DEFAULT_WEEKS) -> pd.DataFrame:
    """A summary as the page shows it: one readable text per measure, alphabetical."""
    label = {"manager": "Manager", "team": "Team", "organisation": "Organisation"}[by]

    def part_of_whole(part: str, whole: str, share: str, unit: str = "") -> list[str]:
        """'3 of 4 (75%)' per row, from the columns of the part, the whole and the share."""
        rows = zip(frame[part], frame[whole], frame[share], strict=True)
        return [f"{p} of {w}{unit} ({percent(s)})" for p, w, s in rows]

    flags = zip(frame["flags_opened"], frame["flags_acknowledged"], frame["flags_resolved"], strict=True)
    return pd.DataFrame(
        {
            label: frame[by],
            "Reps": frame["reps"],
            "One-on-ones held": part_of_whole("one_on_ones", "reps", "one_on_ones_held"),
            f"Agendas per rep ({weeks} wks)": frame["agendas_per_rep"].map(number),
            "Commitments followed up": part_of_whole(
                "commitments_followed_up", "commitments_due", "followed_up_share"
            ),
            "Flags opened / acknowledged / resolved": [f"{o} / {a} / {r}" for o, a, r in flags],
            "Flags open": frame["flags_open"],
            "Median weeks open": frame["median_weeks_open"].map(number),
            "Recognition to correction": frame["recognition_balance"].map(ratio),
            "Coaching effectiveness": part_of_whole(
                "focus_areas_recovered", "focus_areas_judged", "coaching_effectiveness"
            ),
            "Weekly reviews held": part_of_whole("team_weeks_reviewed", "team_weeks", "reviews_held", " wks"),
        }
    )


def review_table(reviews: pd.DataFrame) -> pd.DataFrame:
    """Teams (alphabetical) by week: "✓ held", or what was missing ("○ no pipeline snapshot, no agenda")."""

    def cell(row: pd.Series) -> str:
        if row["reviewed"]:
            return "✓ held"
        checks = (
            (row["activity_loaded"], "no activity export"),
            (row["pipeline_loaded"], "no pipeline snapshot"),
            (row["agenda_saved"], "no agenda"),
        )
        missing = [text for ok, text in checks if not ok]
        return "○ " + ", ".join(missing)

    if reviews.empty:
        return pd.DataFrame(columns=["Team"])
    cells = reviews.assign(cell=reviews.apply(cell, axis=1))
    grid = cells.pivot(index="team", columns="week", values="cell")
    grid = grid.reindex(sorted(grid.index, key=str.lower))
    grid.columns = [f"{w:%d %b}" for w in grid.columns]
    return grid.fillna("–").rename_axis("Team").reset_index()


def rep_display(table: pd.DataFrame, weeks: int = DEFAULT_WEEKS) -> pd.DataFrame:
    """`rep_table` as the page shows it."""
    return pd.DataFrame(
        {
            "rep": table["rep"],
            "Manager": table["manager"],
            "Agenda this week": table["agenda_this_week"].map({True: "✓ saved", False: "–"}),
            f"Agendas prepared ({weeks} wks)": table["agendas_prepared"],
            "Open flags": table["open_flags"],
            "Commitments followed up": [
                f"{f} of {d}"
                for f, d in zip(table["commitments_followed_up"], table["commitments_due"], strict=True)
            ],
            "Recognition to correction": [
                ratio(share(r, f))
                for r, f in zip(table["recognition_items"], table["focus_items"], strict=True)
            ],
        }
    )


SUMMARY_HELP: dict[str, str] = {
    "One-on-ones held": "one_on_ones_held",
    "Commitments followed up": "commitments_followed_up",
    "Flags open": "flags_open",
    "Median weeks open": "median_weeks_open",
    "Recognition to correction": "recognition_balance",
    "Coaching effectiveness": "coaching_effectiveness",
    "Weekly reviews held": "reviews_held",
}  # column of `summary_table` -> leader measure whose definition explains it
