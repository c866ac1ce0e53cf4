"""The shapes of `roadmap.yaml` and `sectors.yaml`, as `schema` specs that build the model.

Kept apart from `data.py` so a run that finds the catalogue in the cache (see
`cache.py`) imports neither this nor `schema` (see README, Performance).
"""

from __future__ import annotations

from mlpath.catalogue import model as m
from mlpath.catalogue.schema import (
    BOOL,
    DATE,
    ID,
    INT,
    NUMBER,
    TEXT,
    ListOf,
    MapOf,
    Obj,
    Scalar,
    one_of,
)

_IDS = ListOf(ID)
_PCT = Scalar("number", 0, 1000)
_MONEY = Scalar("number", 0)

_URL = Scalar("url")
_RESOURCE = Obj(m.Resource, {"id": ID, "title": TEXT, "url": _URL,
                             "kind": one_of(*m.RESOURCE_KINDS), "free": BOOL, "source": TEXT,
                             "year": Scalar("int", 1950, 2100), "as_of": DATE,
                             "cloud": one_of(*m.CLOUDS)},
                frozenset({"source", "year", "as_of", "cloud"}))
_TOPIC = Obj(m.Topic, {"name": TEXT, "hours": Scalar("int", 1, 500), "resource": ID,
                       "section": TEXT}, frozenset({"section"}))
_PROJECT = Obj(m.Project, {
    "id": ID, "title": TEXT, "use_case": TEXT, "summary": TEXT, "skills": ListOf(ID, 1),
    "tags": ListOf(one_of(*m.PROJECT_TAGS)), "hours": Scalar("int", 1, 500),
    "dataset": Obj(m.Dataset, {"name": TEXT, "url": _URL}), "done_when": TEXT,
    "topics": ListOf(Obj(m.ProjectTopic, {"skill": ID, "topic": TEXT})),
    "regions": ListOf(one_of(*m.REGIONS)), "roles": ListOf(one_of(*m.GOAL_ROLES)),
}, frozenset({"tags", "topics", "regions", "roles"}))
_SALARY_RANGE = Obj(m.SalaryRange, {"low": _MONEY, "high": _MONEY, "open_ended": BOOL,
                                    "source": TEXT, "label": TEXT},
                    frozenset({"open_ended", "label"}))
_BAND = Obj(m.ExperienceBand, {"label": TEXT, "years_min": Scalar("int", 0, 60),
                               "years_max": Scalar("int", 0, 60), "low": _MONEY, "high": _MONEY,
                               "open_ended": BOOL, "source": TEXT},
            frozenset({"years_max", "open_ended"}))


def _rating(*levels: str) -> Obj:
    return Obj(m.Rating, {"level": one_of(*levels), "source": TEXT})


