"""A goal on Google Cloud or Azure studies cloud ML on that cloud (issue 17 review): the
posting's cloud, else --cloud, picks the documentation the cloud weeks use."""

from __future__ import annotations

import json

from conftest import Run

from mlpath.catalogue.cloud import for_cloud
from mlpath.catalogue.load import load_catalog

CAT = load_catalog()
PLAN = ("plan", "--no-profile", "--start", "2027-01-04", "--sector", "logistics",
        "--role", "mlops-engineer", "--background", "software-engineer", "--json")


def test_a_multi_cloud_skill_is_taught_on_the_chosen_cloud() -> None:
    assert for_cloud(CAT, None) is CAT
    gcp = for_cloud(CAT, "gcp")
    before, after = CAT.skill("cloud-ml"), gcp.skill("cloud-ml")
    home = next(r.id for r in after.resources if r.cloud == "gcp")
    assert [t.hours for t in after.topics] == [t.hours for t in before.topics]
    assert after.topics[0].resource == home and after.topics[0].section is None
    assert "The same workflow on AWS" in [t.name for t in after.topics]
    assert not any("Google Cloud" in t.name for t in after.topics)
    assert all(gcp.skill(s.id) == s for s in CAT.skills if s.id != "cloud-ml")
    assert for_cloud(CAT, "aws").skill("cloud-ml") == before  # already taught on AWS


def _first_cloud_week(out: str) -> list[str]:
    """The resources of the first week of cloud ML study."""
    plan = json.loads(out)
    return next([r["title"] for r in i["resources"]] for w in plan["weeks"]
                for i in w["items"] if i["key"] == "cloud-ml")


def test_the_plan_studies_on_the_cloud_asked_for(cli: Run) -> None:
    assert any("SageMaker" in t for t in _first_cloud_week(cli(*PLAN).out))
    for cloud, name in (("gcp", "Vertex AI"), ("azure", "Azure Machine Learning")):
        first = _first_cloud_week(cli(*PLAN, "--cloud", cloud).out)
        assert any(name in t for t in first) and not any("SageMaker" in t for t in first)
