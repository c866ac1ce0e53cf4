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


def check_hours(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not (
            MIN_HOURS <= value <= MAX_HOURS):
        raise UsageError(f"Hours per week must be a whole number from {MIN_HOURS} to "
                         f"{MAX_HOURS} (got '{value}').")
    return value


def check_years(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not (
            MIN_YEARS <= value <= MAX_YEARS):
        raise UsageError(f"Years of experience must be a whole number from {MIN_YEARS} to "
                         f"{MAX_YEARS} (got '{value}').")
    return value


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
