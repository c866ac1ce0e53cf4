"""Where a person stands on each target of their goal: current level, target, hours, why.

Levels the person did not state are inferred where one skill really implies another
and soft skills are taken as held after a few years of work (`levels.current_levels`).
"""

from __future__ import annotations

from mlpath.catalogue import model as m
from mlpath.person.profile import Profile
from mlpath.planning.goal import goal_targets
from mlpath.planning.levels import current_levels, hours_between
from mlpath.planning.model import Gap, JobTarget, StepReadiness


def analyse(cat: m.Catalog, sector: m.Sector, profile: Profile,
            job: JobTarget | None = None, uses: tuple[tuple[str, str], ...] = (),
            drilled: tuple[str, ...] = ()) -> tuple[Gap, ...]:
    """A Gap for every target of the goal (and what its projects use), in catalogue order."""
    have = current_levels(cat, profile.levels, profile.years_experience)
    gaps = []
    for skill_id, target in goal_targets(cat, sector, profile.role, profile.also,
                                         job, uses, drilled).items():
        skill = cat.skill(skill_id)
        current, source = have[skill_id]
        gaps.append(Gap(
            skill=skill_id, step=skill.step, current=current, target=target.level,
            importance=target.importance, hours=hours_between(skill, current, target.level),
            weight=target.weight, assumed_from=source, reasons=target.reasons,
        ))
    return tuple(gaps)


def readiness(cat: m.Catalog, gaps: tuple[Gap, ...]) -> tuple[tuple[StepReadiness, ...], int]:
    """Per step and overall: the share of the goal's study hours already behind you."""

    def percent(chosen: list[Gap]) -> int:
        need = sum(hours_between(cat.skill(g.skill), 0, g.target) for g in chosen)
        left = sum(g.hours for g in chosen)
        return 100 if need == 0 else round(100 * (need - left) / need)

    steps = tuple(StepReadiness(step.id, percent([g for g in gaps if g.step == step.id]))
                  for step in cat.steps if any(g.step == step.id for g in gaps))
    return steps, percent(list(gaps))
