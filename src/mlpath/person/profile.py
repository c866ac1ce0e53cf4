"""The Profile: who is planning, and the ONE schema every file that holds one uses.

The saved profile (`store.py`), an `--answers` file, the marker at the bottom of an
exported plan and the `profile` key of the JSON plan all read and write a profile
through `to_dict` / `from_dict` here; the options of `mlpath plan` go through
`make_profile`, which applies the same checks. Adding a question to `assess` means
adding a field here and a question in `questions.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from mlpath.catalogue import lookup
from mlpath.catalogue import model as m
from mlpath.errors import UsageError

MIN_HOURS, MAX_HOURS = 1, 80
MIN_YEARS, MAX_YEARS = 0, 60
DEFAULT_HOURS, DEFAULT_REGION = 15, "us"


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """Who is planning: everything the planner needs, nothing about files."""

    sector: str
    background: str | None = None
    years_experience: int = 0
    region: str = DEFAULT_REGION
    hours_per_week: int = DEFAULT_HOURS
    start: dt.date
    levels: Mapping[str, int] = field(default_factory=dict)
    also: tuple[str, ...] = ()  # elective skills the person asks for (`--also`)


# The keys of a profile mapping, in the order files show them (the dataclass's order).
KEYS = ("sector", "background", "years_experience", "region", "hours_per_week", "start",
        "levels", "also")
_EXAMPLES = {"sector": "finance", "region": "uk", "background": "software-engineer"}


def to_dict(p: Profile) -> dict[str, Any]:
    """The profile as plain data (dates as ISO text, levels sorted): the one serialiser.

    `also` is written only when set, so profiles and plans without it read as before."""
    out: dict[str, Any] = {
        "sector": p.sector, "background": p.background,
        "years_experience": p.years_experience, "region": p.region,
        "hours_per_week": p.hours_per_week, "start": p.start.isoformat(),
        "levels": dict(sorted(p.levels.items()))}
    if p.also:
        out["also"] = list(p.also)
    return out


def from_dict(cat: m.Catalog, raw: Mapping[str, Any], *, default_start: dt.date | None = None,
              levels_complete: bool = True) -> Profile:
    """Check a profile mapping key by key; UsageError naming the key that is wrong.

    `levels_complete`: the levels are the whole truth (a saved profile, a plan's marker).
    Otherwise (an answers file) they go on top of the background's typical levels.
    A missing `start` is `default_start` (an error when that is None).
    """
    unknown = [str(k) for k in raw if k not in KEYS]
    if unknown:
        err = lookup.unknown("key", unknown[0], KEYS)
        raise UsageError(err.message.replace("Unknown key", "unknown key", 1))
    if raw.get("sector") in (None, ""):
        raise UsageError("'sector' is required, e.g. sector: finance (see 'mlpath sectors').")
    for key, example in _EXAMPLES.items():
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise UsageError(f"'{key}' must be a name, e.g. {key}: {example} "
                             f"(got '{raw[key]}').")
    levels = raw.get("levels") or {}
    if not isinstance(levels, Mapping):
        raise UsageError("'levels' must map skills to levels 0-4, e.g. "
                         "levels: {python: 3, sql: 2}.")
    lookup.sector(cat, raw["sector"])  # the most telling problem first
    start = raw.get("start")
    if start is None:
        if default_start is None:
            raise UsageError("'start' is required, e.g. start: 2027-01-04.")
        start = default_start
    background = raw.get("background") or None
    also = raw.get("also") or ()
    if isinstance(also, str) or not all(isinstance(a, str) for a in also):
        raise UsageError("'also' must list skills, e.g. also: [reinforcement-learning].")
    profile = make_profile(
        cat, sector=raw["sector"], know={str(k): v for k, v in levels.items()},
        background=None if levels_complete else background,
        start=parse_date(start, "'start'"),
        hours_per_week=_given(raw, "hours_per_week", DEFAULT_HOURS),
        region=_given(raw, "region", DEFAULT_REGION),
        years_experience=_given(raw, "years_experience", 0), also=tuple(also))
    if levels_complete and background is not None:  # named, but its levels not merged
        profile = replace(profile, background=lookup.background(cat, background).id)
    return profile


def _given(raw: Mapping[str, Any], key: str, default: Any) -> Any:
    value = raw.get(key)
    return default if value is None else value


# --- checks shared by options, answers and files -------------------------------


def parse_date(value: str | dt.date, what: str = "--start") -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise UsageError(f"{what} must be a date YYYY-MM-DD (got '{value}').") from None


def _whole(value: int, low: int, high: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise UsageError(f"{what} must be a whole number from {low} to {high} (got '{value}').")
    return value


def check_hours(value: int) -> int:
    return _whole(value, MIN_HOURS, MAX_HOURS, "Hours per week")


def check_years(value: int) -> int:
    return _whole(value, MIN_YEARS, MAX_YEARS, "Years of experience")


def make_profile(
    cat: m.Catalog,
    *,
    sector: str,
    start: str | dt.date,
    know: Mapping[str, int | str] | str | None = None,
    background: str | None = None,
    hours_per_week: int = DEFAULT_HOURS,
    region: str = DEFAULT_REGION,
    years_experience: int = 0,
    also: str | tuple[str, ...] | list[str] | None = None,
) -> Profile:
    """Background levels first, then explicit levels on top; every name checked.

    `also`: extra elective skills (ids or aliases, or one comma-separated string)."""
    levels: dict[str, int] = {}
    bg = lookup.background(cat, background) if background else None
    if bg is not None:
        levels.update(bg.levels)
    if isinstance(know, str):
        levels.update(lookup.know(cat, know))
    elif know:
        for name, value in know.items():
            if isinstance(value, bool):  # YAML's yes/no: not a level
                raise UsageError(f"Level for '{name}' must be a whole number from "
                                 f"{m.MIN_LEVEL} to {m.MAX_LEVEL} (got '{value}').")
            levels[lookup.skill(cat, str(name)).id] = lookup.level(str(name), value)
    check_years(years_experience)
    names = also.split(",") if isinstance(also, str) else list(also or ())
    extra: list[str] = []
    for name in (n.strip() for n in names):
        if name:
            skill = lookup.skill(cat, name).id
            if skill not in extra:
                extra.append(skill)
    return Profile(
        also=tuple(extra),
        sector=lookup.sector(cat, sector).id,
        levels=dict(sorted(levels.items())),
        start=parse_date(start),
        background=bg.id if bg else None,
        years_experience=years_experience,
        region=lookup.region(cat, region).id,
        hours_per_week=check_hours(hours_per_week),
    )
