"""The Markdown export, parsed with markdown-it-py (the parser rich uses) and kept golden.

Layout is checked on the fixture catalogue (tests/fixtures/catalogue: made-up skills,
sectors and figures), so a change to the shipped content never fails these tests.
Regenerate the golden file after an intended layout change:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_markdown.py

then read the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import SMALL, Run
from markdown_it import MarkdownIt
from markdown_it.token import Token

from mlpath.catalogue import model as m
from mlpath.formats.markdown.read import parse, recorded_profile
from mlpath.formats.markdown.text import cell, inline, link
from mlpath.formats.markdown.write import plan_markdown
from mlpath.person.profile import make_profile
from mlpath.planning import build_plan
from mlpath.planning.facts import item_chunks
from mlpath.planning.model import Plan

GOLDEN = Path(__file__).parent / "golden" / "plan-fixture-alpha-developer.md"
GOLDEN_ARGS = ["plan", "--data-dir", str(SMALL), "--sector", "alpha", "--start", "2027-01-04",
               "--background", "developer", "--format", "markdown"]
# What to do now first; the reference (steps, the whole gap table) after the weeks.
H2 = ["This week", "Profile", "Week by week", "Milestones", "Timeline", "Steps", "Skill gaps",
      "Readiness", "Portfolio projects", "Certification", "Salary outlook", "Sources"]


def _plan(cat: m.Catalog, **kwargs: Any) -> Plan:
    options: dict[str, Any] = {"sector": "alpha", "start": "2027-01-04",
                               "background": "developer", **kwargs}
    return build_plan(cat, make_profile(cat, **options))


def _tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def _headings(tokens: list[Token], level: int) -> list[str]:
    return [tokens[i + 1].content for i, t in enumerate(tokens)
            if t.type == "heading_open" and t.tag == f"h{level}"]


def _tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first)."""
    tables: list[list[list[str]]] = []
    row: list[str] = []
    for i, t in enumerate(tokens):
        if t.type == "table_open":
            tables.append([])
        elif t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            row.append(tokens[i + 1].content)
        elif t.type == "tr_close":
            tables[-1].append(row)
    return tables


def _tasks(tokens: list[Token]) -> list[str]:
    """The text of every task item (list items whose paragraph starts with a box)."""
    return [tokens[i + 2].content for i, t in enumerate(tokens)
            if t.type == "list_item_open" and tokens[i + 2].type == "inline"
            and re.match(r"\[[ xX]\] ", tokens[i + 2].content)]


def _links(tokens: list[Token]) -> set[str]:
    return {str(child.attrs["href"]) for t in tokens if t.type == "inline"
            for child in t.children or [] if child.type == "link_open"}


@pytest.fixture(scope="module")
def plan(small: m.Catalog) -> Plan:
    return _plan(small)


@pytest.fixture(scope="module")
def text(plan: Plan, small: m.Catalog) -> str:
    return plan_markdown(plan, small)


def test_headings_title_sections_steps_and_items(plan: Plan, small: m.Catalog,
                                                 text: str) -> None:
    tokens = _tokens(text)
    assert _headings(tokens, 1) == ["Goal: ML engineer in Alpha Industry"]
    assert _headings(tokens, 2) == H2
    planned_steps = [s for s in small.steps if any(i.step == s.id for w in plan.weeks
                                                     for i in w.items)]
    h3 = _headings(tokens, 3)
    assert [h for h in h3 if h.startswith("Step ")] == [
        f"Step {s.number} · {s.name}" for s in planned_steps]
    weeks = [h for h in h3 if h.startswith("Week ")]  # the checklist, one heading a week
    assert len(weeks) == plan.total_weeks
    assert weeks[0] == f"Week 1 · 2027-01-04 to 2027-01-10 · {plan.weeks[0].hours} h"


