"""`mlpath assess` driven for real: each prompt, named, is fed its keystrokes through a pipe.

No answer is mocked: prompt_toolkit reads the keys from a pipe input (as questionary's own
tests do) and renders to a dummy output; only the terminal check is told there is one. The
script names each prompt it answers (see `Prompts`), so keys never depend on position.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
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
from mlpath.person.questions import BASICS, Question

ENTER, DOWN, UP, SPACE = "\r", "\x1b[B", "\x1b[A", " "
CTRL_C, ESC, CTRL_U = "\x03", "\x1b", "\x15"
START = "2027-01-04"
Run = Callable[..., Any]  # the `cli` fixture: runs mlpath, returns (code, out, err)


Answer = tuple[str, str]  # (the question's name, the keys that answer it)


class Prompts:
    """Answers each prompt by its question's name, as copier's tests `expect_prompt` by
    name: a prompt that is not the next one in the script fails the test and says which
    it was, so adding a question fails clearly instead of shifting every later key."""

    def __init__(self, pipe: PipeInput) -> None:
        self.pipe = pipe
        self.script: list[Answer] = []
        self.asked: list[str] = []
        self.wrong: str | None = None  # the first prompt that was not in the script


    def answer(self, *answers: Answer) -> None:
        self.script = list(answers)

    def ask(self, real: Callable[[Question], Any], question: Question) -> Any:
        expected = self.script.pop(0) if self.script else None
        if expected is None or question.name != expected[0]:
            self.wrong = (f"expected {'the ' + repr(expected[0]) if expected else 'no'} "
                          f"prompt, got {question.name!r} ({question.message}) "
                          f"after {self.asked}")
            raise AssertionError(self.wrong)
        name, strokes = expected
        self.asked.append(name)
        self.pipe.send_text(strokes)
        if not self.script:
            self.pipe.close()  # nothing more to type: a prompt left waiting ends at once
        return real(question)


@pytest.fixture
def keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Prompts]:
    """The prompts' script; the working directory is a scratch folder (exports)."""
    import mlpath.cli.assess
    from mlpath.person import prompts

    monkeypatch.setattr(mlpath.cli.assess, "has_terminal", lambda: True)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    # A prompt given too few keys would wait for more forever: stop the run instead.
    faulthandler.dump_traceback_later(120, exit=True)
    try:
        with create_pipe_input() as pipe, create_app_session(input=pipe,
                                                             output=DummyOutput()):
            driver = Prompts(pipe)
            real = prompts._ask_once
            monkeypatch.setattr(prompts, "_ask_once", lambda q: driver.ask(real, q))
            yield driver
    finally:
        faulthandler.cancel_dump_traceback_later()
    never = [name for name, _ in driver.script]
    assert driver.wrong or not never, f"prompts never asked: {never}"


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
    data: dict[str, Any] = yaml.safe_load((home / "profile.yaml").read_text(encoding="utf-8"))
    return data


def first_session(cat: Catalog, years: tuple[str, ...] = ("2",)) -> list[Answer]:
    """A newcomer with no background: picks everything by hand; rates python 3, sql 2."""
    backgrounds = [b.id for b in cat.backgrounds] + [""]
    regions = [r.id for r in cat.salaries.regions]
    sectors = [s.id for s in cat.sectors]
    script = [
        ("background", pick(backgrounds, "", backgrounds[0])),  # None of these
        *(("years_experience", replace_text(y)) for y in years),
        ("region", pick(regions, "uk", regions[0])),
        ("role", ENTER),                                       # ML engineer, the default
        ("sector", pick(sectors, "finance", sectors[0])),
        ("hours_per_week", replace_text("10")),
        ("start", ENTER),                                      # --start pre-fills it
        ("rate_now", ENTER),                                   # rate the skills now
    ]
    for step in steps(cat):
        if step == "programming":
            script += [(f"used:{step}", tick(cat, step, ["python", "sql"])),
                       ("level:python", "3" + ENTER), ("level:sql", ENTER)]  # sql: 2 default
        else:
            script.append((f"used:{step}", ENTER))  # nothing ticked
    return script


CONFIRM: Answer = ("summary", ENTER)  # "Is this right?" Yes, build my plan
NO_EXPORT: Answer = ("export", "n")


