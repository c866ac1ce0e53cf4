"""One-line facts about a plan, shared by the terminal and Markdown renderers."""

from __future__ import annotations

from mlpath import model as m


def summary_line(plan: m.Plan) -> str:
    """e.g. '~1,150 h · 77 weeks at 15 h/week · done by 2028-06-12'."""
    return (f"~{plan.total_hours:,} h · {plan.total_weeks} weeks at "
            f"{plan.profile.hours_per_week} h/week · done by {plan.finish.isoformat()}")


def benchmark_line(plan: m.Plan) -> str | None:
    """How the plan compares with the sources' 12–24 months to job-ready."""
    if plan.benchmark_months is None:
        return None
    low, high = plan.benchmark_months
    months = plan.total_weeks * 7 / 30.44
    verdict = ("faster than" if months < low else "slower than" if months > high
               else "within")
    return (f"{months:.1f} months: {verdict} the {low:g}–{high:g} months most newcomers need "
            f"to be job-ready (mle-jobs-2026).")


def step_ranges(plan: m.Plan) -> dict[str, tuple[int, int]]:
    """step id → (first week, last week) that holds study for it."""
    ranges: dict[str, tuple[int, int]] = {}
    for week in plan.weeks:
        for item in week.items:
            first, _ = ranges.get(item.step, (week.number, week.number))
            ranges[item.step] = (first, week.number)
    return ranges


def item_weeks(plan: m.Plan) -> list[tuple[m.StudyItem, int, int, int]]:
    """Each study item once, in plan order: (item, total hours, first week, last week)."""
    seen: dict[str, list[int]] = {}
    order: dict[str, m.StudyItem] = {}
    for week in plan.weeks:
        for item in week.items:
            entry = seen.setdefault(item.key, [0, week.number, week.number])
            entry[0] += item.hours
            entry[2] = week.number
            order.setdefault(item.key, item)
    return [(order[k], v[0], v[1], v[2]) for k, v in seen.items()]
