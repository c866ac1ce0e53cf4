"""Plan → an iCalendar file (RFC 5545) to import into any calendar, built with `icalendar`.

One all-day event per study week (its items, topics and resources), one per milestone,
one for the start of applications, and a weekly study block at the person's hours.
Every UID is derived from the plan's goal and the event's place in it (never from the
clock), so importing a re-exported plan updates the same events instead of adding copies.
"""

from __future__ import annotations

import datetime as dt
import math

from icalendar import Calendar, Event

from mlpath.catalogue import model as m
from mlpath.formats.plan_words import for_goal, role_name
from mlpath.formats.words import (
    item_title,
    milestone_text,
    topic_resources,
    topic_text,
)
from mlpath.planning.model import Plan, Week

PRODID = "-//mlpath//study plan//EN"
SESSION_HOURS = 3  # the study block is split into evenings of about this many hours
SESSION_START = dt.time(18, 0)  # floating local time: the calendar's own time zone


def uid(plan: Plan, what: str) -> str:
    """A stable id for one event of this plan's goal, e.g. 'week-3.finance@mlpath'."""
    goal = plan.sector if plan.job is None else f"{plan.sector}.{_slug(plan.job.title)}"
    return f"{what}.{goal}@mlpath"


def render(plan: Plan, cat: m.Catalog) -> str:
    plan = for_goal(cat, plan)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    role = role_name(cat, plan)
    cal.add("x-wr-calname", f"{role} plan: {cat.sector(plan.sector).name}")
    stamp = dt.datetime.combine(plan.profile.start, dt.time(), dt.timezone.utc)
    events = [_week(plan, cat, week) for week in plan.weeks]
    events += [_day(uid(plan, f"milestone-{ms.step}"), ms.date,
                    f"Milestone: {milestone_text(cat, ms.step)}",
                    f"Week {ms.week} of your plan.") for ms in plan.milestones]
    # the week applications start, not the first job-search task (a CV comes months earlier)
    applying = plan.weeks[plan.apply_week - 1] if plan.apply_week else None
    if applying is not None:
        events.append(_day(uid(plan, "applications"), applying.start,
                           f"Start applying for {role} jobs",
                           f"Week {applying.number}: from here, apply every week until "
                           "you have an offer."))
    if plan.weeks:
        events.append(_block(plan))
    for event in events:
        event.add("dtstamp", stamp)
        cal.add_component(event)
    text: str = cal.to_ical().decode("utf-8")
    return text


def _week(plan: Plan, cat: m.Catalog, week: Week) -> Event:
    lines = [f"{week.hours} h this week."]
    titles = []
    for item in week.items:
        titles.append(item_title(item))
        lines.append(f"- {item_title(item)} ({item.hours} h)")
        topic = topic_text(cat, item)
        if topic:
            lines.append(f"  Topics: {topic}")
        lines += [f"  Use: {r.title} {r.url}" for r in topic_resources(cat, item)]
    return _day(uid(plan, f"week-{week.number}"), week.start,
                f"Week {week.number}: " + "; ".join(titles), "\n".join(lines), days=7)


def _day(ident: str, day: dt.date, summary: str, description: str, days: int = 1) -> Event:
    event = Event()
    event.add("uid", ident)
    event.add("summary", summary)
    event.add("description", description)
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=days))
    event.add("transp", "TRANSPARENT")  # an all-day reminder, not a busy day
    return event


_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _block(plan: Plan) -> Event:
    """The week's study hours as evenings from the start's weekday on, repeating every week
    of the plan; moving one occurrence or the series is the person's choice in the calendar."""
    hours = plan.profile.hours_per_week
    sessions = min(7, max(1, math.ceil(hours / SESSION_HOURS)))
    minutes = round(hours * 60 / sessions / 15) * 15  # to the quarter hour
    first = plan.profile.start.weekday()
    event = Event()
    event.add("uid", uid(plan, "study-block"))
    event.add("summary", "Study (mlpath plan)")
    event.add("description", f"{hours} h a week in {sessions} sessions; the week's topics "
                             "are in its all-day event.")
    event.add("dtstart", dt.datetime.combine(plan.profile.start, SESSION_START))
    event.add("duration", dt.timedelta(minutes=minutes))
    event.add("rrule", {"freq": "weekly", "count": plan.total_weeks * sessions,
                        "byday": [_DAYS[(first + i) % 7] for i in range(sessions)],
                        "wkst": _DAYS[first]})
    return event


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())[:40]
