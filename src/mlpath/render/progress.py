"""`mlpath progress`: what the saved profile says about the way to a first ML job.

`progress_report` is pure (saved profile → figures); `progress_view` turns it into rich
renderables and is the only place here that imports rich.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from mlpath import model as m
from mlpath.profile import SavedProfile
from mlpath.render.format import bar
from mlpath.render.summary import step_hours

if TYPE_CHECKING:
    from rich.console import RenderableType


@dataclass(frozen=True)
class StepProgress:
    number: int
    name: str
    percent: int
    done: int
    needed: int


@dataclass(frozen=True)
class SkillChange:
    skill: str
    name: str
    before: int  # level at the first assessment
    now: int
    target: int
    date: dt.date | None  # of the last recorded change, when history has one
    via: str | None


@dataclass(frozen=True)
class ProgressReport:
    sector: str
    steps: tuple[StepProgress, ...]
    plan: m.Plan  # from the current levels, starting `start`
    first: m.Plan  # from the levels at the first assessment, same start
    done: int
    needed: int
    closed: tuple[SkillChange, ...]
    improved: tuple[SkillChange, ...]
    changes: int  # entries in the history

    @property
    def left(self) -> int:
        return self.needed - self.done

    @property
    def cert_hours(self) -> int:
        return self.plan.total_hours - self.left


def progress_report(cat: m.Catalog, saved: SavedProfile, start: dt.date) -> ProgressReport:
    from mlpath.engine import build_plan

    now = build_plan(cat, replace(saved.profile, start=start))
    first = build_plan(cat, replace(saved.profile, start=start, levels=dict(saved.baseline)))
    steps = []
    for r in now.readiness:
        step = cat.step(r.step)
        done, needed = step_hours(now, cat, r.step)
        steps.append(StepProgress(step.number, step.name, r.percent, done, needed))
    last = {c.skill: c for c in saved.history}
    closed: list[SkillChange] = []
    improved: list[SkillChange] = []
    for gap in now.gaps:
        before = saved.baseline.get(gap.skill, 0)
        if gap.current <= before or before >= gap.target:
            continue
        change = last.get(gap.skill)
        entry = SkillChange(gap.skill, cat.skill(gap.skill).name, before, gap.current,
                            gap.target, change.date if change else None,
                            change.via if change else None)
        (closed if gap.current >= gap.target else improved).append(entry)
    done, needed = step_hours(now, cat)
    sector = next(s for s in cat.sectors if s.id == saved.profile.sector)
    return ProgressReport(sector.name, tuple(steps), now, first, done, needed, tuple(closed),
                          tuple(improved), len(saved.history))


def _change(c: SkillChange) -> str:
    when = f" on {c.date.isoformat()} ({c.via})" if c.date else ""
    return f"{c.name} {c.before}→{c.now}" + ("" if c.now >= c.target else
                                             f" of {c.target}") + when


def progress_view(report: ProgressReport) -> RenderableType:
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    plan = report.plan
    parts: list[RenderableType] = [Text.assemble(
        ("Progress towards ML engineer in ", "bold"), (report.sector, "bold cyan"))]
    t = Table(box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    t.add_column("step", ratio=1)  # the one column that wraps on a narrow terminal
    t.add_column("progress", no_wrap=True)
    t.add_column("", justify="right", no_wrap=True)
    t.add_column("done / need", justify="right", no_wrap=True)
    for s in report.steps:
        style = "green" if s.percent >= 100 else "yellow" if s.percent >= 50 else "red"
        t.add_row(f"{s.number} {s.name}", Text(bar(s.percent, 20), style=style),
                  f"{s.percent}%", f"{s.done} / {s.needed} h")
    t.add_row(Text("overall readiness", style="bold"),
              Text(bar(plan.overall_readiness, 20), style="bold"),
              Text(f"{plan.overall_readiness}%", style="bold"),
              f"{report.done} / {report.needed} h", end_section=True)
    parts.append(t)
    cert = f" (+{report.cert_hours} h certification prep)" if report.cert_hours else ""
    parts.append(Text(f"Hours: {report.done} h done, {report.left} h of skills left{cert}."))
    if plan.weeks:
        parts.append(Text(f"New finish: {plan.finish.isoformat()} (~{plan.total_hours:,} h, "
                          f"{plan.total_weeks} weeks at {plan.profile.hours_per_week} h/week "
                          f"from {plan.profile.start.isoformat()}).", style="bold green"))
    else:
        parts.append(Text("Nothing left to study: every skill is at the level a first job "
                          "needs.", style="bold green"))
    saved_weeks = report.first.total_weeks - plan.total_weeks
    saved_hours = report.first.total_hours - plan.total_hours
    if report.changes or saved_hours:
        parts.append(Text(f"With your levels at the first assessment, the same start meant "
                          f"~{report.first.total_hours:,} h and {report.first.total_weeks} "
                          f"weeks (done by {report.first.finish.isoformat()}): "
                          f"{saved_hours:,} h and {saved_weeks} weeks less now.", style="dim"))
    if report.closed:
        parts.append(Text(f"\nClosed since your first assessment ({len(report.closed)}):",
                          style="bold"))
        parts += [Text(f"  ✓ {_change(c)}") for c in report.closed]
    if report.improved:
        parts.append(Text(f"\nImproved, not yet at the level a first job needs "
                          f"({len(report.improved)}):", style="bold"))
        parts += [Text(f"  ↑ {_change(c)}") for c in report.improved]
    if not report.closed and not report.improved:
        parts.append(Text("\nNothing closed since your first assessment yet."))
    parts.append(Text("\nRecord progress: mlpath progress set SKILL LEVEL · "
                      "mlpath progress sync PLAN.md (the ticked boxes of an exported plan). "
                      "New checklist: mlpath export --output PLAN.md --force", style="dim"))
    return Group(*parts)
