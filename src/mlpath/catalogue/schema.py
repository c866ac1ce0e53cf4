"""A small strict schema for hand-edited YAML: types, required and unknown keys.

Specs are plain data (`Obj(Cls, {...})`); `Reader.read(spec, node)` returns the
built dataclass or `INVALID`, collecting *every* problem with its path and line
instead of stopping at the first one.
"""

from __future__ import annotations

import datetime as dt
import re
import reprlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mlpath.yamlio import LineDict, LineList

INVALID: Any = object()
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
URL_RE = re.compile(r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")


@dataclass(frozen=True)
class Problem:
    file: str
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path or '(top)'}: {self.message}"


def short(value: Any) -> str:
    """A value for a message, cut to a line: a hostile file's value can be huge."""
    shortener = reprlib.Repr()
    shortener.maxstring = shortener.maxother = 60
    return shortener.repr(value)


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {dict: "a mapping", LineDict: "a mapping", list: "a list", LineList: "a list",
            str: "text", int: "a number", float: "a number", bool: "true/false"}.get(
        type(value), type(value).__name__)


class Reader:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.lines: dict[str, int] = {}

    def problem(self, path: str, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.file, path, message, line or self.line_of(path)))

    def line_of(self, path: str) -> int | None:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", path) if re.search(r"[.\[]", path) else ""
        return None

    def read(self, kind: Kind, value: Any, path: str, line: int | None = None) -> Any:
        if line:
            self.lines.setdefault(path, line)
        return kind.parse(self, value, path)


class Kind:
    def parse(self, r: Reader, value: Any, path: str) -> Any:  # pragma: no cover
        raise NotImplementedError


@dataclass(frozen=True)
class Scalar(Kind):
    """Text, a whole number, a number, true/false, an id, a date or one of a set."""

    what: str  # "text" | "int" | "number" | "bool" | "id" | "date" | "url"
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()

    def parse(self, r: Reader, value: Any, path: str) -> Any:
        check: Callable[[Any], bool] = {
            "text": lambda v: isinstance(v, str) and bool(v.strip()),
            "id": lambda v: isinstance(v, str) and bool(ID_RE.match(v)),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "bool": lambda v: isinstance(v, bool),
            "date": lambda v: isinstance(v, (str, dt.date)) and _is_date(v),
            "url": lambda v: isinstance(v, str) and bool(URL_RE.match(v)),
        }[self.what]
        if self.choices and value not in self.choices:
            r.problem(path, f"must be one of {', '.join(self.choices)} (got {short(value)})")
            return INVALID
        if not check(value):
            expected = {"text": "non-empty text", "id": "an id in kebab-case (e.g. 'ml-ops')",
                        "int": "a whole number", "number": "a number", "bool": "true or false",
                        "date": "a date YYYY-MM-DD",
                        "url": "an https:// address without spaces"}[self.what]
            r.problem(path, f"must be {expected} (got {_type_name(value)}: {short(value)})")
            return INVALID
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            r.problem(path, f"must be between {self.minimum:g} and {self.maximum:g} (got {value})")
            return INVALID
        return value.isoformat() if isinstance(value, dt.date) else value


def _is_date(value: str | dt.date) -> bool:
    if isinstance(value, dt.date):
        return True
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


TEXT, ID, INT, NUMBER, BOOL, DATE = (Scalar(w) for w in ("text", "id", "int", "number", "bool",
                                                          "date"))


def one_of(*choices: str) -> Scalar:
    return Scalar("text", choices=choices)


@dataclass(frozen=True)
class ListOf(Kind):
    item: Kind
    min_items: int = 0

    def parse(self, r: Reader, value: Any, path: str) -> Any:
        if not isinstance(value, list):
            r.problem(path, f"must be a list (got {_type_name(value)})")
            return INVALID
        if len(value) < self.min_items:
            r.problem(path, f"must have at least {self.min_items} entr"
                            f"{'y' if self.min_items == 1 else 'ies'}")
            return INVALID
        lines = getattr(value, "lines", [])
        out = [r.read(self.item, v, f"{path}[{i}]", lines[i] if i < len(lines) else None)
               for i, v in enumerate(value)]
        return INVALID if any(o is INVALID for o in out) else tuple(out)


@dataclass(frozen=True)
class MapOf(Kind):
    """A mapping from ids (or `key`s) to values (skill id → level, level → example…)."""

    value: Kind
    key: Kind = ID

    def parse(self, r: Reader, value: Any, path: str) -> Any:
        if not isinstance(value, dict):
            r.problem(path, f"must be a mapping (got {_type_name(value)})")
            return INVALID
        out = {}
        lines = getattr(value, "lines", {})
        for k, v in value.items():
            sub = f"{path}.{k}"
            if r.read(self.key, k, sub, lines.get(k)) is INVALID:
                continue
            out[k] = r.read(self.value, v, sub, lines.get(k))
        return INVALID if any(o is INVALID for o in out.values()) or len(out) < len(value) else out


@dataclass(frozen=True)
class Obj(Kind):
    """A mapping with known keys that builds `cls`; keys missing from `required` are optional."""

    cls: Callable[..., Any]
    fields: dict[str, Kind]
    optional: frozenset[str] = frozenset()

    def parse(self, r: Reader, value: Any, path: str) -> Any:
        if not isinstance(value, dict):
            r.problem(path, f"must be a mapping (got {_type_name(value)})")
            return INVALID
        lines = getattr(value, "lines", {})
        for key, line in getattr(value, "duplicates", []):
            r.problem(f"{path}.{key}".lstrip("."), "appears twice in the same mapping", line)
        ok = not getattr(value, "duplicates", [])
        for key in value:
            if key not in self.fields:
                known = ", ".join(self.fields)
                r.problem(f"{path}.{key}".lstrip("."), f"unknown key (known keys: {known})",
                          lines.get(key))
                ok = False
        built: dict[str, Any] = {}
        for key, kind in self.fields.items():
            sub = f"{path}.{key}".lstrip(".")
            if key not in value or value[key] is None:
                if key not in self.optional:
                    r.problem(sub, "is required but missing", getattr(value, "line", None))
                    ok = False
                continue
            built[key] = r.read(kind, value[key], sub, lines.get(key))
            ok = ok and built[key] is not INVALID
        return self.cls(**built) if ok else INVALID
