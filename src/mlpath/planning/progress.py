"""Where a saved profile stands: per step, overall, and what closed since the first assessment.

Pure: the saved profile and a start date in, figures out (`formats/progress_view.py`
shows them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from mlpath.catalogue import model as m
from mlpath.person.store import SavedProfile
from mlpath.planning.facts import step_hours
from mlpath.planning.model import JobTarget, Plan
from mlpath.planning.plan import build_plan


@dataclass(frozen=True, slots=True)
class StepProgress:
    number: int
    name: str
    percent: int
    done: int
    needed: int


@dataclass(frozen=True, slots=True)
class SkillChange:
    skill: str
    name: str
    before: int  # level at the first assessment
    now: int
    target: int
    date: dt.date | None  # of the last recorded change, when history has one
    via: str | None


@dataclass(frozen=True, slots=True)
class ProgressReport:
    sector: str
    steps: tuple[StepProgress, ...]
    plan: Plan  # from the current levels, starting `start`
    first: Plan  # from the levels at the first assessment, same start
    done: int
    needed: int
    closed: tuple[SkillChange, ...]
    improved: tuple[SkillChange, ...]
    changes: int  # entries in the history

    @property
    def left(self) -> int:
        return self.needed - self.done

    @property
    def studied(self) -> int:
        """Skill hours closed since the first assessment (same goal, same targets)."""
        first = {g.skill: g.hours for g in self.first.gaps}
        return sum(first[g.skill] - g.hours for g in self.plan.gaps
                   if g.skill in first and first[g.skill] > g.hours)

    @property
    def reshaped(self) -> int:
        """How much the rest of the plan (projects, interview prep, weeks) moved besides
        the study itself: positive when it shrank too."""
        return (self.first.total_hours - self.plan.total_hours) - self.studied

    @property
    def other_hours(self) -> int:
        """Planned hours that are not skill study: projects, review weeks, job search,
        certification prep."""
        return self.plan.total_hours - self.left


def progress_report(cat: m.Catalog, saved: SavedProfile, start: dt.date,
                    job: JobTarget | None = None) -> ProgressReport:
    """`job`: the posting the saved profile plans for, if any."""
    now = build_plan(cat, replace(saved.profile, start=start), job)
    first = build_plan(cat, replace(saved.profile, start=start, levels=dict(saved.baseline)),
                       job)
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
        if gap.assumed_from is not None or gap.current <= before or before >= gap.target:
            continue  # an assumed level is not a change the person recorded
        change = last.get(gap.skill)
        entry = SkillChange(gap.skill, cat.skill(gap.skill).name, before, gap.current,
                            gap.target, change.date if change else None,
                            change.via if change else None)
        (closed if gap.current >= gap.target else improved).append(entry)
    done, needed = step_hours(now, cat)
    sector = cat.sector(saved.profile.sector)
    return ProgressReport(sector.name, tuple(steps), now, first, done, needed, tuple(closed),
                          tuple(improved), len(saved.history))
