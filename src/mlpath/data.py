"""Load and validate `roadmap.yaml` and `sectors.yaml` into a `Catalog`.

Every problem in both files is collected and raised together as one `DataError`
naming file, path and line, so a person editing a fork fixes them in one pass.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mlpath.errors import DataError

if TYPE_CHECKING:
    from mlpath import model as m
    from mlpath.schema import Obj, Problem, Reader

SCHEMA_VERSION = 1
ROADMAP, SECTORS = "roadmap.yaml", "sectors.yaml"
DATA_DIR_ENV = "MLPATH_DATA_DIR"


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
    """Read and validate both files; raise one DataError listing every problem.

    A catalogue that validated before, from the same files and the same loader code,
    comes from the cache instead (see `cache.py`); problems are never cached.
    """
    from mlpath import cache

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
    from mlpath import model as m
    from mlpath.checks import cross_check
    from mlpath.schema import INVALID
    from mlpath.specs import ROADMAP_SPEC, SECTORS_SPEC

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
    from mlpath.schema import INVALID, Problem, Reader

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


class YamlError(ValueError):
    """Text that is not valid YAML: args are (line or None, message)."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(line, message)
        self.line, self.message = line, message


def parse_yaml(text: str) -> Any:
    """YAML → Python with line numbers; raise YamlError(line, message) on bad YAML."""
    import yaml

    from mlpath.schema import LineDict, LineList

    loader_base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(loader_base):  # type: ignore[misc]
        def construct_object(self, node: Any, deep: bool = False) -> Any:
            # Scalar constructors raise plain errors on e.g. `!!int abc`: report them
            # like any other bad YAML, with their line, not as a crash.
            try:
                return super().construct_object(node, deep=deep)
            except (ValueError, TypeError, OverflowError) as exc:
                raise yaml.constructor.ConstructorError(
                    None, None, f"cannot read {node.value!r} as {node.tag.rsplit(':', 1)[-1]}"
                    f" ({exc})", node.start_mark) from None

    def construct_timestamp(loader: Any, node: Any) -> Any:
        # An impossible date (2026-02-30) stays text, so the schema reports it with its
        # path like a quoted one, instead of the whole file failing to parse.
        try:
            return loader.construct_yaml_timestamp(node)
        except (ValueError, AttributeError):  # AttributeError: `!!timestamp junk`
            return loader.construct_scalar(node)

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
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    try:
        return yaml.load(text, Loader=LineLoader)  # a SafeLoader subclass: safe
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(line, f"not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YamlError(None, f"not valid YAML: {exc}") from None
    except RecursionError:  # e.g. thousands of nested [ [ [ …
        raise YamlError(None, "not valid YAML: nested too deeply to read") from None


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
