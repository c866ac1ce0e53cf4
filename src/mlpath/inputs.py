"""Options or answers → a validated Profile (shared by `plan` and `assess --answers`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from mlpath import lookup
from mlpath import model as m
from mlpath.errors import UsageError

MIN_HOURS, MAX_HOURS = 1, 80
MIN_YEARS, MAX_YEARS = 0, 60
DEFAULT_HOURS, DEFAULT_REGION = 15, "us"


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
) -> m.Profile:
    """Background levels first, then explicit levels on top; every name checked."""
    levels: dict[str, int] = {}
    bg = lookup.background(cat, background) if background else None
    if bg is not None:
        levels.update(bg.levels)
    if isinstance(know, str):
        levels.update(lookup.know(cat, know))
    elif know:
        for name, value in know.items():
            levels[lookup.skill(cat, str(name)).id] = lookup.level(str(name), value)
    check_years(years_experience)
    return m.Profile(
        sector=lookup.sector(cat, sector).id,
        levels=dict(sorted(levels.items())),
        start=parse_date(start),
        background=bg.id if bg else None,
        years_experience=years_experience,
        region=lookup.region(cat, region).id,
        hours_per_week=check_hours(hours_per_week),
    )
