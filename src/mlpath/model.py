"""The data model: frozen dataclasses, no behaviour beyond look-ups.

Catalogue types mirror `docs/data-format.md` field for field (the loader builds
them by name); plan types are what the engine produces and the renderers show.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Mapping
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from functools import cached_property
from typing import Any, TypeVar

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover
    from typing_extensions import dataclass_transform

ESTIMATE = "estimate"
DEMANDS = ("very-high", "high", "moderate")
SALARY_POTENTIALS = ("excellent", "high", "good")
CERT_STATUSES = ("active", "retired", "unverified")
RESOURCE_KINDS = ("docs", "course", "book", "practice")
SKILL_KINDS = ("technical", "soft")
REGIONS = ("us", "uk", "canada", "australia", "india")
MIN_LEVEL, MAX_LEVEL = 0, 4

_T = TypeVar("_T")
# Per class, on first use: the field names, and how __init__ fills each field.
_NAMES: dict[type, tuple[str, ...]] = {}
_INIT: dict[type, tuple[tuple[str, Any, Any], ...]] = {}


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: type[_T]) -> type[_T]:
    """`@dataclass(frozen=True)` for a `Record` subclass, without compiling code at import.

    @dataclass builds __init__, __repr__, __eq__, __hash__, __setattr__ and __delattr__
    for each class by compiling generated source, on every import: for the 33 classes
    here that was ~17 ms of every run, more than a plan takes (see README, Performance).
    Here dataclasses only records the fields (so `fields`, `replace` and `is_dataclass`
    work as usual) and `Record` supplies those methods once for all classes. Type
    checkers see a frozen dataclass (PEP 681), with its typed __init__.
    """
    return dataclass(init=False, repr=False, eq=False)(cls)


class Record:
    """What every model class shares; behaves as a frozen dataclass's generated methods.

    Positional or keyword arguments in field order, defaults and default factories;
    immutable (FrozenInstanceError); equal when the class and all fields are equal;
    hashable when the fields are; repr `Name(field=value, ...)`.
    """

    __slots__ = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        spec = _INIT.get(self.__class__) or _init_spec(self.__class__)
        name = type(self).__qualname__
        if len(args) > len(spec):
            raise TypeError(f"{name}() takes {len(spec)} positional arguments but "
                            f"{len(args)} were given")
        put = object.__setattr__
        for (field_name, _, _), value in zip(spec, args, strict=False):
            if field_name in kwargs:
                raise TypeError(f"{name}() got multiple values for argument '{field_name}'")
            put(self, field_name, value)
        for field_name, default, factory in spec[len(args):]:
            if field_name in kwargs:
                put(self, field_name, kwargs.pop(field_name))
            elif default is not MISSING:
                put(self, field_name, default)
            elif factory is not MISSING:
                put(self, field_name, factory())
            else:
                raise TypeError(f"{name}() missing required argument: '{field_name}'")
        if kwargs:
            raise TypeError(f"{name}() got an unexpected keyword argument "
                            f"'{next(iter(kwargs))}'")

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        names = _NAMES.get(self.__class__)
        if names is None:
            names = _NAMES[self.__class__] = tuple(
                f.name for f in fields(self))  # type: ignore[arg-type]
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


def _init_spec(cls: type) -> tuple[tuple[str, Any, Any], ...]:
    spec = []
    for f in fields(cls):
        if not f.init:
            raise TypeError(f"{cls.__qualname__}.{f.name}: record classes set every field "
                            "in __init__")
        spec.append((f.name, f.default, f.default_factory))
    _INIT[cls] = tuple(spec)
    return _INIT[cls]


# --- catalogue ---------------------------------------------------------------


@record
class Source(Record):
    """An article the figures come from; every `source` field names one by id."""

    id: str
    title: str
    publisher: str | None = None
    date: str | None = None
    note: str | None = None


@record
class Level(Record):
    """One step of the 0-4 self-rating scale, with its anchored description."""

    level: int
    name: str
    description: str


@record
class StepItem(Record):
    """A topic listed under a roadmap step, linked to a skill when there is one."""

    label: str
    skill: str | None = None


@record
class Step(Record):
    """One of the seven roadmap steps, in order."""

    id: str
    number: int
    name: str
    goal: str
    source: str
    items: tuple[StepItem, ...]


@record
class Resource(Record):
    """Something to study a skill with: docs, a course, a book or practice."""

    title: str
    url: str
    kind: str
    source: str | None = None


@record
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


@record
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


@record
class SalaryRange(Record):
    """A region's overall salary range."""

    low: float
    high: float
    source: str
    open_ended: bool = False


