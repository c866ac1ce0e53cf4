"""Scaling benchmark: `mlpath plan` on synthetic data with 10x and 100x the skills and sectors.

    .venv/bin/python bench/scaling.py

Builds the data from the shipped files: each skill is copied k-1 times with suffixed
ids (`python-x1`, …; prerequisites point into the same copy, so they stay acyclic), and
each sector k-1 times likewise (its emphasis, reasons and projects follow the copy it
names). Then times whole-process runs of

    mlpath plan --sector finance --data-dir DIR --format json

twice per size: with the catalogue cache off (every run reads and validates the YAML,
as `mlpath validate` and a freshly edited fork do) and with it warm (what a user runs
most of the time). Prints medians and the growth against 1x, and checks that the plan
for 100x data takes under 1 s (exit 1 if not). Reading 100x YAML is not in that
second: reading and validating goes at ~1.5 MB/s here (PyYAML), so the first run
after editing such a fork (4 MB) takes a few seconds more, linear in the files' size,
and every later run is back under 1 s.
Needs PyYAML, which mlpath depends on anyway.
"""

from __future__ import annotations

import argparse
import copy
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
from startup import find_mlpath  # the same installed command as startup.py

ROOT = Path(__file__).resolve().parents[1]
LIMIT_100X = 1.0  # seconds


def shipped() -> tuple[dict[str, Any], dict[str, Any]]:
    data = ROOT / "data"
    return (yaml.safe_load((data / "roadmap.yaml").read_text(encoding="utf-8")),
            yaml.safe_load((data / "sectors.yaml").read_text(encoding="utf-8")))


def scaled(factor: int) -> tuple[dict[str, Any], dict[str, Any]]:
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


def write(folder: Path, factor: int) -> tuple[int, int]:
    roadmap, sectors = scaled(factor)
    folder.mkdir(parents=True, exist_ok=True)
    for name, doc in (("roadmap.yaml", roadmap), ("sectors.yaml", sectors)):
        (folder / name).write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True),
                                   encoding="utf-8")
    return len(roadmap["skills"]), len(sectors["sectors"])


def timed(cmd: list[str], env: dict[str, str], runs: int) -> tuple[float, int]:
    times = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n"
                     f"{proc.stderr.decode(errors='replace')[-2000:]}")
        size = len(proc.stdout)
    return statistics.median(times), size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per size (5)")
    parser.add_argument("--factors", default="1,10,100", help="sizes to try (1,10,100)")
    args = parser.parse_args(argv)
    mlpath = find_mlpath()
    factors = [int(f) for f in args.factors.split(",")]
    with tempfile.TemporaryDirectory(prefix="mlpath-scaling-") as tmp:
        base = {**os.environ, "MLPATH_HOME": str(Path(tmp) / "home"),
                "MLPATH_CACHE_DIR": str(Path(tmp) / "cache")}
        for var in ("PYTHONDONTWRITEBYTECODE", "MLPATH_DATA_DIR", "MLPATH_NO_CACHE"):
            base.pop(var, None)
        print(f"mlpath: {mlpath}\nmlpath plan --sector finance --data-dir DIR --format json; "
              f"median of {args.runs} runs\n")
        print("growth: against the previous size; 10x the data should take at most ~10x "
              "as long\n(less while the fixed start-up cost dominates).\n")
        print(f"{'data':>5} {'skills':>7} {'sectors':>8} {'no cache':>10} {'growth':>7} "
              f"{'cached':>9} {'growth':>7} {'output':>9}")
        previous = (0.0, 0.0)
        results: dict[int, tuple[float, float]] = {}
        for factor in factors:
            folder = Path(tmp) / f"data-{factor}x"
            n_skills, n_sectors = write(folder, factor)
            cmd = [str(mlpath), "plan", "--sector", "finance", "--data-dir", str(folder),
                   "--start", "2027-01-04", "--format", "json"]
            cold, size = timed(cmd, {**base, "MLPATH_NO_CACHE": "1"}, args.runs)
            timed(cmd, base, 1)  # fills the cache
            warm, _ = timed(cmd, base, args.runs)
            results[factor] = (cold, warm)
            growth = [f"{now / before:>6.1f}x" if before else f"{'':>7}"
                      for now, before in zip((cold, warm), previous, strict=True)]
            previous = (cold, warm)
            print(f"{factor:>4}x {n_skills:>7} {n_sectors:>8} {cold * 1000:>7.0f} ms {growth[0]} "
                  f"{warm * 1000:>6.0f} ms {growth[1]} {size / 1e6:>6.1f} MB", flush=True)
    if 100 not in results:
        return 0
    cold, warm = results[100]
    ok = warm <= LIMIT_100X
    print(f"\nplan with 100x data (catalogue cached) within {LIMIT_100X:g} s: "
          f"{'PASS' if ok else 'FAIL'} ({warm * 1000:.0f} ms); reading and validating "
          f"its YAML first: {cold * 1000:.0f} ms")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
