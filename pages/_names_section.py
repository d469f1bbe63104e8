"""The names section of the Uploads page (leaders): names of the exports no roster entry carries, and
which roster rep each is.

Drawing only: `dashboard.name_links` checks the name and the rep, stores the link with the facts that
follow, and reviews the stored flags again.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import name_links
from dashboard.access import NotAllowed, Viewer
from pages._shared import cached, get_database, show_table

KEY = "names"  # widget keys and the session message start with this


def draw(viewer: Viewer) -> None:
    """Lists the names off the roster with a form to say which roster rep one is, and the links made
    with a form to take one back."""
    st.subheader("Names not on the roster")
    if message := st.session_state.pop(f"{KEY}_message", None):
        st.success(message)
    off = cached(name_links.off_roster)
    linked = cached(name_links.links)
    if off.empty:
        st.caption("Every name in the exports is a rep of the roster (or no roster is loaded yet).")
    else:
        st.caption(
            "The exports name these reps in a way the roster carries in no form, so their rows count for "
            "a rep of their own, without a team. If one is a roster rep under another spelling, say so: "
            "their rows then count for that rep everywhere, and both reps' flags are reviewed again."
        )
        shown = off.assign(spellings=off["spellings"].map(", ".join)).rename(
            columns={"deals_created": "deals created", "likely": "perhaps"}
        )
        show_table(shown.fillna(""), hide_index=True, width="stretch", placeholder="")
        _link_form(viewer, off)
    if not linked.empty:
        st.caption("Names said to be a roster rep:")
        shown = linked.assign(spellings=linked["spellings"].map(", ".join)).rename(
            columns={"linked_by": "by", "linked_at": "when"}
        )
        show_table(shown.fillna(""), hide_index=True, width="stretch", placeholder="")
        _unlink_form(viewer, linked)


def _link_form(viewer: Viewer, off: pd.DataFrame) -> None:
    on_roster = sorted(cached(name_links.roster_reps), key=str.lower)
    if not on_roster:
        return
    with st.form(f"{KEY}_link"):
        name = st.selectbox("Name in the exports", off["name"].tolist(), key=f"{KEY}_name")
        likely = off.set_index("name").loc[name, "likely"] if name else None
        rep = st.selectbox(
            "is the roster rep",
            on_roster,
            index=on_roster.index(likely) if likely in on_roster else 0,
            key=f"{KEY}_rep",
        )
        if st.form_submit_button("Same person"):
            try:
                made = name_links.link(get_database(), name, rep, viewer=viewer)
            except (NotAllowed, name_links.NameLinkError) as exc:
                st.error(str(exc))
            else:
                st.session_state[f"{KEY}_message"] = f"{made}: their rows now count for {made.rep}."
                st.rerun()


def _unlink_form(viewer: Viewer, linked: pd.DataFrame) -> None:
    with st.form(f"{KEY}_unlink"):
        name = st.selectbox("Take back", linked["name"].tolist(), key=f"{KEY}_unlink_name")
        if st.form_submit_button("Not the same person"):
            try:
                taken = name_links.unlink(get_database(), name, viewer=viewer)
            except (NotAllowed, name_links.NameLinkError) as exc:
                st.error(str(exc))
            else:
                st.session_state[f"{KEY}_message"] = f"{taken.name} counts as a rep of their own again."
                st.rerun()
