"""An ingest message's advice said for the app: the command line's options (`--map`, `--kind`,
`--stage-status`, `--snapshot-date`) become what the Upload page offers beside the message.

The ingest words its messages once, for both doors; the CLI prints them as they are, the
Upload page passes them through `for_app`.
"""

from __future__ import annotations

import re

APP_WORDING: tuple[tuple[str, str], ...] = (
    (r"Name the kind with --kind and the CRM with --source, or map the columns once on the Upload page",
     "Choose the kind and the CRM, and say which column holds what, in the form below (once)"),
    (r"Say which column holds it with --map \S+=COLUMN \(or on the Upload page\), or name another kind "
     r"with --kind", "Say which column holds it, or choose another kind, in the form below"),
    (r"Confirm the columns on the Upload page, or say which column holds what with --map FIELD=COLUMN",
     "Confirm the columns in the form below"),
    (r"say which with --kind", "choose the kind in the form below"),
    (r"on the Upload page or with --stage-status 'STAGE=won' \(or =lost, =open\)", "in the form below"),
    # a loaded file's stages read as open: the app has no form for them yet, so it says nothing more
    (r"; if one means won or lost, say so with --stage-status or on the Upload page", ""),
    (r" \(another date: --snapshot-date, or change it on the Upload page\)",
     " (another date: change it below)"),
)  # fmt: skip


def for_app(text: str) -> str:
    """The message with its command-line advice replaced by what the app offers."""
    for pattern, wording in APP_WORDING:
        text = re.sub(pattern, wording, text)
    return text
