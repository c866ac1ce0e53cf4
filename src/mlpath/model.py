"""The data model: frozen dataclasses, no behaviour beyond look-ups.

Catalogue types mirror `docs/data-format.md` field for field (the loader builds
them by name); plan types are what the engine produces and the renderers show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any

ESTIMATE = "estimate"
DEMANDS = ("very-high", "high", "moderate")
SALARY_POTENTIALS = ("excellent", "high", "good")
CERT_STATUSES = ("active", "retired", "unverified")
RESOURCE_KINDS = ("docs", "course", "book", "practice")
SKILL_KINDS = ("technical", "soft")
REGIONS = ("us", "uk", "canada", "australia", "india")
MIN_LEVEL, MAX_LEVEL = 0, 4


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class Record:
    """What every model class shares: field-wise ==, hash and repr, as @dataclass makes them.

    Each class is `@dataclass(frozen=True, eq=False, repr=False)` and inherits these
    instead of having them generated: dataclasses compiles every generated method from
    source on each import, and for 33 classes that is ~10 ms of every run (see README,
    Performance). Behaviour is the same: equal when the class and all fields are equal.
    """

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        names = _FIELD_NAMES.get(self.__class__)
        if names is None:
            names = tuple(f.name for f in fields(self))  # type: ignore[arg-type]
            _FIELD_NAMES[self.__class__] = names
        return tuple(getattr(self, name) for name in names)

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Record)
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}"
                          for f in fields(self) if f.repr)  # type: ignore[arg-type]
        return f"{self.__class__.__qualname__}({shown})"


# --- catalogue ---------------------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class Source(Record):
    """An article the figures come from; every `source` field names one by id."""

    id: str
    title: str
    publisher: str | None = None
    date: str | None = None
    note: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Level(Record):
    """One step of the 0-4 self-rating scale, with its anchored description."""

    level: int
    name: str
    description: str


@dataclass(frozen=True, eq=False, repr=False)
class StepItem(Record):
    """A topic listed under a roadmap step, linked to a skill when there is one."""

    label: str
    skill: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Step(Record):
    """One of the seven roadmap steps, in order."""

    id: str
    number: int
    name: str
    goal: str
    source: str
    items: tuple[StepItem, ...]


@dataclass(frozen=True, eq=False, repr=False)
class Resource(Record):
    """Something to study a skill with: docs, a course, a book or practice."""

    title: str
    url: str
    kind: str
    source: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Skill(Record):
    """A skill the job needs: demand, study hours to level 3, prerequisites."""

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


@dataclass(frozen=True, eq=False, repr=False)
class Certification(Record):
    """A certification: the skills it covers, prep hours and status as of a date."""

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


@dataclass(frozen=True, eq=False, repr=False)
class SalaryRange(Record):
    """A region's overall salary range."""

    low: float
    high: float
    source: str
    open_ended: bool = False


@dataclass(frozen=True, eq=False, repr=False)
class ExperienceBand(Record):
    """A salary range for a band of years of experience."""

    label: str
    years_min: int
    low: float
    high: float
    source: str
    years_max: int | None = None
    open_ended: bool = False


@dataclass(frozen=True, eq=False, repr=False)
class Region(Record):
    """A salary region with its currency and ranges."""

    id: str
    name: str
    currency: str
    unit: str
    range: SalaryRange | None = None
    by_experience: tuple[ExperienceBand, ...] = ()


@dataclass(frozen=True, eq=False, repr=False)
class Growth(Record):
    """How much more pay some years of experience bring."""

    label: str
    years: int
    increase_pct: float
    source: str


@dataclass(frozen=True, eq=False, repr=False)
class Premium(Record):
    """The pay premium of a specialisation."""

    id: str
    name: str
    low_pct: float
    high_pct: float
    skills: tuple[str, ...]
    source: str


@dataclass(frozen=True, eq=False, repr=False)
class OverallRange(Record):
    """The overall full-time salary range across regions."""

    currency: str
    low: float
    high: float
    source: str
    open_ended: bool = False


@dataclass(frozen=True, eq=False, repr=False)
class Salaries(Record):
    """Everything about pay: regions, growth, premiums, overall range."""

    regions: tuple[Region, ...]
    growth: tuple[Growth, ...]
    premiums: tuple[Premium, ...]
    overall: OverallRange


@dataclass(frozen=True, eq=False, repr=False)
class Role(Record):
    """A neighbouring role (AI engineer, data scientist…) to compare with."""

    id: str
    name: str
    focus: str
    core_skills: str
    sources: tuple[str, ...]
    salary: str | None = None
    demand: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Challenge(Record):
    """A common obstacle and what to do about it."""

    id: str
    problem: str
    solutions: tuple[str, ...]
    source: str


