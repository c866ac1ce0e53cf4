"""`mlpath assess` without a person at the keyboard: --answers FILE, no terminal, bad files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

Run = Callable[..., Any]

FULL = """\
sector: finance
background: software-engineer
years_experience: 3
region: uk
hours_per_week: 10
start: 2027-01-04
levels: {python: 3, sql: 2, pytorch: 1}
"""


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def saved(home: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((home / "profile.yaml").read_text(encoding="utf-8"))
    return data


def test_answers_file_plans_and_saves(cli: Run, tmp_path: Path, user_home: Path) -> None:
    result = cli("assess", "--answers", write(tmp_path, FULL))
    assert result.code == 0, result.err
    assert "Goal: ML engineer in Finance & FinTech" in result.out
    assert "region uk · 10 h/week · starting 2027-01-04 · background software-engineer" \
        in result.out
    profile = saved(user_home)["profile"]
    assert profile["levels"]["python"] == 3 and profile["levels"]["sql"] == 2
    assert profile["levels"]["pytorch"] == 1
    assert profile["levels"]["git"] == 3  # from the background
    assert (profile["sector"], profile["region"], profile["years_experience"]) == (
        "finance", "uk", 3)


def test_answers_file_gives_the_same_plan_as_plan_options(cli: Run, tmp_path: Path) -> None:
    via_answers = cli("assess", "--answers", write(tmp_path, FULL), "--no-save")
    via_plan = cli("plan", "--sector", "finance", "--background", "software-engineer",
                   "--know", "python=3,sql=2,pytorch=1", "--region", "uk",
                   "--hours-per-week", "10", "--start", "2027-01-04",
                   "--years-experience", "3")
    assert via_answers.code == via_plan.code == 0
    assert via_answers.out == via_plan.out


def test_saved_profile_is_what_plan_profile_uses(cli: Run, tmp_path: Path) -> None:
    assess = cli("assess", "--answers", write(tmp_path, FULL))
    assert cli("plan", "--profile").out == assess.out
    assert cli("plan").out == assess.out  # no --sector and a saved profile: plans from it


def test_minimal_answers_use_documented_defaults(cli: Run, tmp_path: Path,
                                                 user_home: Path) -> None:
    result = cli("assess", "--answers", write(tmp_path, "sector: fintech\n"),
                 "--start", "2027-02-01")
    assert result.code == 0, result.err
    assert saved(user_home)["profile"] == {
        "sector": "finance", "role": "ml-engineer", "background": None,
        "years_experience": 0, "region": "us", "hours_per_week": 15, "start": "2027-02-01",
        "levels": {}}


def test_start_option_overrides_the_file(cli: Run, tmp_path: Path, user_home: Path) -> None:
    assert cli("assess", "--answers", write(tmp_path, FULL), "--start", "2028-05-01").code == 0
    assert saved(user_home)["profile"]["start"] == "2028-05-01"


def test_rerun_from_answers_backs_up_and_records_history(cli: Run, tmp_path: Path,
                                                         user_home: Path) -> None:
    assert cli("assess", "--answers", write(tmp_path, FULL)).code == 0
    first = (user_home / "profile.yaml").read_bytes()
    changed = FULL.replace("python: 3", "python: 4")
    assert cli("assess", "--answers", write(tmp_path, changed)).code == 0
    assert (user_home / "profile.yaml.bak").read_bytes() == first
    data = saved(user_home)
    assert data["profile"]["levels"]["python"] == 4
    assert data["baseline"]["python"] == 3
    assert [(h["skill"], h["from"], h["to"], h["via"]) for h in data["history"]] == [
        ("python", 3, 4, "answers")]


def test_no_save_touches_nothing(cli: Run, tmp_path: Path, user_home: Path) -> None:
    result = cli("assess", "--answers", write(tmp_path, FULL), "--no-save")
    assert result.code == 0 and "Saved" not in result.err
    assert not user_home.exists()


def test_output_writes_markdown(cli: Run, tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    result = cli("assess", "--answers", write(tmp_path, FULL), "--output", str(out))
    assert result.code == 0, result.err
    assert out.read_text(encoding="utf-8").startswith("# Goal: ML engineer in Finance")
    assert cli("assess", "--answers", write(tmp_path, FULL), "--output", str(out)).code == 1
    assert cli("assess", "--answers", write(tmp_path, FULL), "--output", str(out),
               "--force").code == 0


def test_unwritable_output_fails_before_anything_else(cli: Run, tmp_path: Path,
                                                      user_home: Path) -> None:
    result = cli("assess", "--answers", write(tmp_path, FULL), "--output",
                 str(tmp_path / "nowhere" / "plan.md"))
    assert result.code == 1 and "does not exist" in result.err
    assert result.out == "" and not user_home.exists()


@pytest.mark.parametrize(("text", "message"), [
    ("sectr: finance\n", "answers.yaml: unknown key 'sectr'. Did you mean 'sector'?"),
    ("region: uk\n", "answers.yaml: 'sector' is required, e.g. sector: finance"),
    ("sector: fintek\n", "answers.yaml: Unknown sector 'fintek'. Did you mean 'finance'?"),
    ("sector: [finance]\n", "answers.yaml: 'sector' must be a name, e.g. sector: finance"),
    ("sector: finance\nregion: mars\n", "answers.yaml: Unknown region 'mars'."),
    ("sector: finance\nbackground: wizard\n", "answers.yaml: Unknown background 'wizard'."),
    ("sector: finance\nhours_per_week: 0\n",
     "answers.yaml: Hours per week must be a whole number from 1 to 80 (got '0')."),
    ("sector: finance\nhours_per_week: ten\n", "(got 'ten')"),
    ("sector: finance\nyears_experience: -1\n", "answers.yaml: Years of experience must be"),
    ("sector: finance\nstart: 2027-02-30\n",
     "answers.yaml: 'start' must be a date YYYY-MM-DD (got '2027-02-30')."),
    ("sector: finance\nlevels: [python]\n", "answers.yaml: 'levels' must map skills to levels"),
    ("sector: finance\nlevels: {pyton: 3}\n",
     "answers.yaml: Unknown skill 'pyton'. Did you mean 'python'?"),
    ("sector: finance\nlevels: {python: 5}\n",
     "answers.yaml: Level for 'python' must be a whole number from 0 to 4 (got '5')."),
    ("sector: finance\nlevels: {python: true}\n", "Level for 'python' must be a whole number"),
], ids=["unknown-key", "no-sector", "bad-sector", "sector-list", "bad-region",
        "bad-background", "hours-zero", "hours-text", "years-negative", "bad-date",
        "levels-list", "bad-skill", "level-5", "level-bool"])
def test_bad_answers_exit_2_with_one_clear_line(cli: Run, tmp_path: Path, user_home: Path,
                                               text: str, message: str) -> None:
    result = cli("assess", "--answers", write(tmp_path, text))
    assert result.code == 2
    assert message in result.err
    assert len(result.err.splitlines()) == 1
    assert not user_home.exists()


@pytest.mark.parametrize(("text", "message"), [
    ("sector: [finance\n", "is not valid YAML (line 2)"),
    ("- sector: finance\n", "must be a YAML mapping like 'sector: finance'"),
    ("", "must be a YAML mapping"),
], ids=["not-yaml", "a-list", "empty"])
def test_unusable_answers_file_exits_1(cli: Run, tmp_path: Path, text: str,
                                       message: str) -> None:
    result = cli("assess", "--answers", write(tmp_path, text))
    assert result.code == 1
    assert message in result.err and "answers.yaml" in result.err


def test_missing_answers_file_exits_1(cli: Run, tmp_path: Path) -> None:
    result = cli("assess", "--answers", str(tmp_path / "nope.yaml"))
    assert (result.code, result.err.strip()) == (
        1, f"Error: Answers file {tmp_path / 'nope.yaml'} does not exist.")


def test_no_terminal_exits_2_with_the_alternatives(cli: Run, user_home: Path) -> None:
    result = cli("assess")  # under pytest, stdout is captured: not a terminal
    assert result.code == 2
    assert len(result.err.splitlines()) == 1
    assert "--answers FILE" in result.err and "mlpath plan" in result.err
    assert not user_home.exists()


def test_corrupt_profile_exits_1_naming_it_and_the_backup(cli: Run, tmp_path: Path,
                                                          user_home: Path) -> None:
    assert cli("assess", "--answers", write(tmp_path, FULL)).code == 0
    assert cli("assess", "--answers", write(tmp_path, FULL)).code == 0  # makes the backup
    profile = user_home / "profile.yaml"
    profile.write_text("schema_version: 1\nprofile: [not, a, profile\n", encoding="utf-8")
    before = (profile.read_bytes(), os.stat(profile).st_mtime_ns)
    backup = (user_home / "profile.yaml.bak").read_bytes()
    result = cli("assess", "--answers", write(tmp_path, FULL))
    assert result.code == 1
    assert str(profile) in result.err and str(user_home / "profile.yaml.bak") in result.err
    assert (profile.read_bytes(), os.stat(profile).st_mtime_ns) == before
    assert (user_home / "profile.yaml.bak").read_bytes() == backup


def test_corrupt_profile_stops_before_the_first_question(
        cli: Run, user_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import mlpath.cli.assess

    monkeypatch.setattr(mlpath.cli.assess, "has_terminal", lambda: True)
    user_home.mkdir()
    (user_home / "profile.yaml").write_text("schema_version: 1\nprofile:\n  sector: mars\n")
    result = cli("assess")  # no keys are sent: a prompt would wait forever
    assert result.code == 1
    assert "Saved profile" in result.err and "Unknown sector 'mars'" in result.err


def test_no_save_ignores_a_corrupt_profile_with_answers(cli: Run, tmp_path: Path,
                                                        user_home: Path) -> None:
    clean = cli("assess", "--answers", write(tmp_path, FULL), "--no-save")
    user_home.mkdir(exist_ok=True)
    (user_home / "profile.yaml").write_text("garbage: [\n")
    result = cli("assess", "--answers", write(tmp_path, FULL), "--no-save")
    assert (result.code, result.err) == (0, "")
    assert result.out == clean.out  # the plan of the answers, as if nothing were saved
    assert [p.name for p in user_home.iterdir()] == ["profile.yaml"]
    assert (user_home / "profile.yaml").read_text() == "garbage: [\n"


def test_help_documents_the_options(cli: Run) -> None:
    result = cli("assess", "--help")
    assert result.code == 0
    for option in ("--answers", "--no-save", "--output", "--force", "--start", "--data-dir"):
        assert option in result.out
