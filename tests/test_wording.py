"""The questionnaire's words: levels that fit the kind of skill, one name per skill from the
questions to the plan, and no step counter where the person did not walk the steps."""

from __future__ import annotations

import datetime as dt

from test_questions import Script, run

from mlpath.catalogue.model import Catalog
from mlpath.formats import FORMATS
from mlpath.person import questions as q
from mlpath.person.profile import make_profile
from mlpath.planning import build_plan


def _titles(catalog: Catalog, skill: str) -> list[str]:
    return [c.title for c in q.level_question(catalog, catalog.skill(skill), 0).choices]


def test_levels_read_right_for_tools_concepts_and_soft_skills(catalog: Catalog) -> None:
    git, stats, talk = (_titles(catalog, s) for s in ("git", "statistics", "communication"))
    for titles in (git, stats, talk):
        assert "production" not in titles[4]  # nobody "ships" Git, statistics or talking
    assert "teach or review" in git[4] and "teach or review" in stats[4]
    assert git[2].startswith("basic — Can follow a tutorial")  # the catalogue's own anchor
    assert not any("tutorial" in t for t in talk)
    assert talk[4].startswith("proficient — Others rely on it")
    assert [t.split(" — ")[0] for t in talk] == [lv.name for lv in catalog.levels]


def test_a_step_picked_from_the_summary_has_no_counter(catalog: Catalog) -> None:
    script = Script({"background": "software-engineer", "rate_now": False},
                    summary=iter(["step:programming", q.DONE]))
    run(catalog, script)
    asked = [x.message for x in script.asked if x.name == "used:programming"]
    assert asked == ["Build programming foundations: which have you used?"]
    walked = Script({"background": "software-engineer"})
    run(catalog, walked)
    first = next(x.message for x in walked.asked if x.name == "used:programming")
    assert first.startswith("Build programming foundations (1/")


def test_plans_name_skills_as_the_questions_do(catalog: Catalog) -> None:
    person = make_profile(catalog, sector="finance", start=dt.date(2027, 1, 4),
                          know="collaboration=3,business-acumen=1,python=3")
    plan = build_plan(catalog, person)
    markdown = FORMATS["markdown"].render(plan, catalog)
    text = FORMATS["text"].render(plan, catalog)
    assert "Business understanding 1" in markdown and "`business-acumen` 1" not in markdown
    assert "Team collaboration 3" in markdown
    assert "Already there: Python" in text  # not "python", the id
    step = catalog.step("programming")
    used = q.used_question(catalog, step, {})
    assert "Python" in [c.title for c in used.choices]  # the same name in the question
