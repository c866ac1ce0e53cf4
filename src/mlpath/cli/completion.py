"""What the shell completes: skill, sector, region and background ids, roles, clouds and
formats.

Loaded only while a shell asks for completions (the callbacks in `common.py` import it on
their first call), so a normal run never pays for it. A problem loading the catalogue
completes nothing rather than printing an error into the shell.
"""

from __future__ import annotations

from collections.abc import Callable

from mlpath.catalogue import model as m
from mlpath.errors import MlpathError
from mlpath.formats import FORMATS

# The roles a plan can target (the CLI contract in the design notes).
ROLES = (("ml-engineer", "ML engineer (the default)"),
         ("ai-engineer", "AI engineer: applications on top of models"),
         ("mlops-engineer", "MLOps engineer: deployment and operations"))
CLOUDS = (("aws", "Amazon Web Services"), ("gcp", "Google Cloud"), ("azure", "Microsoft Azure"))
Candidates = list[tuple[str, str]]


def _catalog() -> m.Catalog | None:
    from mlpath.catalogue.load import load_catalog  # only for the kinds that need data

    try:
        return load_catalog(None)  # --data-dir is not known yet; MLPATH_DATA_DIR is
    except MlpathError:
        return None


def _skills(cat: m.Catalog) -> Candidates:
    return [(s.id, s.name) for s in cat.skills]


def _sectors(cat: m.Catalog) -> Candidates:
    return [(s.id, s.name) for s in cat.sectors]


def _regions(cat: m.Catalog) -> Candidates:
    return [(r.id, r.name) for r in cat.salaries.regions]


def _backgrounds(cat: m.Catalog) -> Candidates:
    return [(b.id, b.name) for b in cat.backgrounds]


FROM_CATALOGUE: dict[str, Callable[[m.Catalog], Candidates]] = {
    "skill": _skills, "sector": _sectors, "region": _regions, "background": _backgrounds}


def candidates(kind: str, incomplete: str) -> Candidates:
    """(value, help) pairs starting with what was typed. `skill-list` completes the last
    item of `a,b,c`; `know` the last `SKILL=LEVEL` pair (a skill, then its levels)."""
    if kind == "format":
        return [(f.name, f.description) for f in FORMATS.values()
                if f.name.startswith(incomplete)]
    if kind == "role":
        return [r for r in ROLES if r[0].startswith(incomplete)]
    if kind == "cloud":
        return [c for c in CLOUDS if c[0].startswith(incomplete)]
    cat = _catalog()
    if cat is None:
        return []
    if kind in FROM_CATALOGUE:
        return [c for c in FROM_CATALOGUE[kind](cat) if c[0].startswith(incomplete)]
    head, _, last = incomplete.rpartition(",")
    prefix = head + "," if head else ""
    name, eq, level = last.partition("=")
    if kind == "know" and eq:
        return [(f"{prefix}{name}={lv.level}", lv.name) for lv in cat.levels
                if str(lv.level).startswith(level)]
    suffix = "=" if kind == "know" else ""
    return [(f"{prefix}{sid}{suffix}", help_) for sid, help_ in _skills(cat)
            if sid.startswith(last)]
