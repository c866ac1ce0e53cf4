"""Scaling benchmark: how `mlpath plan` grows with the catalogue, and with the plan itself.

    .venv/bin/python bench/scaling.py
    .venv/bin/python bench/scaling.py --factors 1,10 --runs 3   # quicker

Two experiments on synthetic data built from the shipped files (every skill and sector
copied k-1 times with suffixed ids, `python-x1`…; prerequisites, aliases, electives,
emphasis and projects point into the same copy, so they stay consistent and acyclic):

1. **A larger catalogue, the same plan.** The copies are electives that no sector of
   the shipped data asks for, so `plan --sector finance` plans exactly what it plans on
   the shipped data while the catalogue is 10x or 100x larger. What grows is reading the
   catalogue (the cache, or YAML and validation with the cache off) and any look-up
   that scans it.
2. **A longer plan.** The copies keep their track, so every copy of a core skill is
   planned too: the plan holds ~k times the weeks. `build_plan` is timed in-process
   (CPU time, the catalogue already loaded) and divided by the plan's weeks: that figure
   may grow only as log n does (the items are ordered with a heap), never linearly
   (which would make planning quadratic in the plan's length).

Whole runs are `mlpath plan --sector finance --data-dir DIR --format json` as separate
processes (medians of --runs), with the catalogue cache off and warm. Exit 1 when a limit
below is exceeded. Reading YAML goes at ~1.5 MB/s (PyYAML), so a cold run of a 100x fork
(~5 MB of YAML) takes seconds; that is the first run after an edit, not a limit.
Needs PyYAML, which mlpath depends on anyway.
"""

from __future__ import annotations

import argparse
import copy
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from startup import cpu_time, find_mlpath  # the same installed command as startup.py

from mlpath.catalogue.load import load_catalog
from mlpath.person.profile import make_profile
from mlpath.planning import build_plan

ROOT = Path(__file__).resolve().parents[1]
# Limits: a whole JSON plan, cache warm, on the 100x catalogue and for the 100x plan (~3,800
# weeks), in CPU seconds (the shipped data's plan takes ~0.1 s); and planning time per
# planned week at 100x against 10x. Ordering the items (a heap) is n log n, which predicts
# 1.36x here (log 5500 / log 550); measured 1.1-1.45x. Quadratic planning would be ~10x.
LIMIT_CATALOGUE_100X = 1.0
LIMIT_PLAN_100X = 1.0
LIMIT_PER_WEEK_GROWTH = 1.6


def shipped() -> tuple[dict[str, Any], dict[str, Any]]:
    data = ROOT / "data"
    return (yaml.safe_load((data / "roadmap.yaml").read_text(encoding="utf-8")),
            yaml.safe_load((data / "sectors.yaml").read_text(encoding="utf-8")))


def scaled(factor: int, *, grow_plan: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The shipped data with k-1 copies of every skill and sector; `grow_plan` False makes
    the skill copies electives no original sector asks for (the plan stays the same)."""
    roadmap, sectors = shipped()
    base_skills = roadmap["skills"]
    skills = list(base_skills)
    for c in range(1, factor):
        for skill in base_skills:
            clone = copy.deepcopy(skill)
            clone["id"] = f"{skill['id']}-x{c}"
            clone["name"] = f"{skill['name']} ({c})"
            clone["prerequisites"] = [f"{p}-x{c}" for p in skill.get("prerequisites") or []]
            clone["aliases"] = [f"{a}-x{c}" for a in skill.get("aliases") or []]
            if not grow_plan:
                clone["track"] = "elective"
            skills.append(clone)
    roadmap["skills"] = skills

    base_sectors = sectors["sectors"]
    out = list(base_sectors)
    for c in range(1, factor):
        for sector in base_sectors:
            clone = copy.deepcopy(sector)
            clone["id"] = f"{sector['id']}-x{c}"
            clone["name"] = f"{sector['name']} ({c})"
            clone["aliases"] = [f"{a}-x{c}" for a in sector.get("aliases") or []]
            clone["emphasis"] = {f"{k}-x{c}": v for k, v in sector["emphasis"].items()}
            clone["why"] = {f"{k}-x{c}": v for k, v in (sector.get("why") or {}).items()}
            clone["electives"] = [f"{s}-x{c}" for s in sector.get("electives") or []]
            for project in clone["projects"]:
                project["skills"] = [f"{s}-x{c}" for s in project["skills"]]
            out.append(clone)
    sectors["sectors"] = out
    return roadmap, sectors


def write(folder: Path, factor: int, *, grow_plan: bool) -> tuple[int, int, float]:
    """(skills, sectors, MB of YAML) of the data written to `folder`."""
    roadmap, sectors = scaled(factor, grow_plan=grow_plan)
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, doc in (("roadmap.yaml", roadmap), ("sectors.yaml", sectors)):
        text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
        (folder / name).write_text(text, encoding="utf-8")
        size += len(text.encode())
    return len(roadmap["skills"]), len(sectors["sectors"]), size / 1e6


def run(cmd: list[str], env: dict[str, str], runs: int) -> float:
    """Median CPU seconds of `runs` whole-process runs."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryFile() as err:
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
            times.append(cpu_time(proc))
            if proc.returncode != 0:
                err.seek(0)
                sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n"
                         f"{err.read().decode(errors='replace')[-2000:]}")
    return statistics.median(times)


