"""A process killed while it saves the profile leaves the old profile or the new one, never half.

A forked child saves two valid profiles in turn, as fast as it can, through
`mlpath.profile.save`; the test kills it with SIGKILL at a random moment, many times over,
and after each kill the profile (and its backup) must load and be one of the two. Temp
files left by a kill are allowed, but they must not be taken for the profile.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from mlpath.catalogue.model import Catalog
from mlpath.person import store as profile
from mlpath.person.profile import make_profile

pytestmark = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "fork"),
                                reason="needs fork and SIGKILL")

KILLS = 40


def two_profiles(catalog: Catalog) -> tuple[profile.SavedProfile, profile.SavedProfile]:
    first = profile.new(make_profile(catalog, sector="finance", start="2027-01-04",
                                     know={"python": 2, "sql": 1}))
    # The second one is longer (history, more levels), so a torn write would show.
    second = profile.record(first, {s.id: 3 for s in catalog.skills[:25]}, "set",
                            dt.date(2027, 3, 1))
    assert profile.to_document(first) != profile.to_document(second)
    return first, second


def save_forever(profiles: tuple[profile.SavedProfile, ...], ready: int) -> None:
    """In the child: save the profiles in turn until killed."""
    profile.save(profiles[0])
    os.write(ready, b"x")
    while True:
        for saved in profiles:
            profile.save(saved)


def kill_while_saving(profiles: tuple[profile.SavedProfile, ...], delay: float) -> None:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        try:
            os.close(read_end)
            save_forever(profiles, write_end)
        finally:
            os._exit(1)
    os.close(write_end)
    try:
        assert os.read(read_end, 1) == b"x", "the child could not save"
        time.sleep(delay)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_end)


def test_a_kill_during_save_leaves_the_old_or_the_new_profile(catalog: Catalog,
                                                               user_home: Path) -> None:
    profiles = two_profiles(catalog)
    expected = [profile.to_document(p) for p in profiles]
    rng = random.Random(20270104)
    seen = set()
    deadline = time.monotonic() + 60
    for kill in range(KILLS):
        kill_while_saving(profiles, rng.uniform(0, 0.03))
        for path in (profile.profile_path(), profile.backup_path()):
            assert path.exists(), f"kill {kill}: {path.name} is gone"
        loaded = profile.load(catalog)  # a torn file would raise ProfileError here
        assert loaded is not None
        assert profile.to_document(loaded) in expected, f"kill {kill}: not one of the two profiles"
        seen.add(expected.index(profile.to_document(loaded)))
        backup = profile.from_document(catalog, _yaml(profile.backup_path()), profile.backup_path())
        assert profile.to_document(backup) in expected, f"kill {kill}: the backup is damaged"
        assert time.monotonic() < deadline, "too slow for CI; lower KILLS"
    assert seen == {0, 1}, "the kills should land on both profiles"
    strays = [p.name for p in user_home.iterdir()
              if p.name not in {profile.FILE_NAME, profile.BACKUP_NAME, profile.TWIN_NAME}]
    assert all(name.endswith(".tmp") for name in strays), strays


def test_a_kill_during_the_first_save_leaves_no_profile_or_a_whole_one(
        catalog: Catalog, user_home: Path) -> None:
    first, _ = two_profiles(catalog)
    rng = random.Random(7)
    for _ in range(10):
        for path in (profile.profile_path(), profile.backup_path()):
            path.unlink(missing_ok=True)
        pid = os.fork()
        if pid == 0:
            try:
                profile.save(first)
            finally:
                os._exit(0)
        time.sleep(rng.uniform(0, 0.01))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        loaded = profile.load(catalog)
        assert loaded is None or profile.to_document(loaded) == profile.to_document(first)


def _yaml(path: Path) -> object:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))
