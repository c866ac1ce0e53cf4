"""Figures derived from a plan that every format shows: week ranges, dates, hours."""

from __future__ import annotations

import datetime as dt

from mlpath.catalogue import model as m
from mlpath.planning.levels import hours_between
from mlpath.planning.model import Plan, StudyItem, Week


def step_ranges(plan: Plan) -> dict[str, tuple[int, int]]:
    """step id → (first week, last week) that holds study for it."""
    ranges: dict[str, tuple[int, int]] = {}
    for week in plan.weeks:
        for item in week.items:
            first, _ = ranges.get(item.step, (week.number, week.number))
            ranges[item.step] = (first, week.number)
    return ranges


def item_weeks(plan: Plan) -> list[tuple[StudyItem, int, int, int]]:
    """Each study item once, in plan order: (item, total hours, first week, last week)."""
    seen: dict[str, list[int]] = {}
    order: dict[str, StudyItem] = {}
    for week in plan.weeks:
        for item in week.items:
            entry = seen.setdefault(item.key, [0, week.number, week.number])
            entry[0] += item.hours
            entry[2] = week.number
            order.setdefault(item.key, item)
    return [(order[k], v[0], v[1], v[2]) for k, v in seen.items()]


def item_chunks(plan: Plan) -> dict[str, list[tuple[Week, StudyItem]]]:
    """Study item key → its weekly chunks, in week order (plan order of first appearance)."""
    chunks: dict[str, list[tuple[Week, StudyItem]]] = {}
    for week in plan.weeks:
        for item in week.items:
            chunks.setdefault(item.key, []).append((week, item))
    return chunks


def step_dates(plan: Plan) -> dict[str, tuple[dt.date, dt.date]]:
    """step id → (first day of its first week, last day of its last week)."""
    return {step: (plan.weeks[first - 1].start,
                   plan.weeks[last - 1].start + dt.timedelta(days=6))
            for step, (first, last) in step_ranges(plan).items()}


def step_hours(plan: Plan, cat: m.Catalog, step: str | None = None) -> tuple[int, int]:
    """(hours already behind you, hours a first job needs) for one step, or all of them.

    Needed = 0→target study hours of every skill; done = needed minus what is left.
    Certification prep is not counted: it is not a skill level.
    """
    chosen = [g for g in plan.gaps if step is None or g.step == step]
    needed = sum(hours_between(cat.skill(g.skill), 0, g.target) for g in chosen)
    return needed - sum(g.hours for g in chosen), needed


def months(plan: Plan) -> float:
    """The plan's length in months, as shown (one decimal)."""
    return round(plan.total_weeks * 7 / 30.44, 1)