def planning(folder: Path, runs: int) -> tuple[float, int]:
    """(median CPU seconds of build_plan, weeks in the plan) for finance on `folder`."""
    cat = load_catalog(folder)
    profile = make_profile(cat, sector="finance", start="2027-01-04")
    times, weeks = [], 0
    gc.disable()  # as in a run of mlpath (launch.py)
    try:
        for _ in range(runs):
            start = time.process_time()
            plan = build_plan(cat, profile)
            times.append(time.process_time() - start)
            weeks = plan.total_weeks
            del plan
    finally:
        gc.enable()
    return statistics.median(times), weeks


def within(label: str, value: float, limit: float, unit: str) -> bool:
    """Print whether `value` is within `limit`; True if it is."""
    ok = value <= limit
    print(f"{label} within {limit:g}{unit}: {'PASS' if ok else 'FAIL'} ({value:.2f}{unit})")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per size (5)")
    parser.add_argument("--factors", default="1,10,100", help="sizes to try (1,10,100)")
    args = parser.parse_args(argv)
    mlpath = find_mlpath()

    def plan_cmd(folder: Path) -> list[str]:
        return [str(mlpath), "plan", "--sector", "finance", "--data-dir", str(folder),
                "--start", "2027-01-04", "--format", "json"]

    factors = [int(f) for f in args.factors.split(",")]
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="mlpath-scaling-") as tmp:
        env = {**os.environ, "MLPATH_HOME": str(Path(tmp) / "home"),
               "MLPATH_CACHE_DIR": str(Path(tmp) / "cache")}
        for var in ("PYTHONDONTWRITEBYTECODE", "MLPATH_DATA_DIR", "MLPATH_NO_CACHE"):
            env.pop(var, None)
        os.environ.update(MLPATH_CACHE_DIR=env["MLPATH_CACHE_DIR"])  # planning() below
        print(f"mlpath: {mlpath}\nwhole runs: mlpath plan --sector finance --data-dir DIR "
              f"--format json; median CPU time of {args.runs}\n")

        print("1. A larger catalogue, the same plan (the copies are electives nobody asks for)")
        print(f"{'data':>5} {'skills':>7} {'sectors':>8} {'YAML':>8} {'no cache':>10} "
              f"{'cached':>9} {'weeks':>6}")
        cached = {}
        for factor in factors:
            folder = Path(tmp) / f"catalogue-{factor}x"
            n_skills, n_sectors, mb = write(folder, factor, grow_plan=False)
            cmd = plan_cmd(folder)
            cold = run(cmd, {**env, "MLPATH_NO_CACHE": "1"}, max(1, args.runs // 2))
            run(cmd, env, 1)  # fills the cache
            cached[factor] = run(cmd, env, args.runs)
            _, weeks = planning(folder, 1)
            print(f"{factor:>4}x {n_skills:>7} {n_sectors:>8} {mb:>5.1f} MB {cold:>8.2f} s "
                  f"{cached[factor]:>7.2f} s {weeks:>6}", flush=True)
        if 100 in cached and not within("cached plan on the 100x catalogue", cached[100],
                                         LIMIT_CATALOGUE_100X, " s"):
            failed.append("catalogue")

        print("\n2. A longer plan (every copy of a core skill is planned)")
        print(f"{'data':>5} {'skills':>7} {'weeks':>6} {'whole run, cached':>18} "
              f"{'build_plan':>11} {'per week':>10}")
        per_week, wholes = {}, {}
        for factor in factors:
            folder = Path(tmp) / f"plan-{factor}x"
            n_skills, _, _ = write(folder, factor, grow_plan=True)
            cmd = plan_cmd(folder)
            run(cmd, env, 1)  # fills the cache
            whole = wholes[factor] = run(cmd, env, args.runs)
            planned, weeks = planning(folder, args.runs)
            per_week[factor] = planned / weeks
            print(f"{factor:>4}x {n_skills:>7} {weeks:>6} {whole:>16.2f} s "
                  f"{planned * 1000:>8.0f} ms {per_week[factor] * 1e6:>7.0f} µs", flush=True)
        if 100 in wholes and not within("whole run of the 100x plan, cached", wholes[100],
                                        LIMIT_PLAN_100X, " s"):
            failed.append("plan")
        if 10 in per_week and 100 in per_week and not within(
                "planning time per week, 100x against 10x (n log n: ~1.4x)",
                per_week[100] / per_week[10], LIMIT_PER_WEEK_GROWTH, "x"):
            failed.append("linear")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
