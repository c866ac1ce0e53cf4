"""The goal a plan aims at, as target skills and levels: role × sector × (posting).

The role lists its targets in the data; the sector deepens the ones it weights and adds
its strongest electives and its domain knowledge; a posting
replaces the role's targets by what it asks for; `--also` adds a skill or raises one.
Whatever the targets need first comes in as a prerequisite, one level lower per step
down the chain. Everything else is "later, once hired".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from mlpath.catalogue import model as m
from mlpath.planning.levels import JOB_READY
from mlpath.planning.model import JobTarget
from mlpath.planning.order import PROJECTS_STEP

DEMAND_WEIGHT = {"very-high": 1.5, "high": 1.25, "moderate": 1.0}
RAISE_WEIGHT, LOWER_WEIGHT = 1.5, 0.7  # sector emphasis that moves a target by one
ADD_WEIGHT = 1.7  # a general elective the sector weights this much joins the goal
SECTOR_ADDS = 1  # at most this many of them
SECTOR_DEEPENS = 2  # the sector deepens at most this many targets, its most weighted
ADDED_LEVEL = 2  # the level an elective the sector or the person adds is aimed at
# How much a reason moves a skill forward in the plan (our estimates).
FACTOR = {"posting-required": 1.5, "posting-nice": 0.6, "elective-asked": 1.6,
          "asked-raise": 1.6}


class Target(NamedTuple):
    level: int
    importance: float
    reasons: tuple[str, ...]  # codes, see docs/glossary.md
    weight: float = 1.0  # the sector's emphasis


def goal_targets(cat: m.Catalog, sector: m.Sector, role: str, also: Iterable[str] = (),
                 job: JobTarget | None = None, uses: Iterable[tuple[str, str]] = (),
                 drilled: Iterable[str] = ()) -> dict[str, Target]:
    """Skill id → its target, in catalogue order. `uses`: (skill, project id) for what the
    plan's projects practise: a skill the goal lacks joins it at basic level, since a
    project cannot practise what the plan never teaches; so does what the coding drills
    practise (`drilled`: DSA), which a posting may not name but its interviews test."""
    levels: dict[str, int] = {}
    codes: dict[str, list[str]] = {}
    shaped = job is not None or cat.role(role).sector_shapes

    def add(skill_id: str, level: int, code: str) -> None:
        if level > levels.get(skill_id, 0):
            levels[skill_id] = level
        codes.setdefault(skill_id, []).append(code)

    if job is not None:  # the posting replaces the role's targets
        for name, level in job.required.items():
            add(name, level, "posting-required")
        for name, level in job.nice.items():
            if name not in levels:
                add(name, level, "posting-nice")
    else:
        chosen = cat.role(role)
        for name, level in chosen.targets.items():
            add(name, level, "role")
        deepen = sorted((n for n in levels if levels[n] < JOB_READY
                         and sector.emphasis.get(n, 1.0) >= RAISE_WEIGHT),
                        key=lambda n: -sector.emphasis[n])[:SECTOR_DEEPENS]
        for name in list(levels) if chosen.sector_shapes else ():
            weight = sector.emphasis.get(name, 1.0)
            if name in deepen:
                levels[name] += 1
                codes[name].append("sector-deepens")
            elif weight <= LOWER_WEIGHT and levels[name] > 1:
                levels[name] -= 1
                codes[name].append("sector-weight")
        for name in sector_additions(cat, sector, levels, weighted=chosen.sector_shapes):
            add(name, ADDED_LEVEL, "elective-sector")
    for skill_id, project_id in uses:  # before --also, which then raises them
        if skill_id not in levels:
            add(skill_id, ADDED_LEVEL, f"project:{project_id}")
    for skill_id in drilled:
        if skill_id not in levels:
            add(skill_id, ADDED_LEVEL, "interviews")
    for asked in also:
        if asked in levels:
            levels[asked] = min(m.MAX_LEVEL, levels[asked] + 1)
            codes[asked].append("asked-raise")
        else:
            add(asked, ADDED_LEVEL, "elective-asked")
    _add_prerequisites(cat, levels, codes)
    out = {}
    for skill in cat.skills:
        if skill.id not in levels:
            continue
        weight = sector.emphasis.get(skill.id, 1.0)
        # a working-level target matters more than one aimed at awareness; a role the
        # sector does not reshape keeps its own priorities too
        ranked = weight if shaped else 1.0
        importance = (DEMAND_WEIGHT.get(skill.demand or "", 1.0) * ranked
                      * levels[skill.id] / JOB_READY)
        for code in codes[skill.id]:
            importance *= FACTOR.get(code, 1.0)
        reasons = tuple(codes[skill.id]) + (("sector-weight",) if weight != 1.0 and
                                            "sector-weight" not in codes[skill.id] else ())
        out[skill.id] = Target(levels[skill.id], round(importance, 2),
                               reasons + (("demand",) if skill.demand else ()), weight)
    return out


def sector_additions(cat: m.Catalog, sector: m.Sector, targets: Iterable[str],
                     weighted: bool = True) -> list[str]:
    """The electives a sector adds: its domain knowledge (an elective of the projects step
    no other sector lists: Kubernetes, listed by tech alone, is not domain knowledge) and
    (`weighted`) its most weighted ones (at least ADD_WEIGHT), SECTOR_ADDS at most."""
    have = set(targets)
    elsewhere = {e for s in cat.sectors if s.id != sector.id for e in s.electives}
    own = [e for e in sector.electives if e not in elsewhere and e not in have
           and cat.skill(e).step == PROJECTS_STEP]
    strongest = sorted((e for e in sector.electives if e not in have and e not in own
                       and sector.emphasis.get(e, 1.0) >= ADD_WEIGHT),
                      key=lambda e: -sector.emphasis.get(e, 1.0))
    return own + (strongest[:SECTOR_ADDS] if weighted else [])


def _add_prerequisites(cat: m.Catalog, levels: dict[str, int],
                       codes: dict[str, list[str]]) -> None:
    """Each prerequisite of a target at a lower level: aware (1) of what a basic or working
    target builds on, basic (2) for a proficient one; down the chain until nothing
    changes (the graph is acyclic and small)."""
    changed = True
    while changed:
        changed = False
        for skill_id, level in list(levels.items()):
            for pre in cat.skill(skill_id).prerequisites:
                need = max(level - 2, min(level - 1, 1))
                if need >= 1 and need > levels.get(pre, 0) and pre in cat.by_skill:
                    levels[pre] = need
                    code = f"prerequisite-of:{skill_id}"
                    if code not in codes.setdefault(pre, []):
                        codes[pre].append(code)
                    changed = True


def later_skills(cat: m.Catalog, sector: m.Sector, targets: Iterable[str]) -> tuple[str, ...]:
    """What is outside the goal: the technical skills a first job can pick up once hired
    (the core curriculum and the sector's electives not targeted)."""
    have = set(targets)
    return tuple(s.id for s in cat.skills if s.id not in have and s.kind == "technical"
                 and (s.track == "core" or s.id in sector.electives))
