"""What the planner produces: gaps, dated weeks, milestones and the plan around them.

Numbers and ids only; the words people read are written by `mlpath.formats`. Records are
NamedTuples, as in the catalogue: a frozen dataclass costs ~0.6 ms a class to create on
every run (bench/records.py); change one with `x._replace(...)`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from mlpath.catalogue.model import Premium, Project
from mlpath.person.profile import Profile


class Gap(NamedTuple):
    """Where a person stands on one skill against what the sector needs."""

    skill: str
    step: str
    current: int
    target: int
    importance: float
    hours: int
    weight: float = 1.0  # the sector's emphasis on the skill
    assumed_from: str | None = None  # the stated skill the current level was inferred from
    reasons: tuple[str, ...] = ()  # codes: role, sector-deepens, elective-sector,
    # elective-asked, asked-raise, posting-required, posting-nice, prerequisite-of:<id>,
    # sector-weight, demand (words.gap_reason writes them out; docs/glossary.md)

    @property
    def gap(self) -> int:
        return max(0, self.target - self.current)

    @property
    def priority(self) -> float:
        return round(self.gap * self.importance, 2)


class JobTarget(NamedTuple):
    """A job posting the plan aims at: the skills it requires (skill → the level it implies;
    one skill per "A or B" choice) and its nice-to-haves, both brought into the plan."""

    title: str
    file: str
    required: Mapping[str, int]
    nice: Mapping[str, int]
    years: int | None = None
    seniority: str | None = None
    cloud: str | None = None  # the cloud the posting names (aws, gcp, azure), if one
    location: str | None = None  # where the job is, as the posting states it
    salary: str | None = None  # what it pays, as the posting states it


class StepReadiness(NamedTuple):
    """The share of a step's needed study hours already behind a person."""

    step: str
    percent: int


KINDS = ("skill", "project", "review", "interview", "job-search", "certification")


class StudyItem(NamedTuple):
    """One stretch of work in one week: a skill, project, review, job-readiness task or
    certification prep. `key` is the skill id, or "<prefix>:<id>" for the other kinds."""

    key: str  # skill id, "cert:<id>", "project:<id>", "task:<id>", "review:<n>"
    title: str
    step: str  # "" for review weeks and job-readiness tasks (no roadmap step)
    hours: int
    from_level: int
    to_level: int
    kind: str = "skill"
    topics: tuple[int, ...] = ()  # skill items: indexes into the skill's topics this week
    deepen: bool = False  # skill items: (part of) the week goes beyond level 3


class Week(NamedTuple):
    """One dated week of the plan."""

    number: int
    start: dt.date
    items: tuple[StudyItem, ...]

    @property
    def hours(self) -> int:
        return sum(i.hours for i in self.items)


class Milestone(NamedTuple):
    """The week a roadmap step is done."""

    step: str
    week: int
    date: dt.date


class SalaryFigure(NamedTuple):
    """One line of a plan's salary outlook."""

    kind: str  # "region" (a regional average) | "band" | "projection" | "overall" (all regions)
    low: float
    high: float
    currency: str
    unit: str
    source: str
    label: str | None = None  # the band's or growth step's label, from the data
    factor: float | None = None  # a projection: the entry band × factor
    open_ended: bool = False


class SalaryOutlook(NamedTuple):
    """What the job pays in the person's region."""

    region: str
    figures: tuple[SalaryFigure, ...]
    premiums: tuple[Premium, ...]


class CertificationPick(NamedTuple):
    """A certification the plan recommends: the needed skills it covers, what it replaces."""

    certification: str
    covers: tuple[str, ...]
    successor_of: str | None = None
    level: str = "associate"  # the exam's level (foundational … specialty)
    optional: bool = True  # prep runs beside the job search and never moves the finish
    # why its cloud: "posting" (the posting names it), "chosen" (--cloud) or "studied"
    # (the cloud the plan's cloud study uses); None for an exam of no or another cloud
    cloud_from: str | None = None


class ScheduledProject(NamedTuple):
    """A portfolio project the plan schedules: its hours (with the newcomer factor) and weeks."""

    project: Project
    hours: int
    first_week: int
    last_week: int
    sector: bool  # one of the sector's own projects (else a general one)


class Plan(NamedTuple):
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
    scheduled: tuple[ScheduledProject, ...] = ()
    newcomer: bool = False  # low readiness: the sources' 12-24 months apply to them
    project_factor: float = 1.0  # project hours × this for someone new (estimate)
    job: JobTarget | None = None  # the posting the plan is for (`plan --posting`)
    later: tuple[str, ...] = ()  # skills outside the goal: for once hired, not scheduled
    apply_now: bool = False  # ready enough to apply from week 1, the top-up alongside
    apply_week: int | None = None  # the week applications start
    cloud: str | None = None  # the posting's cloud, else --cloud, else the one studied

    @property
    def total_weeks(self) -> int:
        return len(self.weeks)