def test_summary_paragraph_and_profile(plan: Plan, text: str) -> None:
    tokens = _tokens(text)
    first_paragraph = next(t.content for t in tokens if t.type == "inline"
                           and t.content.startswith("Where you stand"))
    from mlpath.formats.words import summary_line

    assert summary_line(plan) in first_paragraph
    assert "~228 h · 16 weeks at 15 h/week · done by 2027-04-25" in first_paragraph
    assert f"{plan.overall_readiness}% of the way" in first_paragraph
    assert "12–24 months" not in first_paragraph  # the newcomers' benchmark: not for a developer
    profile = _tables(tokens)[0]
    assert profile[0] == ["setting", "value"]
    assert dict((r[0], r[1]) for r in profile[1:])["week 1 starts"] == "2027-01-04"
    assert "Coding 3, Queries 2; every other skill 0" in text  # the names the questions use


def test_gap_and_readiness_tables(plan: Plan, small: m.Catalog, text: str) -> None:
    tables = _tables(_tokens(text))
    gaps = next(t for t in tables if t[0][0] == "skill")
    assert gaps[0] == ["skill", "id", "now → need", "priority", "hours", "why"]
    open_gaps = [g for g in plan.gaps if g.gap > 0]
    assert len(gaps) - 1 == len(open_gaps)
    assert all(len(row) == 6 for row in gaps)
    rows = {row[1]: row for row in gaps[1:]}
    # the sector adds its own elective at basic level; its weight 0.6 lowers the role's 2
    assert rows["`forecasting`"] == ["Forecasting", "`forecasting`", "0 → 2", "2.4", "8",
                                     "an elective Alpha Industry asks for; alpha plans "
                                     "stock ahead"]
    assert rows["`serving`"][2:5] == ["0 → 1", "0.2", "4"]
    readiness = next(t for t in tables if t[0][0] == "step")
    assert [r[0] for r in readiness[1:-1]] == [
        f"{small.step(r.step).number} {small.step(r.step).name}" for r in plan.readiness]
    assert readiness[-1][2] == f"**{plan.overall_readiness}%**"


def test_one_task_per_week_chunk_with_a_stable_marker(plan: Plan, text: str) -> None:
    tasks = _tasks(_tokens(text))
    chunks = [(w, i) for w in plan.weeks for i in w.items]
    assert len(tasks) == len(chunks)
    assert all(t.startswith("[ ] Week ") for t in tasks)
    # two passes, each numbered on its own: 0→2 first, 2→3 later
    basic = [t for t in tasks if "mlpath:skill=modelling to=2 " in t]
    working = [t for t in tasks if "mlpath:skill=modelling to=3 " in t]
    assert (len(basic), len(working)) == (3, 4)
    assert basic[0].startswith("[ ] Week 1 (2027-01-04) · Modelling 0→2 (3 h, part 1 of 3)"
                               ": Linear models. Use: [Model Course]")
    assert basic[-1].endswith("<!-- mlpath:skill=modelling to=2 part=3/3 -->")
    assert working[-1].endswith("<!-- mlpath:skill=modelling to=3 part=4/4 -->")
    for kind in ("project", "task", "review"):  # the new kinds have markers of their own
        assert any(f"mlpath:{kind}=" in t for t in tasks), kind
    markers = [re.search(r"<!-- (mlpath:\S+ .*?)-->", t) for t in tasks]
    assert all(markers) and len({mk.group(1) for mk in markers if mk}) == len(tasks)


def test_every_planned_skill_links_its_resources(plan: Plan, small: m.Catalog,
                                                 text: str) -> None:
    hrefs = _links(_tokens(text))
    planned = [k for k in item_chunks(plan) if ":" not in k]  # skills, not other kinds
    assert planned
    for key in planned:
        for resource in small.skill(key).resources:
            assert resource.url in hrefs, (key, resource.url)
    assert "[Model Course](https://example.org/models) (course)" in text


