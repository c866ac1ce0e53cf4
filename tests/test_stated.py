"""What a posting states about place and pay is shown as written, never guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Run

from mlpath.matching import stated

POSTINGS = Path(__file__).parent / "postings"


@pytest.mark.parametrize(("lines", "place", "pay"), [
    (["Harbour Bank | Edinburgh | Hybrid", "Salary range $120,000 - $150,000."],
     "Edinburgh · Hybrid", "$120,000 - $150,000"),
    (["Location: Dallas, TX | Job type: Full time"], "Dallas, TX", None),
    (["**Location:** Boston, MA (hybrid)", "£60k–£75k plus bonus"], "Boston, MA (hybrid)",
     "£60k–£75k"),
    (["We manage a $2M budget and 3 hybrid teams across many offices in Europe and beyond"],
     None, None),  # not a salary, not a header line
    (["Acme — product analytics for B2B SaaS companies — Berlin or remote"],
     "Berlin or remote", None),
])
def test_place_and_pay_as_stated(lines: list[str], place: str | None,
                                 pay: str | None) -> None:
    assert (stated.location(lines), stated.salary(lines)) == (place, pay)


def test_match_and_the_plan_show_them(cli: Run) -> None:
    imaging = str(POSTINGS / "healthcare_imaging_senior.md")
    found = json.loads(cli("match", imaging, "--no-profile", "--json").out)["posting"]
    assert (found["location"], found["salary"]) == ("Boston, MA (hybrid)",
                                                    "$190,000 - $230,000")
    plan = cli("plan", "--posting", imaging, "--no-profile", "--start", "2027-01-04")
    assert "Boston, MA (hybrid), pays $190,000 - $230,000" in " ".join(plan.out.split())
