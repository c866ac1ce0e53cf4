"""The catalogue's data model: immutable records mirroring `docs/data-format.md`.

Records are `typing.NamedTuple`s: a class costs ~0.17 ms to create against ~0.6 ms for a
frozen dataclass, which generates and compiles its methods on every import; with ~30
classes on every run that was ~1x `python -c pass` (bench/records.py, docs/performance.md).
They are as immutable, compare by value and pickle in C. `Catalog`, which derives its
look-up tables once after construction, stays a frozen dataclass.

The loader (`load.py`, through `specs.py`) builds them by field name; nothing here
reads files or knows about people and plans.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

ESTIMATE = "estimate"
DEMANDS = ("very-high", "high", "moderate")
SALARY_POTENTIALS = ("excellent", "high", "good")
CERT_STATUSES = ("active", "unverified", "retired")  # the order lists show them in
RESOURCE_KINDS = ("docs", "course", "book", "practice", "video")
TRACKS = ("core", "elective")
CERT_LEVELS = ("foundational", "associate", "professional", "specialty")
PROJECT_TAGS = ("deployment", "genai", "thin-slice", "research")  # research: deploys nothing
TASK_KINDS = ("interview", "job-search")
# When a job-readiness task runs beside the study (planning/schedule.py): drills once
# their `after` skill is studied, mid-plan, with the applications, or every week of them.
TASK_PHASES = ("drill", "mid", "pre-apply", "apply", "applications")
GOAL_ROLES = ("ml-engineer", "ai-engineer", "mlops-engineer")  # what a plan can aim at
CLOUDS = ("aws", "gcp", "azure")
CLOUD_NAMES = {"aws": "AWS", "gcp": "Google Cloud", "azure": "Azure"}
STATUS_BASES = ("official", "third-party")
SKILL_KINDS = ("technical", "soft")
MIN_LEVEL, MAX_LEVEL = 0, 4


def fields_of(value: Any) -> tuple[str, ...] | None:
    """The fields of a record (a NamedTuple, or a dataclass's own, without derived ones);
    None for anything else."""
    if isinstance(value, tuple):
        return getattr(type(value), "_fields", None)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(f.name for f in dataclasses.fields(value) if f.init)
    return None

# Pay, sectors and careers have modules of their own; their classes are part of this model.
from mlpath.catalogue.career import Background as Background  # noqa: E402
from mlpath.catalogue.career import Challenge as Challenge  # noqa: E402
from mlpath.catalogue.career import Fact as Fact  # noqa: E402
from mlpath.catalogue.career import FactValue as FactValue  # noqa: E402
from mlpath.catalogue.career import Role as Role  # noqa: E402
from mlpath.catalogue.career import Task as Task  # noqa: E402
from mlpath.catalogue.salary import REGIONS as REGIONS  # noqa: E402
from mlpath.catalogue.salary import ExperienceBand as ExperienceBand  # noqa: E402
from mlpath.catalogue.salary import Growth as Growth  # noqa: E402
from mlpath.catalogue.salary import OverallRange as OverallRange  # noqa: E402
from mlpath.catalogue.salary import Premium as Premium  # noqa: E402
from mlpath.catalogue.salary import Region as Region  # noqa: E402
from mlpath.catalogue.salary import Salaries as Salaries  # noqa: E402
from mlpath.catalogue.salary import SalaryRange as SalaryRange  # noqa: E402
from mlpath.catalogue.sector import Dataset as Dataset  # noqa: E402
from mlpath.catalogue.sector import Project as Project  # noqa: E402
from mlpath.catalogue.sector import ProjectTopic as ProjectTopic  # noqa: E402
from mlpath.catalogue.sector import Rating as Rating  # noqa: E402
from mlpath.catalogue.sector import Sector as Sector  # noqa: E402

# --- catalogue ---------------------------------------------------------------


class Source(NamedTuple):
    """An article the figures come from; every `source` field names one by id."""

    id: str
    title: str
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    note: str | None = None


class Level(NamedTuple):
    """One step of the 0-4 self-rating scale, with its anchored description."""

    level: int
    name: str
    description: str


class StepItem(NamedTuple):
    """A topic listed under a roadmap step, linked to a skill when there is one."""

    label: str
    skill: str | None = None
    certification: str | None = None  # the status is shown from `certifications`


class Step(NamedTuple):
    """One of the seven roadmap steps, in order."""

    id: str
    number: int
    name: str
    goal: str
    source: str
    items: tuple[StepItem, ...]


class Resource(NamedTuple):
    """Something to study a skill with: docs, a course, a book, practice or video."""

    id: str
    title: str
    url: str
    kind: str
    free: bool
    source: str | None = None  # only when a source article gives the link
    year: int | None = None  # publication year, shown for older material
    as_of: str | None = None  # the date the link was last checked (else its skill file's)
    cloud: str | None = None  # a cloud's own documentation (see catalogue/cloud.py)


class Topic(NamedTuple):
    """One part of a skill, in study order, with the resource (and section) that teaches it."""

    name: str
    hours: int
    resource: str  # a Resource id of the same skill
    section: str | None = None


class Skill(NamedTuple):
    """A skill the job needs: demand, study hours to level 3, prerequisites, topics."""

    id: str
    name: str
    step: str
    kind: str
    track: str  # core: every plan needs it; elective: when a sector, posting or user asks
    summary: str
    hours: int
    hours_source: str
    prerequisites: tuple[str, ...] = ()
    resources: tuple[Resource, ...] = ()
    topics: tuple[Topic, ...] = ()
    examples: Mapping[int, str] = {}  # level 1-4 → what it looks like (shared, never changed)
    aliases: tuple[str, ...] = ()  # former ids
    phrases: tuple[str, ...] = ()  # how job postings name it
    demand: str | None = None
    demand_source: str | None = None


class Certification(NamedTuple):
    """A certification: the skills it covers, prep hours and status as of a date."""

    id: str
    name: str
    provider: str
    url: str
    level: str
    experience: str
    source: str
    skills: tuple[str, ...]
    prep_hours: int
    prep_hours_source: str
    status: str
    as_of: str  # the date the status was checked
    code: str | None = None
    launched: str | None = None
    retired_on: str | None = None
    successor: str | None = None
    note: str | None = None
    status_basis: str | None = None  # official | third-party: who confirms the status
    status_sources: tuple[str, ...] = ()  # source ids behind the status
    cloud: str | None = None  # aws | gcp | azure, for cloud exams


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
    projects: tuple[Project, ...] = ()  # general projects any sector can use
    job_search: tuple[Task, ...] = ()
    # Stated working level (3+) of a skill implies the listed skills one level lower:
    # only where knowing one really means knowing the other (not every prerequisite).
    implies: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    links_checked: str | None = None  # when resource links were last checked (`as_of` overrides)

    # Look-ups by id, built once in __post_init__ (and pickled with the catalogue): the
    # planner calls these in loops, where a linear scan made `plan` quadratic.
    by_skill: dict[str, Skill] = field(init=False, repr=False, compare=False)
    by_step: dict[str, Step] = field(init=False, repr=False, compare=False)
    by_certification: dict[str, Certification] = field(init=False, repr=False, compare=False)
    by_sector: dict[str, Sector] = field(init=False, repr=False, compare=False)
    by_project: dict[str, Project] = field(init=False, repr=False, compare=False)
    skills_by_step: dict[str, tuple[Skill, ...]] = field(init=False, repr=False,
                                                         compare=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[Skill]] = {}
        for s in self.skills:
            grouped.setdefault(s.step, []).append(s)
        # frozen: set the derived fields the way dataclasses' own __init__ does
        put = object.__setattr__
        put(self, "by_skill", {s.id: s for s in self.skills})
        put(self, "by_step", {s.id: s for s in self.steps})
        put(self, "by_certification", {c.id: c for c in self.certifications})
        put(self, "by_sector", {s.id: s for s in self.sectors})
        put(self, "by_project", {p.id: p for p in (*self.projects, *(
            p for s in self.sectors for p in s.projects))})
        put(self, "skills_by_step", {k: tuple(v) for k, v in grouped.items()})

    def skill(self, skill_id: str) -> Skill:
        return self.by_skill[skill_id]

    def step(self, step_id: str) -> Step:
        return self.by_step[step_id]

    def project(self, project_id: str) -> Project:
        """A general or a sector's project."""
        return self.by_project[project_id]

    def certification(self, cert_id: str) -> Certification:
        return self.by_certification[cert_id]

    def sector(self, sector_id: str) -> Sector:
        return self.by_sector[sector_id]

    def role(self, role_id: str) -> Role:
        return next(r for r in self.roles if r.id == role_id)

    def plan_roles(self) -> tuple[Role, ...]:
        """The roles a plan can aim at: those that list target skills."""
        return tuple(r for r in self.roles if r.targets)

    def region(self, region_id: str) -> Region:
        return next(r for r in self.salaries.regions if r.id == region_id)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def certifications_by_status(self) -> tuple[Certification, ...]:
        """Active ones first, then unverified, then retired; data order within each."""
        return tuple(sorted(self.certifications, key=lambda c: CERT_STATUSES.index(c.status)))

    def skills_in(self, step_id: str) -> tuple[Skill, ...]:
        return self.skills_by_step.get(step_id, ())
