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
