"""The Markdown export, parsed with markdown-it-py (the parser rich uses) and kept golden.

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

import pytest
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

GOLDEN = Path(__file__).parent / "golden" / "plan-finance-software-engineer.md"
GOLDEN_ARGS = ["plan", "--sector", "finance", "--start", "2027-01-04",
               "--background", "software-engineer", "--format", "markdown"]
# What to do now first; the reference (steps, the whole gap table) after the weeks.
H2 = ["This week", "Profile", "Week by week", "Milestones", "Timeline", "Steps", "Skill gaps",
      "Readiness", "Portfolio projects", "Certification", "Salary outlook", "Sources"]


def _plan(cat: m.Catalog, **kwargs: object) -> Plan:
    options: dict[str, object] = {"sector": "finance", "start": "2027-01-04",
                                  "background": "software-engineer", **kwargs}
    return build_plan(cat, make_profile(cat, **options))  # type: ignore[arg-type]


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
def plan(catalog: m.Catalog) -> Plan:
    return _plan(catalog)


@pytest.fixture(scope="module")
def text(plan: Plan, catalog: m.Catalog) -> str:
    return plan_markdown(plan, catalog)


def test_headings_title_sections_steps_and_items(plan: Plan, catalog: m.Catalog,
                                                 text: str) -> None:
    tokens = _tokens(text)
    assert _headings(tokens, 1) == ["Your path to ML engineer in Finance & FinTech"]
    assert _headings(tokens, 2) == H2
    planned_steps = [s for s in catalog.steps if any(i.step == s.id for w in plan.weeks
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
    assert plan.total_hours > 500 and plan.finish > dt.date(2027, 6, 1)
    assert f"{plan.overall_readiness}% of the way" in first_paragraph
    assert "12–24 months" in first_paragraph
    profile = _tables(tokens)[0]
    assert profile[0] == ["setting", "value"]
    assert dict((r[0], r[1]) for r in profile[1:])["week 1 starts"] == "2027-01-04"
    assert "Python 3," in text and "SQL 2" in text  # the names the questionnaire uses


def test_gap_and_readiness_tables(plan: Plan, catalog: m.Catalog, text: str) -> None:
    tables = _tables(_tokens(text))
    gaps = next(t for t in tables if t[0][0] == "skill")
    assert gaps[0] == ["skill", "id", "now → need", "priority", "hours", "why"]
    open_gaps = [g for g in plan.gaps if g.gap > 0]
    assert len(gaps) - 1 == len(open_gaps)
    assert all(len(row) == 6 for row in gaps)
    rows = {row[1]: row for row in gaps[1:]}
    explain = next(g for g in plan.gaps if g.skill == "explainability")
    assert rows["`explainability`"][2:5] == [
        f"{explain.current} → {explain.target}", f"{explain.priority:g}", str(explain.hours)]
    assert explain.target == 3 and explain.hours > 0
    readiness = next(t for t in tables if t[0][0] == "step")
    assert [r[0] for r in readiness[1:-1]] == [
        f"{catalog.step(r.step).number} {catalog.step(r.step).name}" for r in plan.readiness]
    assert readiness[-1][2] == f"**{plan.overall_readiness}%**"


def test_one_task_per_week_chunk_with_a_stable_marker(plan: Plan, text: str) -> None:
    tasks = _tasks(_tokens(text))
    chunks = [(w, i) for w in plan.weeks for i in w.items]
    assert len(tasks) == len(chunks)
    assert all(t.startswith("[ ] Week ") for t in tasks)
    pytorch = [t for t in tasks if "mlpath:skill=pytorch " in t]
    weeks = [w for w in plan.weeks if any(i.key == "pytorch" for i in w.items)]
    n = len(pytorch)
    assert pytorch[0].startswith(f"[ ] Week {weeks[0].number} ({weeks[0].start.isoformat()}) "
                                 f"· PyTorch 0→3 (")
    assert pytorch[-1].endswith(f"<!-- mlpath:skill=pytorch to=3 part={n}/{n} -->")
    assert any("mlpath:cert=" in t for t in tasks)
    for kind in ("project", "task", "review"):  # the new kinds have markers of their own
        assert any(f"mlpath:{kind}=" in t for t in tasks), kind
    markers = [re.search(r"<!-- (mlpath:\S+ .*?)-->", t) for t in tasks]
    assert all(markers) and len({mk.group(1) for mk in markers if mk}) == len(tasks)


def test_every_planned_skill_links_its_resources(plan: Plan, catalog: m.Catalog,
                                                 text: str) -> None:
    hrefs = _links(_tokens(text))
    planned = [k for k in item_chunks(plan) if ":" not in k]  # skills, not other kinds
    assert planned
    for key in planned:
        for resource in catalog.skill(key).resources:
            assert resource.url in hrefs, (key, resource.url)
    assert "[PyTorch tutorials](https://pytorch.org/tutorials/) (course)" in text


def test_mermaid_gantt_has_one_bar_per_step_on_real_dates(plan: Plan, catalog: m.Catalog,
                                                          text: str) -> None:
    fences = [t for t in _tokens(text) if t.type == "fence"]
    assert [f.info for f in fences] == ["mermaid"]
    body = fences[0].content.splitlines()
    assert body[0] == "gantt" and "    dateFormat YYYY-MM-DD" in body
    bars = [line.strip() for line in body if re.search(r":s\d+, ", line)]
    from mlpath.planning.facts import step_dates

    dates = step_dates(plan)
    for step in catalog.steps:
        if step.id in dates:
            begin, last = dates[step.id]
            assert (f"{step.number} {step.name} :s{step.number}, {begin.isoformat()}, "
                    f"{(last + dt.timedelta(days=1)).isoformat()}") in bars
    assert bars[0].endswith(":s1, 2027-01-04, " + bars[0].rsplit(", ", 1)[1])
    assert len(bars) == len({i.step for w in plan.weeks for i in w.items if i.step})
    for line in bars:
        start, end = (dt.date.fromisoformat(d) for d in line.split(", ")[1:])
        assert start.weekday() == 0 and end > start


def test_projects_certification_salary_and_sources(catalog: m.Catalog, plan: Plan,
                                                   text: str) -> None:
    tokens = _tokens(text)
    assert all(f"**{p.title}**" in text for p in plan.projects)
    assert "**Fair, transparent credit scorer**" in text or "credit" in text
    assert ("Practises: Gradient boosting (XGBoost, LightGBM, CatBoost) (`gradient-boosting`)"
            in text)
    tables = _tables(tokens)
    certs = next(t for t in tables if t[0][0] == "certification")
    assert [re.sub(r"\]\(.*?\)", "]", row[0]) for row in certs[1:]] == [  # associate first
        "[AWS Certified Machine Learning Engineer – Associate] (MLA-C01)",
        "[Google Cloud Professional Machine Learning Engineer]"]
    for pick in plan.certifications:  # each exam links its page
        cert = catalog.certification(pick.certification)
        assert f"[{cert.name}]({cert.url})" in text
    assert certs[1][2] == "active (as of 2026-11-23)"
    # A retired certification listed before its successor: the pick says so.
    retired_first = dataclasses.replace(catalog, certifications=tuple(
        sorted(catalog.certifications, key=lambda c: c.status != "retired")))
    rows = next(t for t in _tables(_tokens(plan_markdown(_plan(retired_first), retired_first)))
                if t[0][0] == "certification")
    aws = next(r for r in rows if r[0].startswith("[AWS Certified Machine Learning Engineer"))
    assert "successor of the retired AWS Certified Machine Learning – Specialty" in aws[4]
    salary = next(t for t in tables if t[0] == ["", "range", "source"])
    assert salary[1] == ["average, all levels", "$160,000–$200,000", "mle-jobs-2026"]
    sources = text.split("## Sources", 1)[1]
    for used in ("mle-jobs-2026", "mle-career-2026", "sectors-2026"):
        title = next(s.title for s in catalog.sources if s.id == used)
        assert f"`{used}`: *{title}*" in sources  # the catalogue has no address for these
    linked = [s for s in catalog.sources if s.url and f"`{s.id}`:" in sources]
    assert linked, "a source with an address is cited"
    for source in linked:
        assert f"`{source.id}`: *[{source.title}]({source.url})*" in sources
    assert "Our estimates and picks (not from the articles):" in sources
    assert "study hours per skill" in sources


def test_india_projections_are_marked_as_ours(catalog: m.Catalog) -> None:
    text = plan_markdown(_plan(catalog, region="india"), catalog)
    assert "₹8–12 LPA" in text
    assert "| our projection from mle-jobs-2026 |" in text
    assert "salary projections" in text.split("## Sources", 1)[1]


def test_table_cells_escape_pipes_and_newlines(catalog: m.Catalog) -> None:
    finance = next(s for s in catalog.sectors if s.id == "finance")
    odd = dataclasses.replace(finance, why={**finance.why,
                                            "explainability": "a | b\nsecond *line*"})
    cat = dataclasses.replace(catalog, sectors=tuple(
        odd if s.id == "finance" else s for s in catalog.sectors))
    text = plan_markdown(_plan(cat), cat)
    gaps = next(t for t in _tables(_tokens(text)) if t[0][0] == "skill")
    assert all(len(row) == 6 for row in gaps)
    row = next(r for r in gaps if r[1] == "`explainability`")
    assert row[5].startswith("a | b <br>second \\*line\\*")  # the pipe stayed in its cell
    assert "a \\| b <br>second \\*line\\*" in text
    assert cell("x|y") == "x\\|y" and inline("[a] <b>") == "\\[a\\] \\<b>"
    assert link("A (b)", "https://x.org/a b(c)") == "[A (b)](https://x.org/a%20b%28c%29)"


def test_deterministic_and_undated(catalog: m.Catalog, text: str) -> None:
    assert plan_markdown(_plan(catalog), catalog) == text
    assert "generated" not in text.lower()


def test_profile_marker_reads_back(plan: Plan, catalog: m.Catalog, text: str) -> None:
    read = parse(text, "plan.md")
    assert recorded_profile(read, catalog) == plan.profile
    assert len(read.tasks) == sum(len(w.items) for w in plan.weeks)
    assert read.reached() == {}


def test_only_certification_prep_left(catalog: m.Catalog) -> None:
    everything = {s.id: 4 for s in catalog.skills}
    plan = build_plan(catalog, make_profile(catalog, sector="finance", start="2027-01-04",
                                            know=everything))
    tasks = _tasks(_tokens(plan_markdown(plan, catalog)))
    # no skill left: certification prep, projects, job readiness and review weeks remain
    assert any("mlpath:cert=" in t for t in tasks)
    assert not any("mlpath:skill=" in t for t in tasks)


def test_nothing_left_to_study(catalog: m.Catalog) -> None:
    no_certs = dataclasses.replace(catalog, certifications=())
    everything = {s.id: 4 for s in catalog.skills}
    plan = build_plan(no_certs, make_profile(no_certs, sector="finance", start="2027-01-04",
                                             know=everything))
    text = plan_markdown(plan, no_certs)
    tokens = _tokens(text)
    # every skill known: the portfolio projects and the job search are still to do
    assert not any("mlpath:skill=" in t or "mlpath:cert=" in t for t in _tasks(tokens))
    assert any("mlpath:project=" in t for t in _tasks(tokens))
    assert "Certification" not in _headings(tokens, 2)
    assert parse(text, "done.md").profile is not None


def test_cli_markdown_matches_the_golden_file(cli) -> None:  # type: ignore[no-untyped-def]
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
def test_the_timeline_comment_names_the_real_weekday(catalog: m.Catalog, start: str,
                                                     day: str) -> None:
    text = plan_markdown(_plan(catalog, start=start), catalog)
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
