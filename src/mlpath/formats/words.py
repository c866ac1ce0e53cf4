"""The words people read, shared by every format (no rich here).

The planner returns ids and numbers; the sentences built from them live here, so the
terminal, Markdown and JSON plans say the same thing the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from mlpath.catalogue import model as m

if TYPE_CHECKING:  # the catalogue commands use these words without loading the planner
    from mlpath.planning.model import Gap, Plan, SalaryFigure, StudyItem

_SYMBOLS = {"USD": "$", "GBP": "£", "CAD": "CA$", "AUD": "A$", "INR": "₹"}


def money(value: float, currency: str, unit: str = "year") -> str:
    if unit == "lpa":
        return f"₹{value:g} LPA"
    return f"{_SYMBOLS.get(currency, currency + ' ')}{value:,.0f}"


def money_range(low: float, high: float, currency: str, unit: str = "year",
                open_ended: bool = False) -> str:
    if unit == "lpa":
        return f"₹{low:g}–{high:g}{'+' if open_ended else ''} LPA"
    if low == high:
        return f"{money(low, currency)}{'+' if open_ended else ''}"
    return f"{money(low, currency)}–{money(high, currency)}{'+' if open_ended else ''}"


def demand(value: str | None) -> str:
    return value.replace("-", " ") if value else "—"


def source_label(source: str | None) -> str:
    return "our estimate" if source == m.ESTIMATE else (source or "—")


def bar(percent: float, width: int = 20) -> str:
    filled = round(max(0.0, min(100.0, percent)) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def hours(value: float) -> str:
    return f"{value:,.0f} h" if value >= 10 or value == int(value) else f"{value:.1f} h"


# --- the words of a plan, from its ids and numbers ------------------------------


def gap_reason(cat: m.Catalog, sector: m.Sector, gap: Gap, role: str | None = None) -> str:
    """Why a skill is in the plan, from the planner's reason codes: how it got into the
    goal (the role, the sector, the posting, you, a prerequisite), the sector's reason or
    weight, and its demand."""
    skill = cat.skill(gap.skill)
    parts = []
    for code in gap.reasons:
        if code == "role":
            name = next((r.name for r in cat.roles if r.id == role), "the role")
            parts.append(f"{name} target")
        elif code == "sector-deepens":
            parts.append(f"deeper for {sector.name}")
        elif code == "elective-sector":
            parts.append(f"an elective {sector.name} asks for")
        elif code == "elective-asked":
            parts.append("you asked for it (--also)")
        elif code == "asked-raise":
            parts.append("one level higher and earlier: you asked for it (--also)")
        elif code == "posting-required":
            parts.append(f"the job posting requires it at level {gap.target}")
        elif code == "posting-nice":
            parts.append(f"a nice-to-have in the job posting (level {gap.target})")
        elif code.startswith("prerequisite-of:"):
            parts.append(f"needed first for {cat.skill(code.split(':', 1)[1]).name}")
        elif code == "interviews":
            parts.append("coding interviews test it")
        elif code.startswith("project:"):
            parts.append(f"your project “{cat.project(code.split(':', 1)[1]).title}” uses it")
    if "sector-weight" in gap.reasons:
        if gap.skill in sector.why:
            parts.append(sector.why[gap.skill])
        elif gap.weight > 1.0:
            parts.append(f"{sector.name} weights it")
        else:
            parts.append(f"less central in {sector.name}")
    if "demand" in gap.reasons and skill.demand:
        parts.append(f"demand {skill.demand.replace('-', ' ')}")
    assumed = assumed_text(cat, gap)
    if assumed:
        parts.append(f"level {gap.current} {assumed}")
    return "; ".join(parts)


def assumed_text(cat: m.Catalog, gap: Gap) -> str | None:
    """e.g. 'assumed from PyTorch' for a level inferred from a stated one."""
    if gap.assumed_from is None:
        return None
    if gap.assumed_from not in cat.by_skill:  # planning.gaps.FROM_EXPERIENCE
        return "assumed from your years of work (rate it to change it)"
    return f"assumed from {cat.skill(gap.assumed_from).name} (state it to change it)"


def later_line(cat: m.Catalog, plan: Plan) -> str | None:
    """The skills outside the goal, in one line."""
    if not plan.later:
        return None
    names = ", ".join(cat.skill(s).name for s in plan.later)
    return f"Later, once hired (outside this goal, not scheduled): {names}."


def goal_line(cat: m.Catalog, plan: Plan) -> str:
    """e.g. 'Goal: ML engineer in Finance & FinTech', or the posting's title."""
    sector = cat.sector(plan.sector).name
    if plan.job is not None:
        return f"Goal: the job “{plan.job.title}” ({sector})"
    role = next((r.name for r in cat.roles if r.id == plan.profile.role), plan.profile.role)
    return f"Goal: {role} in {sector}"


