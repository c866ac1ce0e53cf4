"""`mlpath match` and `mlpath plan --posting` through the real CLI."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from conftest import Run

POSTINGS = Path(__file__).parent / "postings"
FRAUD = str(POSTINGS / "fintech_fraud_senior.md")
JUNIOR = str(POSTINGS / "retail_forecast_junior.md")


def test_one_posting_shows_requirements_evidence_and_fit(cli: Run) -> None:
    result = cli("match", FRAUD, "--no-profile", "--know", "python=3,sql=3")
    assert result.code == 0, result.err
    assert "What it asks for" in result.out and "gradient-boosting" in result.out
    assert "line 29:" in result.out and "Your fit:" in result.out
    # Spark and feature engineering share line 20: it is quoted once, then referred to
    assert result.out.count("line 20:") == 1 and "line 20 (above)" in result.out


def test_json_contract_and_fit_grows_with_what_you_know(cli: Run) -> None:
    blank = json.loads(cli("match", FRAUD, "--no-profile", "--json").out)
    assert list(blank) == ["posting", "skills", "unknown", "fit", "gaps", "hours_to_close"]
    assert blank["posting"]["file"].endswith("fintech_fraud_senior.md")
    assert {"file", "title", "years", "seniority"} <= set(blank["posting"])
    assert all({"skill", "required", "evidence"} <= set(s) for s in blank["skills"])
    known = ",".join(f"{s['skill']}=4" for s in blank["skills"] if s["required"])
    expert = json.loads(cli("match", FRAUD, "--no-profile", "--json", "--know", known).out)
    assert blank["fit"] < expert["fit"] == 1.0
    assert expert["hours_to_close"] == 0 < blank["hours_to_close"]


def test_several_postings_are_ranked_closest_first(cli: Run) -> None:
    data = json.loads(cli("match", FRAUD, JUNIOR, "--background", "data-analyst",
                          "--json").out)
    assert isinstance(data, list) and len(data) == 2
    assert [d["fit"] for d in data] == sorted((d["fit"] for d in data), reverse=True)
    table = cli("match", FRAUD, JUNIOR, "--background", "data-analyst").out
    assert "2 postings, closest fit first" in table


def test_standard_input(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(Path(FRAUD).read_text(encoding="utf-8")))
    data = json.loads(cli("match", "-", "--no-profile", "--json").out)
    assert data["posting"]["file"] in ("-", "<stdin>", "stdin") and data["skills"]


@pytest.mark.parametrize(("content", "code", "message"), [
    ("", 1, "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\xff", 1, "not"),
    ("We are a friendly company with great snacks and a dog.\n", 1, "no catalogue skill"),
])
def test_bad_postings(cli: Run, tmp_path: Path, content: str | bytes, code: int,
                      message: str) -> None:
    path = tmp_path / "posting.txt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    result = cli("match", str(path), "--no-profile")
    assert result.code == code, result.err
    assert message in result.err.lower()


@pytest.mark.parametrize(("args", "code", "message"), [
    (["match", "nowhere.md"], 1, "nowhere.md"),
    (["match", "."], 1, "directory"),
    (["match", FRAUD, "--format", "pdf"], 2, "--format must be text or json"),
    (["match", FRAUD, "--know", "pytorch=9"], 2, "Level for 'pytorch'"),
    (["match"], 2, "Missing argument"),
])
def test_usage_and_file_errors(cli: Run, args: list[str], code: int, message: str) -> None:
    result = cli(*args)
    assert result.code == code, result.err
    assert message in result.err


def test_plan_for_a_posting_takes_its_sector_and_electives(cli: Run) -> None:
    imaging = str(POSTINGS / "healthcare_imaging_senior.md")
    plan = json.loads(cli("plan", "--posting", imaging, "--start", "2027-01-04", "--json",
                          "--no-profile").out)
    assert plan["sector"]["id"] == "healthcare"
    planned = {i["key"] for w in plan["weeks"] for i in w["items"]}
    assert "computer-vision" in planned and "kubernetes" in planned
    finance = json.loads(cli("plan", "--posting", imaging, "--sector", "finance", "--start",
                             "2027-01-04", "--json", "--no-profile").out)
    assert finance["sector"]["id"] == "finance"
    assert "computer-vision" in {i["key"] for w in finance["weeks"] for i in w["items"]}


def test_plan_for_a_posting_raises_the_targets_it_requires(cli: Run) -> None:
    imaging = str(POSTINGS / "healthcare_imaging_senior.md")
    found = json.loads(cli("match", imaging, "--no-profile", "--json").out)
    required = {s["skill"] for s in found["skills"] if s["required"]}
    base = json.loads(cli("plan", "--sector", "healthcare", "--start", "2027-01-04", "--json",
                          "--no-profile").out)
    job = json.loads(cli("plan", "--posting", imaging, "--start", "2027-01-04", "--json",
                         "--no-profile").out)
    before = {g["skill"]: g["target"] for g in base["gaps"]}
    after = {g["skill"]: g for g in job["gaps"]}
    raised = [s for s in required if before.get(s, 0) < 3 and s in after]
    assert raised, "the posting requires something the sector plan holds below level 3"
    for skill in raised:
        assert after[skill]["target"] == 3  # a senior posting: working level
        assert "the job posting requires it at level 3" in after[skill]["why"]
    # the posting replaces the role's targets: nothing else but what they build on
    asked = set(job["posting"]["required"]) | set(job["posting"]["nice"])
    for skill, gap in after.items():
        # or what the asks need first, the projects practise or the coding drills test
        assert skill in asked or any(why in gap["why"] for why in (
            "needed first for", "uses it", "coding interviews test it")), skill


RECSYS = str(POSTINGS / "retail_recsys_senior.md")  # asks for "PyTorch or TensorFlow"


def test_a_plan_for_a_posting_records_it_in_every_format(cli: Run, tmp_path: Path) -> None:
    plan = json.loads(cli("plan", "--posting", FRAUD, "--json", "--no-profile").out)
    posting = plan["posting"]
    assert posting["title"] == "Senior Machine Learning Engineer, Fraud & Risk"
    assert posting["file"] == FRAUD and posting["years"] == 5
    assert posting["seniority"] == "senior"
    assert posting["required"]["gradient-boosting"] == 3
    assert posting["nice"] == {"streaming-data": 2}
    assert "posting" not in json.loads(cli("plan", "--sector", "finance", "--json",
                                           "--no-profile").out)
    out = tmp_path / "plan.md"
    result = cli("plan", "--posting", FRAUD, "--no-profile", "-o", str(out))
    assert result.code == 0, result.err
    text = out.read_text()
    assert "| job posting | Senior Machine Learning Engineer, Fraud & Risk (" in text
    assert "For the job “Senior Machine Learning Engineer, Fraud & Risk”" in text
    assert "its 14 required skills and 1 nice-to-have are in the plan" in text
    screen = cli("plan", "--posting", FRAUD, "--no-profile")
    assert "For the job “Senior Machine Learning Engineer, Fraud & Risk”" in screen.out


def test_posting_skills_say_the_posting_asked_not_the_user(cli: Run) -> None:
    plan = json.loads(cli("plan", "--posting", FRAUD, "--json", "--no-profile").out)
    why = {g["skill"]: g for g in plan["gaps"]}
    assert not any("--also" in g["why"] for g in plan["gaps"])
    assert "the job posting requires it" in why["spark"]["why"]
    # a nice-to-have no sector or core asks for comes in at the posting's level (basic)
    assert why["streaming-data"]["target"] == 2
    assert why["streaming-data"]["why"] == "a nice-to-have in the job posting (level 2)"


def test_a_plan_learns_one_of_the_alternatives_a_posting_offers(cli: Run) -> None:
    def required(*extra: str) -> dict[str, int]:
        result = cli("plan", "--posting", RECSYS, "--json", "--no-profile", *extra)
        found: dict[str, int] = json.loads(result.out)["posting"]["required"]
        return found

    newcomer = required()  # PyTorch is core: every plan has it, TensorFlow would be extra
    assert "pytorch" in newcomer and "tensorflow-keras" not in newcomer
    knows_tf = required("--know", "tensorflow-keras=3")  # the one already held counts
    assert "tensorflow-keras" in knows_tf and "pytorch" not in knows_tf


def test_a_senior_posting_warns_a_newcomer_about_years(cli: Run) -> None:
    result = cli("plan", "--posting", FRAUD, "--no-profile", "--json")
    assert "the posting asks for 5+ years of experience and you have 0" in result.err
    quiet = cli("plan", "--posting", FRAUD, "--no-profile", "--json", "--years-experience", "6")
    assert "years of experience" not in quiet.err


def test_a_posting_without_a_sector_asks_for_one(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("We are hiring.\nRequirements:\n- Python, SQL\n"))
    result = cli("plan", "--posting", "-", "--no-profile")
    assert result.code == 2
    assert "does not say which sector it is in; give one, e.g. --sector finance" in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_a_job_plan_stays_a_job_plan(cli: Run, tmp_path: Path) -> None:
    """The posting travels with the plan: its text in the file's marker, then in the profile
    (progress sync), and export keeps planning for it until --no-posting (issue 20)."""
    plan_md = tmp_path / "plan.md"
    made = cli("plan", "--posting", FRAUD, "--no-profile", "--start", "2027-01-04",
               "-o", str(plan_md))
    assert made.code == 0, made.err
    text = plan_md.read_text(encoding="utf-8")
    assert '"posting_file":"' + FRAUD + '"' in text and "Fraud" in text.split("mlpath:profile")[1]
    assert cli("progress", "set", "python", "2", "--sector", "finance").code == 0
    synced = cli("progress", "sync", str(plan_md))
    assert synced.code == 0, synced.err
    assert "now plans for the job posting" in synced.out
    exported = cli("export", "--format", "json")
    assert exported.code == 0, exported.err
    assert "Planning for the job posting saved with your profile" in exported.err
    assert json.loads(exported.out)["posting"]["title"].startswith("Senior Machine Learning")
    dropped = cli("export", "--no-posting", "--format", "json")
    assert dropped.code == 0 and "posting" not in json.loads(dropped.out)
    again = cli("export", "--posting", RECSYS, "--format", "json")
    assert json.loads(again.out)["posting"]["file"] == RECSYS
    assert "posting" not in json.loads(cli("plan", "--no-posting", "--json").out)


def test_a_long_posting_travels_by_its_path(cli: Run, tmp_path: Path) -> None:
    """A posting too long for the plan file's one-line marker is kept by its path: the file
    still reads back, and sync reads the posting again from where it came from."""
    job = tmp_path / "job.md"
    job.write_text(Path(FRAUD).read_text(encoding="utf-8") + "\n\n## About us\n"
                   + "We build careful things for careful people. " * 2500)
    plan_md = tmp_path / "plan.md"
    assert cli("plan", "--posting", str(job), "--no-profile", "-o", str(plan_md)).code == 0
    assert max(len(line) for line in plan_md.read_text().splitlines()) < 100_000
    assert cli("progress", "set", "python", "2", "--sector", "finance").code == 0
    synced = cli("progress", "sync", str(plan_md))
    assert synced.code == 0, synced.err
    assert f"({job})" in synced.out and "now plans for the job posting" in synced.out


def test_match_says_its_hours_are_skills_only_and_what_a_plan_adds(cli: Run) -> None:
    """match's hours (the skills) are far fewer than `plan --posting`'s: it says why."""
    saas = str(POSTINGS / "saas_platform_junior.html")
    adds = "adds projects, interview preparation and the job search"
    for args in ((saas,), (saas, FRAUD)):  # one posting's fit, and the ranking
        result = cli("match", *args, "--no-profile", "--background", "student")
        assert result.code == 0, result.err
        out = " ".join(result.out.split())
        assert "Hours are for the skills only." in out and adds in out
        assert "mlpath plan --posting" in out
    one = " ".join(cli("match", saas, "--no-profile", "--background", "student").out.split())
    assert re.search(r"~\d+ h of study on the required skills to close the rest", one)