def test_full_session_plans_saves_and_exports(
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    keys.answer(*first_session(catalog), CONFIRM,
                ("export", ENTER), ("export_path", ENTER))  # yes; the default file name
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    out = result.out
    assert "Goal: ML engineer in Finance & FinTech" in out
    assert "region uk · 10 h/week · starting 2027-01-04" in out
    assert "Your answers (skill levels 0-4):" in out and "Python 3, SQL 2" in out
    data = saved(user_home)
    assert data["schema_version"] == 1
    assert data["profile"] == {"sector": "finance", "role": "ml-engineer", "background": None,
                               "years_experience": 2,
                               "region": "uk", "hours_per_week": 10, "start": START,
                               "levels": {"python": 3, "sql": 2}}
    assert data["baseline"] == {"python": 3, "sql": 2} and data["history"] == []
    assert not (user_home / "profile.yaml.bak").exists()
    export = Path("mlpath-plan.md").read_text(encoding="utf-8")
    assert export.startswith("# Goal: ML engineer in Finance & FinTech")
    assert "Saved your profile to" in result.err


def test_background_prefills_levels_that_enter_confirms(
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    background = catalog.backgrounds[0]
    script = [(name, ENTER) for name in BASICS]  # the first of everything
    script.append(("rate_now", ENTER))  # rate the skills now
    for step in steps(catalog):
        script.append((f"used:{step}", ENTER))  # keep the ticks (skills at level 2 or more)
        script += [(f"level:{s.id}", ENTER) for s in catalog.skills_in(step)
                   if background.levels.get(s.id, 0) >= 2]
    keys.answer(*script, CONFIRM, NO_EXPORT)
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    data = saved(user_home)
    assert data["profile"]["background"] == background.id
    assert data["profile"]["sector"] == catalog.sectors[0].id
    assert data["profile"]["levels"] == dict(sorted(background.levels.items()))
    assert not list(Path.cwd().iterdir()), "answering no to the export wrote nothing"


def test_rerun_prefills_every_answer_and_keeps_history(
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    first = user_home / "answers.yaml"
    user_home.mkdir()
    first.write_text("sector: healthcare\nbackground: data-analyst\nyears_experience: 4\n"
                     "region: india\nhours_per_week: 12\nstart: 2027-03-01\n"
                     "levels: {python: 3, pytorch: 2}\n", encoding="utf-8")
    assert cli("assess", "--answers", str(first)).code == 0
    before = (user_home / "profile.yaml").read_bytes()
    keys.answer(CONFIRM, NO_EXPORT)  # a re-run starts at the summary: Enter plans again
    result = cli("assess")
    assert result.code == 0, result.err
    assert "Welcome back" in result.out
    after = saved(user_home)
    assert after["profile"] == yaml.safe_load(before)["profile"]  # Enter everywhere: unchanged
    assert after["history"] == []
    assert (user_home / "profile.yaml.bak").read_bytes() == before
    assert "Healthcare & Life Sciences" in result.out


def test_rerun_records_changed_levels_in_the_history(
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    user_home.mkdir()
    answers = user_home / "a.yaml"
    answers.write_text("sector: retail\nstart: 2027-01-04\nlevels: {python: 2}\n")
    assert cli("assess", "--answers", str(answers)).code == 0
    # A re-run starts at the summary: change the first step's skills, then confirm.
    keys.answer(("summary", DOWN * 8 + ENTER),  # "Change skills: Build programming foundations"
                ("used:programming",
                 tick(catalog, "programming", ["python", "git"], checked=("python",))),
                ("level:python", "4" + ENTER), ("level:git", "3" + ENTER),
                CONFIRM, NO_EXPORT)
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
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    sectors = [s.id for s in catalog.sectors]
    summary = ["done", "background", "years_experience", "region", "role", "sector"]
    keys.answer(*first_session(catalog),
                ("summary", DOWN * summary.index("sector") + ENTER),  # change target sector
                ("sector", pick(sectors, "healthcare", "finance")),  # finance: the answer
                CONFIRM, NO_EXPORT)
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    out = result.out
    assert out.count("Your answers (skill levels 0-4):") == 2
    assert "Goal: ML engineer in Healthcare & Life Sciences" in out
    assert saved(user_home)["profile"]["sector"] == "healthcare"


def test_changing_background_keeps_the_levels_set_by_hand(
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    backgrounds = [b.id for b in catalog.backgrounds] + [""]
    analyst = next(b for b in catalog.backgrounds if b.id == "data-analyst")
    keys.answer(*first_session(catalog), ("summary", DOWN + ENTER),  # change background
                ("background", pick(backgrounds, "data-analyst", "")), CONFIRM, NO_EXPORT)
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    assert "the ones you changed by hand are kept" in result.out
    data = saved(user_home)["profile"]
    assert data["background"] == "data-analyst"
    # python 3 and sql 2 were set by hand in the first session; the rest is the analyst's
    assert data["levels"] == dict(sorted({**analyst.levels, "python": 3, "sql": 2}.items()))


def test_the_quick_path_plans_from_typical_levels(
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    background = catalog.backgrounds[0]
    keys.answer(*[(name, ENTER) for name in BASICS],
                ("rate_now", DOWN + ENTER),  # "start from typical levels"
                CONFIRM, NO_EXPORT)
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
        keys: Prompts, cli: Run, user_home: Path, cancel: str,
        existing: bool) -> None:
    if existing:
        user_home.mkdir()
        answers = user_home / "a.yaml"
        answers.write_text("sector: energy\nstart: 2027-01-04\n")
        assert cli("assess", "--answers", str(answers)).code == 0
    before = snapshot(user_home)
    # First run: cancel at the region question; a re-run starts at the summary.
    keys.answer(*([("summary", DOWN + cancel)] if existing else
                  [("background", ENTER), ("years_experience", replace_text("5")),
                   ("region", cancel)]))
    result = cli("assess", "--start", START)
    assert result.code == 130
    assert result.err == "Cancelled — nothing saved.\n"
    assert snapshot(user_home) == before
    assert not list(Path.cwd().iterdir())


def test_quit_from_the_summary_saves_nothing(
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    # up from "Yes" wraps to the last choice: quit
    keys.answer(*first_session(catalog), ("summary", UP + ENTER))
    result = cli("assess", "--start", START)
    assert result.code == 130
    assert result.err == "Cancelled — nothing saved.\n"
    assert not user_home.exists()


def test_ctrl_c_at_the_export_question_keeps_the_saved_profile(
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    keys.answer(*first_session(catalog), CONFIRM, ("export", CTRL_C))
    result = cli("assess", "--start", START)
    assert result.code == 130
    assert "no Markdown written (your profile is saved)" in result.err
    assert saved(user_home)["profile"]["sector"] == "finance"


def test_output_option_skips_the_export_question(
        keys: Prompts, cli: Run, catalog: Catalog, tmp_path: Path) -> None:
    keys.answer(*first_session(catalog), CONFIRM)  # an export question would be unexpected
    result = cli("assess", "--start", START, "--output", "plan.md", "--no-save")
    assert result.code == 0, result.err
    assert Path("plan.md").read_text().startswith("# Goal: ML engineer")
    assert not (tmp_path / "home").exists(), "--no-save touched the profile folder"


def test_export_asks_before_overwriting(
        keys: Prompts, cli: Run, catalog: Catalog, tmp_path: Path) -> None:
    Path("mlpath-plan.md").write_text("mine\n")
    keys.answer(*first_session(catalog), CONFIRM,
                ("export", ENTER), ("export_path", ENTER),  # yes, mlpath-plan.md
                ("overwrite", ENTER),                        # exists: default no
                ("export_path", replace_text("other.md")))   # so another name
    result = cli("assess", "--start", START, "--no-save")
    assert result.code == 0, result.err
    assert Path("mlpath-plan.md").read_text() == "mine\n"
    assert Path("other.md").read_text().startswith("# Goal:")


def test_text_answers_are_validated_in_place(
        keys: Prompts, cli: Run, catalog: Catalog, user_home: Path) -> None:
    # asked again after each bad answer
    keys.answer(*first_session(catalog, years=("lots", "99", "2")), CONFIRM, NO_EXPORT)
    result = cli("assess", "--start", START)
    assert result.code == 0, result.err
    assert saved(user_home)["profile"]["years_experience"] == 2


def test_export_to_a_missing_folder_asks_again(
        keys: Prompts, cli: Run, catalog: Catalog) -> None:
    keys.answer(*first_session(catalog), CONFIRM, ("export", ENTER),
                ("export_path", replace_text("nowhere/plan.md")),  # a folder that is not there
                ("export_path", replace_text("plan.md")))          # told why, asked again
    result = cli("assess", "--start", START, "--no-save")
    assert result.code == 0, result.err
    assert "Cannot write nowhere/plan.md: directory nowhere does not exist." in result.out
    assert Path("plan.md").read_text().startswith("# Goal:")
