"""Turn what the user typed into catalogue entries, or a UsageError with 'did you mean'."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import NoReturn, TypeVar

from mlpath.catalogue import model as m
from mlpath.errors import UsageError

T = TypeVar("T")


def _normalise(name: str) -> str:
    return name.strip().lower().replace("_", "-").replace(" ", "-")


_STOP = frozenset({"and", "or", "of", "the", "for", "a", "an"})


def _words(text: str) -> frozenset[str]:
    """The words of a name, e.g. 'Data wrangling (pandas, NumPy)' → data, wrangling,
    pandas, numpy; "&", "and" and the like carry nothing."""
    return frozenset(w for w in re.split(r"[^a-z0-9+#]+", text.lower()) if w and w not in _STOP)


def unknown(what: str, given: str, valid: Iterable[str],
            names: Mapping[str, str] | None = None) -> UsageError:
    """'Unknown X', with the closest id (or the id whose name, alias or a word of its name
    is closest to what was typed) as "did you mean"."""
    valid = sorted(valid)
    close = difflib.get_close_matches(_normalise(given), valid, n=1, cutoff=0.6)
    if not close and names:
        near = difflib.get_close_matches(_normalise(given), list(names), n=1, cutoff=0.75)
        close = [names[near[0]]] if near else []
    hint = f"Did you mean '{close[0]}'? " if close else ""
    return UsageError(f"Unknown {what} '{given}'. {hint}Valid: {', '.join(valid)}.")


def _find(what: str, given: str, entries: Sequence[tuple[str, str, Sequence[str]]]) -> str:
    """The id of the entry (id, display name, aliases) that `given` names: by id, alias,
    display name, or words that only one display name has ('pandas' → data-wrangling);
    else a UsageError with "did you mean"."""
    key, words = _normalise(given), _words(given)
    for ident, name, aliases in entries:
        if key and (key == ident or key in aliases or key == _normalise(name)):
            return ident
    matches = [ident for ident, name, _ in entries if words and words <= _words(name)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UsageError(f"'{given}' could be any of {', '.join(matches)}: "
                         f"give the {what} id.")
    names = {alt: ident for ident, name, aliases in entries
             for alt in (*aliases, _normalise(name), *_words(name))}
    raise unknown(what, given, [ident for ident, _, _ in entries], names)


def sector(cat: m.Catalog, name: str) -> m.Sector:
    """By id, alias (fintech), name ('Finance & FinTech') or a word only its name has."""
    found = _find("sector", name, [(s.id, s.name, s.aliases) for s in cat.sectors])
    return next(s for s in cat.sectors if s.id == found)


def _by_id(what: str, name: str, items: Sequence[T]) -> T:
    key = _normalise(name)
    found = next((item for item in items if getattr(item, "id", None) == key), None)
    if found is None:
        raise unknown(what, name, [getattr(item, "id", "") for item in items])
    return found


def skill(cat: m.Catalog, name: str) -> m.Skill:
    """By id, a former id (an alias, so old profiles and plan files keep working), its name,
    or a word only its name has ('pandas', 'XGBoost')."""
    found = cat.by_skill.get(_normalise(name))
    if found is not None:
        return found
    return cat.skill(_find("skill", name, [(s.id, s.name, s.aliases) for s in cat.skills]))


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
