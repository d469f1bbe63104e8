"""Tone check: flags punitive or shaming language in agendas, with a gentler wording.

Also checks the order: recognition comes before correction (the Recognition
section precedes the focus areas). Coaching language only: this is a growth
conversation, not a disciplinary one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# pattern (case-insensitive, whole words) -> suggestion
PHRASES: tuple[tuple[str, str], ...] = (
    (
        r"fail(ure|ures|ed|ing)?",
        "say what was missed and what will help: 'not there yet', 'a miss to learn from'",
    ),
    (r"unacceptable", "state the gap against the expectation: 'below the 3-a-week we agreed'"),
    (r"warnings?", "use 'heads-up' or 'something to look at together'"),
    (r"final notice", "name the next step and the support you will give"),
    (r"last chance", "name the next step and the support you will give"),
    (r"pip", "call it a development plan and agree it together"),
    (r"performance improvement plan", "call it a development plan and agree it together"),
    (r"worst", "compare with the rep's own baseline: 'lowest in your last 8 weeks'"),
    (r"lazy|laziness", "describe the behaviour and its numbers, not the person"),
    (r"terrible|awful|pathetic|poor performer", "describe the numbers plainly and what will help"),
    (r"disappoint(ing|ed|ment)", "say what you expected and what you will do together"),
    (r"you never|you always", "describe a specific week and its numbers"),
    (r"(bottom|last) of the (team|list|board|ranking)", "compare with the rep's own trend, not with peers"),
    (r"naughty list|underperform(er|ers|ing)?", "describe the gap against the expectation"),
    (r"or else|consequences", "name the next step and the support you will give"),
    (r"should have", "ask what would help next time"),
)

_COMPARISON = r"(behind|worse than|unlike|compared (to|with)|below|less than|not as good as)"


@dataclass(frozen=True)
class ToneIssue:
    """One phrase worth rewording: where it is and a gentler way to say it."""

    line: int
    phrase: str
    suggestion: str

    def __str__(self) -> str:
        return f"line {self.line}: “{self.phrase}” — {self.suggestion}"


def check(text: str, peer_names: Iterable[str] = ()) -> list[ToneIssue]:
    """Punitive phrases, rankings below named peers, and correction before recognition."""
    issues: list[ToneIssue] = []
    peers = [p for p in peer_names if p and p.strip()]
    peer_pattern = (
        re.compile(
            rf"\b{_COMPARISON}\s+({'|'.join(re.escape(p) for p in peers)})\b"
            + "|"
            + rf"\b({'|'.join(re.escape(p) for p in peers)})\s+(did|does|is|was)\s+(better|more)\b",
            re.IGNORECASE,
        )
        if peers
        else None
    )
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern, suggestion in PHRASES:
            for match in re.finditer(rf"\b({pattern})\b", line, re.IGNORECASE):
                issues.append(ToneIssue(number, match.group(0), suggestion))
        if peer_pattern:
            for match in peer_pattern.finditer(line):
                issues.append(
                    ToneIssue(
                        number, match.group(0), "compare with the rep's own baseline, not with named peers"
                    )
                )
    issues.extend(_order_issues(text))
    return issues


def _order_issues(text: str) -> list[ToneIssue]:
    """Recognition must come before the focus areas."""
    lines = [line.strip().lower() for line in text.splitlines()]
    recognition = next(
        (i for i, line in enumerate(lines) if line.startswith("#") and "recognition" in line), None
    )
    focus = next((i for i, line in enumerate(lines) if line.startswith("#") and "focus" in line), None)
    if focus is not None and (recognition is None or recognition > focus):
        return [
            ToneIssue(
                focus + 1, text.splitlines()[focus].strip(), "start with recognition, before focus areas"
            )
        ]
    return []
