"""The career side of the catalogue: roles a plan aims at, backgrounds people start from,
common challenges, sourced facts, and the job-readiness tasks."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from mlpath.catalogue.model import Resource


class Role(NamedTuple):
    """A neighbouring role (AI engineer, data scientist…) to compare with."""

    id: str
    name: str
    focus: str
    core_skills: str
    sources: tuple[str, ...]
    salary: str | None = None
    demand: str | None = None
    # A role a plan can aim at lists the skills a first job in it needs, at their levels.
    targets: Mapping[str, int] = {}  # shared default, never changed
    targets_source: str | None = None  # how the targets were chosen (source id or estimate)
    # Whether the sector reshapes the targets (deepens some, adds its weighted ML
    # electives); otherwise it adds only its own domain electives.
    sector_shapes: bool = True


class Challenge(NamedTuple):
    """A common obstacle and what to do about it."""

    id: str
    problem: str
    solutions: tuple[str, ...]
    source: str


class FactValue(NamedTuple):
    """A fact's numbers, e.g. 12-24 months."""

    min: float
    max: float
    unit: str


class Fact(NamedTuple):
    """A sourced statement the plan quotes."""

    id: str
    text: str
    source: str
    value: FactValue | None = None
    benchmark: bool = False  # plans compare their length with this fact's value


class Background(NamedTuple):
    """A typical starting point and the skill levels it usually brings."""

    id: str
    name: str
    summary: str
    source: str
    levels: Mapping[str, int]
    levels_source: str
    # Whether years in this background count as software, data or ML experience
    # (certification level); a career changer's or student's years do not.
    relevant_experience: bool = False


class Task(NamedTuple):
    """A job-readiness task: interview preparation or the job search itself."""

    id: str
    title: str
    kind: str
    hours: int
    hours_source: str
    done_when: str
    skills: tuple[str, ...] = ()
    phase: str = "apply"
    after: str | None = None  # a skill whose study comes first (drills)
    resources: tuple[Resource, ...] = ()
    roles: tuple[str, ...] = ()  # the goal roles it prepares for; empty: every role
