"""Start-up stays cheap, and the catalogue cache behind it is safe.

Timings are measured by `bench/startup.py` (ratios to `python -c pass`; not asserted
here, shared machines are noisy). These tests guard that the benchmark and its budgets
stay in place and runnable, and that the cache can make a run faster, never different.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mlpath.catalogue import cache
from mlpath.catalogue import load as data
from mlpath.cli import common
from mlpath.errors import DataError

ROOT = Path(__file__).resolve().parents[1]


def bench_cases() -> tuple[Any, ...]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import startup
    finally:
        sys.path.pop(0)
    cases: tuple[Any, ...] = startup.CASES
    return cases


def test_the_documented_budgets_are_the_ones_the_benchmark_applies() -> None:
    doc = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| ≤ ([\d.]+)× \|", doc, re.M)
    assert rows, "docs/performance.md: the budget table is missing"
    assert dict(rows) == {case.name: f"{case.budget:g}" for case in bench_cases()}


@pytest.mark.slow
def test_the_benchmark_runs_every_case(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "startup.py"), "--runs", "1",
                          "--warmup", "1", "--no-verdict", "--floor"], capture_output=True,
                         text=True,
                         timeout=300, check=False,
                         env={**os.environ, "MLPATH_HOME": str(tmp_path)})
    assert run.returncode == 0, run.stdout + run.stderr
    cases = bench_cases()
    for case in cases:
        assert re.search(rf"^{re.escape(case.name)} +[\d.]+ ms +[\d.]+ ms +[\d.]+× +"
                         rf"{case.budget:.1f}× +(PASS|FAIL)$", run.stdout, re.M), case.name
    assert "import typer, questionary" in run.stdout  # --floor: the libraries alone


def test_the_data_dir_variable_is_named_once() -> None:
    assert common.DATA_DIR_ENV == data.DATA_DIR_ENV


# --- the catalogue cache ---------------------------------------------------------------------


@pytest.fixture
def fork(tmp_path: Path) -> Path:
    target = tmp_path / "fork"
    shutil.copytree(data.default_data_dir(), target)
    return target


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("catalog-*.pickle"))


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MLPATH_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_second_load_comes_from_the_cache_and_equals_the_first(
        fork: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = data.load_catalog(fork)
    assert len(list(own_cache.glob("catalog-*.pickle"))) == 1

    def no_parsing(text: str) -> object:
        raise AssertionError("the cached catalogue should be used")

    import mlpath.yamlio

    monkeypatch.setattr(mlpath.yamlio, "parse_yaml", no_parsing)
    assert data.load_catalog(fork) == first


def test_any_change_to_the_data_is_read_and_validated_again(fork: Path, own_cache: Path) -> None:
    data.load_catalog(fork)
    path = fork / "roadmap.yaml"
    # Same size, same second: only the content tells.
    stat = path.stat()
    # Python's hours and its practice topic's hours together, so the topics still add up.
    text = path.read_text()
    for old, new in (("    hours: 100\n", "    hours: 110\n"),
                     ("        hours: 34\n        resource: exercism-python\n",
                      "        hours: 44\n        resource: exercism-python\n")):
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text)
    assert path.stat().st_size == stat.st_size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert data.load_catalog(fork).skill("python").hours == 110
    path.write_text(path.read_text().replace("hours: 110", "hours: -99", 1))
    with pytest.raises(DataError, match="problem"):
        data.load_catalog(fork)


def test_problems_are_never_cached(fork: Path, own_cache: Path) -> None:
    (fork / "sectors.yaml").write_text("sectors: [\n")
    for _ in range(2):
        with pytest.raises(DataError):
            data.load_catalog(fork)
    assert not own_cache.exists() or not list(own_cache.iterdir())


@pytest.mark.parametrize("damage", [b"", b"garbage", b"(1, 'x')\n\x80\x04K\x01."])
def test_a_damaged_cache_file_is_a_miss(fork: Path, own_cache: Path, damage: bytes) -> None:
    expected = data.load_catalog(fork)
    (target,) = own_cache.glob("catalog-*.pickle")
    key = cache.key(fork / data.ROADMAP, fork / data.SECTORS)
    assert key is not None
    target.write_bytes(damage if damage != b"garbage" else key + b"garbage")
    assert data.load_catalog(fork) == expected


def test_an_unwritable_cache_is_ignored(fork: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MLPATH_CACHE_DIR", str(blocker / "cache"))
    assert data.load_catalog(fork).skills


def test_mlpath_no_cache_turns_it_off(fork: Path, own_cache: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLPATH_NO_CACHE", "1")
    data.load_catalog(fork)
    assert not own_cache.exists()


def test_the_default_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("XDG folders are for Linux and other Unixes")
    monkeypatch.delenv("MLPATH_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "mlpath"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache.cache_dir() == Path.home() / ".cache" / "mlpath"


def test_a_new_install_is_a_cache_miss(fork: Path, own_cache: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    data.load_catalog(fork)
    before = cache.key(fork / data.ROADMAP, fork / data.SECTORS)
    real = cache.package_fingerprint()
    changed = [(path, size + 1, mtime) for path, size, mtime in real]
    monkeypatch.setattr(cache, "package_fingerprint", lambda: changed)
    assert cache.key(fork / data.ROADMAP, fork / data.SECTORS) != before
    assert any(name.endswith("model.py") for name, _, _ in real)


def test_old_cache_files_of_other_installs_are_pruned(fork: Path, own_cache: Path) -> None:
    own_cache.mkdir()
    stale, recent = own_cache / "catalog-00000001.pickle", own_cache / "catalog-00000002.pickle"
    for path in (stale, recent):
        path.write_bytes(b"x")
    old = 40 * 86400
    os.utime(stale, (stale.stat().st_atime - old, stale.stat().st_mtime - old))
    data.load_catalog(fork)
    assert not stale.exists() and recent.exists()
    assert len(list(own_cache.glob("catalog-*.pickle"))) == 2  # the recent one and ours
