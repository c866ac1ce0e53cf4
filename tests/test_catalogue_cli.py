"""The catalogue commands: readable at 80 columns, JSON for programs, clear usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from conftest import Run

COMMANDS = [
    (["roadmap"], "Step 1 · Build programming foundations"),
    (["skills"], "68 skills"),
    (["skills", "pytorch"], "What each level looks like"),
    (["certs"], "third-party: confirmed by study guides"),
    (["skills", "--step", "4"], "pytorch"),
    (["skills", "--sector", "fintech"], "explainability"),
    (["sectors"], "telecommunications"),
    (["sectors", "fintech"], "Finance & FinTech"),
    (["certs"], "MLA-C01"),
    (["salary"], "£55,000–£100,000"),
    (["salary", "--region", "india"], "₹30–60+ LPA"),
    (["roles"], "AI engineer"),
    (["challenges"], "Kaggle"),
    (["validate"], "68 skills, 11 sectors"),
]


@pytest.mark.parametrize(("args", "expected"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_text_output_fits_80_columns(args: list[str], expected: str, cli: Run,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli(*args)
    assert result.code == 0, result.err
    assert expected in result.out
    assert max(len(line) for line in result.out.splitlines()) <= 80


JSON = [
    (["roadmap", "--json"], lambda d: d["steps"][0]["id"] == "programming"
     and "python" in d["steps"][0]["skills"]),
    (["skills", "--json", "--step", "deep-learning"],
     lambda d: {s["step"] for s in d["skills"]} == {"deep-learning"}),
    (["skills", "--json", "--sector", "finance"], lambda d: d["skills"][0]["weight"] >= 1.5),
    (["skills", "--json"], lambda d: all(
        sum(t["hours"] for t in s["topics"]) == s["hours"] and s["resources"]
        for s in d["skills"])),
    (["skills", "rag", "--json"], lambda d: d["id"] == "rag" and d["topics"][0]["resource"]
     in {r["id"] for r in d["resources"]} and set(d["examples"]) == {"1", "2", "3", "4"}),
    (["certs", "--json"], lambda d: [c["status"] for c in d["certifications"]] == sorted(
        (c["status"] for c in d["certifications"]),
        key=["active", "unverified", "retired"].index)
     and all(c["url"].startswith("https://") and c["level"] for c in d["certifications"])),
    (["sectors", "--json"], lambda d: len(d["sectors"]) == 11),
    (["sectors", "saas", "--json"], lambda d: d["id"] == "tech"),
    (["certs", "--json"], lambda d: any(c["status"] == "retired" and c["successor"]
                                        for c in d["certifications"])),
    (["salary", "--json", "--region", "uk"], lambda d: d["regions"][0]["currency"] == "GBP"
     and len(d["growth"]) == 4),
    (["roles", "--json"], lambda d: len(d["roles"]) >= 3),
    (["challenges", "--json"], lambda d: all(c["solutions"] for c in d["challenges"])),
]


@pytest.mark.parametrize(("args", "check"), JSON, ids=[" ".join(a) for a, _ in JSON])
def test_json_output(args: list[str], check: Callable[[Any], object], cli: Run) -> None:
    result = cli(*args)
    assert result.code == 0, result.err
    assert check(json.loads(result.out))


USAGE = [
    (["sectors", "fintec"], "Did you mean 'finance'?"),
    (["sectors", "helthcare"], "Did you mean 'healthcare'?"),
    (["sectors", "zzz"], "Valid: automotive"),
    (["skills", "--step", "9"], "Unknown step '9'"),
    (["skills", "--sector", "bank"], "Unknown sector 'bank'"),
    (["skills", "pytorh"], "Did you mean 'pytorch'"),
    (["salary", "--region", "germany"], "Valid: australia, canada, india, uk, us"),
    (["salary", "--region", "ukk"], "Did you mean 'uk'?"),
    (["roadmap", "--bogus"], "No such option"),
]


@pytest.mark.parametrize(("args", "message"), USAGE, ids=[" ".join(a) for a, _ in USAGE])
def test_usage_errors_exit_2_with_a_clear_line(args: list[str], message: str, cli: Run) -> None:
    result = cli(*args)
    assert result.code == 2
    assert message in result.err
    assert result.out == ""


def test_python_dash_m_and_version() -> None:
    out = subprocess.run([sys.executable, "-m", "mlpath", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("mlpath ")
    help_text = subprocess.run([sys.executable, "-m", "mlpath", "--help"], capture_output=True,
                               text=True, check=True).stdout
    for command in ("roadmap", "plan", "sectors", "salary", "validate"):
        assert command in help_text
