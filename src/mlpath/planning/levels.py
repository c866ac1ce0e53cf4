"""Skill levels and the hours between them: what gaps, the matcher and the planner share.

No dataclasses here, so `mlpath match` can use it without loading the planner's model.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mlpath.catalogue import model as m

# Share of the 0→3 study hours needed to reach each level; level 4 costs extra.
LEVEL_SHARE = {0: 0.0, 1: 0.15, 2: 0.5, 3: 1.0, 4: 1.6}
JOB_READY = 3  # "working": uses it on a project unaided
INFER_FROM = 2  # a stated level from which prerequisites are assumed


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
    """Skill → (assumed level, the stated skill it follows from), for unstated skills."""
    out: dict[str, tuple[int, str]] = {}
    for skill in cat.skills:  # catalogue order: the first source of the highest level wins
        level = stated.get(skill.id, 0)
        if level < INFER_FROM:
            continue
        implied = min(level - 1, JOB_READY)
        for pre in ancestors(cat, skill.id):
            if pre not in stated and implied > out.get(pre, (0, ""))[0]:
                out[pre] = (implied, skill.id)
    return out
