"""Which currency the pipeline's amounts are in, and how to write it ('€120,000', 'CHF 5,000').

Each stored deal keeps the currency its export named (a currency column, or the symbol
or code in the amount). Amounts are shown with the symbol of the currency most of the
current pipeline is in; while no stored deal names one (the pipeline's upload undone), in
the currency of the latest pipeline upload that named one (remembered per upload, migration
0025); for a company that never loaded one, with '$' as before. Entry points (the app's frame,
the CLI) set it once per run with `shown_in`; `metrics.Metric.format` reads it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from dashboard import db

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "BRL": "R$", "CNY": "¥", "KRW": "₩"}
_DISPLAY: ContextVar[str | None] = ContextVar("display_currency", default=None)


def of_data(database: db.Database) -> str | None:
    """The ISO code most of the current pipeline is in, else the latest pipeline upload's (None: no
    upload ever named a currency)."""
    found = database.records("pipeline_currency")
    return str(found[0]["currency"]) if found else None


def prefix(code: str | None) -> str:
    """What goes before an amount: '$' (also when unknown), '€', or 'CHF ' for codes without a sign."""
    if code is None:
        return "$"
    return SYMBOLS.get(code, f"{code} ")


def current_prefix() -> str:
    return prefix(_DISPLAY.get())


def current_code() -> str | None:
    """The code amounts are shown in for this run (None: none known, shown with '$')."""
    return _DISPLAY.get()


def set_display(code: str | None) -> None:
    """Shows amounts in this currency for the rest of this run (a page run, a CLI command)."""
    _DISPLAY.set(code)


@contextmanager
def shown_in(code: str | None) -> Iterator[None]:
    token = _DISPLAY.set(code)
    try:
        yield
    finally:
        _DISPLAY.reset(token)
