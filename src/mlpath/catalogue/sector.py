"""The sectors hiring ML engineers: use cases, skill emphasis, electives and projects."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple


class Rating(NamedTuple):
    """A sourced rating, e.g. hiring demand 'very-high'."""

    level: str
    source: str


class Dataset(NamedTuple):
    name: str
    url: str


class ProjectTopic(NamedTuple):
    """A topic a project relies on: a skill id and the exact name of one of its topics."""

    skill: str
    topic: str


class Project(NamedTuple):
    """A portfolio project: what to build, on which data, and when it is done."""

    id: str
    title: str
    use_case: str
    summary: str
    skills: tuple[str, ...]
    hours: int  # build hours with the skills in hand (estimate)
    dataset: Dataset
    done_when: str
    tags: tuple[str, ...] = ()  # deployment, genai, research
    topics: tuple[ProjectTopic, ...] = ()  # what it relies on; `validate` checks they exist
    regions: tuple[str, ...] = ()  # salary-region ids it fits; empty: every region
    roles: tuple[str, ...] = ()  # goal-role ids it fits; empty: every role


class Sector(NamedTuple):
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
    electives: tuple[str, ...] = ()
    electives_source: str | None = None
    hiring_demand: Rating | None = None
    salary_potential: Rating | None = None
    why: Mapping[str, str] = {}  # shared, never changed
