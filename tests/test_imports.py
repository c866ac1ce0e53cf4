"""Each command loads only what it needs: `sys.modules` after a real run, against an allow-list.

Start-up is mostly imports (docs/performance.md): typer alone is ~5x `python -c pass`,
rich ~2x, questionary ~4x, PyYAML and the data validation more than the rest of a plan.
The lazy imports that keep them off a path are guarded here, one subprocess per command:
every mlpath module and every third-party package it loaded must match an allowed pattern.
The standard library is not checked (its modules differ between Python versions).
"""

from __future__ import annotations

import fnmatch
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest

ROOT = Path(__file__).resolve().parents[1]
POSTING = str(ROOT / "tests" / "postings" / "fintech_fraud_senior.md")

# Runs `mlpath ARGS` through the console script's entry point, then writes the modules it
# loaded (and the first prompt, on SIGUSR1) to $PROBE_OUT.
PROBE = """
import os, signal, sys
def dump(*_):
    with open(os.environ["PROBE_OUT"], "w") as out:
        out.write("\\n".join(sorted(set(sys.modules) - before)))
    os._exit(0)
signal.signal(signal.SIGUSR1, dump)
before = set(sys.modules)
from mlpath.launch import main
sys.argv = ["mlpath", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
dump()
"""

LAUNCH = ("mlpath", "mlpath.launch")
# mlpath.formats: the format registry names --format's choices in every command's help
CLI = (*LAUNCH, "mlpath.errors", "mlpath.cli", "mlpath.cli.common", "mlpath.formats",
       "typer", "typer.*", "annotated_doc*", "shellingham*")
# A cached catalogue: no PyYAML, no schema, specs or checks (those run on a cache miss).
CATALOGUE = ("mlpath.catalogue", "mlpath.catalogue.cache", "mlpath.catalogue.load",
             "mlpath.catalogue.model", "mlpath.catalogue.salary", "mlpath.catalogue.sector",
             "mlpath.catalogue.career",
             "mlpath.catalogue.lookup",
             "mlpath.files",  # the cache key reads the data files as regular files only
             "platformdirs", "platformdirs.*")  # the cache and profile folders
# checks: dates and levels from options and files; twin: the profile read without PyYAML
PERSON = ("mlpath.person", "mlpath.person.profile", "mlpath.person.store",
          "mlpath.person.checks", "mlpath.person.twin")
RICH = ("rich", "rich.*", "mlpath.formats.tables")  # rich tables that never cut a number
# catalogue.cloud: the cloud a plan studies, and its weeks on the goal's cloud
PLAN = (*CLI, *CATALOGUE, *PERSON, "mlpath.catalogue.cloud", "mlpath.cli.planning",
        "mlpath.planning",
        "mlpath.planning.*", "mlpath.formats", "mlpath.formats.words",
        "mlpath.formats.plan_words")  # the words that follow one plan
SHOW = (*CLI, *CATALOGUE, *RICH, "mlpath.cli.catalogue", "mlpath.formats",
        "mlpath.formats.words")

ALLOWED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # name: (arguments, allowed patterns)
    "--version": (("--version",), LAUNCH),
    # it lists every command's module, and the formats' names (the registry, no format)
    "--help": (("--help",), (*CLI, "mlpath.cli.*", "mlpath.formats")),
    "plan json": (("plan", "--sector", "finance", "--format", "json"),
                  (*PLAN, "mlpath.formats.json")),
    "plan text": (("plan", "--sector", "finance"), (*PLAN, *RICH, "mlpath.formats.text")),
    "match": (("match", POSTING, "--no-profile"),
              (*CLI, *CATALOGUE, *PERSON, *RICH, "mlpath.cli.match", "mlpath.matching",
               "mlpath.matching.*", "mlpath.planning", "mlpath.planning.levels",
               "mlpath.formats", "mlpath.formats.match_view")),
    "roadmap": (("roadmap",), (*SHOW, "mlpath.formats.catalogue_view")),
    "skills": (("skills",), (*SHOW, "mlpath.formats.catalogue_view")),
    "skill": (("skills", "python"), (*SHOW, "mlpath.formats.skill_view")),
    "sectors --json": (("sectors", "--json"), (*SHOW, "mlpath.formats.json")),
    "certs": (("certs",), (*SHOW, "mlpath.formats.catalogue_view")),
    "salary": (("salary",), (*SHOW, "mlpath.formats.catalogue_view")),
    "validate": (("validate",), (*CLI, *CATALOGUE, "mlpath.cli.catalogue")),
}
# assess shares plan's --force option and output (mlpath.cli.planning).
# mlpath.formats: the registry checks --output's extension before the first question.
ASSESS = (*CLI, *CATALOGUE, *RICH, "mlpath.cli.assess", "mlpath.cli.planning", "mlpath.formats",
          "mlpath.person",
          "mlpath.person.*",
          "questionary", "questionary.*", "prompt_toolkit", "prompt_toolkit.*", "wcwidth",
          "wcwidth.*")


