"""The planner of issue #11: targets by sector and person, projects, job readiness, review
weeks, curriculum order and calibration (properties over the shipped data)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlpath.catalogue.load import load_catalog
from mlpath.formats import words
from mlpath.formats.json import plan_dict
from mlpath.person.profile import Profile, make_profile
from mlpath.planning import build_plan
from mlpath.planning.facts import months
from mlpath.planning.model import Plan

CAT = load_catalog()
START = dt.date(2027, 1, 4)
SKILLS = [s.id for s in CAT.skills]
SECTORS = ["finance", "healthcare", "tech"]
# (background, sector) → months at 15 h/week: newcomers 15-24, a software engineer 6-14
BANDS = {"software-engineer": (6, 14), "data-analyst": (9, 20),
         "physics-maths-graduate": (12, 24), "student": (15, 24), "career-changer": (15, 24)}
STRONG = "python=4,ml-algorithms=3,deep-learning=3"


# Skill hours were restored to believable figures (issue 18); the goal-driven planner
# (issue 17) reaches these bands by focus. Strict: remove the mark once they pass.
FOCUS_PENDING = pytest.mark.xfail(strict=True, reason="bands reached by focus in issue 17")


def plan(sector: str = "finance", **kw: object) -> Plan:
    return build_plan(CAT, make_profile(CAT, sector=sector, start=START, **kw))  # type: ignore[arg-type]


def kinds(p: Plan) -> dict[str, int]:
    out: dict[str, int] = {}
    for week in p.weeks:
        for item in week.items:
            out[item.kind] = out.get(item.kind, 0) + item.hours
    return out


profiles = st.builds(
    lambda sector, levels, hours, also: Profile(sector=sector, levels=levels, start=START,
                                                hours_per_week=hours, also=also),
    st.sampled_from([s.id for s in CAT.sectors]),
    st.dictionaries(st.sampled_from(SKILLS), st.integers(0, 4), max_size=12),
    st.integers(1, 40),
    st.lists(st.sampled_from([s.id for s in CAT.skills if s.track == "elective"]),
             max_size=2, unique=True).map(tuple))


@FOCUS_PENDING
@pytest.mark.parametrize("sector", SECTORS)
@pytest.mark.parametrize("background", list(BANDS))
def test_calibration_bands(background: str, sector: str) -> None:
    low, high = BANDS[background]
    p = plan(sector, background=background)
    assert low <= months(p) <= high, (background, sector, months(p))


@FOCUS_PENDING
@pytest.mark.parametrize("sector", SECTORS)
def test_newcomers_spend_about_a_third_on_projects(sector: str) -> None:
    p = plan(sector, background="career-changer")
    share = kinds(p)["project"] / p.total_hours
    assert 0.25 <= share <= 0.4 and len(p.scheduled) >= 4 and p.project_factor > 1
    engineer = plan(sector, background="software-engineer")
    assert 2 <= len(engineer.scheduled) <= 3 and engineer.project_factor == 1


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_prerequisites_come_first(profile: Profile) -> None:
    seen: list[str] = []
    for week in build_plan(CAT, profile).weeks:
        for item in week.items:
            if item.kind == "skill" and item.key not in seen:
                seen.append(item.key)
    where = {k: i for i, k in enumerate(seen)}
    for key in seen:
        for pre in CAT.skill(key).prerequisites:
            assert where.get(pre, -1) < where[key], (pre, key)


@settings(max_examples=40, deadline=None)
@given(profiles, st.sampled_from(SKILLS), st.integers(1, 4))
def test_knowing_more_never_adds_hours(profile: Profile, skill: str, up: int) -> None:
    before = build_plan(CAT, profile)
    now = next((g.current for g in before.gaps if g.skill == skill), 0)
    levels = {**profile.levels, skill: min(4, max(profile.levels.get(skill, 0), now) + up)}
    assert build_plan(CAT, replace(profile, levels=levels)).total_hours <= before.total_hours


@settings(max_examples=40, deadline=None)
@given(profiles, st.integers(1, 40))
def test_more_hours_per_week_never_adds_weeks(profile: Profile, more: int) -> None:
    faster = replace(profile, hours_per_week=profile.hours_per_week + more)
    assert build_plan(CAT, faster).total_weeks <= build_plan(CAT, profile).total_weeks


@settings(max_examples=40, deadline=None)
@given(profiles)
def test_every_plan_has_deployment_genai_sector_projects_and_job_readiness(
        profile: Profile) -> None:
    p = build_plan(CAT, profile)
    tags = {t for s in p.scheduled for t in s.project.tags}
    assert {"deployment", "genai"} <= tags and any(s.sector for s in p.scheduled)
    found = kinds(p)
    assert found.get("interview") and found.get("job-search") and found.get("project")


def test_job_readiness_overlaps_the_last_weeks_and_review_weeks_recur() -> None:
    p = plan("finance", background="student")
    last = p.weeks[-8:]
    assert all(any(i.kind in ("interview", "job-search") for i in w.items)
               or w.items[0].kind == "review" for w in last)
    assert any(i.kind == "skill" or i.kind == "certification"
               for w in last for i in w.items)  # overlapping, not after
    reviews = [w.number for w in p.weeks if w.items[0].kind == "review"]
    assert reviews[:3] == [8, 16, 24]
    assert all(len(w.items) == 1 and w.hours == 15 for w in p.weeks if w.number in reviews)


def test_projects_are_interleaved_after_their_skills() -> None:
    p = plan("tech", background="career-changer")
    first_week = {}
    last_week = {}
    for week in p.weeks:
        for item in week.items:
            first_week.setdefault(item.key, week.number)
            last_week[item.key] = week.number
    for s in p.scheduled:
        studied = [x for x in s.project.skills if x in last_week
                   and CAT.skill(x).kind == "technical"]
        assert all(last_week[x] <= s.first_week for x in studied)
    assert p.scheduled[0].last_week < p.total_weeks // 2  # not all at the end


def test_finance_and_healthcare_targets_differ() -> None:
    finance = {g.skill: g.target for g in plan("finance").gaps}
    healthcare = {g.skill: g.target for g in plan("healthcare").gaps}
    assert finance != healthcare
    assert finance["dl-architectures"] < healthcare["dl-architectures"]
    assert "computer-vision" in healthcare and "computer-vision" not in finance


def test_a_strong_profile_plans_less_than_a_software_engineer() -> None:
    for sector in SECTORS:
        strong = plan(sector, know=STRONG)
        assert strong.total_hours < plan(sector, background="software-engineer").total_hours


def test_electives_only_when_asked_and_reasons_are_true() -> None:
    finance = CAT.sector("finance")
    p = plan("finance")
    planned = {g.skill for g in p.gaps}
    for skill in CAT.skills:
        if skill.track == "elective" and skill.id not in finance.electives:
            assert skill.id not in planned
    for gap in p.gaps:
        reason = words.gap_reason(CAT, finance, gap)
        if CAT.skill(gap.skill).track != "core":
            assert "core" not in reason
    asked = plan("finance", also="reinforcement-learning")
    rl = next(g for g in asked.gaps if g.skill == "reinforcement-learning")
    assert "elective-asked" in rl.reasons
    assert "you asked for" in words.gap_reason(CAT, finance, rl)


def test_levels_are_assumed_from_stated_ones_unless_stated() -> None:
    p = plan("finance", know="deep-learning=3")
    pytorch = next(g for g in p.gaps if g.skill == "pytorch")
    assert (pytorch.current, pytorch.assumed_from) == (2, "deep-learning")
    assert "assumed from Deep learning" in words.gap_reason(CAT, CAT.sector("finance"), pytorch)
    stated = next(g for g in plan("finance", know="deep-learning=3,pytorch=0").gaps
                  if g.skill == "pytorch")
    assert (stated.current, stated.assumed_from) == (0, None)


def test_order_is_curriculum_not_alphabet() -> None:
    p = plan("finance")
    order = [i.key for w in p.weeks for i in w.items if i.kind == "skill"]
    skills = list(dict.fromkeys(order))
    assert skills[:2] == ["python", "sql"]  # the catalogue's order, not 'data-wrangling'


def test_json_items_and_projects_carry_the_contract() -> None:
    data = plan_dict(plan("healthcare", background="student"), CAT)
    for week in data["weeks"]:
        for item in week["items"]:
            assert {"kind", "key", "title", "hours"} <= set(item)
            if item["kind"] == "skill":
                assert item["topic"] and item["resources"]
                assert {"title", "url", "kind"} == set(item["resources"][0])
    project = data["projects"][0]
    assert {"id", "title", "hours", "weeks", "dataset", "done_when", "skills"} <= set(project)
    assert project["weeks"]["first"] <= project["weeks"]["last"]
    assert set(project["dataset"]) == {"name", "url"}


def test_newcomer_salary_leads_with_entry_figures_and_premiums_need_a_specialism() -> None:
    from mlpath.planning.outlook import salary_outlook

    # no US entry figure: the $80,000 low end is of an all-levels range (hire-mle-2026)
    us = plan("finance", background="career-changer").salary
    assert [f.kind for f in us.figures] == ["region", "overall"]
    assert us.figures[1].label and "all experience levels" in us.figures[1].label
    india = plan("finance", background="career-changer", region="india").salary
    assert india.figures[0].label and "Entry" in india.figures[0].label
    # premiums follow the goal role (issue 18), not the sector's weights
    tech = plan("tech")
    assert {p.id for p in tech.salary.premiums} == {"deep-learning"}
    ai = salary_outlook(CAT, "us", tech.gaps, role="ai-engineer")
    assert {p.id for p in ai.premiums} == {"genai-llmops-infra"}


def test_a_first_job_gets_an_associate_exam_first_and_experience_may_aim_higher() -> None:
    from dataclasses import replace as change

    from mlpath.catalogue.load import load_catalog
    from mlpath.person.profile import make_profile
    from mlpath.planning import build_plan

    cat = load_catalog()
    for sector in ("finance", "healthcare", "tech"):
        newcomer = make_profile(cat, sector=sector, start="2027-01-04")
        first = build_plan(cat, newcomer).certifications[0]
        assert cat.certification(first.certification).level in ("foundational", "associate")
        senior = build_plan(cat, change(newcomer, years_experience=8)).certifications
        assert senior, sector
