"""Start-up stays cheap: what each kind of run imports, and the catalogue cache.

The timings themselves are in `bench/startup.py` (not run in CI: shared machines are
noisy); these tests pin down the causes, which do not depend on the machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mlpath import cache, data
from mlpath.cli import common
from mlpath.errors import DataError

SHOW_MODULES = """
import sys
from mlpath.cli import main
code = main(sys.argv[1:])
sys.stdout.flush()
sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n")
raise SystemExit(code)
"""
HEAVY_ALWAYS = {"yaml", "pydantic", "questionary", "prompt_toolkit", "platformdirs",
                "importlib.metadata", "mlpath.schema", "mlpath.specs", "mlpath.checks"}


def imported(*args: str, env: dict[str, str]) -> set[str]:
    run = subprocess.run([sys.executable, "-c", SHOW_MODULES, *args], capture_output=True,
                         text=True, env=env, check=False, timeout=60)
    assert run.returncode == 0, run.stderr
    return set(run.stderr.rsplit("MODULES ", 1)[1].split())


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = {**os.environ, "MLPATH_HOME": str(tmp_path / "home"),
              "MLPATH_CACHE_DIR": str(tmp_path / "cache")}
    values.pop("MLPATH_NO_CACHE", None)
    return values


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["plan", "--help"]])
def test_version_and_help_load_no_data_model_or_renderer(args: list[str],
                                                         env: dict[str, str]) -> None:
    modules = imported(*args, env=env)
    assert not modules & (HEAVY_ALWAYS | {"rich", "mlpath.model", "mlpath.data",
                                          "mlpath.engine", "json", "pickle"})


def test_json_plan_with_a_warm_cache_needs_neither_yaml_nor_rich(env: dict[str, str]) -> None:
    args = ["plan", "--sector", "finance", "--start", "2027-01-04", "--format", "json"]
    imported(*args, env=env)  # fills the cache
    modules = imported(*args, env=env)
    assert not modules & (HEAVY_ALWAYS | {"rich", "mlpath.profile", "tempfile"})


def test_text_plan_uses_rich_but_not_its_table(env: dict[str, str]) -> None:
    args = ["plan", "--sector", "finance", "--start", "2027-01-04"]
    imported(*args, env=env)
    modules = imported(*args, env=env)
    assert "rich.console" in modules and "mlpath.render.grid" in modules
    assert not modules & (HEAVY_ALWAYS | {"rich.table", "mlpath.profile"})


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

    monkeypatch.setattr(data, "parse_yaml", no_parsing)
    assert data.load_catalog(fork) == first


def test_any_change_to_the_data_is_read_and_validated_again(fork: Path, own_cache: Path) -> None:
    data.load_catalog(fork)
    path = fork / "roadmap.yaml"
    # Same size, same second: only the content tells.
    stat = path.stat()
    path.write_text(path.read_text().replace("hours: 80", "hours: 90", 1))
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert data.load_catalog(fork).skill("python").hours == 90
    path.write_text(path.read_text().replace("hours: 90", "hours: -9", 1))
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


# --- model records: frozen dataclasses without generated code --------------------------------


def test_model_records_behave_like_frozen_dataclasses() -> None:
    import copy
    import dataclasses
    import datetime as dt
    import pickle

    from mlpath import model as m

    p = m.Profile(sector="finance", levels={"python": 2}, start=dt.date(2027, 1, 4))
    assert p == m.Profile("finance", {"python": 2}, dt.date(2027, 1, 4))
    assert p != dataclasses.replace(p, region="uk")
    assert dataclasses.replace(p, region="uk").sector == "finance"
    assert repr(p).startswith("Profile(sector='finance', levels={'python': 2}, start=")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.sector = "tech"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del p.region  # type: ignore[misc]
    assert [f.name for f in dataclasses.fields(m.Level)] == ["level", "name", "description"]
    for bad in ({"level": 0, "name": "n"}, {"level": 0, "name": "n", "description": "d",
                                             "colour": 1}):
        with pytest.raises(TypeError):
            m.Level(**bad)
    with pytest.raises(TypeError, match="multiple values"):
        m.Level(0, "n", "d", level=1)  # type: ignore[misc]
    gap = m.Gap("python", "programming", 0, 3, 1.5, 80, "why")
    assert hash(gap) == hash(copy.deepcopy(gap)) and pickle.loads(pickle.dumps(gap)) == gap
    a = m.Sector("a", "A", "s", "e", (), (), {}, "x", ())
    assert a.why == {} and a.why is not m.Sector("a", "A", "s", "e", (), (), {}, "x", ()).why
