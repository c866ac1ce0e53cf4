"""Assemble a Plan: gaps, ordered weeks with projects, job readiness and review weeks,
milestones, certification and salary outlook."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from mlpath.catalogue import model as m
from mlpath.person.profile import Profile
from mlpath.planning import gaps as g
from mlpath.planning import projects, schedule, topics
from mlpath.planning.facts import item_weeks
from mlpath.planning.model import Gap, JobTarget, Plan, StudyItem
from mlpath.planning.outlook import pick_certifications, salary_outlook

__all__ = ["build_plan", "pick_certifications", "salary_outlook"]

# Interview prep drills skills: with all of a task's technical skills already at their
# target it takes this share less (our estimate).
TASK_KNOWN_CUT = 0.5


def task_hours(cat: m.Catalog, task: m.Task, gaps: tuple[Gap, ...]) -> int:
    at_target = {x.skill for x in gaps if x.gap == 0}
    technical = [s for s in task.skills if cat.skill(s).kind == "technical"]
    if not technical:
        return task.hours
    known = sum(1 for s in technical if s in at_target) / len(technical)
    return max(1, round(task.hours * (1 - TASK_KNOWN_CUT * known)))


def build_plan(cat: m.Catalog, profile: Profile, job: JobTarget | None = None) -> Plan:
    """The plan for `profile`; `job`, when given, is the posting it aims at."""
    sector = cat.sector(profile.sector)
    gaps = g.analyse(cat, sector, profile, job)
    steps, overall = g.readiness(cat, gaps)
    picks = pick_certifications(cat, sector, gaps, profile.years_experience)
    skills = [StudyItem(x.skill, cat.skill(x.skill).name, x.step, x.hours, x.current, x.target)
              for x in schedule.order(cat, gaps)]
    chosen, factor = projects.choose(cat, sector, gaps, overall)
    items = projects.interleave(cat, skills, chosen, factor)
    if picks:  # certification prep is the roadmap's last step
        cert = cat.certification(picks[0].certification)
        items.append(StudyItem(f"cert:{cert.id}", cert.name, cat.steps[-1].id,
                               cert.prep_hours, 0, 0, kind="certification"))
    tasks = [StudyItem(f"task:{t.id}", t.title, "", task_hours(cat, t, gaps), 0, 0,
                       kind=t.kind) for t in cat.job_search]
    weeks = schedule.pack(items, profile.hours_per_week, profile.start, tasks,
                          topics.chunker(cat))
    fact = next((f for f in cat.facts if f.benchmark and f.value), None)
    newcomer = overall < projects.NEWCOMER_BELOW
    plan = Plan(
        profile=profile, sector=sector.id, gaps=gaps, readiness=steps, overall_readiness=overall,
        weeks=weeks, milestones=schedule.milestones(cat, weeks),
        projects=tuple(p for p, _ in chosen), certifications=picks,
        salary=salary_outlook(cat, profile.region, gaps, newcomer),
        total_hours=sum(w.hours for w in weeks),
        finish=(weeks[-1].start + dt.timedelta(days=6)) if weeks else profile.start,
        benchmark_months=(fact.value.min, fact.value.max) if fact and fact.value else None,
        newcomer=newcomer, project_factor=factor, job=job,
    )
    spans = {i.key: (hours, w1, w2) for i, hours, w1, w2 in item_weeks(plan)}
    scheduled = projects.scheduled(chosen, spans)
    return replace(plan, projects=tuple(s.project for s in scheduled), scheduled=scheduled)
