"""Portfolio projects as scheduled work: which ones, how long, and where in the plan.

Every plan gets the thin slice (a small model trained, packaged and served, early), the
sector's project that fits the goal best, and a project of the goal's speciality
(generative AI for an AI engineer, deployment otherwise). The picks depend on the goal
only, never on the person's levels. Hours shrink smoothly as the skills a project
exercises are already held, and a project leaves the plan only when all of them are.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mlpath.catalogue import model as m
from mlpath.planning.levels import hours_between
from mlpath.planning.model import Gap, ScheduledProject, StudyItem
from mlpath.planning.order import BASIC, PROJECTS_STEP

THIN_SLICE = "thin-slice"
SPECIALITY = {"ai-engineer": "genai"}  # role → the project tag it is judged on
DEFAULT_TAG = "deployment"
COVER = 1.5  # a project costs its full hours while two thirds of its study is ahead
NEWCOMER_EXTRA = 0.5  # a first project takes up to this much longer (estimate)


SECTOR_BONUS = 1.25  # the sector's own projects rank as if this much more relevant


def _score(project: m.Project, own: bool, weight: Mapping[str, float]) -> tuple[bool, float]:
    usable = all(s in weight for s in project.skills)
    fit = sum(weight.get(s, 0.0) for s in project.skills)
    return usable, fit * (SECTOR_BONUS if own else 1.0)


def fits(project: m.Project, role: str, region: str | None) -> bool:
    """A project without `roles` or `regions` fits every role or region (and any project
    fits when the region is not known)."""
    return ((not project.roles or role in project.roles)
            and (region is None or not project.regions or region in project.regions))


def choose(cat: m.Catalog, sector: m.Sector, gaps: Sequence[Gap], role: str,
           region: str | None = None) -> list[tuple[m.Project, bool]]:
    """(project, is the sector's own): the thin slice, the best fit with the goal's
    speciality tag, and the sector's best fit (or, when the speciality project is the
    sector's, one that shows something else). Only projects that fit the role and region."""
    weight = {g.skill: g.importance * g.target for g in gaps}
    pool = [(p, own) for p, own in ([(p, True) for p in sector.projects]
                                    + [(p, False) for p in cat.projects])
            if fits(p, role, region)]

    def best(entries: list[tuple[m.Project, bool]]) -> tuple[m.Project, bool] | None:
        ranked = sorted(enumerate(entries),
                        key=lambda e: (*(-x for x in _score(e[1][0], e[1][1], weight)), e[0]))
        return ranked[0][1] if ranked else None

    picked: list[tuple[m.Project, bool]] = []
    tag = SPECIALITY.get(role, DEFAULT_TAG)
    thin = best([e for e in pool if THIN_SLICE in e[0].tags])
    rest = [e for e in pool if THIN_SLICE not in e[0].tags]
    special = best([e for e in rest if tag in e[0].tags])
    for found in (thin, special):
        if found is not None:
            picked.append(found)
    # then the sector's best fit if the speciality is not the sector's own; else the best
    # fit that shows something else (another tag) and that the goal studies all of
    shown = set(special[0].tags) if special else set()
    if special is None or not special[1]:
        extra = best([e for e in rest if e[1] and e not in picked])
    else:
        extra = best([e for e in rest if e not in picked and not shown & set(e[0].tags)
                      and _score(e[0], e[1], weight)[0]])
    if extra is not None:
        picked.append(extra)
    return picked


def hours(cat: m.Catalog, project: m.Project, gaps: Sequence[Gap], fluency: int) -> int:
    """Build hours: the estimate × up to (1 + NEWCOMER_EXTRA) for someone who cannot yet
    program fluently (`fluency`: readiness of the programming step, %), × the share
    of the project's study still ahead (full from two thirds on; 0 when all is held).
    Never more than COVER hours less per hour of study held, so knowing a little more
    moves the plan by about that much (a small project on a few skills would otherwise
    shrink several times faster than the study)."""
    by_skill = {g.skill: g for g in gaps}
    chosen = [by_skill[s] for s in project.skills if s in by_skill]
    full = project.hours * (1 + NEWCOMER_EXTRA * (1 - fluency / 100))
    need = sum(hours_between(cat.skill(g.skill), 0, g.target) for g in chosen)
    if not need:
        return round(full)
    left = sum(g.hours for g in chosen)
    return round(min(full, COVER * left * full / max(need, COVER * full)))


def uses(cat: m.Catalog, picked: Sequence[tuple[m.Project, bool]],
         ) -> tuple[tuple[str, str], ...]:
    """(skill, project id) for each technical skill a picked project practises."""
    return tuple((s, p.id) for p, _ in picked for s in p.skills
                 if cat.skill(s).kind == "technical")


def extend_thin_slice(cat: m.Catalog, builds: Sequence[tuple[m.Project, int]],
                      ) -> list[tuple[m.Project, int]]:
    """The project after the thin slice (the goal's speciality) grows out of it, as the
    thin slice intends: its service, API and container are reused, so it costs the thin
    slice's hours on the skills they share less."""
    out = list(builds)
    at = next((i for i, (p, _) in enumerate(out) if THIN_SLICE in p.tags), None)
    if at is None or at + 1 >= len(out):
        return out
    thin, built = out[at]
    technical = [s for s in thin.skills if cat.skill(s).kind == "technical"]
    project, hours_ = out[at + 1]
    shared = sum(s in project.skills for s in technical) / max(1, len(technical))
    out[at + 1] = (project, max(0, round(hours_ - built * shared)))
    return out


def interleave(cat: m.Catalog, skills: Sequence[StudyItem],
                picked: Sequence[tuple[m.Project, int]]) -> list[StudyItem]:
    """The skill items with each project built in one run right after the first pass of
    the last of its technical skills the plan studies (a depth pass studied later does
    not hold it up; a project paused for months is one restarted). The thin slice first,
    as early as it can be. Projects count towards the roadmap's projects step."""
    first: dict[str, int] = {}
    for i, item in enumerate(skills):
        if item.from_level < BASIC:  # a skill whose basics are held does not hold it up
            first.setdefault(item.key, i)
    after: dict[int, list[StudyItem]] = {}
    thin = max((first.get(s, -1) for p, _ in picked if THIN_SLICE in p.tags
                for s in p.skills if cat.skill(s).kind == "technical"), default=-1)
    for project, build in picked:
        if build <= 0:
            continue
        technical = [s for s in project.skills if cat.skill(s).kind == "technical"]
        start = max((first[s] for s in technical if s in first), default=-1)
        if THIN_SLICE not in project.tags:  # no other project before the thin slice
            start = max(start, thin)
        step = PROJECTS_STEP if PROJECTS_STEP in cat.by_step else (
            skills[start].step if start >= 0 else
            max((cat.skill(s).step for s in technical or project.skills),
                key=lambda sid: cat.step(sid).number))
        after.setdefault(start, []).append(
            StudyItem(f"project:{project.id}", project.title, step, build, 0, 0,
                      kind="project"))
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
    for key, (total, first, last) in weeks.items():
        if key in keyed:
            project, own = keyed[key]
            out.append(ScheduledProject(project, total, first, last, own))
    return tuple(out)