def apply_line(plan: Plan) -> str | None:
    """When to start applying: now, or from week N."""
    if plan.apply_now:
        return (f"Apply now: you hold {plan.overall_readiness}% of what this goal needs. "
                "Applications start in week 1; the top-up below runs alongside them.")
    if plan.apply_week is not None:
        return (f"Start applying in week {plan.apply_week} and keep at it for at least "
                "12 weeks, alongside the last of the study.")
    return None


def item_done_when(cat: m.Catalog, item: StudyItem) -> str | None:
    """What finishing an item looks like, for projects, job-readiness tasks and exams."""
    key = item.key.split(":", 1)[-1]
    if item.key.startswith("task:"):
        return next((t.done_when for t in cat.job_search if t.id == key), None)
    if item.key.startswith("project:"):
        return cat.project(key).done_when if key in cat.by_project else None
    if item.key.startswith("cert:"):
        return f"Optional: {cat.certification(key).name} passed, or booked."
    return None


def item_resources(cat: m.Catalog, item: StudyItem) -> list[m.Resource]:
    """What to use for a week's item: a skill's topic resources, a task's own, an exam's
    official page."""
    key = item.key.split(":", 1)[-1]
    if item.kind == "skill":
        return topic_resources(cat, item)
    if item.key.startswith("task:"):
        return [r for t in cat.job_search if t.id == key for r in t.resources]
    if item.key.startswith("cert:"):
        cert = cat.certification(key)
        return [m.Resource(cert.id, f"{cert.name}: official exam page", cert.url, "docs",
                           False)]
    return []


def milestone_text(cat: m.Catalog, step_id: str) -> str:
    """The week the plan's study of a step ends: only its part of the step (a plan may
    study a little of it), so the step's goal is not claimed."""
    step = cat.step(step_id)
    return f"Step {step.number} · {step.name}: this plan's part done"


def exam_scheduled(plan: Plan, cert_id: str) -> bool:
    """Whether the exam's prep fits the hours the job search leaves free (it never
    moves the finish, so it may not)."""
    return any(i.key == f"cert:{cert_id}" for w in plan.weeks for i in w.items)


KIND_LABELS = {"project": "Project", "review": "Review week", "interview": "Interview prep",
               "job-search": "Job search", "certification": "Prepare"}


def item_title(item: StudyItem) -> str:
    """A week's item as a plan shows it: anything but a skill says what kind it is."""
    if item.kind == "review":
        return "Review week: catch up, redo the hardest exercises, revise"
    if item.key.startswith("cert:"):
        return f"Prepare: {item.title}"
    label = KIND_LABELS.get(item.kind)
    return f"{label}: {item.title}" if label else item.title


def topic_text(cat: m.Catalog, item: StudyItem) -> str | None:
    """The topics a week of a skill covers, e.g. 'Tensors; Autograd', or 'deepen: …'."""
    if item.kind != "skill":
        return None
    skill = cat.skill(item.key)
    names = "; ".join(skill.topics[i].name for i in item.topics)
    if item.deepen:
        return f"{names}; then deepen: harder problems, teach it" if names else (
            "deepen: harder problems, a project of your own, teach it")
    return names or None