@record
class ExperienceBand(Record):
    """A salary range for a band of years of experience."""

    label: str
    years_min: int
    low: float
    high: float
    source: str
    years_max: int | None = None
    open_ended: bool = False


@record
class Region(Record):
    """A salary region with its currency and ranges."""

    id: str
    name: str
    currency: str
    unit: str
    range: SalaryRange | None = None
    by_experience: tuple[ExperienceBand, ...] = ()


@record
class Growth(Record):
    """How much more pay some years of experience bring."""

    label: str
    years: int
    increase_pct: float
    source: str


@record
class Premium(Record):
    """The pay premium of a specialisation."""

    id: str
    name: str
    low_pct: float
    high_pct: float
    skills: tuple[str, ...]
    source: str


@record
class OverallRange(Record):
    """The overall full-time salary range across regions."""

    currency: str
    low: float
    high: float
    source: str
    open_ended: bool = False


@record
class Salaries(Record):
    """Everything about pay: regions, growth, premiums, overall range."""

    regions: tuple[Region, ...]
    growth: tuple[Growth, ...]
    premiums: tuple[Premium, ...]
    overall: OverallRange


@record
class Role(Record):
    """A neighbouring role (AI engineer, data scientist…) to compare with."""

    id: str
    name: str
    focus: str
    core_skills: str
    sources: tuple[str, ...]
    salary: str | None = None
    demand: str | None = None


@record
class Challenge(Record):
    """A common obstacle and what to do about it."""

    id: str
    problem: str
    solutions: tuple[str, ...]
    source: str


@record
class FactValue(Record):
    """A fact's numbers, e.g. 12-24 months."""

    min: float
    max: float
    unit: str


@record
class Fact(Record):
    """A sourced statement the plan quotes."""

    id: str
    text: str
    source: str
    value: FactValue | None = None


@record
class Background(Record):
    """A typical starting point and the skill levels it usually brings."""

    id: str
    name: str
    summary: str
    source: str
    levels: Mapping[str, int]
    levels_source: str


@record
class Rating(Record):
    """A sourced rating, e.g. hiring demand 'very-high'."""

    level: str
    source: str


@record
class Project(Record):
    """A portfolio project idea for a sector."""

    id: str
    title: str
    use_case: str
    summary: str
    skills: tuple[str, ...]


@record
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


@record
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


@record
class Profile(Record):
    """Who is planning: everything the engine needs, nothing about files."""

    sector: str
    levels: Mapping[str, int]
    start: dt.date
    background: str | None = None
    years_experience: int = 0
    region: str = "us"
    hours_per_week: int = 15


@record
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


@record
class StepReadiness(Record):
    """The share of a step's needed study hours already behind a person."""

    step: str
    percent: int


@record
class StudyItem(Record):
    """One stretch of study: a skill (or certification prep) in one week."""

    key: str  # skill id, or "cert:<id>"
    title: str
    step: str
    hours: int
    from_level: int
    to_level: int


@record
class Week(Record):
    """One dated week of the plan."""

    number: int
    start: dt.date
    items: tuple[StudyItem, ...]

    @property
    def hours(self) -> int:
        return sum(i.hours for i in self.items)


@record
class Milestone(Record):
    """The week a roadmap step is done."""

    step: str
    week: int
    date: dt.date
    text: str


@record
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


@record
class SalaryOutlook(Record):
    """What the job pays in the person's region."""

    region: str
    figures: tuple[SalaryFigure, ...]
    premiums: tuple[Premium, ...]


@record
class CertificationPick(Record):
    """A certification the plan recommends, and why."""

    certification: str
    reason: str
    successor_of: str | None = None


@record
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
