"""`mlpath export` and `mlpath progress [show|set|sync]` through the real entry point."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Run

from mlpath.person.store import profile_path

FINANCE = ["plan", "--sector", "finance", "--start", "2027-01-04",
           "--background", "software-engineer"]


def tick(text: str, *skills: str) -> str:
    for skill in skills:
        text = re.sub(rf"^- \[ \] (.*mlpath:skill={re.escape(skill)} )", r"- [x] \1", text,
                      flags=re.M)
    return text


def plan_json(cli: Run, *args: str) -> dict[str, Any]:
    result = cli("plan", "--profile", "--format", "json", *args)
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def planned(data: dict[str, Any]) -> set[str]:
    return {i["key"] for w in data["weeks"] for i in w["items"]}


def saved() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(profile_path().read_text())
    return data


def test_round_trip_tick_sync_replan(cli: Run, tmp_path: Path) -> None:
    """The issue's round trip, with today's dates as a user would run it."""
    plan_md = tmp_path / "plan.md"
    result = cli("plan", "--sector", "finance", "--format", "markdown", "--output", str(plan_md))
    assert result.code == 0, result.err
    before = cli("plan", "--sector", "finance", "--format", "json")
    hours_before = json.loads(before.out)["total_hours"]
    plan_md.write_text(tick(plan_md.read_text(), "python", "sql", "statistics"))
    result = cli("progress", "sync", str(plan_md))
    assert result.code == 0, result.err
    assert "Recorded 3 skill(s) as reached" in result.out
    assert "python 0→3" in result.out and "statistics 0→2" in result.out
    after = plan_json(cli)
    assert after["total_hours"] < hours_before
    assert not {"python", "sql", "statistics"} & planned(after)
    assert {"python", "sql", "statistics"} <= {g["skill"] for g in after["gaps"]
                                                if g["gap"] == 0}
    history = saved()["history"]
    assert {(h["skill"], h["via"]) for h in history} == {
        ("python", "sync"), ("sql", "sync"), ("statistics", "sync")}
    assert saved()["baseline"].get("python", 0) == 0


def test_sync_starts_a_profile_from_the_file(cli: Run, tmp_path: Path) -> None:
    plan_md = tmp_path / "plan.md"
    cli(*FINANCE, "--region", "uk", "--hours-per-week", "10", "--format", "markdown",
        "--output", str(plan_md))
    plan_md.write_text(tick(plan_md.read_text(), "sql"))
    result = cli("progress", "sync", str(plan_md), "--today", "2027-02-01")
    assert result.code == 0, result.err
    assert "Started a new profile from the levels recorded in" in result.out
    data = saved()
    assert data["profile"]["region"] == "uk" and data["profile"]["hours_per_week"] == 10
    assert data["profile"]["background"] == "software-engineer"
    assert data["profile"]["start"] == "2027-02-01"  # the rest is planned from the sync
    assert data["baseline"]["sql"] == 2 and data["profile"]["levels"]["sql"] == 3
    assert data["history"] == [{"date": "2027-02-01", "via": "sync", "skill": "sql",
                                "from": 2, "to": 3}]
    again = cli("progress", "sync", str(plan_md), "--today", "2027-02-02")
    assert again.code == 0 and "Nothing new to record" in again.out
    assert saved() == data


def test_sync_reports_partly_ticked_and_cert_boxes(cli: Run, tmp_path: Path) -> None:
    plan_md = tmp_path / "plan.md"
    cli(*FINANCE, "--format", "markdown", "--output", str(plan_md))
    text = re.sub(r"^- \[ \] (.*mlpath:skill=ml-algorithms to=3 part=1/)", r"- [x] \1",
                  plan_md.read_text(), count=1, flags=re.M)
    found = re.search(r"mlpath:skill=ml-algorithms to=3 part=1/(\d+)", text)
    assert found is not None
    parts = found.group(1)
    # a ticked certification box (an optional exam, in the file when it fits the weeks)
    text += "- [x] Week 9 · Prepare: AWS <!-- mlpath:cert=aws-ml-engineer-associate part=1/2 -->\n"
    plan_md.write_text(text)
    result = cli("progress", "sync", str(plan_md), "--today", "2027-02-01")
    assert result.code == 0, result.err
    assert f"ml-algorithms 1 of {parts} weeks" in result.out
    assert "a certification is not a skill level" in result.out
    assert saved()["history"] == []


def test_sync_without_a_recorded_profile_uses_defaults(cli: Run, tmp_path: Path) -> None:
    plan_md = tmp_path / "plan.md"
    plan_md.write_text("<!-- mlpath:plan format=1 -->\n"
                       "- [x] Week 1 · Python <!-- mlpath:skill=python to=3 part=1/1 -->\n")
    result = cli("progress", "sync", str(plan_md), "--today", "2027-01-04")
    assert result.code == 0, result.err
    assert "from defaults" in result.out
    assert saved()["profile"]["levels"] == {"python": 3}


def test_set_show_and_history(cli: Run) -> None:
    assert cli(*FINANCE, "--format", "json").code == 0
    result = cli("progress", "set", "sql", "3", "--sector", "finance", "--today", "2027-01-04")
    assert result.code == 0, result.err
    assert "Started a new profile for sector 'finance'" in result.out
    assert "Recorded sql 0→3 on 2027-01-04" in result.out
    assert cli("progress", "set", "mlops", "2", "--today", "2027-03-01").code == 0
    assert cli("progress", "set", "mlops", "2").out.startswith("mlops is already at level 2")
    data = saved()
    assert [(h["date"], h["skill"], h["from"], h["to"]) for h in data["history"]] == [
        ("2027-01-04", "sql", 0, 3), ("2027-03-01", "mlops", 0, 2)]
    assert data["baseline"] == {}
    shown = cli("progress", "--today", "2027-03-01")
    assert shown.code == 0, shown.err
    out = shown.out
    for text in ("Progress towards ML engineer in Finance & FinTech", "1 Build programming",
                 "overall readiness", "Hours: ", "h of skills left",
                 "New finish: ", "from 2027-03-01",
                 "Closed since your first assessment (1):", "SQL 0→3 on 2027-01-04 (set)",
                 "Improved, not yet at the level a first job needs (1):",
                 "MLOps 0→2 of 3 on 2027-03-01 (set)", "weeks less now"):
        assert text in out, text
    assert re.search(r"█+░+", out)
    assert cli("progress", "show", "--today", "2027-03-01").out == out
    later = cli("progress", "--today", "2027-06-07").out
    assert "from 2027-06-07" in later


def test_progress_numbers_follow_the_engine(cli: Run) -> None:
    cli("progress", "set", "python", "0", "--sector", "finance", "--today", "2027-01-04")
    out = cli("progress", "--today", "2027-01-04").out
    plan = json.loads(cli("plan", "--profile", "--format", "json").out)
    assert f"New finish: {plan['finish']} (~{plan['total_hours']:,} h, " in out
    assert f"{plan['readiness']['overall']}%" in out


def test_export_is_the_saved_profiles_plan(cli: Run, tmp_path: Path) -> None:
    result = cli("export")
    assert result.code == 1 and "run 'mlpath assess' first" in result.err
    plan_md = tmp_path / "plan.md"
    cli(*FINANCE, "--format", "markdown", "--output", str(plan_md))
    plan_md.write_text(tick(plan_md.read_text(), "sql"))
    cli("progress", "sync", str(plan_md), "--today", "2027-01-04")
    exported = cli("export")
    assert exported.code == 0, exported.err
    assert exported.out == cli("plan", "--profile", "--format", "markdown").out
    assert "mlpath:skill=sql " not in exported.out and "- [x] Week" not in exported.out
    assert "start=2027-01-04" in exported.out
    moved = cli("export", "--start", "2027-02-01").out
    assert "- [ ] Week 1 (2027-02-01)" in moved
    out = tmp_path / "fresh.md"
    result = cli("export", "--output", str(out))
    assert result.code == 0 and result.out == "" and out.read_text() == exported.out


@pytest.fixture
def a_profile(cli: Run, tmp_path: Path) -> bytes:
    """A saved profile with some history; returns its bytes."""
    plan_md = tmp_path / "seed.md"
    cli(*FINANCE, "--format", "markdown", "--output", str(plan_md))
    plan_md.write_text(tick(plan_md.read_text(), "sql"))
    assert cli("progress", "sync", str(plan_md), "--today", "2027-01-04").code == 0
    return profile_path().read_bytes()


def _bad_files(tmp: Path) -> dict[str, str]:
    (tmp / "notes.md").write_text("# My notes\n\n- [x] learn python\n")
    (tmp / "typo.md").write_text("<!-- mlpath:plan format=1 -->\n"
                                 "- [x] <!-- mlpath:skill=pytroch to=3 part=1/1 -->\n")
    (tmp / "high.md").write_text("<!-- mlpath:plan format=1 -->\n"
                                 "- [x] <!-- mlpath:skill=sql to=5 part=1/1 -->\n")
    (tmp / "exists.md").write_text("mine")
    (tmp / "blocker").write_text("a file, not a directory")
    return {"tmp": str(tmp)}


BAD = [
    (["progress", "set", "pytroch", "3"], 2, "Unknown skill 'pytroch'. Did you mean 'pytorch'"),
    (["progress", "set", "pytorch", "5"], 2, "from 0 to 4 (got '5')"),
    (["progress", "set", "pytorch", "-1"], 2, "from 0 to 4 (got '-1')"),
    (["progress", "set", "pytorch", "x"], 2, "from 0 to 4 (got 'x')"),
    (["progress", "set", "pytorch", "3", "--sector", "retail"], 2, "targets 'finance'"),
    (["progress", "set", "pytorch", "3", "--today", "2027-13-01"], 2, "--today must be a date"),
    (["progress", "sync", "{tmp}/notes.md"], 1, "notes.md is not a plan exported by mlpath"),
    (["progress", "sync", "{tmp}/missing.md"], 1, "missing.md does not exist"),
    (["progress", "sync", "{tmp}"], 1, "is a directory"),
    (["progress", "sync", "{tmp}/typo.md"], 1, "typo.md:2: Unknown skill 'pytroch'"),
    (["progress", "sync", "{tmp}/high.md"], 1, "level 5 for 'sql' is out of range"),
    (["export", "--output", "{tmp}/exists.md"], 1, "already exists; add --force"),
    (["export", "--output", "{tmp}/blocker/plan.md"], 1, "Cannot write"),
    (["export", "--output", "{tmp}/no-dir/plan.md"], 1, "does not exist"),
    (["plan", "--profile", "--format", "markdown", "--output", "{tmp}/blocker/plan.md"], 1,
     "Cannot write"),
    (["export", "--start", "soon"], 2, "--start must be a date"),
]


@pytest.mark.parametrize(("args", "code", "message"), BAD,
                         ids=[" ".join(a).replace("{tmp}/", "") for a, _, _ in BAD])
def test_bad_input_leaves_the_profile_alone(args: list[str], code: int, message: str, cli: Run,
                                            a_profile: bytes, tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    names = _bad_files(bad)
    backup = profile_path().with_name("profile.yaml.bak")
    backup_before = backup.read_bytes() if backup.exists() else None
    result = cli(*[a.format(**names) for a in args])
    assert result.code == code, (result.out, result.err)
    assert message in result.err
    assert len(result.err.strip().splitlines()) <= 2
    assert profile_path().read_bytes() == a_profile
    assert (backup.read_bytes() if backup.exists() else None) == backup_before
    assert (bad / "exists.md").read_text() == "mine"
    assert sorted(p.name for p in bad.iterdir()) == ["blocker", "exists.md", "high.md",
                                                     "notes.md", "typo.md"]


def test_no_profile_yet(cli: Run) -> None:
    for args in (["progress"], ["progress", "show"], ["export"]):
        result = cli(*args)
        assert result.code == 1 and "No saved profile" in result.err, args
    assert not profile_path().exists()


def test_readme_progress_example_is_real(cli: Run, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"```text\n(Progress towards .*?)…\n```", readme, re.S)
    assert shown, "README: the 'mlpath progress' example is missing"
    monkeypatch.setenv("COLUMNS", "80")
    plan_md = tmp_path / "plan.md"
    cli(*FINANCE, "--format", "markdown", "--output", str(plan_md))
    text = tick(plan_md.read_text(), "sql", "calculus", "linear-algebra")
    week2 = "Week 2 (2027-01-11) · Data wrangling (pandas, NumPy)"
    assert f"- [ ] {week2}" in text  # part 1 of 3: partly ticked
    plan_md.write_text(text.replace(f"- [ ] {week2}", f"- [x] {week2}"))
    assert cli("progress", "sync", str(plan_md), "--today", "2027-01-25").code == 0
    out = cli("progress", "--today", "2027-01-25").out
    actual = [line.rstrip() for line in out.splitlines()]
    expected = shown.group(1).splitlines()
    if os.environ.get("UPDATE_README") and actual[:len(expected)] != expected:
        readme_path = Path(__file__).resolve().parents[1] / "README.md"
        readme_path.write_text(readme.replace(shown.group(1), "\n".join(
            actual[:len(expected)]) + "\n", 1), encoding="utf-8")
        return
    assert actual[:len(expected)] == expected, "README 'mlpath progress' example is out of date"
