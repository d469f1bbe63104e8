"""Ingest messages said for the app: no command-line option reaches the Upload page."""

from __future__ import annotations

import pytest

from dashboard.ingest import IngestOptions, advice, ingest_file


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("people.csv", "Person,Squad,Boss\nAda Park,North,Mia Chen\n"),  # no kind fits
        ("deals.csv", "opportunity_id,stage,amount\n1,Proposal,100\n"),  # no owner column
        ("deals2.csv", "opportunity_id,owner,stage,amount\n1,Ana Souza,Payment Done,100\n"),  # new stage
    ],
)
def test_the_app_never_advises_a_command_line_option(database, write, name, content) -> None:
    result = ingest_file(database, write(name, content), IngestOptions())
    said = [result.message, *result.notes]
    assert any("--" in text for text in said), said  # the command line's wording, as the CLI prints it
    for text in said:
        assert "--" not in advice.for_app(text), advice.for_app(text)
