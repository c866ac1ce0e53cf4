"""`mlpath plan`: every option, every bad value, byte-identical output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

from mlpath.catalogue.model import Catalog

BASE = ["plan", "--start", "2027-01-04"]


def test_text_plan_shows_every_section(cli: Run) -> None:
    result = cli(*BASE, "--sector", "fintech")
    assert result.code == 0, result.err
    out = result.out
    for heading in ("Goal: ML engineer in Finance & FinTech", "Skill gaps", "Readiness",
                    "Week by week", "Portfolio projects", "Certification", "Salary outlook"):
        assert heading in out
    assert "Start applying in week" in out and "Later, once hired" in out
    assert "rare events need" in out  # the sector's reason for a top gap (wrapped at 80)
    assert "AWS Certified Machine Learning" in out and "AWS, ~80 h prep" in out
    assert "optional: not in the weeks, the job search leaves too few hours free" in " ".join(
        out.split())
    assert "h/week · done by 20" in out
    assert "12–24 months" in out


def _json(cli: Run, *args: str) -> dict[str, Any]:
    result = cli(*BASE, "--format", "json", *args)
    assert result.code == 0, result.err
    data: dict[str, Any] = json.loads(result.out)
    return data


def test_json_has_the_stable_keys(cli: Run) -> None:
    data = _json(cli, "--sector", "finance")
    assert list(data) == ["profile", "sector", "gaps", "readiness", "weeks", "milestones",
                          "projects", "certifications", "salary_outlook", "total_hours",
                          "total_weeks", "finish", "later", "apply_now", "apply_week", "cloud"]
    assert data["sector"]["id"] == "finance"
    assert data["total_weeks"] == len(data["weeks"])
    assert data["weeks"][0]["start"] == "2027-01-04"
    assert data["certifications"][0]["status"] == "active"


def test_each_option_changes_the_plan(cli: Run) -> None:
    base = _json(cli, "--sector", "finance")
    slower = _json(cli, "--sector", "finance", "--hours-per-week", "5")
    assert slower["total_weeks"] > base["total_weeks"]
    study = [g["hours"] for g in base["gaps"]]
    assert [g["hours"] for g in slower["gaps"]] == study  # the same study, spread thinner
    known = _json(cli, "--sector", "finance", "--know", "python=3,sql=2")
    assert known["total_hours"] < base["total_hours"]
    assert "python" not in {i["key"] for w in known["weeks"] for i in w["items"]}
    swe = _json(cli, "--sector", "finance", "--background", "software-engineer")
    assert swe["profile"]["background"] == "software-engineer"
    assert swe["total_hours"] < base["total_hours"]
    override = _json(cli, "--sector", "finance", "--background", "software-engineer",
                     "--know", "python=0")
    assert override["profile"]["levels"]["python"] == 0
    uk = _json(cli, "--sector", "finance", "--region", "uk")
    assert uk["salary_outlook"]["figures"][0]["currency"] == "GBP"
    later = _json(cli, "--sector", "finance", "--start", "2028-03-06")
    assert later["finish"] > base["finish"] and later["weeks"][0]["start"] == "2028-03-06"
    alias = _json(cli, "--sector", "FinTech")
    assert alias["sector"]["id"] == "finance"


def test_same_inputs_give_byte_identical_output(cli: Run) -> None:
    for fmt in ("text", "json"):
        args = [*BASE, "--sector", "retail", "--background", "data-analyst", "--format", fmt]
        assert cli(*args).out == cli(*args).out


def test_output_file_is_written_and_never_silently_overwritten(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    result = cli(*BASE, "--sector", "tech", "--format", "json", "--output", str(target))
    assert result.code == 0 and result.out == "" and "Wrote" in result.err
    assert json.loads(target.read_text())["sector"]["id"] == "tech"
    target.write_text("mine")
    result = cli(*BASE, "--sector", "tech", "--format", "json", "--output", str(target))
    assert result.code == 1 and "already exists" in result.err and "--force" in result.err
    assert target.read_text() == "mine"
    result = cli(*BASE, "--sector", "tech", "--format", "text", "--output", str(target),
                 "--force")
    assert result.code == 0 and "Skill gaps" in target.read_text()
    assert list(tmp_path.iterdir()) == [target], "no temp files left behind"


BAD = [
    (["--sector", "fintehc"], 2, "Did you mean 'finance'?"),
    (["--sector", "space"], 2, "Unknown sector 'space'"),
    ([], 2, "Give a target sector"),
    (["--sector", "finance", "--know", "pyhton=3"], 2, "Unknown skill 'pyhton'. Did you mean"),
    (["--sector", "finance", "--know", "python=5"], 2, "Level for 'python' must be"),
    (["--sector", "finance", "--know", "python=-1"], 2, "from 0 to 4 (got '-1')"),
    (["--sector", "finance", "--know", "python"], 2, "SKILL=LEVEL"),
    (["--sector", "finance", "--know", "python=high"], 2, "got 'high'"),
    (["--sector", "finance", "--background", "astronaut"], 2, "Unknown background"),
    (["--sector", "finance", "--hours-per-week", "0"], 2, "--hours-per-week"),
    (["--sector", "finance", "--hours-per-week", "81"], 2, "--hours-per-week"),
    (["--sector", "finance", "--hours-per-week", "ten"], 2, "--hours-per-week"),
    (["--sector", "finance", "--region", "mars"], 2, "Unknown region 'mars'"),
    (["--sector", "finance", "--start", "2027-13-01"], 2, "--start must be a date"),
    (["--sector", "finance", "--start", "tomorrow"], 2, "YYYY-MM-DD"),
    (["--sector", "finance", "--format", "pdf"], 2, "--format"),
    (["--sector", "finance", "--profile"], 1, "No saved profile"),
    (["--sector", "finance", "--output", "/nonexistent-dir/plan.txt"], 1, "does not exist"),
]


@pytest.mark.parametrize(("args", "code", "message"), BAD,
                         ids=[" ".join(a) or "no-sector" for a, _, _ in BAD])
def test_bad_values(args: list[str], code: int, message: str, cli: Run) -> None:
    result = cli(*BASE, *args)
    assert result.code == code, result.err
    assert message in result.err
    assert result.out == ""
    assert len(result.err.strip().splitlines()) <= 3


def test_output_into_a_directory_or_under_a_file(cli: Run, tmp_path: Path) -> None:
    result = cli(*BASE, "--sector", "tech", "--output", str(tmp_path))
    assert result.code == 1 and "is a directory" in result.err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = cli(*BASE, "--sector", "tech", "--output", str(blocker / "plan.txt"))
    assert result.code == 1 and "does not exist" in result.err
    assert blocker.read_text() == "x"


def test_plan_from_the_saved_profile_with_overrides(cli: Run, catalog: Catalog) -> None:
    from mlpath.person import store as profile
    from mlpath.person.profile import make_profile

    profile.save(profile.new(make_profile(catalog, sector="retail", start="2027-01-04",
                                          know="python=3", region="uk")))
    for args, expected in [
        (["--profile"], ("retail", "uk", None, 3, None)),
        ([], ("retail", "uk", None, 3, None)),  # no --sector: the saved profile
        (["--profile", "--know", "sql=2", "--region", "india"], ("retail", "india", None, 3, 2)),
        (["--profile", "--background", "student"], ("retail", "uk", "student", 2, 1)),
        (["--sector", "tech"], ("tech", "uk", None, 3, None)),  # the profile, a new sector
        (["--no-profile", "--sector", "tech"], ("tech", "us", None, None, None)),  # options
    ]:
        result = cli("plan", "--format", "json", *args)
        assert result.code == 0, result.err
        data = json.loads(result.out)
        p = data["profile"]
        got = (data["sector"]["id"], p["region"], p["background"], p["levels"].get("python"),
               p["levels"].get("sql"))
        assert got == expected, args
