"""The pure planning engine: properties that must hold for any profile."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from mlpath.catalogue import model as m
from mlpath.catalogue.load import load_catalog
from mlpath.formats import words
from mlpath.person.profile import Profile
from mlpath.planning import build_plan
from mlpath.planning.gaps import analyse
from mlpath.planning.levels import hours_between
from mlpath.planning.model import Plan

CAT = load_catalog()
SKILLS = [s.id for s in CAT.skills]
SECTORS = [s.id for s in CAT.sectors]
START = dt.date(2027, 1, 4)

levels_st = st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 4), max_size=len(SKILLS))
profiles = st.builds(
    lambda sector, levels, hours, region: Profile(
        sector=sector, levels=levels, start=START, hours_per_week=hours, region=region),
    st.sampled_from(SECTORS), levels_st, st.integers(1, 80), st.sampled_from(m.REGIONS))


# Skill hours were restored to believable figures (issue 18); the goal-driven planner
# (issue 17) reaches these bands by focus. Strict: remove the mark once they pass.


def plan_for(profile: Profile) -> Plan:
    return build_plan(CAT, profile)


def study_hours(plan: Plan) -> int:
    """Hours of work that shrink with what you know: skills, projects and interview
    preparation (not review weeks, applications or the optional exam, which are
    calendar time)."""
    return sum(i.hours for w in plan.weeks for i in w.items
               if i.kind in ("skill", "project", "interview")
               or (i.kind == "job-search" and i.key != "task:job-applications"))


@settings(max_examples=60, deadline=None)
@given(profiles, st.integers(1, 80))
def test_more_hours_per_week_never_makes_the_plan_longer(profile: Profile, more: int) -> None:
    faster = replace(profile, hours_per_week=min(80, profile.hours_per_week + more))
    assert plan_for(faster).total_weeks <= plan_for(profile).total_weeks
    assert plan_for(faster).finish <= plan_for(profile).finish


@settings(max_examples=60, deadline=None)
@given(profiles, st.sampled_from(SKILLS), st.integers(1, 4))
def test_raising_a_level_never_adds_hours(profile: Profile, skill: str, up: int) -> None:
    levels = dict(profile.levels)
    # from the level the plan works with: an unstated level may be assumed from a stated one
    now = next((gap.current for gap in plan_for(profile).gaps if gap.skill == skill), 0)
    levels[skill] = min(4, max(levels.get(skill, 0), now) + up)
    better = replace(profile, levels=levels)
    assert study_hours(plan_for(better)) <= study_hours(plan_for(profile))
    # the calendar may move by a week where applications start a week earlier
    assert plan_for(better).total_weeks <= plan_for(profile).total_weeks + 1


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_items_come_after_their_prerequisites(profile: Profile) -> None:
    """A skill's basics come after the basics of what it builds on; depth (past level 2)
    comes after the skill's own basics."""
    basics: list[str] = []
    depth: list[str] = []
    for week in plan_for(profile).weeks:
        for item in week.items:
            if item.kind == "skill":
                chosen = basics if item.from_level < 2 else depth
                if item.key not in chosen:
                    chosen.append(item.key)
    position = {key: i for i, key in enumerate(basics)}
    for key in basics:
        for pre in CAT.skill(key).prerequisites:
            if pre in position:
                assert position[pre] < position[key], f"{pre} must come before {key}"
    order = [(i.key, i.from_level) for w in plan_for(profile).weeks for i in w.items]
    for key in depth:
        if key in position:
            first_depth = next(n for n, (k, lv) in enumerate(order) if k == key and lv >= 2)
            assert max(n for n, (k, lv) in enumerate(order) if k == key and lv < 2) \
                < first_depth, f"{key}: basics before depth"


@settings(max_examples=60, deadline=None)
@given(profiles)
def test_weeks_respect_the_budget_and_are_dated(profile: Profile) -> None:
    plan = plan_for(profile)
    for i, week in enumerate(plan.weeks):
        assert 0 < week.hours <= profile.hours_per_week
        assert week.number == i + 1
        assert week.start == START + dt.timedelta(weeks=i)
    assert sum(w.hours for w in plan.weeks) == plan.total_hours
    # while study is left, every week is full (the job search fills the rest of its share)
    studying = [w for w in plan.weeks if any(i.kind in ("skill", "project") for i in w.items)]
    assert all(w.hours == profile.hours_per_week for w in studying[:-1])


@settings(max_examples=30, deadline=None)
@given(profiles)
def test_the_plan_is_deterministic(profile: Profile) -> None:
    assert plan_for(profile) == plan_for(profile)