@dataclass(frozen=True, eq=False, repr=False)
class FactValue(Record):
    """A fact's numbers, e.g. 12-24 months."""

    min: float
    max: float
    unit: str


@dataclass(frozen=True, eq=False, repr=False)
class Fact(Record):
    """A sourced statement the plan quotes."""

    id: str
    text: str
    source: str
    value: FactValue | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Background(Record):
    """A typical starting point and the skill levels it usually brings."""

    id: str
    name: str
    summary: str
    source: str
    levels: Mapping[str, int]
    levels_source: str


@dataclass(frozen=True, eq=False, repr=False)
class Rating(Record):
    """A sourced rating, e.g. hiring demand 'very-high'."""

    level: str
    source: str


@dataclass(frozen=True, eq=False, repr=False)
class Project(Record):
    """A portfolio project idea for a sector."""

    id: str
    title: str
    use_case: str
    summary: str
    skills: tuple[str, ...]


@dataclass(frozen=True, eq=False, repr=False)
class Sector(Record):
    """A sector hiring ML engineers: use cases, skill emphasis, projects."""

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


@dataclass(frozen=True, eq=False, repr=False)
class Catalog(Record):
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

    # Look-ups by id, through dicts built on first use: the engine calls these in loops,
    # and a linear scan each time made `plan` quadratic in the number of skills.
    @cached_property
    def _skills(self) -> dict[str, Skill]:
        return {s.id: s for s in self.skills}

    @cached_property
    def _steps(self) -> dict[str, Step]:
        return {s.id: s for s in self.steps}

    @cached_property
    def _certifications(self) -> dict[str, Certification]:
        return {c.id: c for c in self.certifications}

    @cached_property
    def _skills_by_step(self) -> dict[str, tuple[Skill, ...]]:
        by_step: dict[str, list[Skill]] = {}
        for s in self.skills:
            by_step.setdefault(s.step, []).append(s)
        return {step: tuple(skills) for step, skills in by_step.items()}

    def skill(self, skill_id: str) -> Skill:
        return self._skills[skill_id]

    def step(self, step_id: str) -> Step:
        return self._steps[step_id]

    def certification(self, cert_id: str) -> Certification:
        return self._certifications[cert_id]

    def region(self, region_id: str) -> Region:
        return next(r for r in self.salaries.regions if r.id == region_id)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def skills_in(self, step_id: str) -> tuple[Skill, ...]:
        return self._skills_by_step.get(step_id, ())


# --- a person and their plan ---------------------------------------------------


@dataclass(frozen=True, eq=False, repr=False)
class Profile(Record):
    """Who is planning: everything the engine needs, nothing about files."""

    sector: str
    levels: Mapping[str, int]
    start: dt.date
    background: str | None = None
    years_experience: int = 0
    region: str = "us"
    hours_per_week: int = 15


@dataclass(frozen=True, eq=False, repr=False)
class Gap(Record):
    """Where a person stands on one skill against what the sector needs."""

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


@dataclass(frozen=True, eq=False, repr=False)
class StepReadiness(Record):
    """The share of a step's needed study hours already behind a person."""

    step: str
    percent: int


@dataclass(frozen=True, eq=False, repr=False)
class StudyItem(Record):
    """One stretch of study: a skill (or certification prep) in one week."""

    key: str  # skill id, or "cert:<id>"
    title: str
    step: str
    hours: int
    from_level: int
    to_level: int


@dataclass(frozen=True, eq=False, repr=False)
class Week(Record):
    """One dated week of the plan."""

    number: int
    start: dt.date
    items: tuple[StudyItem, ...]

    @property
    def hours(self) -> int:
        return sum(i.hours for i in self.items)


@dataclass(frozen=True, eq=False, repr=False)
class Milestone(Record):
    """The week a roadmap step is done."""

    step: str
    week: int
    date: dt.date
    text: str


@dataclass(frozen=True, eq=False, repr=False)
class SalaryFigure(Record):
    """One line of a plan's salary outlook."""

    label: str
    low: float
    high: float
    currency: str
    unit: str
    source: str
    open_ended: bool = False
    projection: bool = False


@dataclass(frozen=True, eq=False, repr=False)
class SalaryOutlook(Record):
    """What the job pays in the person's region."""

    region: str
    figures: tuple[SalaryFigure, ...]
    premiums: tuple[Premium, ...]


@dataclass(frozen=True, eq=False, repr=False)
class CertificationPick(Record):
    """A certification the plan recommends, and why."""

    certification: str
    reason: str
    successor_of: str | None = None


@dataclass(frozen=True, eq=False, repr=False)
class Plan(Record):
    """Gaps, dated weeks, milestones, projects, certification and salary outlook."""

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
