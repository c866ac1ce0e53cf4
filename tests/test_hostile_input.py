"""Hostile and careless input end to end (issue 19, classes 4, 7, 8, 9 and 12): postings
that try to drive the terminal or plant plan markers, unbounded stdin, output that cannot
be written, Ctrl-C during start-up, markers naming a skill by another name, several
postings with bad ones among them. Each case failed before its fix."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from mlpath.person.store import profile_path

MLPATH = [sys.executable, "-m", "mlpath"]
ESC = "\x1b"
HOSTILE_TITLE = (f"Senior ML Engineer {ESC}]0;pwned{ESC}\\{ESC}[2J{ESC}]52;c;ZWNobyBoaQ==\x07"
                 "\u202egnp.exe <!-- mlpath:skill=kubernetes to=4 part=1/1 -->")
HOSTILE = (f"# {HOSTILE_TITLE}\n\n## Requirements\n- Python and SQL {ESC}[31mrequired{ESC}[0m\n"
           "- Docker &#27;]0;title&#7; a plus\n")


def run(*args: str, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*MLPATH, *args], input=stdin, capture_output=True, timeout=60)


def assert_clean(text: str) -> None:
    assert ESC not in text and "\x07" not in text and "\u202e" not in text, repr(text[:300])


# --- 7. postings are sanitised ------------------------------------------------------------
def test_posting_escapes_reach_neither_terminal_nor_json(cli: Callable[..., Any],
                                                        tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text(HOSTILE, encoding="utf-8")
    shown = cli("match", str(posting), "--no-profile")
    assert shown.code == 0, shown.err
    assert_clean(shown.out + shown.err)
    data = cli("match", str(posting), "--no-profile", "--json")
    assert_clean(data.out)
    found = json.loads(data.out)
    assert found["posting"]["title"].startswith("Senior ML Engineer")
    assert "<!--" not in found["posting"]["title"]
    assert {"python", "sql"} <= {s["skill"] for s in found["skills"]}  # still matched


def test_a_posting_title_cannot_plant_a_marker_that_sync_obeys(cli: Callable[..., Any],
                                                               tmp_path: Path) -> None:
    posting = tmp_path / "job.md"
    posting.write_text(HOSTILE, encoding="utf-8")
    plan_md = tmp_path / "plan.md"
    made = cli("plan", "--sector", "finance", "--start", "2027-01-04", "--posting", str(posting),
               "--format", "markdown", "--output", str(plan_md))
    assert made.code == 0, made.err
    text = plan_md.read_text(encoding="utf-8")
    assert_clean(text)
    assert "<!-- mlpath:skill=kubernetes to=4 part=1/1 -->" not in text
    # tick every box: the planted marker, had it survived, would record kubernetes 4
    plan_md.write_text(re.sub(r"^- \[ \]", "- [x]", text, flags=re.M), encoding="utf-8")
    assert cli("progress", "sync", str(plan_md), "--today", "2027-01-05").code == 0
    levels = yaml.safe_load(profile_path().read_text())["profile"]["levels"]
    assert levels.get("kubernetes", 0) < 4


# --- 8 and 9. stdin bounded and decoded like a file ---------------------------------------
def test_endless_stdin_stops_at_the_limit() -> None:
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        result = subprocess.run([*MLPATH, "match", "-", "--no-profile"], stdin=yes.stdout,
                                capture_output=True, timeout=30)
    finally:
        yes.kill()
        yes.wait()
    assert result.returncode == 1
    assert b"<stdin> is over 1 MB" in result.stderr and b"Traceback" not in result.stderr


def test_a_latin1_posting_on_stdin_is_one_line() -> None:
    latin1 = "Ingénieur ML\nPython requis\n".encode("latin-1")
    result = run("match", "-", "--no-profile", stdin=latin1)
    assert result.returncode == 1
    assert result.stderr.decode().strip().splitlines() == [
        "Error: <stdin> is not UTF-8 text; save the posting as UTF-8 text (plain text, "
        "Markdown or HTML) and try again."]


# --- 9. output that cannot be written, Ctrl-C during start-up -----------------------------
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_on_a_full_device_is_one_line() -> None:
    with open("/dev/full", "wb") as full:  # written to, never replaced
        result = subprocess.run([*MLPATH, "plan", "--sector", "finance", "--all"], stdout=full,
                                stderr=subprocess.PIPE, timeout=60)
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert err.strip().splitlines() == [
        "Error: cannot write the output: No space left on device."]


def test_ctrl_c_while_the_cli_imports_is_exit_130() -> None:
    # Deterministic stand-in for a Ctrl-C in the first ~80 ms: the interrupt arrives
    # while typer is being imported.
    code = ("import builtins, sys\n"
            "real = builtins.__import__\n"
            "def interrupted(name, *args, **kwargs):\n"
            "    if name == 'typer':\n"
            "        raise KeyboardInterrupt\n"
            "    return real(name, *args, **kwargs)\n"
            "builtins.__import__ = interrupted\n"
            "sys.argv = ['mlpath', 'plan', '--sector', 'finance']\n"
            "from mlpath.launch import main\n"
            "raise SystemExit(main())\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode == 130
    assert result.stderr.decode() == "Cancelled.\n"


def test_deeply_nested_json_in_a_plan_marker_is_one_line(cli: Callable[..., Any],
                                                         tmp_path: Path) -> None:
    plan_md = tmp_path / "plan.md"
    assert cli("plan", "--sector", "finance", "--format", "markdown",
               "--output", str(plan_md)).code == 0
    text = re.sub(r"<!-- mlpath:profile \{.*\} -->",
                  "<!-- mlpath:profile {\"a\": " + "[" * 40_000 + "]" * 40_000 + "} -->",
                  plan_md.read_text())
    plan_md.write_text(text)
    result = cli("progress", "sync", str(plan_md))
    assert result.code == 1
    assert "the recorded profile is not valid JSON" in result.err


@pytest.mark.parametrize(("old", "new", "message"), [
    ('"start":"2027-01-04"', '"start":"9999-01-04"', "'start' must be a date from 1900 to 2200"),
    ('"python":', '"python":1e999,"x":', "Level for 'python' must be a whole number"),
], ids=["year-9999", "level-1e999"])
def test_a_recorded_profile_mlpath_cannot_plan_from_is_one_line(
        cli: Callable[..., Any], tmp_path: Path, old: str, new: str, message: str) -> None:
    plan_md = tmp_path / "plan.md"
    assert cli("plan", "--sector", "finance", "--start", "2027-01-04", "--know", "python=1",
               "--format", "markdown", "--output", str(plan_md)).code == 0
    text = plan_md.read_text()
    assert old in text, "the row tests nothing"
    plan_md.write_text(text.replace(old, new, 1))
    result = cli("progress", "sync", str(plan_md), "--today", "2027-01-05")
    assert result.code == 1 and message in result.err, result.err
    assert not profile_path().exists()


# --- 4. a marker naming a skill by another name is recorded under its id ------------------
def test_sync_records_canonical_ids(cli: Callable[..., Any], tmp_path: Path) -> None:
    plan_md = tmp_path / "plan.md"
    assert cli("plan", "--sector", "finance", "--start", "2027-01-04", "--format", "markdown",
               "--output", str(plan_md)).code == 0
    text = plan_md.read_text().replace("mlpath:skill=sql ", "mlpath:skill=SQL ")
    text = re.sub(r"^- \[ \] (.*mlpath:skill=SQL )", r"- [x] \1", text, flags=re.M)
    plan_md.write_text(text)
    result = cli("progress", "sync", str(plan_md), "--today", "2027-02-01")
    assert result.code == 0, result.err
    saved = yaml.safe_load(profile_path().read_text())
    assert saved["profile"]["levels"].get("sql") == 3
    assert "SQL" not in saved["profile"]["levels"]
    assert cli("progress", "set", "python", "1").code == 0  # and the next load keeps it
    again = yaml.safe_load(profile_path().read_text())["profile"]["levels"]
    assert again.get("sql") == 3 and "SQL" not in again


# --- 12. several postings: every bad one named, the good ones shown, exit 1 ---------------
def test_match_with_bad_files_among_good_ones(cli: Callable[..., Any], tmp_path: Path) -> None:
    good = tmp_path / "good.md"
    good.write_text("# ML Engineer\n\n## Requirements\n- Python and SQL\n")
    (tmp_path / "binary.md").write_bytes(b"\x89PNG\x00\x00")
    result = cli("match", str(tmp_path / "missing.md"), str(good), str(tmp_path / "binary.md"),
                 "--no-profile", "--json")
    assert result.code == 1
    errors = result.err.strip().splitlines()
    assert len(errors) == 2 and "missing.md: no such file" in errors[0]
    assert "binary.md looks like a binary file" in errors[1]
    shown = json.loads(result.out)
    assert [f["posting"]["file"] for f in shown] == [str(good)]


# --- 9. a fork with a 1,000-deep prerequisite chain ---------------------------------------
def chain_fork(folder: Path, length: int) -> None:
    """Add `length` skills to the fork, each requiring the one before (the first: python);
    each a copy of python, so the fork stays valid whatever fields skills gain."""
    import copy

    path = folder / "roadmap.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    python = next(s for s in doc["skills"] if s["id"] == "python")
    for i in range(length):
        skill = copy.deepcopy(python)
        skill.update(id=f"chain-{i}", name=f"Chain {i}", phrases=[f"chainskill{i}"],
                     prerequisites=[f"chain-{i - 1}" if i else "python"], track="elective")
        for resource in skill.get("resources", []):
            resource["id"] = f"{resource['id']}-chain-{i}"
        for topic in skill.get("topics", []):
            if "resource" in topic:
                topic["resource"] = f"{topic['resource']}-chain-{i}"
        doc["skills"].append(skill)
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")


def test_a_thousand_deep_prerequisite_chain(cli: Callable[..., Any], data_copy: Path) -> None:
    chain_fork(data_copy, 1000)
    result = cli("plan", "--sector", "finance", "--also", "chain-999", "--format", "json",
                 "--data-dir", str(data_copy))
    assert result.code == 0, result.err[-500:]
    assert "chain-999" in {g["skill"] for g in json.loads(result.out)["gaps"]}


def test_a_recursion_error_anywhere_is_one_line(cli: Callable[..., Any],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def too_deep(*args: Any, **kwargs: Any) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("mlpath.planning.build_plan", too_deep)
    result = cli("plan", "--sector", "finance")
    assert result.code == 1
    assert result.err.startswith("Error: The input is nested too deeply to read")
    assert len(result.err.strip().splitlines()) == 1


def test_assess_never_plans_or_saves_from_a_date_it_cannot_plan_from(catalog: Any) -> None:
    """Whatever way the answers came (the questionnaire's start question included)."""
    import datetime as dt

    from mlpath.cli.assess import _finish
    from mlpath.errors import UsageError
    from mlpath.person.profile import make_profile

    person = make_profile(catalog, sector="finance", start=dt.date(9999, 1, 4))
    with pytest.raises(UsageError, match="The start date must be a date from 1900 to 2200"):
        _finish(catalog, person, None, dt.date(2027, 1, 4), via="assess", save=True,
                output=None, force=False, interactive=False)
    assert not profile_path().exists()
