"""Bugs found in the review behind the reorganisation (issue 9); each failed before the fix."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mlpath.catalogue.load import load_catalog


def test_markup_in_data_text_is_shown_as_text(cli: Run, data_copy: Path) -> None:
    roadmap = data_copy / "sectors.yaml"
    text = roadmap.read_text(encoding="utf-8")
    marked = text.replace('summary: "Train a recommender',
                          'summary: "[/i] [bold]Train a recommender', 1)
    assert marked != text, "the fixture no longer finds the project summary"
    roadmap.write_text(marked, encoding="utf-8")
    assert cli("validate", "--data-dir", str(data_copy)).code == 0
    plan = ["plan", "--sector", "tech", "--start", "2027-01-04", "--all"]
    for args in (["sectors", "tech"], plan):
        result = cli(*args, "--data-dir", str(data_copy))
        assert result.code == 0, result.err
        assert "[/i] [bold]Train a recommender" in result.out


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_exports_get_the_usual_mode_and_force_keeps_it(cli: Run, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        new = tmp_path / "plan.md"
        assert cli("plan", "--sector", "tech", "--output", str(new)).code == 0
        assert _mode(new) == 0o644
        shared = tmp_path / "shared.md"
        shared.write_text("old\n")
        shared.chmod(0o664)
        assert cli("plan", "--sector", "tech", "--output", str(shared), "--force").code == 0
        assert _mode(shared) == 0o664 and "mlpath:plan" in shared.read_text()
    finally:
        os.umask(old)


@pytest.mark.parametrize("region", ["", " "])
def test_an_empty_region_is_refused_not_read_as_us(cli: Run, region: str) -> None:
    result = cli("plan", "--sector", "tech", "--region", region)
    assert result.code == 2 and "Unknown region" in result.err


def test_plans_are_identical_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    args = ["plan", "--sector", "retail", "--background", "data-analyst", "--start",
            "2027-01-04"]
    outputs = set()
    for seed in ("0", "1", "12345"):
        for fmt in ("json", "markdown", "text"):
            env = {**os.environ, "PYTHONHASHSEED": seed, "MLPATH_HOME": str(tmp_path / seed),
                   "COLUMNS": "100"}
            run = subprocess.run([sys.executable, "-m", "mlpath", *args, "--format", fmt],
                                 capture_output=True, text=True, env=env, check=True)
            outputs.add((fmt, run.stdout))
    assert len(outputs) == 3, "the same inputs gave different bytes in another process"


# --- the renderers, fuzzed: any data text renders as itself, never as markup ------------

CAT = load_catalog()
nasty = st.text(alphabet=st.sampled_from(list("[]/\\*_`<>&|#:;\n ab=")), min_size=1,
                max_size=30).filter(lambda s: s.strip())


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(summary=nasty, title=nasty, why=nasty)
def test_renderers_take_any_data_text(summary: str, title: str, why: str) -> None:
    import io
    from dataclasses import replace

    from rich.console import Console

    from mlpath.formats import FORMATS
    from mlpath.formats.text import plan_view
    from mlpath.person.profile import make_profile
    from mlpath.planning import build_plan

    sector = CAT.sector("tech")
    project = sector.projects[0]._replace(title=title, summary=summary)
    tech = sector._replace(projects=(project, *sector.projects[1:]),
                           why={**sector.why, "mlops": why})
    cat = replace(CAT, sectors=tuple(tech if s.id == "tech" else s for s in CAT.sectors))
    plan = build_plan(cat, make_profile(cat, sector="tech", start="2027-01-04"))
    for fmt in FORMATS.values():
        out = fmt.render(plan, cat)
        assert out.endswith("\n")
        if fmt.name == "json":
            data = json.loads(out)
            assert any(p["summary"] == summary for p in data["projects"])
    screen = io.StringIO()
    console = Console(file=screen, width=60, markup=False, color_system=None)
    console.print(plan_view(plan, cat, full=True))
    shown = screen.getvalue()
    for char in "[]":  # rich markup would have eaten them
        assert shown.count(char) >= (title + summary + why).count(char)
