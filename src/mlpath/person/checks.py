"""Checks on what people type and files hold, before a Profile is built from it.

`profile.from_dict` checks names and ranges; these catch what it would let through or
crash on: a date mlpath cannot plan from (year 9999 overflows the calendar arithmetic),
a level that is not a whole number (3.9, .inf), `also: 5`, and two names of one skill
(`SQL: 3` and `sql: 2`), where one would silently win. Each is a UsageError (exit 2)
naming the key; callers add the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from mlpath.catalogue import lookup
from mlpath.catalogue import model as m
from mlpath.errors import UsageError
from mlpath.person.profile import parse_date

MIN_YEAR, MAX_YEAR = 1900, 2200  # plans run for months; anything outside is a typo


def short(value: Any) -> str:
    """A value for a message, cut to a line (a hostile file's value can be huge)."""
    from mlpath.catalogue.schema import short as shorten  # the schema: a cache miss's cost

    return shorten(value)


def bounded(day: dt.date, what: str) -> dt.date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise UsageError(f"{what} must be a date from {MIN_YEAR} to {MAX_YEAR} "
                         f"(got '{day.isoformat()}').")
    return day


def date_option(value: str | None, what: str) -> dt.date | None:
    """--start / --today: None when not given; '' is an error like any other non-date
    (an empty shell variable should not quietly mean today)."""
    if value is None:
        return None
    return bounded(parse_date(value, what), what)


def check_day(value: Any, what: str) -> None:
    """A date read from a file: a usable one, or UsageError."""
    if value in (None, ""):
        return
    if not isinstance(value, (str, dt.date)):
        raise UsageError(f"{what} must be a date YYYY-MM-DD (got {short(value)}).")
    bounded(parse_date(value, what), what)


def check_levels(cat: m.Catalog, levels: Any, what: str = "levels") -> None:
    """Whole-number levels, each skill once (by its id, whichever name is used)."""
    if not isinstance(levels, Mapping):
        return  # from_dict explains the shape
    seen: dict[str, str] = {}
    for name, value in levels.items():
        if not isinstance(name, str):
            raise UsageError(f"'{what}': {short(name)} is not a skill name.")
        if isinstance(value, (bool, float)) or not isinstance(value, (int, str)):
            where = "" if what == "levels" else f"'{what}': "
            raise UsageError(f"{where}Level for '{name}' must be a whole number from "
                             f"{m.MIN_LEVEL} to {m.MAX_LEVEL} (got '{str(value)[:40]}').")
        found = lookup.skill(cat, name).id
        if found in seen:
            raise UsageError(f"'{what}' names skill '{found}' twice ('{seen[found]}' and "
                             f"'{name}'); keep one.")
        seen[found] = name


def check_profile_mapping(cat: m.Catalog, raw: Mapping[str, Any]) -> None:
    """The checks above on a profile mapping (saved profile, answers file, plan marker)."""
    check_levels(cat, raw.get("levels"))
    for key in ("hours_per_week", "years_experience"):  # the range is from_dict's to check
        value = raw.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise UsageError(f"'{key}' must be a whole number (got {short(value)}).")
    also = raw.get("also")
    if also is not None and (not isinstance(also, list)
                             or not all(isinstance(a, str) for a in also)):
        raise UsageError(f"'also' must list skills, e.g. also: [reinforcement-learning] "
                         f"(got {short(also)}).")
    check_day(raw.get("start"), "'start'")
