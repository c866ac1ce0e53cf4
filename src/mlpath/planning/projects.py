"""Portfolio projects as scheduled work: which ones, how long, and where in the plan.

Every plan gets at least one project tagged deployment, one tagged genai and one of the
sector's own; newcomers get more projects and a factor for how much longer a first
project takes than its estimate (both our estimates). The picks for n projects are the
first n of one ranking that does not depend on the person's levels, so knowing more
never adds project hours.
"""

from __future__ import annotations

from collections.abc import Sequence

from mlpath.catalogue import model as m
from mlpath.planning.model import Gap, ScheduledProject, StudyItem

REQUIRED_TAGS = ("deployment", "genai")
# (readiness below this %, projects, hours factor): a newcomer builds more, slower.
COUNTS = ((12, 5, 2.0), (20, 4, 1.5), (22, 3, 1.0), (101, 2, 1.0))
NEWCOMER_BELOW = 20  # overall readiness (%) under which a person is a newcomer


def count_and_factor(readiness: int) -> tuple[int, float]:
    return next((n, f) for below, n, f in COUNTS if readiness < below)


def ranking(cat: m.Catalog, sector: m.Sector, gaps: Sequence[Gap],
            ) -> tuple[list[tuple[m.Project, bool]], int]:
    """(project, is the sector's own) in the order they are picked, and how many of the
    first ones it takes to cover a sector project and every required tag."""
    weight = {g.skill: g.importance * g.target for g in gaps}
    pool = [(p, True) for p in sector.projects] + [(p, False) for p in cat.projects]

    def key(entry: tuple[int, tuple[m.Project, bool]]) -> tuple[bool, float, int]:
        index, (project, _) = entry
        usable = all(s in weight for s in project.skills)
        return (not usable, -sum(weight.get(s, 0) for s in project.skills), index)

    ranked = [e for _, e in sorted(enumerate(pool), key=key)]
    picked: list[tuple[m.Project, bool]] = []
    wanted = [lambda e: e[1]] + [lambda e, t=t: t in e[0].tags for t in REQUIRED_TAGS]
    for want in wanted:
        if not any(want(e) for e in picked):
            found = next((e for e in ranked if want(e) and e not in picked), None)
            if found is not None:
                picked.append(found)
    return picked + [e for e in ranked if e not in picked], len(picked)


def choose(cat: m.Catalog, sector: m.Sector, gaps: Sequence[Gap], readiness: int,
           ) -> tuple[list[tuple[m.Project, bool]], float]:
    count, factor = count_and_factor(readiness)
    ranked, required = ranking(cat, sector, gaps)
    return ranked[:max(count, required)], factor


def interleave(cat: m.Catalog, skills: Sequence[StudyItem],
               picked: Sequence[tuple[m.Project, bool]], factor: float,
               ) -> list[StudyItem]:
    """The skill items with each project right after the last of its technical skills
    that the plan studies (before everything when it studies none of them)."""
    position = {item.key: i for i, item in enumerate(skills)}
    after: dict[int, list[StudyItem]] = {}
    for project, _ in picked:
        technical = [s for s in project.skills if cat.skill(s).kind == "technical"]
        placed = [position[s] for s in technical if s in position]
        where = max(placed, default=-1)
        if where >= 0:
            step = skills[where].step
        else:
            step = max((cat.skill(s).step for s in technical or project.skills),
                       key=lambda sid: cat.step(sid).number)
        hours = max(1, round(project.hours * factor))
        after.setdefault(where, []).append(StudyItem(
            f"project:{project.id}", project.title, step, hours, 0, 0, kind="project"))
    out = list(after.get(-1, []))
    for i, item in enumerate(skills):
        out.append(item)
        out += after.get(i, [])
    return out


def scheduled(picked: Sequence[tuple[m.Project, bool]],
              weeks: dict[str, tuple[int, int, int]]) -> tuple[ScheduledProject, ...]:
    """The picked projects in plan order, with their hours and first and last week."""
    keyed = {f"project:{p.id}": (p, own) for p, own in picked}
    out = []
    for key, (hours, first, last) in weeks.items():
        if key in keyed:
            project, own = keyed[key]
            out.append(ScheduledProject(project, hours, first, last, own))
    return tuple(out)
