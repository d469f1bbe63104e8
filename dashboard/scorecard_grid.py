"""The team scorecard as one compact HTML grid: reps × key expectations, read at a glance.

Each cell is tinted by its status and keeps the symbol and the value ("✓ 1,248 min",
"○ 1 of 3"), so colour is never the only signal; hovering a cell shows the full
sentence (`team_view.describe`: "Calls: 37 of 40 · ◐ near since 2026-10-05 (2 wks)").
A rep's name links to the Rep page in the same tab, with the week kept
(`url_params.rep_link`). Every text from the data is escaped. The grid fits a
1400 px wide page; on a narrower one it scrolls inside its own box.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

import pandas as pd

from dashboard import scorecard, team_view, url_params
from dashboard.metrics import BY_NAME

TINTS = {  # background, text: soft tints, readable (contrast over 7:1) and never alarming
    "met": ("#e3f3e0", "#1d4d1a"),
    "near": ("#fdf1c7", "#5c4300"),
    "below": ("#fbe3d6", "#7a2e0b"),
    "off": ("#ececf1", "#33334d"),  # recorded time off: not judged
}
STYLE = (
    "<style>"
    ".scorecard-box{overflow-x:auto;max-width:100%}"
    ".scorecard{border-collapse:collapse;width:100%;font-size:0.85rem;line-height:1.3}"
    ".scorecard th,.scorecard td{border:1px solid rgba(128,128,128,0.3);padding:4px 6px;text-align:left;"
    "vertical-align:top}"
    ".scorecard th{font-weight:600;white-space:normal;min-width:5.5rem}"
    ".scorecard td[data-status]{white-space:nowrap}"  # a value and its expectation stay on one line
    ".scorecard th.rep{font-weight:500}"
    # the tint once per status, not in each cell: a 200-rep grid is a third smaller, and the
    # browser cleans (sanitizes) every byte of it before drawing
    + "".join(f".scorecard td[data-status={s}]{{background:{b};color:{c}}}" for s, (b, c) in TINTS.items())
    + "</style>"
)


def cell_title(metric: str, sentence: str) -> str:
    """The full sentence behind a cell, shown on hover: 'First meetings: 1 of 3 · ○ below since …'
    (`sentence`: `team_view.describe` of the cell's row)."""
    return f"{BY_NAME[metric].label}: {sentence}"


def grid_html(
    reps: pd.DataFrame,
    attainment: pd.DataFrame,
    names: Sequence[str],
    week: dt.date,
    earliest: dt.date,
    sentences: dict[tuple[str, str], str] | None = None,
) -> str:
    """The grid for `reps` (rep, team; in the order to show) and `attainment` rows
    (`team_view.attainment`), with links to each rep's page for `week`; `sentences`: each row's
    `team_view.describe` by (rep, metric) when already made (`team_view.described`)."""
    card = scorecard.team_scorecard(reps, attainment, names)
    if sentences is None:
        sentences = team_view.described(attainment)
    status_of = {
        (rep, metric): status if isinstance(status, str) else None
        for rep, metric, status in zip(
            *(attainment[f].tolist() for f in ("rep", "metric", "status")), strict=True
        )
    }
    head = "".join(
        f'<th scope="col" title="{escape(BY_NAME[n].definition)}">{escape(BY_NAME[n].label)}</th>'
        for n in names
    )
    body = []
    columns = [card[c].tolist() for c in ("rep", "team", *names)]
    for rep, team, *shown in zip(*columns, strict=True):
        rep = str(rep)
        link = url_params.rep_link(rep, week, earliest=earliest)
        cells = [
            f'<th scope="row" class="rep"><a href="{escape(link)}" target="_self">{escape(rep)}</a></th>',
            f"<td>{escape(team if isinstance(team, str) else '–')}</td>",
        ]
        for name, text in zip(names, shown, strict=True):
            sentence = sentences.get((rep, name))
            title = escape(cell_title(name, sentence)) if sentence is not None else "no value this week"
            status = status_of.get((rep, name))
            cells.append(f'<td title="{title}" data-status="{status or "none"}">{escape(text)}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'{STYLE}<div class="scorecard-box"><table class="scorecard">'
        f'<thead><tr><th scope="col">Rep</th><th scope="col">Team</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )
