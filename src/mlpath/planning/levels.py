"""Skill levels and the hours between them: what gaps, the matcher and the planner share.

No dataclasses here, so `mlpath match` can use it without loading the planner's model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlpath.catalogue import model as m

# Share of the 0→3 study hours needed to reach each level; level 4 costs extra.
LEVEL_SHARE = {0: 0.0, 1: 0.15, 2: 0.4, 3: 1.0, 4: 1.6}
JOB_READY = 3  # "working": uses it on a project unaided
INFER_FROM = JOB_READY  # a stated level from which the skills it implies are assumed


def hours_between(skill: m.Skill, current: int, target: int) -> int:
    """Study hours from `current` to `target`; never negative, at least 1 for a real gap."""
    if current >= target:
        return 0
    share = LEVEL_SHARE[target] - LEVEL_SHARE[current]
    return max(1, round(skill.hours * share))


def ancestors(cat: m.Catalog, skill_id: str) -> list[str]:
    """Every transitive prerequisite of a skill, nearest first, each once (catalogue ids)."""
    out: list[str] = []
    queue = list(cat.skill(skill_id).prerequisites)
    while queue:
        name = queue.pop(0)
        if name in out or name == skill_id or name not in cat.by_skill:
            continue
        out.append(name)
        queue.extend(cat.skill(name).prerequisites)
    return out


def inferred_levels(cat: m.Catalog, stated: Mapping[str, int],
                    ) -> dict[str, tuple[int, str]]:
    """Skill → (assumed level, the stated skill it follows from), for unstated skills.

    Only the catalogue's `implies` relation counts (working knowledge of pandas implies
    Python): a prerequisite is the order we teach in, not proof that someone knows it."""
    out: dict[str, tuple[int, str]] = {}
    for skill in cat.skills:  # catalogue order: the first source of the highest level wins
        level = stated.get(skill.id, 0)
        if level < INFER_FROM:
            continue
        for implied in cat.implies.get(skill.id, ()):
            if implied not in stated and level - 1 > out.get(implied, (0, ""))[0]:
                out[implied] = (level - 1, skill.id)
    return out


EXPERIENCED_YEARS = 2  # years of work after which soft skills are not study items
RATED_LOW = 1  # a stated soft-skill level at or under this is studied anyway
FROM_EXPERIENCE = "years-experience"  # the source of soft skills held from work


def current_levels(cat: m.Catalog, stated: Mapping[str, int], years: int = 0,
                   ) -> dict[str, tuple[int, str | None]]:
    """Skill → (level, what it was assumed from, or None when stated), for every skill.

    Inferred where one skill really implies another; soft skills taken as working (3)
    after EXPERIENCED_YEARS of work unless the person rated one low. A stated level wins."""
    assumed = inferred_levels(cat, stated)
    worked = years >= EXPERIENCED_YEARS
    out: dict[str, tuple[int, str | None]] = {}
    for skill in cat.skills:
        soft = skill.kind == "soft" and worked
        if skill.id in stated:
            level = stated[skill.id]
            held = soft and RATED_LOW < level < JOB_READY
            out[skill.id] = (JOB_READY, FROM_EXPERIENCE) if held else (level, None)
        elif skill.id in assumed:
            out[skill.id] = assumed[skill.id]
        else:
            out[skill.id] = (JOB_READY, FROM_EXPERIENCE) if soft else (0, None)
    return out
