"""What a newcomer hits in the first ten minutes (issue 13); each failed before its fix."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import Run

from mlpath.catalogue.model import Catalog

ROOT = Path(__file__).resolve().parents[1]
PLAN = ["plan", "--sector", "finance", "--start", "2027-01-04"]


@pytest.mark.parametrize(("name", "check"), [
    ("plan.md", lambda text: text.startswith("# Goal:") and "mlpath:plan" in text),
    ("plan.json", lambda text: json.loads(text)["sector"]["id"] == "finance"),
    ("plan.txt", lambda text: "Skill gaps" in text and "\x1b[" not in text),
])
def test_the_output_extension_picks_the_format(cli: Run, tmp_path: Path, name: str,
        check: Callable[[Any], object]) -> None:
    result = cli(*PLAN, "-o", str(tmp_path / name))
    assert result.code == 0, result.err
    assert check((tmp_path / name).read_text(encoding="utf-8"))


def test_format_wins_over_the_extension_and_dash_is_the_screen(cli: Run, tmp_path: Path) -> None:
    assert cli(*PLAN, "--format", "json", "-o", str(tmp_path / "plan.md")).code == 0
    assert json.loads((tmp_path / "plan.md").read_text())["total_hours"] > 0
    result = cli(*PLAN, "--format", "markdown", "--output", "-")
    assert result.code == 0 and result.out.startswith("# Goal:")
    assert not (Path.cwd() / "-").exists()


def test_a_tilde_means_home(cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cli(*PLAN, "-o", "~/plan.md").code == 0
    assert (tmp_path / "plan.md").is_file()


def test_plan_starts_from_the_saved_profile_and_says_so(cli: Run, catalog: Catalog) -> None:
    from mlpath.person import store
    from mlpath.person.profile import make_profile

    store.save(store.new(make_profile(catalog, sector="retail", start="2027-01-04",
                                      know="python=3,sql=3", region="uk",
                                      hours_per_week=8)))
    result = cli("plan", "--sector", "finance", "--json")
    assert result.code == 0
    profile = json.loads(result.out)["profile"]
    assert profile["sector"] == "finance" and profile["region"] == "uk"
    assert profile["levels"]["python"] == 3 and profile["hours_per_week"] == 8
    assert "saved profile" in result.err and "--no-profile" in result.err
    alone = json.loads(cli("plan", "--sector", "finance", "--json", "--no-profile").out)
    assert alone["profile"]["region"] == "us" and "python" not in alone["profile"]["levels"]


@pytest.mark.parametrize("width", [40, 60, 80, 120])
def test_the_plan_fits_the_terminal_and_never_cuts_a_number(cli: Run,
        monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    result = cli(*PLAN)
    assert result.code == 0
    lines = result.out.splitlines()
    assert all(len(line) <= width for line in lines)
    assert "…" not in result.out, "rich cut a cell"
    assert "~" in result.out and "h/week · done by" in result.out.replace("\n", " ")


def test_piped_output_has_no_trailing_spaces(cli: Run) -> None:
    for args in (PLAN, ["skills"], ["certs"], ["roadmap"]):
        out = cli(*args).out
        assert out and not [line for line in out.splitlines() if line != line.rstrip()]


def test_mlpath_alone_prints_help_and_succeeds(cli: Run) -> None:
    result = cli()
    assert result.code == 0 and "Commands" in result.out and "plan" in result.out


def test_one_json_spelling_everywhere(cli: Run) -> None:
    assert json.loads(cli(*PLAN, "--json").out)["sector"]["id"] == "finance"
    assert cli(*PLAN, "--format", "json").out == cli(*PLAN, "--json").out
    assert cli("progress", "set", "python", "3", "--sector", "tech").code == 0
    report = json.loads(cli("progress", "--json").out)
    assert report["sector"] == "tech" and report["steps"][0]["done"] > 0


def test_unlikely_inputs_get_a_note(cli: Run) -> None:
    past = cli("plan", "--sector", "tech", "--start", "1990-01-01", "--json")
    assert past.code == 0 and "in the past" in past.err
    slow = cli("plan", "--sector", "tech", "--hours-per-week", "1", "--json")
    assert slow.code == 0 and "years" in slow.err and "10-15 h/week" in slow.err


def test_progress_set_without_a_profile_asks_for_the_sector(cli: Run) -> None:
    result = cli("progress", "set", "python", "3")
    assert result.code == 2 and "--sector" in result.err
    assert not list((Path.cwd()).glob("profile.yaml"))


@pytest.mark.parametrize(("typed", "region"), [("gb", "uk"), ("United Kingdom", "uk"),
                                               ("USA", "us"), ("in", "india")])
def test_regions_by_common_names(cli: Run, typed: str, region: str) -> None:
    result = cli(*PLAN, "--region", typed, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["profile"]["region"] == region


def test_the_licence_the_package_declares_is_there() -> None:
    assert "MIT" in (ROOT / "LICENSE").read_text()
    assert 'license = "MIT"' in (ROOT / "pyproject.toml").read_text()
