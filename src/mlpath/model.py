"""The data model: frozen dataclasses, no behaviour beyond look-ups.

Catalogue types mirror `docs/data-format.md` field for field (the loader builds
them by name); plan types are what the engine produces and the renderers show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

ESTIMATE = "estimate"
DEMANDS = ("very-high", "high", "moderate")
SALARY_POTENTIALS = ("excellent", "high", "good")
CERT_STATUSES = ("active", "retired", "unverified")
RESOURCE_KINDS = ("docs", "course", "book", "practice")
SKILL_KINDS = ("technical", "soft")
REGIONS = ("us", "uk", "canada", "australia", "india")
MIN_LEVEL, MAX_LEVEL = 0, 4


# --- catalogue ---------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None = None
    date: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Level:
    level: int
    name: str
    description: str


@dataclass(frozen=True)
class StepItem:
    label: str
    skill: str | None = None


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    name: str
    goal: str
    source: str
    items: tuple[StepItem, ...]


@dataclass(frozen=True)
class Resource:
    title: str
    url: str
    kind: str
    source: str | None = None


@dataclass(frozen=True)
class Skill:
    id: str
    name: str
    step: str
    kind: str
    summary: str
    hours: int
    hours_source: str
    prerequisites: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    demand: str | None = None
    demand_source: str | None = None


@dataclass(frozen=True)
class Certification:
    id: str
    name: str
    provider: str
    source: str
    skills: tuple[str, ...]
    prep_hours: int
    prep_hours_source: str
    status: str
    as_of: str
    code: str | None = None
    successor: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SalaryRange:
    low: float
    high: float
    source: str
    open_ended: bool = False


@dataclass(frozen=True)
class ExperienceBand:
    label: str
    years_min: int
    low: float
    high: float
    source: str
    years_max: int | None = None
    open_ended: bool = False


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    currency: str
    unit: str
    range: SalaryRange | None = None
    by_experience: tuple[ExperienceBand, ...] = ()


@dataclass(frozen=True)
class Growth:
    label: str
    years: int
    increase_pct: float
    source: str


@dataclass(frozen=True)
class Premium:
    id: str
    name: str
    low_pct: float
    high_pct: float
    skills: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class OverallRange:
    currency: str
    low: float
    high: float
    source: str
    open_ended: bool = False


@dataclass(frozen=True)
class Salaries:
    regions: tuple[Region, ...]
    growth: tuple[Growth, ...]
    premiums: tuple[Premium, ...]
    overall: OverallRange


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    focus: str
    core_skills: str
    sources: tuple[str, ...]
    salary: str | None = None
    demand: str | None = None


@dataclass(frozen=True)
class Challenge:
    id: str
    problem: str
    solutions: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class FactValue:
    min: float
    max: float
    unit: str


@dataclass(frozen=True)
class Fact:
    id: str
    text: str
    source: str
    value: FactValue | None = None


@dataclass(frozen=True)
class Background:
    id: str
    name: str
    summary: str
    source: str
    levels: Mapping[str, int]
    levels_source: str


@dataclass(frozen=True)
class Rating:
    level: str
    source: str


@dataclass(frozen=True)
class Project:
    id: str
    title: str
    use_case: str
    summary: str
    skills: tuple[str, ...]


@dataclass(frozen=True)
class Sector:
    id: str
    name: str
    source: str
    evolving: str
    use_cases: tuple[str, ...]
    employers_look_for: tuple[str, ...]
    emphasis: Mapping[str, float]
    emphasis_source: str
    projects: tuple[Project, ...]
    aliases: tuple[str, ...] = ()
    hiring_demand: Rating | None = None
    salary_potential: Rating | None = None
    why: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Catalog:
    """Everything in roadmap.yaml and sectors.yaml, validated."""

    sources: tuple[Source, ...]
    levels: tuple[Level, ...]
    steps: tuple[Step, ...]
    skills: tuple[Skill, ...]
    certifications: tuple[Certification, ...]
    salaries: Salaries
    roles: tuple[Role, ...]
    challenges: tuple[Challenge, ...]
    facts: tuple[Fact, ...]
    backgrounds: tuple[Background, ...]
    sectors: tuple[Sector, ...]

    def skill(self, skill_id: str) -> Skill:
        return next(s for s in self.skills if s.id == skill_id)

    def step(self, step_id: str) -> Step:
        return next(s for s in self.steps if s.id == step_id)

    def certification(self, cert_id: str) -> Certification:
        return next(c for c in self.certifications if c.id == cert_id)

    def region(self, region_id: str) -> Region:
        return next(r for r in self.salaries.regions if r.id == region_id)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def skills_in(self, step_id: str) -> tuple[Skill, ...]:
        return tuple(s for s in self.skills if s.step == step_id)


# --- a person and their plan ---------------------------------------------------


@dataclass(frozen=True)
class Profile:
    """Who is planning: everything the engine needs, nothing about files."""

    sector: str
    levels: Mapping[str, int]
    start: dt.date
    background: str | None = None
    years_experience: int = 0
    region: str = "us"
    hours_per_week: int = 15


@dataclass(frozen=True)
class Gap:
    skill: str
    step: str
    current: int
    target: int
    importance: float
    hours: int
    why: str

    @property
    def gap(self) -> int:
        return max(0, self.target - self.current)

    @property
    def priority(self) -> float:
        return round(self.gap * self.importance, 2)


@dataclass(frozen=True)
class StepReadiness:
    step: str
    percent: int


@dataclass(frozen=True)
class StudyItem:
    """One stretch of study: a skill (or certification prep) in one week."""

    key: str  # skill id, or "cert:<id>"
    title: str
    step: str
    hours: int
    from_level: int
    to_level: int


@dataclass(frozen=True)
class Week:
    number: int
    start: dt.date
    items: tuple[StudyItem, ...]

    @property
    def hours(self) -> int:
        return sum(i.hours for i in self.items)


@dataclass(frozen=True)
class Milestone:
    step: str
    week: int
    date: dt.date
    text: str


@dataclass(frozen=True)
class SalaryFigure:
    label: str
    low: float
    high: float
    currency: str
    unit: str
    source: str
    open_ended: bool = False
    projection: bool = False


@dataclass(frozen=True)
class SalaryOutlook:
    region: str
    figures: tuple[SalaryFigure, ...]
    premiums: tuple[Premium, ...]


@dataclass(frozen=True)
class CertificationPick:
    certification: str
    reason: str
    successor_of: str | None = None


@dataclass(frozen=True)
class Plan:
    profile: Profile
    sector: str
    gaps: tuple[Gap, ...]
    readiness: tuple[StepReadiness, ...]
    overall_readiness: int
    weeks: tuple[Week, ...]
    milestones: tuple[Milestone, ...]
    projects: tuple[Project, ...]
    certifications: tuple[CertificationPick, ...]
    salary: SalaryOutlook
    total_hours: int
    finish: dt.date
    benchmark_months: tuple[float, float] | None

    @property
    def total_weeks(self) -> int:
        return len(self.weeks)
