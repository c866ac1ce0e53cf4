"""Saves at the same time (issue 19, class 1): every `progress set` keeps its change.

Each run reads the profile, changes one level and saves under the profile lock; without
it, runs that read the same old file overwrite each other's change (1-2 of 20 survived),
and a fixed backup temp name made runs fail with "No such file or directory".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mlpath.catalogue.model import Catalog
from mlpath.person import store

RUNS = 20


def test_twenty_parallel_progress_sets_keep_all_twenty_levels(
        catalog: Catalog, user_home: Path) -> None:
    skills = [s.id for s in catalog.skills][:RUNS]
    assert len(skills) == RUNS
    env = {**os.environ, "MLPATH_HOME": str(user_home)}
    mlpath = [sys.executable, "-m", "mlpath"]
    first = subprocess.run([*mlpath, "progress", "set", skills[0], "1", "--sector", "finance",
                            "--today", "2027-01-04"], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    runs = [subprocess.Popen([*mlpath, "progress", "set", skill, "3", "--today", "2027-01-05"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for skill in skills]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    failed = [err for code, _, err in results if code != 0]
    assert not failed, failed[0]
    saved = store.load(catalog)
    assert saved is not None
    assert {s: saved.profile.levels.get(s) for s in skills} == dict.fromkeys(skills, 3)
    assert len([c for c in saved.history if c.date.isoformat() == "2027-01-05"]) == RUNS
    strays = [p.name for p in user_home.iterdir() if p.name.endswith(".tmp")]
    assert not strays, strays
