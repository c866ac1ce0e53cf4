"""The plan's JSON and text formats on the fixture catalogue (tests/fixtures/catalogue):
made-up skills and figures, so each expectation below is the data the test controls."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mlpath.catalogue.model import Catalog
from mlpath.formats import FORMATS
from mlpath.person.profile import make_profile
from mlpath.planning import build_plan
from mlpath.planning.model import Plan


@pytest.fixture(scope="module")
def plan(small: Catalog) -> Plan:
    return build_plan(small, make_profile(small, sector="beta", start="2027-01-04"))


@pytest.fixture(scope="module")
def data(plan: Plan, small: Catalog) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(FORMATS["json"].render(plan, small))
    return loaded


def test_json_keys_and_the_gaps_in_catalogue_order(data: dict[str, Any]) -> None:
    assert list(data) == ["profile", "sector", "gaps", "readiness", "weeks", "milestones",
                          "projects", "certifications", "salary_outlook", "total_hours",
                          "total_weeks", "finish", "later", "apply_now", "apply_week", "cloud"]
    assert data["sector"] == {"id": "beta", "name": "Beta Services"}
    first = data["gaps"][0]
    assert (first["skill"], first["current"], first["target"], first["why"]) == (
        "coding", 0, 3, "ML engineer target; demand very high")
    # the role's targets (forecasting is alpha's elective, not beta's); beta deepens serving
    assert [(g["skill"], g["priority"]) for g in data["gaps"]] == [
        ("coding", 4.5), ("queries", 1.34), ("statistics", 1.34), ("modelling", 3.75),
        ("serving", 4.8), ("teamwork", 3.0)]
    assert data["readiness"] == {"overall": 0, "steps": {"basics": 0, "modelling": 0,
                                                         "shipping": 0}}


def test_json_weeks_items_and_records(data: dict[str, Any]) -> None:
    assert data["total_weeks"] == len(data["weeks"])
    assert sum(w["hours"] for w in data["weeks"]) == data["total_hours"]
    week1 = data["weeks"][0]
    assert week1 == {"number": 1, "start": "2027-01-04", "hours": 15, "items": [
        {"kind": "skill", "key": "coding", "title": "Coding", "hours": 15, "step": "basics",
         "from_level": 0, "to_level": 2, "topic": "Syntax",  # the first pass: basics
         "resources": [{"title": "Coding Book", "url": "https://example.org/coding",
                        "kind": "book"}], "done_when": None}]}
    assert data["certifications"] == [{
        "certification": "fixture-cert",
        "reason": "covers modelling, serving; optional: in this plan, its prep beside the job "
                  "search",
        "successor_of": None, "level": "associate", "optional": True, "cloud_from": None,
        "scheduled": True,
        "name": "Fixture Certified Engineer", "provider": "Example",
        "status": "active", "as_of": "2026-01-01", "prep_hours": 20}]
    scorer = next(p for p in data["projects"] if p["id"] == "beta-scorer")
    # a record (catalogue Project, Dataset) becomes an object with its fields in order
    assert list(scorer)[:9] == ["id", "title", "use_case", "summary", "skills", "hours",
                                "dataset", "done_when", "tags"]
    assert scorer["dataset"] == {"name": "Example requests", "url": "https://example.org/requests"}
    average = data["salary_outlook"]["figures"][0]  # labelled as the source labels it
    assert (average["label"], average["low"], average["high"], average["source"]) == (
        "average salary", 100000, 200000, "fixture-article")


def test_text_shows_the_fixture_plan(plan: Plan, small: Catalog) -> None:
    text = FORMATS["text"].render(plan, small)
    lines = [line.rstrip() for line in text.splitlines()]
    assert lines[0] == "Goal: ML engineer in Beta Services"
    assert any(line.split()[:3] == ["Coding", "0→3", "4.5"] for line in lines)  # its name
    assert "Fixture Certified Engineer" in text and "Example, ~20 h prep" in text
    assert "Beta online scorer" in text
    assert text.endswith("\n") and "\x1b[" not in text
