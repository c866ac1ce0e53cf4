"""Load and validate `roadmap.yaml` and `sectors.yaml` into a `Catalog`.

Every problem in both files is collected and raised together as one `DataError`
naming file, path and line, so a person editing a fork fixes them in one pass.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath.catalogue import cache
from mlpath.catalogue import model as m
from mlpath.errors import DataError
from mlpath.files import read_regular

if TYPE_CHECKING:
    from mlpath.catalogue.schema import Obj, Problem, Reader

SCHEMA_VERSION = 2  # 2: topics, tracks, examples, certification pages, project details
ROADMAP, SECTORS = "roadmap.yaml", "sectors.yaml"
DATA_DIR_ENV = "MLPATH_DATA_DIR"


def default_data_dir() -> Path:
    """The shipped data: package data in a wheel, the repo's data/ in a checkout."""
    package = Path(__file__).resolve().parents[1]  # src/mlpath, or site-packages/mlpath
    packaged = package / "data"
    return packaged if (packaged / ROADMAP).is_file() else package.parents[1] / "data"


def resolve_data_dir(data_dir: Path | None) -> Path:
    if data_dir is not None:
        return data_dir
    env = os.environ.get(DATA_DIR_ENV)
    return Path(env) if env else default_data_dir()


def load_catalog(data_dir: Path | None = None) -> m.Catalog:
    """Read and validate both files; raise one DataError listing every problem.

    A catalogue that validated before, from the same files and the same loader code,
    comes from the cache instead (see `cache.py`); problems are never cached.
    """
    folder = resolve_data_dir(data_dir)
    if not folder.is_dir():
        raise DataError(f"Data directory not found: {folder}",
                        details=[f"Pass --data-dir DIR or set {DATA_DIR_ENV} to a folder "
                                 f"holding {ROADMAP} and {SECTORS}."])
    key = cache.key(folder / ROADMAP, folder / SECTORS)
    cached = cache.load(folder, key)
    if cached is not None:
        return cached
    catalog = _load(folder)
    cache.store(folder, key, catalog)
    return catalog


def _load(folder: Path) -> m.Catalog:
    # Only on a cache miss: PyYAML and the validation cost more than a cached run.
    from mlpath.catalogue.checks import cross_check
    from mlpath.catalogue.schema import INVALID
    from mlpath.catalogue.specs import ROADMAP_SPEC, SECTORS_SPEC

    problems: list[Problem] = []
    roadmap, r_reader = _read_file(folder / ROADMAP, ROADMAP_SPEC, problems)
    sectors, s_reader = _read_file(folder / SECTORS, SECTORS_SPEC, problems)
    if roadmap is INVALID or sectors is INVALID:
        raise _data_error(problems)
    fields = {k: v for k, v in roadmap.items() if k != "schema_version"}
    catalog = m.Catalog(sectors=sectors["sectors"], **fields)
    problems += cross_check(catalog, r_reader, s_reader)  # only once the shapes are right
    if problems:
        raise _data_error(problems)
    return catalog


def _data_error(problems: list[Problem]) -> DataError:
    n = len(problems)
    return DataError(f"The data has {n} problem{'s' if n != 1 else ''}:",
                     details=[str(p) for p in problems])


def _read_file(path: Path, spec: Obj, problems: list[Problem]) -> tuple[Any, Reader]:
    # Only on a cache miss, as in _load.
    from mlpath.catalogue.schema import INVALID, Problem, Reader
    from mlpath.yamlio import YamlError, parse_yaml

    reader = Reader(path.name if path.parent == default_data_dir() else str(path))
    try:
        text = read_regular(path).decode("utf-8")  # a FIFO is refused, not waited on
    except FileNotFoundError:
        problems.append(Problem(reader.file, "", "file not found"))
        return INVALID, reader
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        problems.append(Problem(reader.file, "", f"cannot be read ({why})"))
        return INVALID, reader
    try:
        document = parse_yaml(text)
    except YamlError as exc:
        problems.append(Problem(reader.file, "", exc.message, exc.line))
        return INVALID, reader
    try:
        value = reader.read(spec, document, "")
    except RecursionError:  # YAML nested deeper than Python's stack (parse_yaml lets it by)
        problems.append(Problem(reader.file, "", "nested too deeply to read"))
        return INVALID, reader
    version = document.get("schema_version") if isinstance(document, dict) else None
    if value is not INVALID and version != SCHEMA_VERSION:
        reader.problem("schema_version", f"must be {SCHEMA_VERSION} (got {version!r})")
        value = INVALID
    problems.extend(reader.problems)
    return value, reader
