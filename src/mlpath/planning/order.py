"""The order of study: by priority, within prerequisites, basics before depth.

A skill aimed past basic level (2) is studied in two passes: up to 2 first, so an early
end-to-end slice has every piece it needs, and the rest later. A skill's priority is
the highest importance of anything in the plan that needs it, so the prerequisites of
a high-priority gap come early too.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence

from mlpath.catalogue import model as m
from mlpath.planning.levels import hours_between
from mlpath.planning.model import Gap, StudyItem

BASIC = 2  # the end of the first pass
PROJECTS_STEP = "projects"  # the roadmap's real-projects step: domain knowledge lives here
DEPTH_DISCOUNT = 0.6  # a second pass ranks as this share of the skill's priority (estimate)


def effective_priority(cat: m.Catalog, gaps: Sequence[Gap],
                       early: frozenset[str] = frozenset(),
                       groups: Sequence[Sequence[str]] = ()) -> dict[str, float]:
    """Skill → the highest importance among itself and the skills in the plan that need it;
    the `early` skills (the thin slice's) rank with the most important, and a skill of the
    projects step (domain knowledge) or one in the goal only for a project with the most
    important skill of a `groups` (a project's skills) it is in, so the project is not
    held back to the end by it."""
    inplan = {g.skill: g for g in gaps}
    top = max((g.importance for g in gaps), default=0.0)
    best = {g.skill: top if g.skill in early else g.importance for g in gaps}
    for group in groups:
        rank = max((best[s] for s in group if s in best), default=0.0)
        for s in group:
            if s in best and (cat.skill(s).step == PROJECTS_STEP or any(
                    r.startswith("project:") for r in inplan[s].reasons)):
                best[s] = max(best[s], rank)
    changed = True
    while changed:  # acyclic and small: a few sweeps settle it
        changed = False
        for g in gaps:
            for pre in cat.skill(g.skill).prerequisites:
                if pre in inplan and best[pre] < best[g.skill]:
                    best[pre] = best[g.skill]
                    changed = True
    return best


def passes(cat: m.Catalog, gap: Gap) -> list[StudyItem]:
    """One item, or two when the gap crosses basic level on the way to more."""
    skill = cat.skill(gap.skill)
    cuts = [gap.current]
    if gap.current < BASIC < gap.target:
        cuts.append(BASIC)
    cuts.append(gap.target)
    return [StudyItem(gap.skill, skill.name, skill.step, hours_between(skill, a, b), a, b)
            for a, b in itertools.pairwise(cuts) if b > a]


def order(cat: m.Catalog, gaps: Sequence[Gap], early: frozenset[str] = frozenset(),
          groups: Sequence[Sequence[str]] = ()) -> list[StudyItem]:
    """The study items in order: a first pass waits for the first pass of every
    prerequisite in the plan, a second pass (anything past basic level) for its own first
    pass and nothing for it. Among the items that
    are ready, the highest priority first, then the roadmap's step and catalogue order.
    A heap of ready items: O(n log n)."""
    step_no = {s.id: s.number for s in cat.steps}
    index = {s.id: i for i, s in enumerate(cat.skills)}
    priority = effective_priority(cat, [g for g in gaps if g.hours > 0], early, groups)
    items: list[StudyItem] = []
    first: dict[str, int] = {}
    depth: set[int] = set()  # items past basic level: nothing waits for them
    for gap in gaps:
        if gap.hours <= 0:
            continue
        for item in passes(cat, gap):
            if item.from_level >= BASIC:
                depth.add(len(items))
            else:
                first[gap.skill] = len(items)
            items.append(item)
    waiting = [0] * len(items)
    unlocks: list[list[int]] = [[] for _ in items]
    for i, item in enumerate(items):
        if i in depth:  # after the skill's own basics, when the plan has them
            needs = [first[item.key]] if item.key in first else []
        else:
            needs = [first[p] for p in sorted(set(cat.skill(item.key).prerequisites))
                     if p in first]
        for j in needs:
            waiting[i] += 1
            unlocks[j].append(i)

    own = {g.skill: g.importance for g in gaps}

    def key(i: int) -> tuple[float, int, int, int]:
        item = items[i]
        # a depth pass blocks nothing: it ranks by the skill's own importance, not by
        # what needs the skill's basics
        rank = own[item.key] * DEPTH_DISCOUNT if i in depth else priority[item.key]
        return (-round(rank, 1), step_no[item.step], index[item.key], i)

    ready = [key(i) for i, n in enumerate(waiting) if n == 0]
    heapq.heapify(ready)
    placed: list[StudyItem] = []
    done = [False] * len(items)
    while len(placed) < len(items):
        # no item ready: only a prerequisite cycle gets here; take the first one left
        pick = heapq.heappop(ready)[-1] if ready else done.index(False)
        if done[pick]:
            continue
        done[pick] = True
        placed.append(items[pick])
        for k in unlocks[pick]:
            waiting[k] -= 1
            if waiting[k] == 0 and not done[k]:
                heapq.heappush(ready, key(k))
    return placed
