"""bench/role_evidence.py: the share of a role's postings that ask for each skill (the
evidence behind the roles' targets in docs/roles.md), and the labelled set it reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "role_evidence.py"
POSTINGS = ROOT / "tests" / "postings"
ROLES = {"ml-engineer", "ai-engineer", "mlops-engineer", "other"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True,
                          text=True, timeout=60, check=False)


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data), encoding="utf-8")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three ML-engineer postings (two from roles.yaml, one with its own role) and one
    AI-engineer posting."""
    write(tmp_path / "labels.yaml", {
        "a.md": {"required": ["python", "docker"], "nice": [], "seniority": "junior"},
        "b.md": {"required": ["python"], "nice": ["docker"]},
        "c.md": {"required": ["python", "rag"], "nice": []},
    })
    write(tmp_path / "roles.yaml", {"a.md": {"role": "ml-engineer", "reason": "x",
                                             "add_required": ["vector-search"]},
                                    "b.md": {"role": "ml-engineer", "reason": "x"},
                                    "c.md": {"role": "ai-engineer", "reason": "x"}})
    write(tmp_path / "roles" / "labels.yaml", {
        "d.md": {"role": "ml-engineer", "required": ["sql"], "nice": ["docker"]},
    })
    return tmp_path


def test_shares_count_required_and_listed_per_role(folder: Path) -> None:
    out = run("--postings", str(folder), "--markdown")
    assert out.returncode == 0, out.stderr
    ml = out.stdout.split("### ai-engineer")[0]
    assert "### ml-engineer (3 postings)" in ml
    # docker: required by 1 of 3 ML-engineer postings, listed (required or nice) by all 3
    assert "| docker | 33 % (1) | 100 % (3) |" in ml
    assert "| python | 67 % (2) | 67 % (2) |" in ml
    assert ml.index("| python") < ml.index("| docker")  # higher required share first
    assert "rag" not in ml, "an AI-engineer posting's skill is counted for ML engineers"
    assert "| vector-search | 33 % (1) | 33 % (1) |" in ml  # added by roles.yaml
    assert "### ai-engineer (1 postings)" in out.stdout


def test_seniority_counts_only_those_postings(folder: Path) -> None:
    out = run("--postings", str(folder), "--seniority", "intern,junior")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ml-engineer: 1 postings")
    assert "ai-engineer" not in out.stdout


def test_a_posting_without_a_role_is_a_clear_error(folder: Path) -> None:
    write(folder / "roles.yaml", {"a.md": {"role": "ml-engineer"}})
    out = run("--postings", str(folder))
    assert out.returncode == 1
    assert "b.md" in out.stderr and "no role" in out.stderr
    assert "Traceback" not in out.stderr


def test_every_labelled_posting_has_a_role_and_a_file() -> None:
    roles = yaml.safe_load((POSTINGS / "roles.yaml").read_text(encoding="utf-8"))
    labels = yaml.safe_load((POSTINGS / "labels.yaml").read_text(encoding="utf-8"))
    assert set(roles) == set(labels)
    assert all(entry["role"] in ROLES and entry["reason"] for entry in roles.values())
    extra = yaml.safe_load((POSTINGS / "roles" / "labels.yaml").read_text(encoding="utf-8"))
    files = {p.name for p in (POSTINGS / "roles").iterdir() if p.name != "labels.yaml"}
    assert files == set(extra)
    for name, label in extra.items():
        assert label["role"] in ROLES, name
        assert not set(label["required"]) & set(label["nice"]), name
    counted = [label["role"] for label in extra.values()]
    assert counted.count("ai-engineer") >= 6 and counted.count("mlops-engineer") >= 6


def test_the_docs_show_the_current_tables() -> None:
    out = run("--markdown")
    assert out.returncode == 0, out.stderr
    docs = (ROOT / "docs" / "roles.md").read_text(encoding="utf-8")
    assert out.stdout in docs, "docs/roles.md is stale: paste bench/role_evidence.py --markdown"
