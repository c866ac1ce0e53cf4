"""`mlpath assess` driven for real: questionary prompts fed keystrokes through a pipe.

No `ask` is mocked: prompt_toolkit reads the keys from a pipe input (as questionary's own
tests do) and renders to a dummy output; only the terminal check is told there is one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput

from mlpath.catalogue.model import Catalog

ENTER, DOWN, UP, SPACE = "\r", "\x1b[B", "\x1b[A", " "
CTRL_C, ESC, CTRL_U = "\x03", "\x1b", "\x15"
START = "2027-01-04"
Run = Callable[..., Any]  # the `cli` fixture: runs mlpath, returns (code, out, err)


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[PipeInput]:
    """Keystrokes for the prompts; the working directory is a scratch folder (exports)."""
    import mlpath.cli.assess

    monkeypatch.setattr(mlpath.cli.assess, "has_terminal", lambda: True)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def typed(pipe: PipeInput, *strokes: str) -> None:
    """Send every keystroke up front, then end the input: a prompt left waiting fails fast."""
    pipe.send_text("".join(strokes))
    pipe.close()


def replace_text(value: str) -> str:
    return CTRL_U + value + ENTER


def pick(options: list[str], wanted: str, current: str) -> str:
    """Arrow down from the highlighted option to the wanted one, then Enter."""
    return DOWN * ((options.index(wanted) - options.index(current)) % len(options)) + ENTER


def tick(cat: Catalog, step: str, skills: list[str], checked: tuple[str, ...] = ()) -> str:
    """Toggle a step's checkbox so exactly `skills` are ticked, then Enter."""
    order = [s.id for s in cat.skills_in(step)]
    out = ""
    for index, skill in enumerate(order):
        if (skill in skills) != (skill in checked):
            out += SPACE
        if index < len(order) - 1:
            out += DOWN
    return out + ENTER


def steps(cat: Catalog) -> list[str]:
    return [s.id for s in cat.steps if cat.skills_in(s.id)]


def saved(home: Path) -> dict[str, Any]:
    return yaml.safe_load((home / "profile.yaml").read_text(encoding="utf-8"))


def first_session(cat: Catalog) -> list[str]:
    """A newcomer with no background: picks everything by hand; rates python 3, sql 2."""
    backgrounds = [b.id for b in cat.backgrounds] + [""]
    regions = [r.id for r in cat.salaries.regions]
    sectors = [s.id for s in cat.sectors]
    strokes = [
        pick(backgrounds, "", backgrounds[0]),          # None of these
        replace_text("2"),                              # years of experience
        pick(regions, "uk", regions[0]),
        pick(sectors, "finance", sectors[0]),
        replace_text("10"),                             # hours per week
        ENTER,                                          # start: --start pre-fills it
        ENTER,                                          # rate the skills now
    ]
    for step in steps(cat):
        if step == "programming":
            strokes += [tick(cat, step, ["python", "sql"]), "3" + ENTER, ENTER]  # sql: 2 default
        else:
            strokes.append(ENTER)  # nothing ticked
    return strokes


