"""Shared fixtures: an isolated user directory for every test, and a CLI runner."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from mlpath.catalogue.load import default_data_dir, load_catalog
from mlpath.catalogue.model import Catalog

DATA = default_data_dir()
# A handful of made-up skills, two sectors and one certification (roadmap.yaml says why): for
# tests of layout and formats, whose expectations must not move with the shipped content.
SMALL = Path(__file__).parent / "fixtures" / "catalogue"


@pytest.fixture(autouse=True)
def user_home(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory,
              monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own MLPATH_HOME; no test touches the real profile."""
    home = tmp_path / "home"
    monkeypatch.setenv("MLPATH_HOME", str(home))
    monkeypatch.delenv("MLPATH_DATA_DIR", raising=False)
    monkeypatch.delenv("MLPATH_NO_CACHE", raising=False)
    # One catalogue cache per test session, outside tmp_path, never the user's own.
    monkeypatch.setenv("MLPATH_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "mlpath-cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return home


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped catalogue (data/): for data tests and end-to-end tests."""
    return load_catalog()


@pytest.fixture(scope="session")
def small() -> Catalog:
    """The fixture catalogue (tests/fixtures/catalogue/)."""
    return load_catalog(SMALL)


@dataclass
class Result:
    code: int
    out: str
    err: str


Run = Callable[..., Result]  # the `cli` fixture: cli("plan", "--sector", "finance")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run `mlpath ARGS…` in-process through the real entry point (exit codes included).

    In-process, a bug raises out of `run` and fails the test with its traceback, so a test
    never needs to look for "Traceback" in `err`; tests/test_e2e_pty.py runs real processes.
    """
    from mlpath.cli import main

    def run(*args: str) -> Result:
        capsys.readouterr()
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data, for tests that break it on purpose."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target