def test_mermaid_gantt_has_one_bar_per_step_on_real_dates(plan: Plan, small: m.Catalog,
                                                          text: str) -> None:
    fences = [t for t in _tokens(text) if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid"]
    body = fences[0].content.splitlines()
    assert body[0] == "gantt" and "    dateFormat YYYY-MM-DD" in body
    bars = [line.strip() for line in body if re.search(r":s\d+, ", line)]
    from mlpath.planning.facts import step_dates

    dates = step_dates(plan)
    for step in small.steps:
        if step.id in dates:
            begin, last = dates[step.id]
            assert (f"{step.number} {step.name} :s{step.number}, {begin.isoformat()}, "
                    f"{(last + dt.timedelta(days=1)).isoformat()}") in bars
    assert bars[0] == "2 Build models :s2, 2027-01-04, 2027-03-15"  # step 1 is known
    assert len(bars) == len({i.step for w in plan.weeks for i in w.items if i.step})
    for line in bars:
        start, end = (dt.date.fromisoformat(d) for d in line.split(", ")[1:])
        assert start.weekday() == 0 and end > start


def test_projects_certification_salary_and_sources(small: m.Catalog, plan: Plan,
                                                   text: str) -> None:
    tokens = _tokens(text)
    assert all(f"**{p.title}**" in text for p in plan.projects)
    assert "Practises: Forecasting (`forecasting`), Modelling (`modelling`)." in text
    tables = _tables(tokens)
    certs = next(t for t in tables if t[0][0] == "certification")
    assert certs[1:] == [["[Fixture Certified Engineer](https://example.org/cert) (FX-100)",
                          "Example",
                          "active (as of 2026-01-01)", "~20 h",
                          "covers modelling, serving; optional: in this plan, its prep beside "
                          "the job search."]]
    # A retired certification listed before its successor: the pick says so.
    (cert,) = small.certifications
    old = cert._replace(id="fixture-old", name="Fixture Old Exam", code=None, status="retired",
                        retired_on="2025-12-31", successor=cert.id)
    retired_first = dataclasses.replace(small, certifications=(old, cert))
    rows = next(t for t in _tables(_tokens(plan_markdown(_plan(retired_first), retired_first)))
                if t[0][0] == "certification")
    picked = next(r for r in rows if r[0].startswith("[Fixture Certified Engineer]"))
    assert "successor of the retired Fixture Old Exam" in picked[4]
    salary = next(t for t in tables if t[0] == ["", "range", "source"])
    assert salary[1] == ["average salary", "$100,000–$200,000", "fixture-article"]
    sources = text.split("## Sources", 1)[1]
    assert ("`fixture-article`: *[Fixture article](https://example.org/article)*, Example Press, "
            "2026-01-01.") in sources  # the article linked where the data has its address
    assert "Our estimates and picks (not from the articles):" in sources
    assert "study hours per skill" in sources


def test_india_projections_are_marked_as_ours(small: m.Catalog) -> None:
    text = plan_markdown(_plan(small, region="india"), small)
    assert "₹8–12 LPA" in text
    assert "| our projection from fixture-article |" in text
    assert "salary projections" in text.split("## Sources", 1)[1]


def test_table_cells_escape_pipes_and_newlines(small: m.Catalog) -> None:
    alpha = small.sector("alpha")
    odd = alpha._replace(why={**alpha.why, "forecasting": "a | b\nsecond *line*"})
    cat = dataclasses.replace(small, sectors=tuple(
        odd if s.id == "alpha" else s for s in small.sectors))
    text = plan_markdown(_plan(cat), cat)
    gaps = next(t for t in _tables(_tokens(text)) if t[0][0] == "skill")
    assert all(len(row) == 6 for row in gaps)
    row = next(r for r in gaps if r[1] == "`forecasting`")
    assert "a | b <br>second \\*line\\*" in row[5]  # the pipe stayed in its cell
    assert "a \\| b <br>second \\*line\\*" in text
    assert cell("x|y") == "x\\|y" and inline("[a] <b>") == "\\[a\\] \\<b>"
    assert link("A (b)", "https://x.org/a b(c)") == "[A (b)](https://x.org/a%20b%28c%29)"


def test_deterministic_and_undated(small: m.Catalog, text: str) -> None:
    assert plan_markdown(_plan(small), small) == text
    assert "generated" not in text.lower()


def test_profile_marker_reads_back(plan: Plan, small: m.Catalog, text: str) -> None:
    read = parse(text, "plan.md")
    assert recorded_profile(read, small) == plan.profile
    assert len(read.tasks) == sum(len(w.items) for w in plan.weeks)
    assert read.reached() == {}


def test_only_certification_prep_left(small: m.Catalog) -> None:
    everything = {s.id: 4 for s in small.skills}
    plan = build_plan(small, make_profile(small, sector="alpha", start="2027-01-04",
                                            know=everything))
    tasks = _tasks(_tokens(plan_markdown(plan, small)))
    # no skill left: certification prep, projects, job readiness and review weeks remain
    assert any("mlpath:cert=" in t for t in tasks)
    assert not any("mlpath:skill=" in t for t in tasks)


def test_nothing_left_to_study(small: m.Catalog) -> None:
    no_certs = dataclasses.replace(small, certifications=())
    everything = {s.id: 4 for s in small.skills}
    plan = build_plan(no_certs, make_profile(no_certs, sector="alpha", start="2027-01-04",
                                             know=everything))
    text = plan_markdown(plan, no_certs)
    tokens = _tokens(text)
    # every skill known: projects have nothing left to teach; the job search is still to do
    assert not any("mlpath:skill=" in t or "mlpath:cert=" in t or "mlpath:project=" in t
                   for t in _tasks(tokens))
    assert any("mlpath:task=" in t for t in _tasks(tokens))
    assert "Certification" not in _headings(tokens, 2)
    assert parse(text, "done.md").profile is not None


def test_cli_markdown_matches_the_golden_file(cli: Run) -> None:
    result = cli(*GOLDEN_ARGS)
    assert result.code == 0, result.err
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(result.out, encoding="utf-8")
    assert result.out == GOLDEN.read_text(encoding="utf-8"), (
        "The Markdown layout changed. If on purpose: UPDATE_GOLDEN=1 pytest "
        "tests/test_markdown.py, then review the diff of tests/golden/.")


def test_this_weeks_boxes_come_first(plan: Plan, text: str) -> None:
    """The first box to tick is near the top: before the profile, the weeks and the gaps."""
    first_box = text.index("- [ ] ")
    assert first_box < text.index("## Profile") < text.index("## Week by week")
    assert text.index("## Week by week") < text.index("## Skill gaps")
    this_week = text.split("## This week", 1)[1].split("\n## ", 1)[0]
    assert this_week.count("- [ ] Week 1 (2027-01-04)") == len(plan.weeks[0].items)
    assert text.count("- [ ] Week 1 (") == len(plan.weeks[0].items)  # listed once
    assert len(text[:first_box].splitlines()) < 20


@pytest.mark.parametrize(("start", "day"), [("2027-01-04", "Monday"), ("2027-01-01", "Friday")])
def test_the_timeline_comment_names_the_real_weekday(small: m.Catalog, start: str,
                                                     day: str) -> None:
    text = plan_markdown(_plan(small, start=start), small)
    assert f"%% each bar ends on the {day} after its last week" in text
    bars = re.findall(r":s\d+, \S+, (\S+)", text)
    assert bars and all(dt.date.fromisoformat(end).strftime("%A") == day for end in bars)


def test_the_posting_path_is_absolute(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    posting = Path(__file__).parent / "postings" / "fintech_fraud_senior.md"
    (tmp_path / "job.md").write_text(posting.read_text())
    monkeypatch.chdir(tmp_path)
    result = cli("plan", "--posting", "job.md", "--start", "2027-01-04", "--no-profile",
                 "--format", "markdown")
    assert result.code == 0, result.err
    assert f"({cell(str(tmp_path / 'job.md'))})" in result.out
