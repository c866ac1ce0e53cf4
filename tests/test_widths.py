"""Every command at every width from 40 to 200 columns: nothing runs past the edge, no
number, id, date or amount is cut or wrapped, nothing is elided with '…'."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.cells import cell_len

from mlpath.catalogue.model import Catalog
from mlpath.formats.words import money_range

WIDTHS = (40, 60, 80, 120, 200)
POSTINGS = Path(__file__).parent / "postings"
FRAUD = str(POSTINGS / "fintech_fraud_senior.md")
CREDIT = str(POSTINGS / "fintech_credit_mid.txt")


def _salaries(cat: Catalog) -> list[str]:
    out = []
    for r in cat.salaries.regions:
        if r.range:
            out.append(money_range(r.range.low, r.range.high, r.currency, r.unit,
                                   r.range.open_ended))
        out += [money_range(b.low, b.high, r.currency, r.unit, b.open_ended)
                for b in r.by_experience]
    return out


# command → (arguments, the tokens that must each appear whole on one line)
COMMANDS: dict[str, tuple[list[str], Callable[[Catalog], list[str]]]] = {
    "salary": (["salary"], lambda c: [*_salaries(c), *{r.range.source for r in
                                                        c.salaries.regions if r.range}]),
    "certs": (["certs"], lambda c: [x.as_of for x in c.certifications]
              + [s for x in c.certifications for s in x.skills]),
    "roadmap": (["roadmap"], lambda c: [s.id for s in c.skills]),
    "skills": (["skills"], lambda c: [s.id for s in c.skills]),
    "skill": (["skills", "data-structures-algorithms"],
              lambda c: [r.url for r in c.skill("data-structures-algorithms").resources]),
    "sectors": (["sectors"], lambda c: [s.id for s in c.sectors]),
    "sector": (["sectors", "finance"], lambda c: list(c.sector("finance").emphasis)),
    "roles": (["roles"], lambda c: [s for r in c.roles for s in r.sources]),
    # plan, progress and match: their tokens come from the same command's JSON (below)
    "plan": (["plan", "--sector", "finance", "--no-profile", "--start", "2027-01-04"],
             lambda c: []),
    "progress": (["progress"], lambda c: []),
    "match": (["match", FRAUD], lambda c: []),
    "match two": (["match", FRAUD, CREDIT], lambda c: [FRAUD, CREDIT]),
}


def _from_json(cli, name: str, args: list[str]) -> list[str]:  # type: ignore[no-untyped-def]
    """Figures the screen must show whole, read from the command's own JSON."""
    if name not in ("plan", "progress", "match"):
        return []
    data = json.loads(cli(*args, "--json").out)
    if name == "plan":  # dates and totals (skills show by name, which may wrap)
        return ([w["start"] for w in data["weeks"][:3]]
                + [f"{data['total_hours']:,} h", data["finish"]])
    if name == "progress":
        steps = data["steps"]
        return [f"{s['done']} / {s['needed']} h" for s in steps] + [
            f"{s['percent']}%" for s in steps]
    skills = data["skills"]
    return [s["skill"] for s in skills[:2]] + [f"line {s['line']}" for s in skills[:2]]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_fits_every_width(cli, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                        catalog: Catalog, name: str, width: int) -> None:
    args, tokens = COMMANDS[name]
    monkeypatch.setenv("COLUMNS", str(width))
    if name == "progress":
        assert cli("progress", "set", "python", "2", "--sector", "finance").code == 0
    result = cli(*args)
    assert result.code == 0, result.err
    expected = tokens(catalog) + _from_json(cli, name, args)
    lines = result.out.splitlines()
    too_wide = [line for line in lines if cell_len(line) > width]
    assert not too_wide, too_wide[:3]
    assert "…" not in result.out
    for token in expected:
        if cell_len(token) > width - 2:  # a long web address can only be folded: not lost
            assert token in "".join(line.strip() for line in lines), token
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(token)}")
        assert any(pattern.search(line) for line in lines), (token, result.out[:3000])


def test_a_table_too_wide_for_the_screen_becomes_a_list(cli, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                         ) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    out = cli("salary").out
    # each India band keeps its level label (at 60 columns it used to drop the column)
    for label in ("Entry level (0-2 years)", "Mid level (3-5 years)", "Senior (6+ years)"):
        assert f"level: {label}" in out
    monkeypatch.setenv("COLUMNS", "200")
    wide = cli("salary").out
    assert "level: " not in wide and " region " in wide  # a real table when it fits