def test_a_software_engineer_needs_less_than_a_beginner() -> None:
    swe = next(b for b in CAT.backgrounds if b.id == "software-engineer")
    beginner = plan_for(Profile(sector="finance", levels={}, start=START))
    engineer = plan_for(Profile(sector="finance", levels=dict(swe.levels), start=START))
    assert engineer.total_hours < beginner.total_hours
    assert engineer.overall_readiness > beginner.overall_readiness == 0


def test_the_sector_deepens_and_adds_and_says_why() -> None:
    sector = CAT.sector("finance")
    profile = Profile(sector="finance", levels={}, start=START)
    finance = {g.skill: g for g in analyse(CAT, sector, profile)}
    tech = {g.skill: g for g in analyse(CAT, CAT.sector("tech"),
                                        replace(profile, sector="tech"))}
    assert "explainability" in finance and "explainability" not in tech  # finance adds it
    assert "elective-sector" in finance["explainability"].reasons
    reason = words.gap_reason(CAT, sector, finance["explainability"])
    assert "regulators need a reason for every decision" in reason
    health = {g.skill: g for g in analyse(CAT, CAT.sector("healthcare"),
                                          replace(profile, sector="healthcare"))}
    # healthcare weights deep architectures (1.7): the role's level 2 becomes 3
    role = CAT.role("ml-engineer").targets["dl-architectures"]
    assert health["dl-architectures"].target == 3 == role + 1
    assert "sector-deepens" in health["dl-architectures"].reasons
    assert "ML engineer target" in words.gap_reason(CAT, sector, finance["python"], "ml-engineer")


def test_hours_shrink_with_the_current_level() -> None:
    skill = CAT.skill("python")
    hours = [hours_between(skill, level, 3) for level in range(5)]
    assert hours == sorted(hours, reverse=True) and hours[3] == hours[4] == 0
    assert hours[0] == skill.hours


def test_certification_is_never_a_retired_one_without_its_successor() -> None:
    for sector in SECTORS:
        plan = plan_for(Profile(sector=sector, levels={}, start=START))
        assert plan.certifications
        for pick in plan.certifications:
            cert = CAT.certification(pick.certification)
            assert cert.status != "retired"
            if pick.successor_of:
                assert CAT.certification(pick.successor_of).successor == cert.id
        first = CAT.certification(plan.certifications[0].certification)
        assert first.status == "active"


def test_projects_come_from_the_sector_and_milestones_follow_the_steps() -> None:
    plan = plan_for(Profile(sector="healthcare", levels={}, start=START))
    sector = CAT.sector("healthcare")
    assert set(plan.projects) & set(sector.projects)
    assert plan.scheduled[0].project.id == "thin-slice"
    numbers = [CAT.step(ms.step).number for ms in plan.milestones]
    assert numbers and all(ms.date <= plan.finish for ms in plan.milestones)
    assert len(set(numbers)) == len(numbers)


def test_salary_outlook_labels_projections() -> None:
    india = plan_for(Profile(sector="tech", levels={}, start=START, region="india")).salary
    projected = [f for f in india.figures if f.kind == "projection"]
    assert projected and all("projection" in words.salary_label(f) for f in projected)
    after3 = next(f for f in projected if "3" in words.salary_label(f))
    assert (after3.low, after3.high) == (8 * 1.8, 12 * 1.8)
    us = plan_for(Profile(sector="tech", levels={}, start=START, region="us")).salary
    assert not any(f.kind == "projection" for f in us.figures)
    # a premium only for the goal's specialism (issue 18): not for an ML-engineer plan
    assert "genai-llmops-infra" not in {p.id for p in us.premiums}


def test_nothing_to_learn_gives_an_empty_plan_ending_at_the_start() -> None:
    levels = {s: 4 for s in SKILLS}
    plan = plan_for(Profile(sector="finance", levels=levels, start=START))
    assert plan.overall_readiness == 100 and plan.apply_now and plan.apply_week == 1
    assert all(item.kind not in ("skill", "project") for w in plan.weeks for item in w.items)


def test_the_benchmark_verdict_matches_the_months_shown() -> None:
    from mlpath.formats.words import benchmark_line

    plan = plan_for(Profile(sector="tech", levels={}, start=START, hours_per_week=8))
    assert plan.total_weeks > 52
    year = plan._replace(weeks=plan.weeks[:52])  # 52 weeks = 11.96 months, shown as 12.0
    line = benchmark_line(year, CAT)
    assert line is not None and line.startswith("12.0 months: within")
