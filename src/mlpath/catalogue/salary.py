"""What the job pays: regional ranges, experience bands, growth and premiums (sourced)."""

from __future__ import annotations

from dataclasses import dataclass

REGIONS = ("us", "uk", "canada", "australia", "india")


@dataclass(frozen=True)
class SalaryRange:
    """A region's overall salary range."""

    low: float
    high: float
    source: str
    open_ended: bool = False
    label: str | None = None  # what the source says the range is, e.g. "average, all levels"


@dataclass(frozen=True)
class ExperienceBand:
    """A salary range for a band of years of experience."""

    label: str
    years_min: int
    low: float
    high: float
    source: str
    years_max: int | None = None
    open_ended: bool = False


@dataclass(frozen=True)
class Region:
    """A salary region with its currency and ranges."""

    id: str
    name: str
    currency: str
    unit: str
    range: SalaryRange | None = None
    by_experience: tuple[ExperienceBand, ...] = ()
    aliases: tuple[str, ...] = ()  # other names people type: gb, usa, united-kingdom…


@dataclass(frozen=True)
class Growth:
    """How much more pay some years of experience bring."""

    label: str
    years: int
    increase_pct: float
    source: str


@dataclass(frozen=True)
class Premium:
    """The pay premium of a specialisation."""

    id: str
    name: str
    low_pct: float
    high_pct: float
    skills: tuple[str, ...]
    source: str
    roles: tuple[str, ...] = ()  # the goal roles whose plans show it (empty: none)


@dataclass(frozen=True)
class OverallRange:
    """The overall full-time salary range across regions."""

    currency: str
    low: float
    high: float
    source: str
    open_ended: bool = False
    label: str | None = None


@dataclass(frozen=True)
class Salaries:
    """Everything about pay: regions, growth, premiums, overall range."""

    regions: tuple[Region, ...]
    growth: tuple[Growth, ...]
    premiums: tuple[Premium, ...]
    overall: OverallRange