ROADMAP_SPEC = Obj(dict, {
    "schema_version": INT,
    "sources": ListOf(Obj(m.Source, {"id": ID, "title": TEXT, "publisher": TEXT, "url": _URL,
                                     "date": DATE, "note": TEXT},
                          frozenset({"publisher", "url", "date", "note"})), 1),
    "levels": ListOf(Obj(m.Level, {"level": Scalar("int", m.MIN_LEVEL, m.MAX_LEVEL),
                                   "name": TEXT, "description": TEXT}), 1),
    "steps": ListOf(Obj(m.Step, {
        "id": ID, "number": Scalar("int", 1, 99), "name": TEXT, "goal": TEXT, "source": TEXT,
        "items": ListOf(Obj(m.StepItem, {"label": TEXT, "skill": ID, "certification": ID},
                            frozenset({"skill", "certification"}))),
    }), 1),
    "skills": ListOf(Obj(m.Skill, {
        "id": ID, "name": TEXT, "step": ID, "kind": one_of(*m.SKILL_KINDS),
        "track": one_of(*m.TRACKS), "summary": TEXT,
        "demand": one_of(*m.DEMANDS), "demand_source": TEXT,
        "hours": Scalar("int", 1, 2000), "hours_source": TEXT,
        "prerequisites": _IDS, "resources": ListOf(_RESOURCE, 1), "topics": ListOf(_TOPIC, 1),
        "examples": MapOf(TEXT, key=Scalar("int", 1, m.MAX_LEVEL)),
        "aliases": _IDS, "phrases": ListOf(TEXT),
    }, frozenset({"demand", "demand_source", "prerequisites", "examples", "aliases",
                  "phrases"})), 1),
    "certifications": ListOf(Obj(m.Certification, {
        "id": ID, "name": TEXT, "code": TEXT, "provider": TEXT, "url": _URL,
        "level": one_of(*m.CERT_LEVELS), "experience": TEXT, "source": TEXT, "skills": _IDS,
        "prep_hours": Scalar("int", 1, 1000), "prep_hours_source": TEXT,
        "status": one_of(*m.CERT_STATUSES), "as_of": DATE, "launched": DATE,
        "retired_on": DATE, "successor": ID, "note": TEXT,
        "status_basis": one_of(*m.STATUS_BASES), "status_sources": ListOf(TEXT),
        "cloud": one_of(*m.CLOUDS),
    }, frozenset({"code", "launched", "retired_on", "successor", "note", "status_basis",
                  "status_sources", "cloud"}))),
    "salaries": Obj(m.Salaries, {
        "regions": ListOf(Obj(m.Region, {
            "id": one_of(*m.REGIONS), "name": TEXT, "currency": TEXT, "unit": one_of("year", "lpa"),
            "range": _SALARY_RANGE, "by_experience": ListOf(_BAND), "aliases": _IDS,
        }, frozenset({"range", "by_experience", "aliases"})), 1),
        "growth": ListOf(Obj(m.Growth, {"label": TEXT, "years": Scalar("int", 0, 60),
                                        "increase_pct": _PCT, "source": TEXT})),
        "premiums": ListOf(Obj(m.Premium, {"id": ID, "name": TEXT, "low_pct": _PCT,
                                           "high_pct": _PCT, "skills": _IDS, "source": TEXT,
                                           "roles": ListOf(one_of(*m.GOAL_ROLES))},
                               frozenset({"roles"}))),
        "overall": Obj(m.OverallRange, {"currency": TEXT, "low": _MONEY, "high": _MONEY,
                                        "open_ended": BOOL, "source": TEXT, "label": TEXT},
                       frozenset({"open_ended", "label"})),
    }),
    "roles": ListOf(Obj(m.Role, {"id": ID, "name": TEXT, "focus": TEXT, "core_skills": TEXT,
                                 "salary": TEXT, "demand": one_of(*m.DEMANDS),
                                 "sources": ListOf(TEXT, 1),
                                 "targets": MapOf(Scalar("int", 1, m.MAX_LEVEL)),
                                 "targets_source": TEXT, "sector_shapes": BOOL},
                                frozenset({"salary", "demand", "targets", "targets_source",
                                           "sector_shapes"}))),
    "challenges": ListOf(Obj(m.Challenge, {"id": ID, "problem": TEXT,
                                           "solutions": ListOf(TEXT, 1), "source": TEXT})),
    "facts": ListOf(Obj(m.Fact, {
        "id": ID, "text": TEXT, "source": TEXT,
        "value": Obj(m.FactValue, {"min": NUMBER, "max": NUMBER, "unit": TEXT}),
        "benchmark": BOOL,
    }, frozenset({"value", "benchmark"}))),
    "backgrounds": ListOf(Obj(m.Background, {
        "id": ID, "name": TEXT, "summary": TEXT, "source": TEXT,
        "levels": MapOf(Scalar("int", m.MIN_LEVEL, m.MAX_LEVEL)), "levels_source": TEXT,
        "relevant_experience": BOOL,
    }, frozenset({"relevant_experience"}))),
    "projects": ListOf(_PROJECT),
    "job_search": ListOf(Obj(m.Task, {
        "id": ID, "title": TEXT, "kind": one_of(*m.TASK_KINDS), "skills": _IDS,
        "hours": Scalar("int", 1, 500), "hours_source": TEXT, "done_when": TEXT,
        "phase": one_of(*m.TASK_PHASES), "after": ID, "resources": ListOf(_RESOURCE),
        "roles": ListOf(one_of(*m.GOAL_ROLES)),
    }, frozenset({"skills", "phase", "after", "resources", "roles"}))),
    "implies": MapOf(_IDS),
    "links_checked": DATE,
}, frozenset({"projects", "job_search", "implies", "links_checked"}))

SECTORS_SPEC = Obj(dict, {
    "schema_version": INT,
    "sectors": ListOf(Obj(m.Sector, {
        "id": ID, "name": TEXT, "aliases": _IDS, "source": TEXT, "evolving": TEXT,
        "use_cases": ListOf(TEXT, 1), "employers_look_for": ListOf(TEXT),
        "hiring_demand": _rating(*m.DEMANDS), "salary_potential": _rating(*m.SALARY_POTENTIALS),
        "emphasis": MapOf(Scalar("number", 0.5, 2.0)), "emphasis_source": TEXT,
        "electives": _IDS, "electives_source": TEXT,
        "why": MapOf(TEXT),
        "projects": ListOf(_PROJECT, 1),
    }, frozenset({"aliases", "electives", "electives_source", "hiring_demand",
                  "salary_potential", "why"})), 1),
})
