"""One set of format options everywhere, plain metavars, and look-up by what people type."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mlpath.cli import COMMAND_MODULES

START = ["--start", "2027-01-04"]


def _saved(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("progress", "set", "python", "2", "--sector", "finance").code == 0


def test_export_takes_format(cli) -> None:  # type: ignore[no-untyped-def]
    _saved(cli)
    data = json.loads(cli("export", "--format", "json", *START).out)
    assert data["sector"]["id"] == "finance"
    assert cli("export", "-f", "ics", *START).out.startswith("BEGIN:VCALENDAR")
    assert cli("export", *START).out.startswith("# Goal: ")  # still Markdown by default


@pytest.mark.parametrize("args", [
    ["plan", "--sector", "finance", *START],
    ["export", *START],
    ["assess", "--answers", "answers.yaml"],
])
def test_an_unknown_extension_is_a_usage_error(cli, tmp_path: Path, args: list[str],  # type: ignore[no-untyped-def]
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "answers.yaml").write_text("sector: finance\n")
    _saved(cli)
    result = cli(*args, "-o", "out.pdf")
    assert result.code == 2
    assert "cannot write '.pdf' files" in result.err
    assert ".md" in result.err and ".ics" in result.err and "--format" in result.err
    assert len(result.err.strip().splitlines()) <= 2
    assert not (tmp_path / "out.pdf").exists()


def test_format_says_what_an_odd_extension_holds(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "plan.markdown.bak"
    result = cli("plan", "--sector", "finance", *START, "-o", str(out), "--format", "markdown")
    assert result.code == 0, result.err
    assert out.read_text().startswith("# Goal: ")
    no_suffix = tmp_path / "plan"
    assert cli("plan", "--sector", "finance", *START, "-o", str(no_suffix)).code == 0
    assert "Week by week" in no_suffix.read_text()  # the command's default: text


COMMANDS = [[name] for names in COMMAND_MODULES.values() for name in names] + [
    ["progress", "set"], ["progress", "sync"], ["progress", "show"]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_help_metavars_are_plain(cli, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    out = cli(*command, "--help").out
    assert not re.search(r"<[a-z ]+>", out), out  # typer's <str>, <int range>
    for line in out.splitlines():  # a range said once: click's [1<=x<=80] only
        if "<=x<=" in line:
            assert not re.search(r"\(\d+-\d+\)", line), line


def test_plan_and_export_list_the_same_formats(cli) -> None:  # type: ignore[no-untyped-def]
    for command in ("plan", "export"):
        assert "-f, --format text|markdown|json|ics" in cli(command, "--help").out


@pytest.mark.parametrize(("typed", "skill"), [
    ("pandas", "data-wrangling"), ("NumPy", "data-wrangling"), ("XGBoost", "gradient-boosting"),
    ("Team collaboration", "collaboration"), ("airflow", "orchestration"),
    ("Data wrangling", "data-wrangling"), ("fastapi", "api-development"),
])
def test_a_skill_by_its_name_or_a_word_of_it(cli, typed: str, skill: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("plan", "--sector", "finance", *START, "--know", f"{typed}=2", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["profile"]["levels"] == {skill: 2}


@pytest.mark.parametrize(("typed", "sector"), [
    ("Finance & FinTech", "finance"), ("finance & fintech", "finance"),
    ("Life Sciences", "healthcare"), ("Retail & eCommerce", "retail"),
    ("supply chain", "manufacturing"),
])
def test_a_sector_by_the_name_the_tool_prints(cli, typed: str, sector: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("plan", "--sector", typed, *START, "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out)["sector"]["id"] == sector


@pytest.mark.parametrize(("args", "message"), [
    (["--know", "pandsa=2"], "Unknown skill 'pandsa'. Did you mean 'data-wrangling'?"),
    (["--know", "learning=2"], "'learning' could be any of ml-algorithms, supervised-learning"),
    (["--sector", "Finanse & FinTech"], "Unknown sector 'Finanse & FinTech'. Did you mean "
                                        "'finance'?"),
])
def test_did_you_mean_knows_names(cli, args: list[str], message: str) -> None:  # type: ignore[no-untyped-def]
    base = ["plan", *START] + ([] if "--sector" in args else ["--sector", "finance"])
    result = cli(*base, *args)
    assert result.code == 2
    assert message in result.err


def test_a_written_file_is_named_with_its_full_path(cli, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("plan", "--sector", "finance", *START, "-o", "plan.md")
    assert result.code == 0, result.err
    assert f"Wrote {tmp_path / 'plan.md'} (markdown)" in result.err
