"""Turn what the user typed into catalogue entries, or a UsageError with 'did you mean'."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from typing import NoReturn, TypeVar

from mlpath.catalogue import model as m
from mlpath.errors import UsageError

T = TypeVar("T")


def _normalise(name: str) -> str:
    return name.strip().lower().replace("_", "-").replace(" ", "-")


def unknown(what: str, given: str, valid: Iterable[str]) -> UsageError:
    valid = sorted(valid)
    close = difflib.get_close_matches(_normalise(given), valid, n=1, cutoff=0.6)
    hint = f"Did you mean '{close[0]}'? " if close else ""
    return UsageError(f"Unknown {what} '{given}'. {hint}Valid: {', '.join(valid)}.")


def sector(cat: m.Catalog, name: str) -> m.Sector:
    key = _normalise(name)
    for s in cat.sectors:
        if key == s.id or key in s.aliases:
            return s
    aliases = [a for s in cat.sectors for a in s.aliases]
    err = unknown("sector", name, [s.id for s in cat.sectors])
    close = difflib.get_close_matches(key, aliases, n=1, cutoff=0.75)
    if close and "Did you mean" not in err.message:
        owner = next(s.id for s in cat.sectors if close[0] in s.aliases)
        err = UsageError(err.message.replace("Valid:", f"Did you mean '{owner}'? Valid:", 1))
    return _raise(err)


def _by_id(what: str, name: str, items: Sequence[T]) -> T:
    key = _normalise(name)
    found = next((item for item in items if getattr(item, "id", None) == key), None)
    if found is None:
        raise unknown(what, name, [getattr(item, "id", "") for item in items])
    return found


def skill(cat: m.Catalog, name: str) -> m.Skill:
    """By id, or by a former id (an alias) so old profiles and plan files keep working."""
    key = _normalise(name)
    found = cat.by_skill.get(key)
    if found is not None:
        return found
    for s in cat.skills:
        if key in s.aliases:
            return s
    return _by_id("skill", name, cat.skills)


def region(cat: m.Catalog, name: str) -> m.Region:
    """By id, alias (gb, usa…) or name ('United Kingdom')."""
    key = _normalise(name)
    for r in cat.salaries.regions:
        if key and key in (r.id, _normalise(r.name), *r.aliases):
            return r
    return _by_id("region", name, cat.salaries.regions)


def background(cat: m.Catalog, name: str) -> m.Background:
    return _by_id("background", name, cat.backgrounds)


def step(cat: m.Catalog, number_or_id: str) -> m.Step:
    key = _normalise(number_or_id)
    for s in cat.steps:
        if key in (s.id, str(s.number)):
            return s
    return _raise(unknown("step", number_or_id, [str(s.number) for s in cat.steps]))


def level(skill_id: str, value: str | int) -> int:
    try:  # a float (3.9, .inf) is not a level: int() would cut it or overflow
        lv = -1 if isinstance(value, (bool, float)) else int(value)
    except (TypeError, ValueError):
        lv = -1
    if not m.MIN_LEVEL <= lv <= m.MAX_LEVEL:
        raise UsageError(f"Level for '{skill_id}' must be a whole number from "
                         f"{m.MIN_LEVEL} to {m.MAX_LEVEL} (got '{value}').")
    return lv


def know(cat: m.Catalog, spec: str) -> dict[str, int]:
    """Parse `python=3,sql=2` into {skill id: level}."""
    out: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, sep, value = part.partition("=")
        if not sep:
            raise UsageError(f"--know takes SKILL=LEVEL pairs separated by commas "
                             f"(got '{part}'), e.g. --know python=3,sql=2.")
        found, lv = skill(cat, name).id, level(name.strip(), value.strip())
        if out.get(found, lv) != lv:  # python=3,python=1: which one was meant?
            raise UsageError(f"--know gives '{found}' twice, as {out[found]} and {lv}; "
                             "give it once.")
        out[found] = lv
    return out


def _raise(err: UsageError) -> NoReturn:
    raise err
