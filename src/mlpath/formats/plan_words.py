"""Sentences about one plan that must follow the plan's own numbers (no rich here): its
review weeks, its projects, its milestones in order, its project-hours factor, and the
job-search titles said for its goal.

Each is computed from what the plan holds, never from a fixed rule of the planner, so
the words stay true when the planner's rules change.
"""

from __future__ import annotations

from mlpath.catalogue import model as m
from mlpath.formats.words import exam_scheduled
from mlpath.planning.model import CertificationPick, Milestone, Plan

LISTED_REVIEWS = 6  # review weeks listed by number; a longer plan gives the first and last


def review_weeks(plan: Plan) -> list[int]:
    return [w.number for w in plan.weeks if any(i.kind == "review" for i in w.items)]


def review_text(plan: Plan) -> str | None:
    """e.g. 'A review week follows every 9 weeks of work (weeks 10, 20).' None without."""
    weeks = review_weeks(plan)
    if not weeks:
        return None
    # the first review comes after the first run of work weeks: that run is the interval
    work = weeks[0] - 1
    if len(weeks) == 1:
        return f"A review week follows the first {work} weeks of work (week {weeks[0]})."
    listed = (", ".join(map(str, weeks)) if len(weeks) <= LISTED_REVIEWS
              else f"{weeks[0]}, {weeks[1]} and so on to {weeks[-1]}")
    return f"A review week follows every {work} weeks of work (weeks {listed})."


def factor_text(plan: Plan) -> str | None:
    """Why project hours exceed the build estimate, or None when they do not."""
    if plan.project_factor == 1:
        return None
    return (f"Hours are the build estimate × {plan.project_factor:g}: first projects take "
            "longer while your programming foundations are incomplete (our estimate).")


SPECIALITY_WORDS = {"genai": "generative AI", "deployment": "deployment"}


def project_roles(cat: m.Catalog, plan: Plan) -> list[str]:
    """What each scheduled project is there for: the thin slice, the goal's speciality
    (the first other one with its tag, as the planner picks it), the sector's own use
    cases, or something else it shows."""
    from mlpath.planning.projects import DEFAULT_TAG, SPECIALITY, THIN_SLICE

    tag = SPECIALITY.get(plan.profile.role, DEFAULT_TAG)
    sector = cat.sector(plan.sector).name
    out, special = [], False
    for s in plan.scheduled:
        own = f"from {sector}'s own use cases" if s.sector else ""
        if THIN_SLICE in s.project.tags:
            out.append("a thin slice (a small model trained, packaged and served)")
        elif tag in s.project.tags and not special:
            special = True
            out.append(" ".join(x for x in (f"one of your goal's speciality "
                                            f"({SPECIALITY_WORDS.get(tag, tag)})", own) if x))
        else:
            out.append(f"one {own}" if own else "one that shows " + (
                ", ".join(s.project.tags) or "more of the goal's skills"))
    return out


def projects_text(cat: m.Catalog, plan: Plan) -> str:
    """The scheduled projects in a sentence, e.g. 'Two projects, each scheduled right
    after the skills it needs: a thin slice (…), then one of your goal's speciality …'."""
    roles = project_roles(cat, plan)
    count = {1: "One project", 2: "Two projects", 3: "Three projects"}.get(
        len(roles), f"{len(roles)} projects")
    which = roles[0] if len(roles) == 1 else ", ".join(roles[:-1]) + ", then " + roles[-1]
    where = ("scheduled right after the skills it needs" if len(roles) == 1 else
             "each scheduled right after the skills it needs")
    return f"{count}, {where}: {which}."


def milestones_in_order(cat: m.Catalog, plan: Plan) -> list[Milestone]:
    """By week (a later step can finish before an earlier one), then by step."""
    return sorted(plan.milestones, key=lambda ms: (ms.week, cat.step(ms.step).number))


def role_name(cat: m.Catalog, plan: Plan) -> str:
    """The plan's role as the catalogue names it, e.g. 'AI engineer'."""
    return next((r.name for r in cat.roles if r.id == plan.profile.role), "ML engineer")


def goal_roles(cat: m.Catalog, plan: Plan) -> str:
    """What the job search aims at, e.g. 'AI-engineer roles' or 'this posting'."""
    if plan.job is not None:
        return "this posting"
    return f"{role_name(cat, plan).replace(' ', '-')} roles"


def for_goal(cat: m.Catalog, plan: Plan) -> Plan:
    """The plan with job-search titles said for its goal: the data's 'CV tailored to
    ML-engineer roles' reads 'CV tailored to AI-engineer roles' for an AI engineer."""
    goal = goal_roles(cat, plan)
    said = [f"{r.name.replace(' ', '-')} roles" for r in cat.roles]

    def retitle(title: str) -> str:
        for phrase in said:
            title = title.replace(phrase, goal)
        return title

    weeks = tuple(w._replace(items=tuple(
        i._replace(title=retitle(i.title)) if i.kind == "job-search" else i
        for i in w.items)) for w in plan.weeks)
    return plan._replace(weeks=weeks)


def certification_reason(cat: m.Catalog, pick: CertificationPick, plan: Plan) -> str:
    """Why this exam, and whether its (optional) prep is in the weeks: the first pick's
    prep only fills hours the job search leaves free, so it may not be."""
    why = f"covers {', '.join(pick.covers)}" if pick.covers else "covers the core ML skills"
    if pick.successor_of:
        why += f"; successor of the retired {cat.certification(pick.successor_of).name}"
    cloud = m.CLOUD_NAMES.get(cat.certification(pick.certification).cloud or "", "")
    if pick.cloud_from:
        why += f"; on {cloud}, {CLOUD_FROM[pick.cloud_from]}"
    if plan.certifications.index(pick):
        return why + "; optional: an alternative to the first"
    if exam_scheduled(plan, pick.certification):
        return why + "; optional: in this plan, its prep beside the job search"
    return (why + "; optional: not in the weeks, the job search leaves too few hours free "
            "(after you start applying, if you want it)")


CLOUD_FROM = {"posting": "the posting's cloud", "chosen": "the cloud you chose",
              "studied": "the cloud your plan studies (--cloud picks another)"}


def salary_place_note(cat: m.Catalog, plan: Plan) -> str | None:
    """For a posting that states where it is, unless that names the figures' region: which
    region the figures are for, and the regions mlpath has figures for."""
    if plan.job is None or not plan.job.location:
        return None
    region = cat.region(plan.salary.region)
    place = plan.job.location.lower()
    if any(name.replace("-", " ") in place for name in (region.name.lower(), *(
            a for a in region.aliases if len(a) > 3))):
        return None
    others = ", ".join(r.id for r in cat.salaries.regions if r.id != region.id)
    name = f"the {region.name}" if region.name.startswith("United") else region.name
    return (f"The posting is in {plan.job.location}; these figures are for {name} "
            f"(--region picks another: {others}).")