def test_full_session_plans_saves_and_exports(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    typed(keys, *first_session(catalog), ENTER,         # summary: yes, build my plan
          ENTER, ENTER)                                 # export? yes; file name: default
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    out = result.out
    assert "Your path to ML engineer in Finance & FinTech" in out
    assert "region uk · 10 h/week · starting 2027-01-04" in out
    assert "Your answers (skill levels 0-4):" in out and "Python 3, SQL 2" in out
    data = saved(user_home)
    assert data["schema_version"] == 1
    assert data["profile"] == {"sector": "finance", "background": None, "years_experience": 2,
                               "region": "uk", "hours_per_week": 10, "start": START,
                               "levels": {"python": 3, "sql": 2}}
    assert data["baseline"] == {"python": 3, "sql": 2} and data["history"] == []
    assert not (user_home / "profile.yaml.bak").exists()
    export = Path("mlpath-plan.md").read_text(encoding="utf-8")
    assert export.startswith("# Your path to ML engineer in Finance & FinTech")
    assert "Saved your profile to" in result.err


def test_background_prefills_levels_that_enter_confirms(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    background = catalog.backgrounds[0]
    step_of = {s.id: s.step for s in catalog.skills}
    strokes = [ENTER, ENTER, ENTER, ENTER, ENTER, ENTER,  # the first of everything
               ENTER]  # rate the skills now
    for step in steps(catalog):
        strokes.append(ENTER)  # keep the ticks (skills at level 2 or more)
        strokes += [ENTER for skill, level in background.levels.items()
                    if level >= 2 and step_of[skill] == step]
    typed(keys, *strokes, ENTER, "n" + ENTER)
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    data = saved(user_home)
    assert data["profile"]["background"] == background.id
    assert data["profile"]["sector"] == catalog.sectors[0].id
    assert data["profile"]["levels"] == dict(sorted(background.levels.items()))
    assert not list(Path.cwd().iterdir()), "answering no to the export wrote nothing"


def test_rerun_prefills_every_answer_and_keeps_history(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    first = user_home / "answers.yaml"
    user_home.mkdir()
    first.write_text("sector: healthcare\nbackground: data-analyst\nyears_experience: 4\n"
                     "region: india\nhours_per_week: 12\nstart: 2027-03-01\n"
                     "levels: {python: 3, pytorch: 2}\n", encoding="utf-8")
    assert cli("assess", "--answers", str(first)).code == 0
    before = (user_home / "profile.yaml").read_bytes()
    levels = saved(user_home)["profile"]["levels"]
    step_of = {s.id: s.step for s in catalog.skills}
    assert step_of and levels
    typed(keys, ENTER, "n" + ENTER)  # a re-run starts at the summary: Enter plans again
    result = cli("assess")
    assert result.code == 0, result.err
    assert "Welcome back" in result.out
    after = saved(user_home)
    assert after["profile"] == yaml.safe_load(before)["profile"]  # Enter everywhere: unchanged
    assert after["history"] == []
    assert (user_home / "profile.yaml.bak").read_bytes() == before
    assert "Healthcare & Life Sciences" in result.out


def test_rerun_records_changed_levels_in_the_history(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    user_home.mkdir()
    answers = user_home / "a.yaml"
    answers.write_text("sector: retail\nstart: 2027-01-04\nlevels: {python: 2}\n")
    assert cli("assess", "--answers", str(answers)).code == 0
    # A re-run starts at the summary: change the first step's skills, then confirm.
    strokes = [DOWN * 7 + ENTER,  # "Change skills: Build programming foundations"
               tick(catalog, "programming", ["python", "git"], checked=("python",)),
               "4" + ENTER, "3" + ENTER]  # python is ticked (level 2): rate it 4, git 3
    typed(keys, *strokes, ENTER, "n" + ENTER)
    result = cli("assess")
    assert result.code == 0, result.err
    data = saved(user_home)
    assert data["profile"]["levels"] == {"git": 3, "python": 4}
    assert data["baseline"] == {"python": 2}
    today = dt.date.today().isoformat()
    assert data["history"] == [
        {"date": today, "via": "assess", "skill": "git", "from": 0, "to": 3},
        {"date": today, "via": "assess", "skill": "python", "from": 2, "to": 4}]


def test_going_back_from_the_summary_changes_an_answer(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    sectors = [s.id for s in catalog.sectors]
    summary = ["done", "background", "years_experience", "region", "sector"]
    typed(keys, *first_session(catalog),
          DOWN * summary.index("sector") + ENTER,      # summary: change target sector
          pick(sectors, "healthcare", "finance"),      # (finance is highlighted: the answer)
          ENTER,                                       # summary again: yes
          "n" + ENTER)                                 # no export
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    out = result.out
    assert out.count("Your answers (skill levels 0-4):") == 2
    assert "Your path to ML engineer in Healthcare & Life Sciences" in out
    assert saved(user_home)["profile"]["sector"] == "healthcare"


def test_changing_background_keeps_the_levels_set_by_hand(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    backgrounds = [b.id for b in catalog.backgrounds] + [""]
    analyst = next(b for b in catalog.backgrounds if b.id == "data-analyst")
    strokes = [DOWN + ENTER,                          # summary: change background
               pick(backgrounds, "data-analyst", "")]
    typed(keys, *first_session(catalog), *strokes, ENTER, "n" + ENTER)
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    assert "the ones you changed by hand are kept" in result.out
    data = saved(user_home)["profile"]
    assert data["background"] == "data-analyst"
    # python 3 and sql 2 were set by hand in the first session; the rest is the analyst's
    assert data["levels"] == dict(sorted({**analyst.levels, "python": 3, "sql": 2}.items()))


def test_the_quick_path_plans_from_typical_levels(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    background = catalog.backgrounds[0]
    typed(keys, *[ENTER] * 6, DOWN + ENTER,  # basics, then "start from typical levels"
          ENTER, "n" + ENTER)                 # summary: build the plan; no export
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    assert "how well do you know it" not in result.out  # no skill was asked
    assert saved(user_home)["profile"]["levels"] == dict(sorted(background.levels.items()))


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    if not folder.exists():
        return {}
    return {p.name: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in folder.iterdir()}


@pytest.mark.parametrize("cancel", [CTRL_C, ESC], ids=["ctrl-c", "esc"])
@pytest.mark.parametrize("existing", [False, True], ids=["first-run", "re-run"])
def test_cancel_midway_saves_nothing(
        keys: PipeInput, cli: Run, user_home: Path, cancel: str,
        existing: bool) -> None:
    if existing:
        user_home.mkdir()
        answers = user_home / "a.yaml"
        answers.write_text("sector: energy\nstart: 2027-01-04\n")
        assert cli("assess", "--answers", str(answers)).code == 0
    before = snapshot(user_home)
    # First run: cancel at the region question; a re-run starts at the summary.
    typed(keys, *([DOWN] if existing else [ENTER, replace_text("5")]), cancel)
    result = cli("assess", "--start", START)
    assert result.code == 130
    assert result.err == "Cancelled — nothing saved.\n"
    assert snapshot(user_home) == before
    assert not list(Path.cwd().iterdir())


def test_quit_from_the_summary_saves_nothing(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    typed(keys, *first_session(catalog), UP + ENTER)  # up from "Yes" wraps to the last: quit
    result = cli("assess", "--start", START)
    assert result.code == 130
    assert result.err == "Cancelled — nothing saved.\n"
    assert not user_home.exists()


def test_ctrl_c_at_the_export_question_keeps_the_saved_profile(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    typed(keys, *first_session(catalog), ENTER, CTRL_C)
    result = cli("assess", "--start", START)
    assert result.code == 130
    assert "no Markdown written (your profile is saved)" in result.err
    assert saved(user_home)["profile"]["sector"] == "finance"


def test_output_option_skips_the_export_question(
        keys: PipeInput, cli: Run, catalog: Catalog, tmp_path: Path) -> None:
    typed(keys, *first_session(catalog), ENTER)  # no keys left for an export question
    result = cli("assess", "--start", START, "--output", "plan.md", "--no-save")
    assert result.code == 0, result.err
    assert Path("plan.md").read_text().startswith("# Your path to ML engineer")
    assert not (tmp_path / "home").exists(), "--no-save touched the profile folder"


def test_export_asks_before_overwriting(
        keys: PipeInput, cli: Run, catalog: Catalog, tmp_path: Path) -> None:
    Path("mlpath-plan.md").write_text("mine\n")
    typed(keys, *first_session(catalog), ENTER,
          ENTER, ENTER,                 # export: yes, mlpath-plan.md
          ENTER,                        # exists: overwrite? default no
          replace_text("other.md"))     # so another name
    result = cli("assess", "--start", START, "--no-save")
    assert result.code == 0, result.err
    assert Path("mlpath-plan.md").read_text() == "mine\n"
    assert Path("other.md").read_text().startswith("# Your path")


def test_text_answers_are_validated_in_place(
        keys: PipeInput, cli: Run, catalog: Catalog, user_home: Path) -> None:
    strokes = first_session(catalog)
    strokes[1] = replace_text("lots") + replace_text("99") + replace_text("2")  # years
    typed(keys, *strokes, ENTER, "n" + ENTER)
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    assert saved(user_home)["profile"]["years_experience"] == 2


def test_export_to_a_missing_folder_asks_again(
        keys: PipeInput, cli: Run, catalog: Catalog) -> None:
    typed(keys, *first_session(catalog), ENTER,
          ENTER, replace_text("nowhere/plan.md"),  # export: yes, to a folder that is not there
          replace_text("plan.md"))                 # told why, asked again
    result = cli("assess", "--start", START, "--no-save")
    assert result.code == 0, result.err
    assert "Cannot write nowhere/plan.md: directory nowhere does not exist." in result.out
    assert Path("plan.md").read_text().startswith("# Your path")
