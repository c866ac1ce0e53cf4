"""The question model and the flow are pure: built from the catalogue, run with any `ask`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest

from mlpath.catalogue.model import Catalog
from mlpath.errors import Cancelled, UsageError
from mlpath.person import interview as flow
from mlpath.person import questions as q
from mlpath.person.profile import Profile, from_dict, to_dict

START = dt.date(2027, 1, 4)


class Script:
    """An `ask` that answers by question name and records what it was asked."""

    def __init__(self, answers: dict[str, Any] | None = None,
                 summary: Iterator[str] | None = None) -> None:
        self.answers = answers or {}
        self.summary = summary or iter([q.DONE])
        self.asked: list[q.Question] = []

    def __call__(self, question: q.Question) -> Any:
        self.asked.append(question)
        if question.name == "summary":
            return next(self.summary)
        if question.name in self.answers:
            value = self.answers[question.name]
            return value(question) if callable(value) else value
        if question.kind == "checkbox":
            return [c.value for c in question.choices if c.checked]
        return question.default  # Enter: the pre-filled answer

    def names(self) -> list[str]:
        return [x.name for x in self.asked]


def run(cat: Catalog, script: Script, saved: Profile | None = None,
        start: Profile | None = None) -> Profile:
    said: list[str] = []
    first = start or q.initial(cat, None, start=START, today=START)
    return flow.interview(cat, first, saved, script, said.append)


def test_questions_come_in_order_with_every_skill_step(catalog: Catalog) -> None:
    script = Script({"background": ""})  # none: nothing ticked, no ratings
    run(catalog, script)
    steps = [s.id for s in catalog.steps if catalog.skills_in(s.id)]
    assert script.names() == [*q.BASICS, "rate_now", *(f"used:{s}" for s in steps), "summary"]


def test_choices_carry_descriptions_and_the_level_anchors(catalog: Catalog) -> None:
    a = q.initial(catalog, None, start=START, today=START)
    sector = q.basic_question(catalog, "sector", a)
    finance = next(c for c in sector.choices if c.value == "finance")
    assert finance.title == "Finance & FinTech"
    assert finance.description and finance.description.endswith(".")
    assert "\n" not in finance.description and len(finance.description) < 200
    background = q.basic_question(catalog, "background", a)
    assert background.choices[-1].value == q.NO_BACKGROUND
    rating = q.level_question(catalog, catalog.skill("python"), 0)
    assert [c.value for c in rating.choices] == [0, 1, 2, 3, 4]
    assert rating.choices[2].title.startswith("basic — Can follow a tutorial")
    assert rating.default == q.USED  # ticked means used: at least "basic"


def test_background_prefills_ticks_and_ratings(catalog: Catalog) -> None:
    script = Script({"background": "software-engineer"})
    result = run(catalog, script)
    typical = next(b for b in catalog.backgrounds if b.id == "software-engineer").levels
    used = next(x for x in script.asked if x.name == "used:programming")
    assert {c.value for c in used.choices if c.checked} == {
        s for s, lv in typical.items() if lv >= 2 and catalog.skill(s).step == "programming"}
    assert {k: v for k, v in result.levels.items() if v} == dict(typical)


def test_unticking_keeps_aware_but_not_more(catalog: Catalog) -> None:
    script = Script({"background": "software-engineer", "used:programming": []})
    result = run(catalog, script)
    assert result.levels["python"] == 1 and result.levels["git"] == 1  # were 3: never used
    assert result.levels["kubernetes"] == 1  # aware (1) stays aware


def test_rerun_prefills_everything_from_the_saved_answers(catalog: Catalog) -> None:
    saved = Profile(sector="energy", start=dt.date(2026, 5, 1), background="student",
                      years_experience=7, region="australia", hours_per_week=9,
                      levels=q.full_levels(catalog, {"python": 4, "rag": 1, "sql": 2}))
    script = Script(summary=iter(["sector", "years_experience", "start", q.STEP + "programming",
                                  q.DONE]))
    assert run(catalog, script, saved=saved, start=saved) == replace(
        saved, levels=q.stated_levels(catalog, "student", saved.levels))
    assert script.names()[0] == "summary", "a re-run starts at the summary"
    defaults = {x.name: x.default for x in script.asked}
    assert defaults["sector"] == "energy" and defaults["years_experience"] == "7"
    assert defaults["start"] == "2026-05-01" and defaults["level:python"] == 4


def test_changing_background_on_a_rerun_keeps_levels_set_by_hand(catalog: Catalog) -> None:
    student = next(b for b in catalog.backgrounds if b.id == "student").levels
    saved = Profile(sector="energy", start=START, background="student",
                    levels=q.full_levels(catalog, {**student, "python": 4}))
    script = Script({"background": "data-analyst"}, summary=iter(["background", q.DONE]))
    result = run(catalog, script, saved=saved, start=saved)
    analyst = next(b for b in catalog.backgrounds if b.id == "data-analyst").levels
    assert {k: v for k, v in result.levels.items() if v} == {**analyst, "python": 4}


def test_summary_can_change_one_answer_then_confirm(catalog: Catalog) -> None:
    answers = {"hours_per_week": "20"}
    script = Script(answers, summary=iter(["hours_per_week", q.DONE]))
    answers_after = iter(["20", "6"])
    script.answers["hours_per_week"] = lambda _: next(answers_after)
    result = run(catalog, script)
    assert result.hours_per_week == 6
    assert script.names().count("summary") == 2


def test_summary_can_redo_one_step(catalog: Catalog) -> None:
    ticks = iter([[], ["docker"]])
    script = Script({"background": "", "used:mlops": lambda _: next(ticks),
                     "level:docker": 3}, summary=iter(["step:mlops", q.DONE]))
    assert run(catalog, script).levels["docker"] == 3


def test_quit_from_the_summary_cancels(catalog: Catalog) -> None:
    with pytest.raises(Cancelled):
        run(catalog, Script(summary=iter([q.QUIT])))


def test_summary_text_shows_every_answer_wrapped(catalog: Catalog) -> None:
    a = Profile(sector="finance", start=START, background="data-analyst",
                  years_experience=3, region="uk", hours_per_week=10,
                  levels=next(b for b in catalog.backgrounds if b.id == "data-analyst").levels)
    text = flow.summary(catalog, a, width=70)
    assert "Data analyst" in text and "United Kingdom" in text and "Finance & FinTech" in text
    assert "SQL 3" in text and "none yet" in text
    assert max(len(line) for line in text.splitlines()) < 70


@pytest.mark.parametrize(("name", "text", "error"), [
    ("years_experience", "three", "Years of experience must be a whole number"),
    ("years_experience", "61", "from 0 to 60"),
    ("hours_per_week", "0", "Hours per week must be a whole number from 1 to 80"),
    ("hours_per_week", "8.5", "got '8.5'"),
    ("start", "2027-13-01", "The start date must be a date YYYY-MM-DD"),
])
def test_text_questions_explain_bad_answers(catalog: Catalog, name: str, text: str,
                                            error: str) -> None:
    question = q.basic_question(catalog, name, q.initial(catalog, None, start=START,
                                                         today=START))
    assert error in (question.error(text) or "")
    assert question.error(str(question.default)) is None


def test_answers_round_trip_through_the_file_format(catalog: Catalog) -> None:
    levels = dict(next(b for b in catalog.backgrounds if b.id == "data-analyst").levels)
    levels["sql"] = 0  # overrides the background's 3, so it must survive as an explicit 0
    a = Profile(sector="retail", start=START, background="data-analyst", region="india",
                  levels=q.full_levels(catalog, levels))
    raw = {**to_dict(a), "levels": q.stated_levels(catalog, a.background, a.levels)}
    assert raw["levels"]["sql"] == 0 and "rag" not in raw["levels"]
    profile = from_dict(catalog, raw, default_start=dt.date(2000, 1, 1), levels_complete=False)
    assert {k: v for k, v in profile.levels.items() if v} == {
        k: v for k, v in levels.items() if v}
    assert (profile.sector, profile.start, profile.region) == ("retail", START, "india")


def test_export_target_asks_before_overwriting() -> None:
    said: list[str] = []
    replies = iter([True, "plan.md", False, "nowhere/x.md", "plan2.md"])
    checks = {"plan.md": q.EXISTS, "nowhere/x.md": "no such folder"}
    target = flow.export_target(lambda _: next(replies), said.append, checks.get, "plan.md")
    assert target == ("plan2.md", False) and said == ["no such folder"]
    replies = iter([True, "plan.md", True])
    assert flow.export_target(lambda _: next(replies), said.append, lambda p: q.EXISTS,
                           "plan.md") == ("plan.md", True)
    assert flow.export_target(lambda _: False, said.append, lambda p: None, "plan.md") is None


def test_answers_profile_requires_a_sector(catalog: Catalog) -> None:
    with pytest.raises(UsageError, match=r"'sector' is required"):
        from_dict(catalog, {"region": "uk"}, default_start=START, levels_complete=False)
