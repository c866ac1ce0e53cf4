"""`schedule.order` (a heap, O(n log n)) places skills exactly as the original scan did.

The original, quadratic version is kept here as the reference: for every random
prerequisite graph (acyclic or not, with prerequisites outside the plan, repeated or
naming the skill itself) both give the same sequence.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from mlpath.catalogue import model as m
from mlpath.planning import schedule
from mlpath.planning.model import Gap


def reference_order(cat: Any, gaps: list[Gap]) -> list[Gap]:
    step_no = {s.id: s.number for s in cat.steps}
    prereqs = {s.id: s.prerequisites for s in cat.skills}
    index = {s.id: i for i, s in enumerate(cat.skills)}  # ties: the catalogue's order
    todo = sorted((g for g in gaps if g.hours > 0),
                  key=lambda g: (step_no[g.step], index[g.skill]))
    pending = {g.skill for g in todo}
    placed: list[Gap] = []
    while todo:
        pick = next((g for g in todo if not pending.intersection(prereqs[g.skill])), todo[0])
        todo.remove(pick)
        pending.discard(pick.skill)
        placed.append(pick)
    return placed


@st.composite
def plans(draw: st.DrawFn) -> tuple[Any, list[Gap]]:
    n = draw(st.integers(0, 25))
    names = [f"s{i}" for i in range(n)]
    steps = [SimpleNamespace(id=f"step{k}", number=k) for k in range(1, 4)]
    skills, gaps = [], []
    for name in names:
        prereqs = draw(st.lists(st.sampled_from([*names, "elsewhere"]), max_size=4))
        skills.append(SimpleNamespace(id=name, prerequisites=tuple(prereqs)))
        gaps.append(Gap(skill=name, step=draw(st.sampled_from(steps)).id,
                          current=0, target=draw(st.integers(0, 3)),
                          importance=draw(st.sampled_from([0.5, 1.0, 1.5, 2.25])),
                          hours=draw(st.integers(0, 3))))
    return SimpleNamespace(steps=steps, skills=skills), gaps


@settings(max_examples=300, deadline=None)
@given(plans())
def test_heap_order_is_the_original_order(case: tuple[Any, list[Gap]]) -> None:
    cat, gaps = case
    assert schedule.order(cat, gaps) == reference_order(cat, gaps)


def test_shipped_plans_are_ordered_as_before(catalog: m.Catalog) -> None:
    import datetime as dt

    from mlpath.person.profile import make_profile
    from mlpath.planning import gaps as g

    for sector in catalog.sectors:
        for background in (None, *(b.id for b in catalog.backgrounds)):
            profile = make_profile(catalog, sector=sector.id, start=dt.date(2027, 1, 4),
                                   background=background)
            found = g.analyse(catalog, sector, profile)
            assert schedule.order(catalog, found) == reference_order(catalog, list(found))
