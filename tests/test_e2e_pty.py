"""End to end: the installed `mlpath assess` in a pseudo-terminal, answered by keystrokes."""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.slow

DOWN, ENTER = "\x1b[B", "\r"
TIMEOUT = 30  # generous: a loaded CI machine
ANSI = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|[()][0-9A-B]|[=>])")


def installed_mlpath() -> str:
    beside = Path(sys.executable).parent / "mlpath"
    found = str(beside) if beside.exists() else shutil.which("mlpath")
    if not found:
        pytest.skip("the mlpath command is not installed")
    return found


def terminal_env(home: Path) -> dict[str, str]:
    # pexpect is no terminal emulator: it never answers prompt_toolkit's cursor-position
    # request, which would cost a one-second wait at every prompt.
    return {**os.environ, "MLPATH_HOME": str(home), "TERM": "xterm-256color",
            "PROMPT_TOOLKIT_NO_CPR": "1"}


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_assess_in_a_terminal(tmp_path: Path, user_home: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = terminal_env(user_home)
    child = pexpect.spawn(installed_mlpath(), ["assess", "--start", "2027-01-04"], env=env,
                          cwd=str(work), dimensions=(40, 120), encoding="utf-8",
                          timeout=TIMEOUT)
    transcript: list[str] = []
    child.logfile_read = _Collect(transcript)

    def answer(prompt: str, keys: str) -> None:
        child.expect(prompt)
        child.send(keys)

    answer("Which background is closest to yours", DOWN + ENTER)   # Data analyst
    answer("Years of professional experience", "\x15" + "3" + ENTER)
    answer("Where do you want to work", DOWN + ENTER)              # United Kingdom
    answer("Which job do you want", ENTER)                         # ML engineer
    answer("Which sector do you want to work in", DOWN + ENTER)    # Finance & FinTech
    answer("Hours of study per week", "\x15" + "10" + ENTER)
    answer("First day of week 1", ENTER)                           # --start pre-filled it
    answer("Rate your skills now", ENTER)                          # yes, step by step
    rated_python = False
    # The skill steps: keep the background's ticks; Python 4, the rest as offered. A prompt's
    # text is drawn again when it is answered; its instruction only while it waits.
    waiting = r"[^\n]*\((space ticks|arrows or 0-4, then enter|Use arrow keys)\)"
    while True:
        found = child.expect([r"which have you used\?" + waiting,
                              r"Python: how well do you know it\?" + waiting,
                              r"how well do you know it\?" + waiting,
                              r"Is this right\?" + waiting])
        if found == 3:
            break
        if found == 1:
            rated_python = True
            child.send("4" + ENTER)
        else:
            child.send(ENTER)
    assert rated_python
    child.send(ENTER)                                              # Yes — build my plan
    answer("Export a Markdown checklist", "y")
    answer("File name", ENTER)                                     # mlpath-plan.md
    child.expect(pexpect.EOF)
    child.close()
    output = ANSI.sub("", "".join(transcript))
    assert child.exitstatus == 0, output[-2000:]

    assert "Goal: ML engineer in Finance & FinTech" in output
    assert re.search(r"~[\d,]+ h · \d+ weeks at 10 h/week · done by \d{4}-\d\d-\d\d", output)
    data = yaml.safe_load((user_home / "profile.yaml").read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    profile = data["profile"]
    assert (profile["sector"], profile["background"], profile["region"]) == (
        "finance", "data-analyst", "uk")
    assert (profile["years_experience"], profile["hours_per_week"], profile["start"]) == (
        3, 10, "2027-01-04")
    assert profile["levels"]["python"] == 4 and profile["levels"]["sql"] == 3
    assert (work / "mlpath-plan.md").read_text(encoding="utf-8").startswith(
        "# Goal: ML engineer in Finance & FinTech")


def test_ctrl_c_in_a_terminal_saves_nothing(tmp_path: Path, user_home: Path) -> None:
    env = terminal_env(user_home)
    child = pexpect.spawn(installed_mlpath(), ["assess"], env=env, cwd=str(tmp_path),
                          dimensions=(40, 120), encoding="utf-8", timeout=TIMEOUT)
    child.expect("Which background is closest to yours")
    child.send(ENTER)
    child.expect("Years of professional experience")
    child.sendcontrol("c")
    child.expect("Cancelled — nothing saved")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not user_home.exists()


class _Collect:
    """A pexpect log file that keeps what the program wrote."""

    def __init__(self, into: list[str]) -> None:
        self.into = into

    def write(self, text: str) -> None:
        self.into.append(text)

    def flush(self) -> None:
        pass
