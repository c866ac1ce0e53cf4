"""The README stays true: its set-up commands and its example outputs.

UPDATE_README=1 rewrites each example's output with what the command prints now
(keeping a trimmed example trimmed to the same length); review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import Run

README = Path(__file__).resolve().parents[1] / "README.md"
TEXT = README.read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```console\n\$ mlpath (.+?)\n(.*?)```", TEXT, re.S)


def test_readme_opens_with_the_two_setup_commands() -> None:
    run = re.search(r"<!-- run-command -->\n```sh\n(.+?)\n```", TEXT)
    test = re.search(r"<!-- test-command -->\n```sh\n(.+?)\n```", TEXT)
    assert run and test
    assert "pip install ." in run.group(1) and "mlpath" in run.group(1)
    assert "pytest" in test.group(1)
    ci = (README.parent / ".ci" / "run").read_text()
    assert "<!-- test-command -->" in ci, ".ci/run must run the README's own test command"


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_output_is_real(command: str, shown: str, cli: Run,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(*command.split())
    actual = [line.rstrip() for line in (result.out or result.err).splitlines()]
    expected = shown.rstrip("\n").splitlines()
    if expected and expected[-1] == "…":
        expected = expected[:-1]
        actual = actual[:len(expected)]
    for lines in (actual, expected):
        while lines and not lines[-1]:
            lines.pop()
    if os.environ.get("UPDATE_README") and actual != expected:
        trimmed = shown.rstrip("\n").endswith("…")
        new = "\n".join(actual) + ("\n…" if trimmed else "") + "\n"
        old_block = f"```console\n$ mlpath {command}\n{shown}```"
        text = README.read_text(encoding="utf-8")
        README.write_text(text.replace(old_block, f"```console\n$ mlpath {command}\n{new}```", 1),
                          encoding="utf-8")
        return
    assert actual == expected, f"README example '$ mlpath {command}' is out of date"


def test_readme_plan_lengths_table_is_real(cli: Run) -> None:
    import json

    rows = re.findall(r"^\| (software engineer|data analyst|physics or maths graduate|student|"
                      r"career changer) \| (.+) \|$", TEXT, re.M)
    assert len(rows) == 5
    for name, cells in rows:
        background = {"physics or maths graduate": "physics-maths-graduate"}.get(
            name, name.replace(" ", "-"))
        for sector, cell in zip(("finance", "healthcare", "tech"), cells.split(" | "),
                                strict=True):
            plan = json.loads(cli("plan", "--sector", sector, "--background", background,
                                  "--start", "2027-01-04", "--json", "--no-profile").out)
            assert cell == f"{plan['total_hours']:,} h · {plan['total_weeks']} weeks", (
                name, sector)


# --- the first session: a questionnaire transcript, checked against the real questions ---
SESSION = re.search(r"```text\n\$ mlpath assess --start 2027-01-04\n(.*?)```", TEXT, re.S)
PLAN_ARGS = ("plan", "--no-profile", "--sector", "finance", "--background", "software-engineer",
             "--years-experience", "4", "--region", "uk", "--hours-per-week", "10",
             "--start", "2027-01-04")


def test_readme_session_asks_the_real_questions(catalog) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    from mlpath.person import questions as q
    from mlpath.person.interview import summary
    from mlpath.person.profile import make_profile

    assert SESSION, "README: the first session is missing"
    lines = SESSION.group(1).splitlines()
    person = make_profile(catalog, sector="finance", background="software-engineer",
                          years_experience=4, region="uk", hours_per_week=8,
                          start=dt.date(2027, 1, 4))
    messages = {q.basic_question(catalog, name, person).message for name in q.BASICS}
    messages |= {q.rate_now_question().message, q.summary_question(catalog).message,
                 q.export_question().message, q.export_path_question("x").message}
    asked = [line[2:] for line in lines if line.startswith("? ")]
    assert len(asked) >= 8
    for line in asked:
        assert any(line.startswith(m) for m in messages), line
    shown = summary(catalog, person, 91).strip("\n").splitlines()
    start = lines.index(shown[0])
    assert lines[start:start + len(shown)] == shown


def test_readme_session_shows_the_real_plan(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert SESSION
    lines = SESSION.group(1).splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith(("Your path to", "Goal: ")))
    cut = next(i for i in range(first, len(lines)) if lines[i].strip() == "…")
    monkeypatch.setenv("COLUMNS", "100")
    real = [line.rstrip() for line in cli(*PLAN_ARGS).out.splitlines()]
    shown = lines[first:cut]
    if os.environ.get("UPDATE_README") and real[:len(shown)] != shown:
        block = SESSION.group(0)
        fixed = block.replace("\n".join(shown), "\n".join(real[:len(shown)]), 1)
        README.write_text(README.read_text(encoding="utf-8").replace(block, fixed, 1),
                          encoding="utf-8")
        return
    assert real[:len(shown)] == shown, "README: the session's plan is out of date"
    for line in lines[cut + 1:]:  # the end of the plan as shown
        if line.startswith(("~", "18.", "Shown:", "add --all")):
            assert line in real, line
    assert lines[-1].startswith("Wrote /") and lines[-1].endswith("/mlpath-plan.md (markdown)")


def test_readme_is_for_users_first() -> None:
    assert len(TEXT.splitlines()) <= 450
    head = TEXT[:TEXT.index("## Contents")]
    assert "mlpath-plan.md" in head and "git ignores it" in head  # where the run command writes
    assert "mlpath-plan.md" in (README.parent / ".gitignore").read_text().splitlines()
    for section in ("## Install", "## A first session", "## Commands", "## FAQ"):
        assert section in TEXT
    assert "UPDATE_GOLDEN" not in TEXT  # developer internals live in docs/
