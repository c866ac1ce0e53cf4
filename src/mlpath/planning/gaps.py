"""Where a person stands: which skills the plan holds, their target, current level and why.

The plan holds every core skill, the electives the sector or the person asks for, and
whatever those need first. Levels the person did not state are inferred from the ones
they did: a stated level L ≥ 2 implies each prerequisite (transitively) at least
min(L - 1, 3). Stating a level overrides the inference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mlpath.catalogue import model as m
from mlpath.person.profile import Profile
from mlpath.planning.levels import JOB_READY, ancestors, hours_between, inferred_levels
from mlpath.planning.model import Gap, JobTarget, StepReadiness

DEMAND_TARGET = {"very-high": 3, "high": 3, "moderate": 2}
DEMAND_WEIGHT = {"very-high": 1.5, "high": 1.25, "moderate": 1.0}
RAISE_WEIGHT, LOWER_WEIGHT = 1.5, 0.7  # sector emphasis that moves a target by one


def target_level(skill: m.Skill, weight: float) -> int:
    """The level a first ML job in the sector asks for (our estimate, from demand × emphasis)."""
    base = DEMAND_TARGET.get(skill.demand or "", 2)
    if weight >= RAISE_WEIGHT:
        base += 1
    elif weight <= LOWER_WEIGHT:
        base -= 1
    return max(1, min(JOB_READY, base))


def chosen_skills(cat: m.Catalog, sector: m.Sector, also: Iterable[str] = (),
                  job: JobTarget | None = None) -> dict[str, tuple[str, ...]]:
    """Skill id → why it is in the plan (membership codes), in catalogue order."""
    asked = set(also)
    required, nice = (job.required, job.nice) if job else ({}, {})
    why: dict[str, list[str]] = {}
    for skill in cat.skills:
        codes = []
        if skill.track == "core":
            codes.append("core")
        if skill.track != "core" and skill.id in sector.electives:
            codes.append("elective-sector")
        if skill.track != "core" and skill.id in asked:
            codes.append("elective-asked")
        if skill.id in required:
            codes.append("posting-required")
        elif skill.id in nice:
            codes.append("posting-nice")
        if codes:
            why[skill.id] = codes
    for skill_id in [s for s in why if "core" not in why[s]]:
        for pre in ancestors(cat, skill_id):
            codes = why.setdefault(pre, [])
            code = f"prerequisite-of:{skill_id}"
            if (not codes or codes[0].startswith("prerequisite-of:")) and code not in codes:
                codes.append(code)
    return {s.id: tuple(why[s.id]) for s in cat.skills if s.id in why}


def analyse(cat: m.Catalog, sector: m.Sector, levels: Mapping[str, int] | Profile,
            job: JobTarget | None = None) -> tuple[Gap, ...]:
    """A Gap for every skill the plan holds, in catalogue order. `job`: a posting whose
    skills come in, its levels raising the targets they are above."""
    asks = {**job.nice, **job.required} if job else {}
    if isinstance(levels, Profile):
        profile, stated = levels, dict(levels.levels)
    else:
        profile, stated = None, dict(levels)
    assumed = inferred_levels(cat, stated)
    gaps = []
    also = profile.also if profile else ()
    for skill_id, member in chosen_skills(cat, sector, also, job).items():
        skill = cat.skill(skill_id)
        weight = sector.emphasis.get(skill.id, 1.0)
        target = target_level(skill, weight)
        if skill.id in asks and not {"core", "elective-sector", "elective-asked"} & set(member):
            target = asks[skill.id]  # only the posting wants it: to the level it asks for
        elif asks.get(skill.id, 0) > target:
            target, member = asks[skill.id], (*member, "posting-level")
        have, source = stated.get(skill.id, 0), None
        if skill.id not in stated and skill.id in assumed:
            have, source = assumed[skill.id]
        reasons = member + (("sector-weight",) if weight != 1.0 else ()) + (
            ("demand",) if skill.demand else ())
        gaps.append(Gap(
            skill=skill.id, step=skill.step, current=have, target=target,
            importance=round(DEMAND_WEIGHT.get(skill.demand or "", 1.0) * weight, 2),
            hours=hours_between(skill, have, target), weight=weight,
            assumed_from=source, reasons=reasons,
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