def topic_resources(cat: m.Catalog, item: StudyItem) -> list[m.Resource]:
    """The resources that teach a week's topics (the skill's first one when none named)."""
    if item.kind != "skill":
        return []
    skill = cat.skill(item.key)
    by_id = {r.id: r for r in skill.resources}
    out: list[m.Resource] = []
    for i in item.topics:
        found = by_id.get(skill.topics[i].resource)
        if found is not None and found not in out:
            out.append(found)
    return out or list(skill.resources[:1])


def resource_title(r: m.Resource) -> str:
    """A resource's title, with its year when the data gives one (older material)."""
    return f"{r.title} ({r.year})" if r.year else r.title


# Said wherever salaries are shown: the figures are few and come from articles.
SALARY_NOTE = ("Salary figures come from a handful of articles, labelled as each article "
               "labels them; they are not a salary survey.")


def salary_label(figure: SalaryFigure) -> str:
    """What a figure is, in its source's words (the data's `label`)."""
    if figure.kind == "projection":
        return f"after {figure.label} (projection: entry × {figure.factor:g})"
    if figure.label:
        return figure.label
    return {"region": "average salary", "overall": "full-time salaries"}.get(figure.kind, "")


def summary_line(plan: Plan) -> str:
    """e.g. '~1,150 h · 77 weeks at 15 h/week · done by 2028-06-12'."""
    return (f"~{plan.total_hours:,} h · {plan.total_weeks} weeks at "
            f"{plan.profile.hours_per_week} h/week · done by {plan.finish.isoformat()}")


def job_line(plan: Plan) -> str | None:
    """e.g. 'For the job “ML Engineer, Fraud” (fraud.md; senior, 5+ years): its 14 required
    skills and 1 nice-to-have are in the plan.' None without a posting."""
    job = plan.job
    if job is None:
        return None
    asks = ", ".join(x for x in (job.seniority, f"{job.years}+ years" if job.years else "",
                                 job.location or "", f"pays {job.salary}" if job.salary else "")
                     if x)
    nice = len(job.nice)
    return (f"For the job “{job.title}” ({job.file}{'; ' + asks if asks else ''}): its "
            f"{plural(len(job.required), 'required skill')} and "
            f"{plural(nice, 'nice-to-have')} are in the plan.")


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def benchmark_line(plan: Plan, cat: m.Catalog) -> str | None:
    """How the plan compares with the sources' time to job-ready (e.g. 12–24 months)."""
    from mlpath.planning.facts import months  # the plan's model: not for catalogue views

    fact = next((f for f in cat.facts if f.benchmark and f.value), None)
    if fact is None or plan.benchmark_months is None:
        return None
    low, high = plan.benchmark_months
    shown = months(plan)  # judge by the figure shown
    verdict = ("faster than" if shown < low else "slower than" if shown > high
               else "within")
    return (f"{shown:.1f} months: {verdict} the {low:g}–{high:g} months most newcomers need "
            f"to be job-ready ({source_label(fact.source)}).")


def doubts(plan: Plan, today: dt.date) -> list[str]:
    """Warnings about inputs that are allowed but probably not meant (shown on stderr)."""
    notes = []
    start = plan.profile.start
    if (today - start).days > 31:
        notes.append(f"Note: week 1 starts on {start.isoformat()}, in the past; every date in "
                     "the plan is too. Leave --start out to begin today.")
    elif (start - today).days > 730:
        notes.append(f"Note: week 1 starts on {start.isoformat()}, over two years from now.")
    years = plan.total_weeks / 52
    if years > 3:
        notes.append(f"Note: at {plan.profile.hours_per_week} h/week this plan takes "
                     f"{plan.total_weeks} weeks (about {years:.0f} years); most people who "
                     "make it study 10-15 h/week.")
    job, have = plan.job, plan.profile.years_experience
    if job and job.years and have < job.years:
        notes.append(f"Note: the posting asks for {job.years}+ years of experience and you "
                     f"have {have} (--years-experience). The plan closes its skill gaps; "
                     "employers also filter on years, so apply to junior postings meanwhile "
                     "('mlpath match' ranks them).")
    return notes
