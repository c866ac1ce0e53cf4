"""Plan lengths for the people issue 17 names, against the bands a mentor would sign.

    .venv/bin/python bench/personas.py [--weeks N]

Prints each person's plan length (months at their own pace), the band, and with
--weeks N the first N weeks in one line each. Uses the shipped data.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from mlpath.catalogue import model as m
from mlpath.catalogue.load import load_catalog
from mlpath.cli.planning import posting_match
from mlpath.formats.words import item_title
from mlpath.person.profile import Profile, make_profile
from mlpath.planning import build_plan
from mlpath.planning.facts import months
from mlpath.planning.model import JobTarget

START = dt.date(2027, 1, 4)
# (who, options for make_profile, (low, high) months at their pace)
PEOPLE: list[tuple[str, dict[str, Any], tuple[float, float]]] = [
    ("career changer (accountant), 15 h/week", dict(
        sector="finance", background="career-changer", hours_per_week=15,
        years_experience=8), (12, 24)),
    ("career changer, 8 h/week", dict(
        sector="retail", background="career-changer", hours_per_week=8,
        years_experience=6), (12, 36)),
    ("software engineer → ML engineer, 15 h/week", dict(
        sector="tech", background="software-engineer", hours_per_week=15,
        years_experience=4), (5, 10)),
    ("data scientist who never deployed, 10 h/week", dict(
        sector="finance", background="data-scientist", hours_per_week=10,
        years_experience=4), (0, 8)),
    ("senior engineer → AI engineer, 10 h/week", dict(
        sector="tech", background="software-engineer", role="ai-engineer",
        hours_per_week=10, years_experience=10), (0, 6)),
    ("CS student, 25 h/week", dict(
        sector="healthcare", background="student", hours_per_week=25), (7, 14)),
    # the background's levels are a graduate's; a PhD, who has written research code for
    # years, rates Python at working level when asked
    ("physics PhD, 20 h/week", dict(
        sector="energy", background="physics-maths-graduate", hours_per_week=20,
        years_experience=1, know={"python": 3}), (5, 10)),
    ("data analyst, 8 h/week", dict(
        sector="healthcare", background="data-analyst", hours_per_week=8,
        years_experience=3), (10, 24)),
    ("student aiming at one junior posting, 15 h/week", dict(
        sector="tech", background="student", hours_per_week=15), (0, 12)),
]
# The person who plans for one job posting instead of a role (the last one above).
POSTING = Path(__file__).resolve().parents[1] / "tests" / "postings" / "saas_platform_junior.html"


def _job(cat: m.Catalog, profile: Profile) -> JobTarget:
    """The posting as `plan --posting` reads it."""
    from mlpath.matching.fit import job_target
    found = posting_match(cat, POSTING.read_text(encoding="utf-8"), POSTING.name)
    return job_target(cat, found, profile.levels, profile.years_experience)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weeks", type=int, default=0, help="show the first N weeks")
    args = parser.parse_args()
    cat = load_catalog()
    for who, options, (low, high) in PEOPLE:
        profile = make_profile(cat, start=START, **options)
        job = _job(cat, profile) if "posting" in who else None
        plan = build_plan(cat, profile, job)
        length = months(plan)
        mark = "ok " if low <= length <= high else "OUT"
        print(f"{mark} {length:5.1f} months ({plan.total_weeks} weeks, {plan.total_hours} h)"
              f"  band {low:g}-{high:g}  {who}")
        for week in plan.weeks[:args.weeks]:
            names = [item_title(i) + (f" {i.from_level}→{i.to_level}" if i.kind == "skill"
                                      else "") for i in week.items]
            print(f"      w{week.number}: " + "; ".join(dict.fromkeys(names)))


if __name__ == "__main__":
    main()
