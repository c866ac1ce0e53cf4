"""Where a person stands: target level, gap, priority and reason for every skill."""

from __future__ import annotations

from collections.abc import Mapping

from mlpath.catalogue import model as m
from mlpath.person.profile import Profile
from mlpath.planning.model import Gap, StepReadiness

# Share of the 0→3 study hours needed to reach each level; level 4 costs extra.
LEVEL_SHARE = {0: 0.0, 1: 0.15, 2: 0.5, 3: 1.0, 4: 1.6}
DEMAND_TARGET = {"very-high": 3, "high": 3, "moderate": 2}
DEMAND_WEIGHT = {"very-high": 1.5, "high": 1.25, "moderate": 1.0}
JOB_READY = 3  # "working": uses it on a project unaided


def target_level(skill: m.Skill, weight: float) -> int:
    """The level a first ML job in the sector asks for (our estimate, from demand × emphasis)."""
    base = DEMAND_TARGET.get(skill.demand or "", 2)
    if weight >= 1.5:
        base += 1
    elif weight <= 0.7:
        base -= 1
    return max(1, min(JOB_READY, base))


def hours_between(skill: m.Skill, current: int, target: int) -> int:
    """Study hours from `current` to `target`; never negative, at least 1 for a real gap."""
    if current >= target:
        return 0
    share = LEVEL_SHARE[target] - LEVEL_SHARE[current]
    return max(1, round(skill.hours * share))


def analyse(cat: m.Catalog, sector: m.Sector, levels: Mapping[str, int] | Profile,
            ) -> tuple[Gap, ...]:
    current = dict(levels.levels if isinstance(levels, Profile) else levels)
    gaps = []
    for skill in cat.skills:
        weight = sector.emphasis.get(skill.id, 1.0)
        target = target_level(skill, weight)
        have = current.get(skill.id, 0)
        gaps.append(Gap(
            skill=skill.id, step=skill.step, current=have, target=target,
            importance=round(DEMAND_WEIGHT.get(skill.demand or "", 1.0) * weight, 2),
            hours=hours_between(skill, have, target),
        ))
    return tuple(gaps)


def readiness(cat: m.Catalog, gaps: tuple[Gap, ...]) -> tuple[tuple[StepReadiness, ...], int]:
    """Per step and overall: the share of the needed study hours already behind you."""
    by_skill = {s.id: s for s in cat.skills}

    def percent(chosen: list[Gap]) -> int:
        need = sum(hours_between(by_skill[g.skill], 0, g.target) for g in chosen)
        left = sum(g.hours for g in chosen)
        return 100 if need == 0 else round(100 * (need - left) / need)

    steps = tuple(StepReadiness(step.id, percent([g for g in gaps if g.step == step.id]))
                  for step in cat.steps if any(g.step == step.id for g in gaps))
    return steps, percent(list(gaps))