def env(tmp_path: Path, out: Path) -> dict[str, str]:
    return {**os.environ, "PROBE_OUT": str(out), "MLPATH_HOME": str(tmp_path / "home"),
            "COLUMNS": "100", "LINES": "30"}


def unexpected(loaded: list[str], allowed: tuple[str, ...]) -> list[str]:
    """The mlpath modules and third-party packages in `loaded` that no pattern allows."""
    stdlib = sys.stdlib_module_names
    checked = [m for m in loaded if m.split(".")[0] not in stdlib and not m.startswith("_")]
    return [m for m in checked if not any(fnmatch.fnmatchcase(m, p) for p in allowed)]


@pytest.fixture
def warm_cache() -> None:
    """The catalogue cache filled, as after a user's first run (one cache per session)."""
    if not list(Path(os.environ["MLPATH_CACHE_DIR"]).glob("catalog-*")):
        subprocess.run([sys.executable, "-m", "mlpath", "roadmap"], capture_output=True,
                       check=True, env=os.environ)


@pytest.mark.parametrize("name", list(ALLOWED))
def test_a_command_loads_only_its_own_modules(name: str, tmp_path: Path,
                                              warm_cache: None) -> None:
    args, allowed = ALLOWED[name]
    out = tmp_path / "modules.txt"
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                         env=env(tmp_path, out), stdin=subprocess.DEVNULL, check=False)
    assert run.returncode == 0, run.stderr
    loaded = out.read_text().split()
    assert unexpected(loaded, allowed) == [], f"mlpath {' '.join(args)}"
    assert "yaml" not in loaded, "PyYAML is read only on a cache miss or a saved profile"


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_assess_loads_only_its_own_modules_until_the_first_prompt(
        tmp_path: Path, warm_cache: None) -> None:
    out = tmp_path / "modules.txt"
    child = pexpect.spawn(sys.executable, ["-c", PROBE, "assess"], env=env(tmp_path, out),
                          encoding="utf-8", timeout=30, dimensions=(30, 100))
    try:
        child.expect(re.compile(r"\? \S"))  # questionary's "? <question>": the first prompt
        child.kill(signal.SIGUSR1)
        for _ in range(100):
            if out.exists() and not child.isalive():
                break
            time.sleep(0.05)
    finally:
        child.terminate(force=True)
    loaded = out.read_text().split()
    assert "questionary" in loaded
    assert unexpected(loaded, ASSESS) == []
    assert "yaml" not in loaded


def test_a_lazy_import_made_eager_is_caught() -> None:
    """The check itself: rich on the --help path is reported."""
    assert unexpected(["mlpath.cli", "rich", "rich.console", "json"],
                      ALLOWED["--help"][1]) == ["rich", "rich.console"]


def test_the_matchers_patterns_are_compiled_on_first_use() -> None:
    from mlpath.matching import lazy, posting, vocab

    waiting = [name for module in (vocab, posting) for name, value in vars(module).items()
               if isinstance(value, lazy._Lazy)]
    assert len(waiting) >= 20, waiting
    word = lazy.rx(r"\bml\b", re.I)
    assert "search" not in vars(word)  # not compiled yet
    found = word.search("An ML engineer")
    assert found is not None and found.group() == "ML"
    assert "search" in vars(word) and word.sub("x", "ml ML") == "x x"
