"""The words that must follow each plan's own numbers: its review weeks, each skill's whole
range, its milestones (in week order, claiming only the plan's part of a step), its
projects, the project-hours factor and the job search said for the plan's goal."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from mlpath.catalogue.model import Catalog
from mlpath.formats import FORMATS
from mlpath.formats.plan_words import for_goal
from mlpath.person.profile import make_profile
from mlpath.planning import build_plan
from mlpath.planning.model import Plan
from mlpath.planning.schedule import review_interval

START = dt.date(2027, 1, 4)
# the mentor's plans: a slow career changer (skills in two passes, the Python factor), a
# senior software engineer aiming at AI engineering (one project, one review week), and
# others across readiness
PEOPLE = {
    "changer": dict(background="career-changer", years_experience=8, hours_per_week=8,
                    sector="finance"),
    "ai": dict(background="software-engineer", years_experience=10, hours_per_week=10,
               sector="tech", role="ai-engineer"),
    "student": dict(background="student", sector="healthcare"),
    "mlops": dict(background="data-scientist", years_experience=3, sector="tech",
                  role="mlops-engineer"),
}


_PLANS: dict[str, Plan] = {}


def _plan(catalog: Catalog, who: str) -> Plan:
    if who not in _PLANS:  # one build per person for the whole module
        person = make_profile(catalog, start=START, **PEOPLE[who])  # type: ignore[arg-type]
        _PLANS[who] = build_plan(catalog, person)
    return _PLANS[who]


def _md(catalog: Catalog, plan: Plan) -> str:
    return FORMATS["markdown"].render(plan, catalog)


def _section(markdown: str, title: str) -> str:
    return markdown.split(f"## {title}\n\n", 1)[1].split("\n## ", 1)[0]


def _reviews(plan: Plan) -> list[int]:
    return [w.number for w in plan.weeks if any(i.kind == "review" for i in w.items)]


@pytest.mark.parametrize("who", list(PEOPLE))
def test_the_review_weeks_said_are_the_plans_own(catalog: Catalog, who: str) -> None:
    plan = _plan(catalog, who)
    intro = _section(_md(catalog, plan), "Week by week").split("\n\n")[0]
    reviews = _reviews(plan)
    if not reviews:
        assert "review" not in intro.lower()
        return
    every = review_interval(plan.overall_readiness)
    said = re.search(r"A review week follows (?:every|the first) (\d+) weeks of work", intro)
    assert said and int(said[1]) == every, intro
    assert reviews[0] == every + 1  # the sentence's weeks are where the reviews are
    assert f"week {reviews[0]}" in intro or f"weeks {reviews[0]}," in intro


def test_a_plan_without_review_weeks_says_nothing_of_them(catalog: Catalog) -> None:
    plan = _plan(catalog, "changer")
    assert _reviews(plan)
    bare = plan._replace(weeks=tuple(w._replace(items=tuple(
        i for i in w.items if i.kind != "review")) for w in plan.weeks))
    markdown = _md(catalog, bare)
    assert "review week" not in _section(markdown, "Week by week").split("\n\n")[0].lower()
    assert "review weeks" not in _section(markdown, "Sources")


@pytest.mark.parametrize("who", ["changer", "student"])
def test_a_skill_header_gives_its_whole_range(catalog: Catalog, who: str) -> None:
    plan = _plan(catalog, who)
    steps = _section(_md(catalog, plan), "Steps")
    passes: dict[str, list[tuple[int, int]]] = {}
    for week in plan.weeks:
        for i in week.items:
            if i.kind == "skill" and (i.from_level, i.to_level) not in passes.get(i.key, []):
                passes.setdefault(i.key, []).append((i.from_level, i.to_level))
    two = [k for k, p in passes.items() if len(p) > 1]
    assert two  # the plans studied have skills in two passes
    for key, p in passes.items():
        name = catalog.skill(key).name
        assert f"- **{name}** {p[0][0]}→{p[-1][1]} · " in steps, name


@pytest.mark.parametrize("who", list(PEOPLE))
def test_milestones_go_by_week_and_claim_only_the_plans_part(catalog: Catalog,
                                                             who: str) -> None:
    plan = _plan(catalog, who)
    section = _section(_md(catalog, plan), "Milestones")
    weeks = [int(w) for w in re.findall(r"^- \*\*Week (\d+)\*\*", section, re.M)]
    assert weeks == sorted(weeks) and len(weeks) == len(plan.milestones)
    text = FORMATS["text"].render(plan, catalog)
    shown = text.split("Milestones", 1)[1].split("Portfolio", 1)[0]
    rows = [int(w) for w in re.findall(r"^\s*(\d+)\s+\d{4}-\d\d-\d\d", shown, re.M)]
    assert rows == sorted(rows) and len(rows) == len(plan.milestones)
    assert "step done" not in shown  # the column claims no more than its rows
    for ms in plan.milestones:
        step = catalog.step(ms.step)
        assert step.goal not in section and step.goal not in shown  # "done" is not claimed
        assert f"Step {step.number} · {step.name}: this plan's part done" in section


def test_a_step_that_ends_first_is_listed_first(
        catalog: Catalog) -> None:
    plan = _plan(catalog, "changer")
    numbers = [catalog.step(ms.step).number for ms in plan.milestones]
    by_week = [catalog.step(ms.step).number for ms in sorted(plan.milestones,
                                                             key=lambda ms: ms.week)]
    assert numbers != by_week  # the planner's order is not the weeks': formats sorts
    section = _section(_md(catalog, plan), "Milestones")
    said = [int(n) for n in re.findall(r"Step (\d+) ·", section)]
    assert said == by_week


@pytest.mark.parametrize("who", list(PEOPLE))
def test_the_project_sentence_describes_the_scheduled_projects(catalog: Catalog,
                                                               who: str) -> None:
    plan = _plan(catalog, who)
    if not plan.scheduled:
        return
    intro = _section(_md(catalog, plan), "Portfolio projects").split("\n\n")[0]
    count = {1: "One project", 2: "Two projects", 3: "Three projects"}[len(plan.scheduled)]
    assert intro.startswith(count)
    thin = any("thin-slice" in s.project.tags for s in plan.scheduled)
    assert ("thin slice" in intro) == thin
    own = any(s.sector for s in plan.scheduled)
    assert ("own use cases" in intro) == own
    assert "unless you hold" not in intro


def test_one_project_is_said_as_one(catalog: Catalog) -> None:
    plan = _plan(catalog, "ai")
    assert len(plan.scheduled) == 1
    intro = _section(_md(catalog, plan), "Portfolio projects").split("\n\n")[0]
    assert intro.startswith("One project, scheduled") and " then " not in intro


def test_the_project_factor_says_it_is_about_programming(catalog: Catalog) -> None:
    plan = _plan(catalog, "changer")
    assert plan.project_factor > 1
    markdown, text = _md(catalog, plan), FORMATS["text"].render(plan, catalog)
    for out in (_section(markdown, "Portfolio projects"), " ".join(text.split())):
        assert f"× {plan.project_factor:g}: first projects take longer while your programming " \
               "foundations are incomplete (our estimate)" in out
        assert "first portfolio" not in out


def _job_titles(catalog: Catalog, plan: Plan) -> set[str]:
    data = json.loads(FORMATS["json"].render(plan, catalog))
    return {i["title"] for w in data["weeks"] for i in w["items"] if i["kind"] == "job-search"}


@pytest.mark.parametrize(("who", "said"), [("ai", "AI-engineer roles"),
                                           ("mlops", "MLOps-engineer roles"),
                                           ("changer", "ML-engineer roles")])
def test_the_job_search_aims_at_the_plans_goal(catalog: Catalog, who: str, said: str) -> None:
    plan = _plan(catalog, who)
    titles = _job_titles(catalog, plan)
    assert any(said in t for t in titles), titles
    others = {"AI-engineer roles", "MLOps-engineer roles", "ML-engineer roles"} - {said}
    for out in (_md(catalog, plan), FORMATS["text"].render(plan, catalog),
                FORMATS["ics"].render(plan, catalog), "\n".join(titles)):
        assert said in " ".join(out.split())
        assert not any(o in out for o in others)


def test_a_posting_plan_tailors_the_cv_to_the_posting(catalog: Catalog) -> None:
    plan = _plan(catalog, "ai")
    job = plan._replace(job=None)  # for_goal reads only whether a posting is the goal
    from mlpath.planning.model import JobTarget
    posted = job._replace(job=JobTarget("Junior ML engineer", "<stdin>", {}, {}))
    titles = {i.title for w in for_goal(catalog, posted).weeks for i in w.items
              if i.kind == "job-search"}
    assert any("this posting" in t for t in titles)
    assert not any("engineer roles" in t for t in titles)


def test_the_calendar_names_the_goal_and_the_week_applications_start(
        catalog: Catalog) -> None:
    plan = _plan(catalog, "ai")
    ics = FORMATS["ics"].render(plan, catalog)
    assert "X-WR-CALNAME:AI engineer plan:" in ics
    assert "SUMMARY:Start applying for AI engineer jobs" in ics
    assert plan.apply_week
    start = plan.weeks[plan.apply_week - 1].start.strftime("%Y%m%d")
    event = ics.split("UID:applications.", 1)[0].rsplit("BEGIN:VEVENT", 1)[1]
    assert f"DTSTART;VALUE=DATE:{start}" in event


def test_a_posting_elsewhere_says_which_region_the_salary_figures_are_for(
        catalog: Catalog) -> None:
    from mlpath.catalogue.load import load_catalog
    from mlpath.formats.json import plan_dict
    from mlpath.formats.markdown.write import plan_markdown
    from mlpath.formats.plan_words import salary_place_note
    from mlpath.planning.model import JobTarget

    cat = load_catalog()
    profile = make_profile(cat, sector="tech", start="2027-01-04", background="student")
    job = JobTarget("Junior ML engineer", "posting.html", {"python": 3, "docker": 2}, {},
                    location="Berlin, Germany · Hybrid")
    plan = build_plan(cat, profile, job)
    note = salary_place_note(cat, plan)
    assert note and "Berlin, Germany" in note and "the United States" in note
    assert note in " ".join(plan_markdown(plan, cat).split())
    assert plan_dict(plan, cat)["salary_outlook"]["place"] == note
    assert note.split(";")[0] in " ".join(FORMATS["text"].render(plan, cat).split())
    in_uk = make_profile(cat, sector="tech", start="2027-01-04", background="student",
                         region="uk")
    london = build_plan(cat, in_uk, job._replace(location="London, United Kingdom"))
    assert salary_place_note(cat, london) is None  # the figures are the posting's region
    assert salary_place_note(cat, build_plan(cat, profile)) is None  # no posting
