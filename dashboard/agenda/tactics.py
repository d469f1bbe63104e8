"""A small library of strategies, tactics and training per metric, and questions for the rep.

Drawn from the articles in ../shared/seeds/: time-blocked prospecting, a Monday
call block, a target-account plan instead of waiting for marketing leads, and
discovery that creates value to lift the win rate.
"""

from __future__ import annotations

TACTICS: dict[str, tuple[str, ...]] = {
    "prospecting_minutes": (
        "Block the prospecting time every morning in the calendar, before email, "
        "and protect it like a customer meeting.",
        "Prepare tomorrow's call list the afternoon before, so the block starts with dialling, not research.",
    ),
    "calls": (
        "Run a Monday-morning call block: a fixed hour with a prepared list, phone only.",
        "Pair up for a weekly call session with a colleague; share openers that worked.",
    ),
    "connects": (
        "Try different call times (early morning, late afternoon) and track which hour connects best.",
        "Practise a short opener focused on the customer's problem, not the product.",
    ),
    "monday_call_share": (
        "Put a recurring Monday call block in the calendar for the first two hours of the week.",
        "Build Monday's call list on Friday afternoon, so Monday starts with the phone.",
    ),
    "first_meetings": (
        "Ask for the meeting in every connected call: offer two concrete times.",
        "Work the target-account list with a multi-touch sequence (call, email, LinkedIn) over two weeks.",
    ),
    "opportunities_created": (
        "Qualify every first meeting into a next step within two days, "
        "and log it as an opportunity when it is one.",
        "Review the target-account plan weekly: which three accounts get a new approach this week?",
    ),
    "opportunities_over_100k": (
        "Pick three target accounts with room for a larger deal and map their buying group.",
        "Bring a business case to discovery: quantify the customer's cost of doing nothing.",
    ),
    "pipeline_created": (
        "Review the target-account plan weekly: which three accounts get a new approach this week?",
        "Multi-thread existing opportunities: one more contact per deal opens expansions.",
    ),
    "self_sourced_share": (
        "Own a target-account plan: ten named accounts, each with a next outbound step, "
        "instead of waiting for marketing leads.",
        "Treat marketing leads as a bonus: keep the daily prospecting block whatever the inbound flow.",
    ),
    "target_account_coverage": (
        "Touch every target account at least once a month; schedule the touches in the calendar.",
        "Use a trigger event (news, hiring, funding) as the reason to reach out.",
    ),
    "open_deals_worked": (
        "Walk the open deals together once a week: each one leaves the meeting with a dated next step.",
        "Block a daily half hour for follow-ups on open deals, before new outreach.",
    ),
    "win_rate": (
        "Run discovery that creates value: uncover the customer's problem and its cost before presenting.",
        "Review one lost deal together: where could a different question have changed the outcome?",
    ),
    "wins": (
        "Agree a mutual close plan with the buyer on every late-stage deal.",
        "Walk the top three deals together: next step, decision maker, date.",
    ),
    "won_revenue": (
        "Walk the top three deals together: next step, decision maker, date.",
        "Check each late-stage deal for a confirmed budget and a signed-off business case.",
    ),
    "pipeline_coverage": (
        "Build pipeline for next quarter now: two new opportunities a week from the target-account plan.",
        "Clean the pipeline together: close out stalled deals so the coverage figure is real.",
    ),
}

QUESTIONS: dict[str, str] = {
    "prospecting_minutes": "What gets in the way of your prospecting time, and what would protect it?",
    "calls": "Which part of the week works best for calls for you?",
    "connects": "What have you noticed about when and how people pick up?",
    "monday_call_share": "How does your Monday usually start, and what would make a call block stick?",
    "first_meetings": "What happens between a good call and a booked first meeting?",
    "opportunities_created": "Which accounts are close to becoming opportunities, and what would move them?",
    "opportunities_over_100k": "Which accounts could support a larger deal, and who there owns the problem?",
    "pipeline_created": "Where do you see the next new pipeline coming from?",
    "self_sourced_share": "Which target accounts would you most like to open yourself this month?",
    "target_account_coverage": "Which target accounts have gone quiet, and why?",
    "open_deals_worked": "Which open deals have gone quiet, and what would be a useful next step on each?",
    "win_rate": "Looking at recent deals you lost, what did they have in common?",
    "wins": "Which deal is closest to a yes, and what does it need from us?",
    "won_revenue": "What would help your biggest open deal over the line?",
    "pipeline_coverage": "What would it take to build the pipeline next quarter needs?",
}

GENERAL_QUESTIONS: tuple[str, ...] = (
    "What went well this week that you want more of?",
    "Where could I help you most this week?",
)
LOGGING_QUESTION = (
    "The CRM shows much less logged activity in the last few weeks while your deals kept moving, so the "
    "activity numbers here may be missing some of your work: is anything making logging harder, "
    "and what would make it easier?"
)
"""Asked when a hygiene note says the activity data may be a logging gap, not a slump."""


def tactics_for(metric_name: str) -> tuple[str, ...]:
    """Strategies and tactics for a metric (empty if the library has none)."""
    return TACTICS.get(metric_name, ())


def question_for(metric_name: str) -> str | None:
    """An open question for the rep about a metric."""
    return QUESTIONS.get(metric_name)
