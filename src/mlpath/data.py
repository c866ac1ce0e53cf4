"""Load and validate `roadmap.yaml` and `sectors.yaml` into a `Catalog`.

Every problem in both files is collected and raised together as one `DataError`
naming file, path and line, so a person editing a fork fixes them in one pass.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

from mlpath import model as m
from mlpath.errors import DataError
from mlpath.schema import (
    BOOL,
    DATE,
    ID,
    INT,
    INVALID,
    NUMBER,
    TEXT,
    LineDict,
    LineList,
    ListOf,
    MapOf,
    Obj,
    Problem,
    Reader,
    Scalar,
    one_of,
)

SCHEMA_VERSION = 1
ROADMAP, SECTORS = "roadmap.yaml", "sectors.yaml"
DATA_DIR_ENV = "MLPATH_DATA_DIR"

_IDS = ListOf(ID)
_PCT = Scalar("number", 0, 1000)
_MONEY = Scalar("number", 0)

_RESOURCE = Obj(m.Resource, {"title": TEXT, "url": TEXT, "kind": one_of(*m.RESOURCE_KINDS),
                             "source": TEXT}, frozenset({"source"}))
_SALARY_RANGE = Obj(m.SalaryRange, {"low": _MONEY, "high": _MONEY, "open_ended": BOOL,
                                    "source": TEXT}, frozenset({"open_ended"}))
_BAND = Obj(m.ExperienceBand, {"label": TEXT, "years_min": Scalar("int", 0, 60),
                               "years_max": Scalar("int", 0, 60), "low": _MONEY, "high": _MONEY,
                               "open_ended": BOOL, "source": TEXT},
            frozenset({"years_max", "open_ended"}))


def _rating(*levels: str) -> Obj:
    return Obj(m.Rating, {"level": one_of(*levels), "source": TEXT})


ROADMAP_SPEC = Obj(dict, {
    "schema_version": INT,
    "sources": ListOf(Obj(m.Source, {"id": ID, "title": TEXT, "publisher": TEXT, "date": DATE,
                                     "note": TEXT}, frozenset({"publisher", "date", "note"})), 1),
    "levels": ListOf(Obj(m.Level, {"level": Scalar("int", m.MIN_LEVEL, m.MAX_LEVEL),
                                   "name": TEXT, "description": TEXT}), 1),
    "steps": ListOf(Obj(m.Step, {
        "id": ID, "number": Scalar("int", 1, 99), "name": TEXT, "goal": TEXT, "source": TEXT,
        "items": ListOf(Obj(m.StepItem, {"label": TEXT, "skill": ID}, frozenset({"skill"}))),
    }), 1),
    "skills": ListOf(Obj(m.Skill, {
        "id": ID, "name": TEXT, "step": ID, "kind": one_of(*m.SKILL_KINDS), "summary": TEXT,
        "demand": one_of(*m.DEMANDS), "demand_source": TEXT,
        "hours": Scalar("int", 1, 2000), "hours_source": TEXT,
        "prerequisites": _IDS, "resources": ListOf(_RESOURCE),
    }, frozenset({"demand", "demand_source", "prerequisites", "resources"})), 1),
    "certifications": ListOf(Obj(m.Certification, {
        "id": ID, "name": TEXT, "code": TEXT, "provider": TEXT, "source": TEXT, "skills": _IDS,
        "prep_hours": Scalar("int", 1, 1000), "prep_hours_source": TEXT,
        "status": one_of(*m.CERT_STATUSES), "as_of": DATE, "successor": ID, "note": TEXT,
    }, frozenset({"code", "successor", "note"}))),
    "salaries": Obj(m.Salaries, {
        "regions": ListOf(Obj(m.Region, {
            "id": one_of(*m.REGIONS), "name": TEXT, "currency": TEXT, "unit": one_of("year", "lpa"),
            "range": _SALARY_RANGE, "by_experience": ListOf(_BAND),
        }, frozenset({"range", "by_experience"})), 1),
        "growth": ListOf(Obj(m.Growth, {"label": TEXT, "years": Scalar("int", 0, 60),
                                        "increase_pct": _PCT, "source": TEXT})),
        "premiums": ListOf(Obj(m.Premium, {"id": ID, "name": TEXT, "low_pct": _PCT,
                                           "high_pct": _PCT, "skills": _IDS, "source": TEXT})),
        "overall": Obj(m.OverallRange, {"currency": TEXT, "low": _MONEY, "high": _MONEY,
                                        "open_ended": BOOL, "source": TEXT},
                       frozenset({"open_ended"})),
    }),
    "roles": ListOf(Obj(m.Role, {"id": ID, "name": TEXT, "focus": TEXT, "core_skills": TEXT,
                                 "salary": TEXT, "demand": one_of(*m.DEMANDS),
                                 "sources": ListOf(TEXT, 1)}, frozenset({"salary", "demand"}))),
    "challenges": ListOf(Obj(m.Challenge, {"id": ID, "problem": TEXT,
                                           "solutions": ListOf(TEXT, 1), "source": TEXT})),
    "facts": ListOf(Obj(m.Fact, {
        "id": ID, "text": TEXT, "source": TEXT,
        "value": Obj(m.FactValue, {"min": NUMBER, "max": NUMBER, "unit": TEXT}),
    }, frozenset({"value"}))),
    "backgrounds": ListOf(Obj(m.Background, {
        "id": ID, "name": TEXT, "summary": TEXT, "source": TEXT,
        "levels": MapOf(Scalar("int", m.MIN_LEVEL, m.MAX_LEVEL)), "levels_source": TEXT,
    })),
})

SECTORS_SPEC = Obj(dict, {
    "schema_version": INT,
    "sectors": ListOf(Obj(m.Sector, {
        "id": ID, "name": TEXT, "aliases": _IDS, "source": TEXT, "evolving": TEXT,
        "use_cases": ListOf(TEXT, 1), "employers_look_for": ListOf(TEXT),
        "hiring_demand": _rating(*m.DEMANDS), "salary_potential": _rating(*m.SALARY_POTENTIALS),
        "emphasis": MapOf(Scalar("number", 0.5, 2.0)), "emphasis_source": TEXT,
        "why": MapOf(TEXT),
        "projects": ListOf(Obj(m.Project, {"id": ID, "title": TEXT, "use_case": TEXT,
                                           "summary": TEXT, "skills": ListOf(ID, 1)}), 1),
    }, frozenset({"aliases", "hiring_demand", "salary_potential", "why"})), 1),
})


def default_data_dir() -> Path:
    """The shipped data: package data in a wheel, the repo's data/ in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    return packaged if (packaged / ROADMAP).is_file() else here.parents[1] / "data"


