"""Shell completion through typer's own mechanism: ids complete, scripts install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlpath.cli.completion import candidates


def _complete(cli, monkeypatch: pytest.MonkeyPatch, line: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What bash gets back for the last word of `line` (typer's complete_bash protocol)."""
    words = line.split(" ")
    monkeypatch.setenv("_MLPATH_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", line)
    monkeypatch.setenv("COMP_CWORD", str(len(words) - 1))
    result = cli()
    assert result.code == 0, result.err
    return [str(word) for word in result.out.split()]


@pytest.mark.parametrize(("line", "expected"), [
    ("mlpath plan --sector fi", ["finance"]),
    ("mlpath sectors heal", ["healthcare"]),
    ("mlpath skills pyt", ["python", "pytorch"]),
    ("mlpath progress set pyto", ["pytorch"]),
    ("mlpath plan --region u", ["us", "uk"]),
    ("mlpath salary --region in", ["india"]),
    ("mlpath plan --format ", ["text", "markdown", "json", "ics"]),
    ("mlpath plan --background stu", ["student"]),
    ("mlpath plan --also spar", ["spark"]),
    ("mlpath plan --know python=3,sq", ["python=3,sql="]),
    ("mlpath plan --know sql=", ["sql=0", "sql=1", "sql=2", "sql=3", "sql=4"]),
    ("mlpath match --know pyth", ["python="]),
    ("mlpath plan --role ml", ["ml-engineer", "mlops-engineer"]),
    ("mlpath plan --cloud a", ["aws", "azure"]),
])
def test_ids_complete(cli, monkeypatch: pytest.MonkeyPatch, line: str,  # type: ignore[no-untyped-def]
                      expected: list[str]) -> None:
    assert sorted(_complete(cli, monkeypatch, line)) == sorted(expected)


def test_roles_complete() -> None:
    assert [c[0] for c in candidates("role", "")] == ["ml-engineer", "ai-engineer",
                                                      "mlops-engineer"]
    assert [c[0] for c in candidates("role", "ml")] == ["ml-engineer", "mlops-engineer"]


def test_a_broken_data_folder_completes_nothing(cli, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    monkeypatch.setenv("MLPATH_DATA_DIR", str(tmp_path))
    assert _complete(cli, monkeypatch, "mlpath plan --sector fi") == []


# typer's switch for naming the shell instead of detecting the one it runs under
NAMED_SHELL = "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script(cli, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                           shell: str) -> None:
    monkeypatch.setenv(NAMED_SHELL, "1")
    result = cli("--show-completion", shell)
    assert result.code == 0, result.err
    assert f"_MLPATH_COMPLETE=complete_{shell}" in result.out


def test_install_completion_writes_to_the_shell_config(tmp_path: Path) -> None:
    env = {**os.environ, "HOME": str(tmp_path), NAMED_SHELL: "1"}
    done = subprocess.run([sys.executable, "-m", "mlpath", "--install-completion", "bash"],
                          capture_output=True, text=True, env=env, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "bash completion installed" in done.stdout
    assert "_MLPATH_COMPLETE" in (tmp_path / ".bash_completions" / "mlpath.sh").read_text()


def test_a_normal_run_loads_no_completion_code() -> None:
    code = ("import sys; from mlpath.cli import main; "
            "main(['plan', '--sector', 'tech', '--format', 'json', '--start', '2027-01-04']); "
            "sys.stderr.write(str('mlpath.cli.completion' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert done.stderr.endswith("False")
