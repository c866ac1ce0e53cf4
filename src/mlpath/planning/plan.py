"""Assemble a Plan: the goal's gaps, ordered study with projects, the job search beside
it, milestones, an optional certification and the salary outlook."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from mlpath.catalogue import model as m
from mlpath.catalogue.cloud import studied_cloud
from mlpath.person.profile import Profile
from mlpath.planning import gaps as g
from mlpath.planning import projects, schedule, topics
from mlpath.planning.facts import item_weeks
from mlpath.planning.goal import later_skills
from mlpath.planning.levels import JOB_READY, current_levels, hours_between
from mlpath.planning.model import Gap, JobTarget, Plan, StudyItem
from mlpath.planning.order import BASIC, order
from mlpath.planning.outlook import pick_certifications, relevant_years, salary_outlook

__all__ = ["build_plan", "pick_certifications", "salary_outlook"]

# Interview prep drills skills: with all of a task's technical skills already at their
# target it takes this share less (our estimate).
TASK_KNOWN_CUT = 0.5
APPLY_NOW_AT = 75  # readiness (%) from which the plan says: apply now
NEWCOMER_BELOW = 20  # readiness (%) under which the sources' 12-24 months apply


def task_hours(cat: m.Catalog, task: m.Task, gaps: tuple[Gap, ...],
               have: Mapping[str, int]) -> int:
    """A task's hours, less up to TASK_KNOWN_CUT by the share of its technical skills'
    study already behind the person: up to the goal's level for a target, working level
    otherwise (smoothly: no jump when one reaches its target)."""
    goal = {x.skill: x.target for x in gaps}
    chosen = [cat.skill(s) for s in task.skills if cat.skill(s).kind == "technical"]
    need = sum(hours_between(s, 0, goal.get(s.id, JOB_READY)) for s in chosen)
    if not need:
        return task.hours
    held = sum(hours_between(s, 0, min(have.get(s.id, 0), goal.get(s.id, JOB_READY)))
               for s in chosen)
    return max(1, round(task.hours * (1 - TASK_KNOWN_CUT * held / need)))


def job_tasks(role_tasks: list[m.Task], gaps: tuple[Gap, ...],
              have: Mapping[str, int]) -> list[m.Task]:
    """The goal's job-search tasks, of those for its role: a task that practises a skill
    (`after`: coding drills, design mocks) only when the goal teaches that skill or the
    person holds its basics (nothing to practise otherwise)."""
    goal = {x.skill for x in gaps}
    return [t for t in role_tasks
            if t.after is None or t.after in goal or have.get(t.after, 0) >= BASIC]


def _top_up(items: list[StudyItem], hours_per_week: int) -> tuple[list[StudyItem], set[str]]:
    """Apply now: the study that fits beside applications in APPLY_WEEKS, in order; the
    skills left out go to 'later'."""
    budget = schedule.APPLY_WEEKS * (hours_per_week - schedule.apply_hours(hours_per_week))
    kept, used = [], 0
    for item in items:
        if used + item.hours <= budget:
            kept.append(item)
            used += item.hours
    dropped = {i.key for i in items if i.kind == "skill"} - {i.key for i in kept}
    return kept, dropped


def build_plan(cat: m.Catalog, profile: Profile, job: JobTarget | None = None) -> Plan:
    """The plan for `profile`; `job`, when given, is the posting it aims at."""
    sector = cat.sector(profile.sector)
    # the projects follow the goal (not --also); what they practise joins the goal at
    # basic level, before --also, which can then raise it
    goal = g.analyse(cat, sector, replace(profile, also=()), job)
    chosen = projects.choose(cat, sector, goal, profile.role, profile.region)
    role_tasks = [t for t in cat.job_search if not t.roles or profile.role in t.roles]
    drilled = tuple(t.after for t in role_tasks if t.phase == "drill" and t.after)
    gaps = g.analyse(cat, sector, profile, job, projects.uses(cat, chosen), drilled)
    steps, overall = g.readiness(cat, gaps)
    apply_now = overall >= APPLY_NOW_AT
    years = relevant_years(cat, profile.background, profile.years_experience)
    # without a posting's cloud or --cloud: the cloud the plan studies, whose exam then
    # tests what was learnt
    cloud, cloud_from = ((job.cloud, "posting") if job and job.cloud else
                         (profile.cloud, "chosen") if profile.cloud else
                         (studied_cloud(cat), "studied"))
    picks = pick_certifications(cat, gaps, years=years, cloud=cloud, cloud_from=cloud_from)
    # first projects take longer for someone still learning to program (the first step)
    fluency = next((r.percent for r in steps if r.step == cat.steps[0].id), 100)
    builds = projects.extend_thin_slice(
        cat, [(p, projects.hours(cat, p, gaps, fluency)) for p, _ in chosen])
    if len(builds) > 2:  # a third portfolio piece adds less the more of the goal you hold
        third, hours = builds[2]
        builds[2] = (third, round(hours * (1 - overall / 100)))
    have = {s: level for s, (level, _) in
            current_levels(cat, profile.levels, profile.years_experience).items()}
    tasks = job_tasks(role_tasks, gaps, have)
    # first (their basics): the thin slice's skills, so it is built early at any pace, and
    # what drills wait for, so they spread over the plan instead of piling up at its end
    early = frozenset([s for p, _ in chosen if projects.THIN_SLICE in p.tags for s in p.skills]
                      + list(drilled))
    items = projects.interleave(cat, order(cat, gaps, early, [p.skills for p, _ in chosen]),
                                builds)
    dropped: set[str] = set()
    if apply_now:
        items, dropped = _top_up(items, profile.hours_per_week)
    tracks = [schedule.Track(StudyItem(f"task:{t.id}", t.title, "",
                                       task_hours(cat, t, gaps, have), 0, 0, kind=t.kind),
                             t.phase, t.after)
              for t in tasks]
    if picks:
        cert = cat.certification(picks[0].certification)
        tracks.append(schedule.Track(StudyItem(f"cert:{cert.id}", cert.name, cat.steps[-1].id,
                                               cert.prep_hours, 0, 0, kind="certification"),
                                     "optional"))
    weeks = schedule.pack(items, profile.hours_per_week, profile.start, tracks,
                          topics.chunker(cat), apply_now=apply_now,
                          work_weeks=schedule.review_interval(overall))
    applying = {f"task:{t.id}" for t in cat.job_search if t.phase == "applications"}
    apply_week = next((w.number for w in weeks if any(i.key in applying for i in w.items)),
                      None)
    fact = next((f for f in cat.facts if f.benchmark and f.value), None)
    newcomer = overall < NEWCOMER_BELOW
    # later: what neither the study nor the job search works on and is not held yet
    later = later_skills(cat, sector, [x.skill for x in gaps]
                         + [s for t in tasks for s in t.skills]
                         + [s for s, level in have.items() if level >= JOB_READY])
    plan = Plan(
        profile=profile, sector=sector.id, gaps=gaps, readiness=steps, overall_readiness=overall,
        weeks=weeks, milestones=schedule.milestones(cat, weeks),
        projects=tuple(p for p, _ in chosen), certifications=picks,
        salary=salary_outlook(cat, profile.region, gaps, newcomer, profile.role),
        total_hours=sum(w.hours for w in weeks),
        finish=(weeks[-1].start + dt.timedelta(days=6)) if weeks else profile.start,
        benchmark_months=(fact.value.min, fact.value.max) if fact and fact.value and newcomer
        else None,
        newcomer=newcomer, project_factor=round(1 + projects.NEWCOMER_EXTRA
                                                * (1 - fluency / 100), 2),
        job=job, later=tuple(s.id for s in cat.skills if s.id in set(later) | dropped),
        apply_now=apply_now, apply_week=apply_week,
        cloud=cloud,
    )
    spans = {i.key: (hours, w1, w2) for i, hours, w1, w2 in item_weeks(plan)}
    scheduled = projects.scheduled(chosen, spans)
    return plan._replace(projects=tuple(s.project for s in scheduled), scheduled=scheduled)

