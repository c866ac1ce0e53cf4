"""Order the study items (prerequisites first) and pack them into dated weeks."""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Sequence

from mlpath.catalogue import model as m
from mlpath.planning.model import Gap, Milestone, StudyItem, Week


def order(cat: m.Catalog, gaps: Sequence[Gap]) -> list[Gap]:
    """Skills with a gap, by step, then priority; a skill never before its prerequisites.

    Greedy topological sort: at each turn take the first skill (in step/priority
    order) whose prerequisites still in the plan have all been placed (if none is,
    which only a prerequisite cycle could cause, the first one left). Kept as a heap
    of ready positions, so it is O(n log n) rather than a scan of the list per turn.
    """
    step_no = {s.id: s.number for s in cat.steps}
    prereqs = {s.id: s.prerequisites for s in cat.skills}
    todo = sorted((g for g in gaps if g.hours > 0),
                  key=lambda g: (step_no[g.step], -g.priority, g.skill))
    position = {g.skill: i for i, g in enumerate(todo)}
    waiting = [0] * len(todo)  # prerequisites of each item not placed yet
    unlocks: list[list[int]] = [[] for _ in todo]  # the items each one is waited for by
    for i, g in enumerate(todo):
        for name in set(prereqs[g.skill]):
            j = position.get(name)
            if j is not None:
                waiting[i] += 1
                unlocks[j].append(i)
    ready = [i for i, n in enumerate(waiting) if n == 0]
    heapq.heapify(ready)
    done = [False] * len(todo)
    first_left = 0
    placed: list[Gap] = []
    while len(placed) < len(todo):
        if ready:
            pick = heapq.heappop(ready)
        else:
            while done[first_left]:
                first_left += 1
            pick = first_left
        done[pick] = True
        placed.append(todo[pick])
        for k in unlocks[pick]:
            waiting[k] -= 1
            if waiting[k] == 0 and not done[k]:
                heapq.heappush(ready, k)
    return placed


def pack(items: Sequence[StudyItem], hours_per_week: int, start: dt.date,
         ) -> tuple[Week, ...]:
    """Fill weeks in order with at most `hours_per_week`, splitting items across weeks."""
    weeks: list[Week] = []
    current: list[StudyItem] = []
    room = hours_per_week

    def close() -> None:
        nonlocal current, room
        weeks.append(Week(len(weeks) + 1, start + dt.timedelta(weeks=len(weeks)),
                            tuple(current)))
        current, room = [], hours_per_week

    for item in items:
        left = item.hours
        while left > 0:
            chunk = min(left, room)
            current.append(StudyItem(item.key, item.title, item.step, chunk,
                                       item.from_level, item.to_level))
            left -= chunk
            room -= chunk
            if room == 0:
                close()
    if current:
        close()
    return tuple(weeks)


def milestones(cat: m.Catalog, weeks: Sequence[Week]) -> tuple[Milestone, ...]:
    """One per step: the last week that holds any of the step's study."""
    last: dict[str, Week] = {}
    for week in weeks:
        for item in week.items:
            last[item.step] = week
    out = []
    for step in cat.steps:
        if step.id in last:
            week = last[step.id]
            out.append(Milestone(step.id, week.number, week.start + dt.timedelta(days=6)))
    return tuple(out)
