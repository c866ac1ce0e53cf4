"""Order the study items (prerequisites first) and pack them into dated weeks.

Packing: the main sequence (skills with projects interleaved, then certification prep)
fills the weeks in order; the job-readiness tasks overlap the last weeks, taking a share
of each of them (`JOB_SHARE`); after every `WORK_WEEKS` weeks of work comes a review week
of the full hours. Every week but the last is full.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from mlpath.catalogue import model as m
from mlpath.planning.model import Gap, Milestone, StudyItem, Week

JOB_SHARE = 0.4  # share of each of the last weeks' hours for interview prep and applications
WORK_WEEKS = 7  # weeks of work before each review week (one week in eight; estimate)

# (item, hours into the item, hours this week) → the item's chunk for this week
Chunker = Callable[[StudyItem, int, int], StudyItem]


def order(cat: m.Catalog, gaps: Sequence[Gap]) -> list[Gap]:
    """Skills with a gap, by step, then the catalogue's own order (the curriculum order);
    a skill never before its prerequisites.

    Greedy topological sort: at each turn take the first skill (in that order) whose
    prerequisites still in the plan have all been placed (if none is, which only a
    prerequisite cycle could cause, the first one left). Kept as a heap of ready
    positions, so it is O(n log n) rather than a scan of the list per turn.
    """
    step_no = {s.id: s.number for s in cat.steps}
    prereqs = {s.id: s.prerequisites for s in cat.skills}
    index = {s.id: i for i, s in enumerate(cat.skills)}
    todo = sorted((g for g in gaps if g.hours > 0),
                  key=lambda g: (step_no[g.step], index[g.skill]))
    position = {g.skill: i for i, g in enumerate(todo)}
    waiting = [0] * len(todo)  # prerequisites of each item not placed yet
    unlocks: list[list[int]] = [[] for _ in todo]  # the items each one is waited for by
    for i, g in enumerate(todo):
        for name in sorted(set(prereqs[g.skill])):
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


class _Queue:
    """Items to take hours from, in order, remembering how far into each one we are."""

    def __init__(self, items: Sequence[StudyItem], chunk: Chunker) -> None:
        self.items = [i for i in items if i.hours > 0]
        self.chunk = chunk
        self.index = 0
        self.used = 0  # hours already taken from items[index]
        self.left = sum(i.hours for i in self.items)  # kept as hours are taken: pack asks
        # every week, and summing the rest each time made planning quadratic in its length

    def take(self, hours: int) -> list[StudyItem]:
        out = []
        while hours > 0 and self.index < len(self.items):
            item = self.items[self.index]
            n = min(hours, item.hours - self.used)
            out.append(self.chunk(item, self.used, n))
            hours -= n
            self.used += n
            self.left -= n
            if self.used == item.hours:
                self.index, self.used = self.index + 1, 0
        return out


def _plain(item: StudyItem, _offset: int, hours: int) -> StudyItem:
    return replace(item, hours=hours)


def pack(items: Sequence[StudyItem], hours_per_week: int, start: dt.date,
         tasks: Sequence[StudyItem] = (), chunk: Chunker = _plain, *,
         job_share: float = JOB_SHARE, work_weeks: int = WORK_WEEKS) -> tuple[Week, ...]:
    """Dated weeks of at most `hours_per_week`: `items` in order, `tasks` overlapping the
    last weeks, a review week after every `work_weeks` weeks while work is left."""
    main, jobs = _Queue(items, chunk), _Queue(tasks, chunk)
    share = min(hours_per_week, max(1, round(hours_per_week * job_share)))
    total = math.ceil((main.left + jobs.left) / hours_per_week)  # work weeks in all
    window = max(0, total - math.ceil(jobs.left / share))  # work weeks before the tasks
    weeks: list[Week] = []
    worked = since_review = 0
    while main.left or jobs.left:
        when = start + dt.timedelta(weeks=len(weeks))
        if work_weeks and since_review == work_weeks:
            since_review = 0
            weeks.append(Week(len(weeks) + 1, when, (StudyItem(
                f"review:{len(weeks) + 1}", "", "", hours_per_week, 0, 0, kind="review"),)))
            continue
        task_room = 0 if worked < window else min(jobs.left,
                                                  share if main.left else hours_per_week)
        chunk_main = main.take(hours_per_week - task_room)
        room = hours_per_week - sum(i.hours for i in chunk_main)
        weeks.append(Week(len(weeks) + 1, when, tuple(chunk_main + jobs.take(room))))
        worked += 1
        since_review += 1
    return tuple(weeks)


def milestones(cat: m.Catalog, weeks: Sequence[Week]) -> tuple[Milestone, ...]:
    """One per step: the last week that holds any of the step's study."""
    last: dict[str, Week] = {}
    for week in weeks:
        for item in week.items:
            if item.step:
                last[item.step] = week
    out = []
    for step in cat.steps:
        if step.id in last:
            week = last[step.id]
            out.append(Milestone(step.id, week.number, week.start + dt.timedelta(days=6)))
    return tuple(out)