def resolve_data_dir(data_dir: Path | None) -> Path:
    if data_dir is not None:
        return data_dir
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else default_data_dir()


def load_catalog(data_dir: Path | None = None) -> m.Catalog:
    """Read and validate both files; raise one DataError listing every problem."""
    folder = resolve_data_dir(data_dir)
    if not folder.is_dir():
        raise DataError(f"Data directory not found: {folder}",
                        details=[f"Pass --data-dir DIR or set {DATA_DIR_ENV} to a folder "
                                 f"holding {ROADMAP} and {SECTORS}."])
    problems: list[Problem] = []
    roadmap, r_reader = _read_file(folder / ROADMAP, ROADMAP_SPEC, problems)
    sectors, s_reader = _read_file(folder / SECTORS, SECTORS_SPEC, problems)
    if roadmap is INVALID or sectors is INVALID:
        raise _data_error(problems)
    fields = {k: v for k, v in roadmap.items() if k != "schema_version"}
    catalog = m.Catalog(sectors=sectors["sectors"], **fields)
    from mlpath.checks import cross_check  # only once the shapes are right

    problems += cross_check(catalog, r_reader, s_reader)
    if problems:
        raise _data_error(problems)
    return catalog


def _data_error(problems: list[Problem]) -> DataError:
    n = len(problems)
    return DataError(f"The data has {n} problem{'s' if n != 1 else ''}:",
                     details=[str(p) for p in problems])


def _read_file(path: Path, spec: Obj, problems: list[Problem]) -> tuple[Any, Reader]:
    reader = Reader(path.name if path.parent == default_data_dir() else str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(reader.file, "", "file not found"))
        return INVALID, reader
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(reader.file, "", f"cannot be read ({exc})"))
        return INVALID, reader
    try:
        document = parse_yaml(text)
    except ValueError as exc:
        line, message = exc.args
        problems.append(Problem(reader.file, "", message, line))
        return INVALID, reader
    value = reader.read(spec, document, "")
    version = document.get("schema_version") if isinstance(document, dict) else None
    if value is not INVALID and version != SCHEMA_VERSION:
        reader.problem("schema_version", f"must be {SCHEMA_VERSION} (got {version!r})")
        value = INVALID
    problems.extend(reader.problems)
    return value, reader


def parse_yaml(text: str) -> Any:
    """YAML → Python with line numbers; raise ValueError(line, message) on bad YAML."""
    import yaml

    loader_base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(loader_base):  # type: ignore[misc]
        pass

    def construct_map(loader: Any, node: Any) -> Any:
        data = LineDict()
        data.line, data.lines, data.duplicates = node.start_mark.line + 1, {}, []
        yield data
        loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be plain text", key_node.start_mark) from None
            if key in data:
                data.duplicates.append((key, key_node.start_mark.line + 1))
            data[key] = loader.construct_object(value_node, deep=True)
            data.lines[key] = key_node.start_mark.line + 1

    def construct_seq(loader: Any, node: Any) -> Any:
        data = LineList()
        data.line = node.start_mark.line + 1
        data.lines = [n.start_mark.line + 1 for n in node.value]
        yield data
        data.extend(loader.construct_object(n, deep=True) for n in node.value)

    LineLoader.add_constructor("tag:yaml.org,2002:map", construct_map)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", construct_seq)
    try:
        return yaml.load(text, Loader=LineLoader)  # a SafeLoader subclass: safe
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ValueError(line, f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise ValueError(None, f"not valid YAML: {exc}") from None


def as_plain(value: Any) -> Any:
    """A dataclass tree as plain JSON-ready data (dates as ISO text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [as_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: as_plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
