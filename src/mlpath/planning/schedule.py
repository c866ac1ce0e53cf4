"""Pack the study and the job search into dated weeks.

The main sequence (skills and projects, in order) fills each week but for what the
job-readiness tracks running beside it take: coding drills once data structures are
studied (from week 1 for someone who holds them; any task waits so for the skill it
practises, as design mock interviews do), the portfolio page from mid-plan, the CV in
the weeks just before applying, applications with interview preparation about OVERLAP
weeks before the study ends (once the CV is written). They run for at least APPLY_WEEKS
calendar weeks whatever the pace, overlapping the last study weeks; certification prep
(optional) only fills hours the other work leaves free in those weeks, so it never moves
the finish. After every `work_weeks` weeks of study
comes a review week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mlpath.catalogue import model as m
from mlpath.planning.model import Milestone, StudyItem, Week

WORK_WEEKS = 7  # weeks of study before each review week (one week in eight; estimate)
APPLY_WEEKS = 12  # applications run at least this many calendar weeks (estimate)
MID = 0.5  # share of the study done when portfolio and CV work starts
OVERLAP = 8  # applications start about this many weeks before the study ends (estimate)
PRE_APPLY = 4  # the CV is written in about this many weeks before applying (estimate)
# share of each week while study goes on, most urgent first (the CV before applying)
SHARE = {"pre-apply": 0.15, "drill": 0.1, "mid": 0.15, "apply": 0.15}
TRACKS = tuple(SHARE)
APPLY_SHARE = 0.25  # of each week for applications and networking (at least 2 h)
MAX_RESERVED = 0.5  # the tracks never take more than this share while study goes on

# (item, hours into the item, hours this week) → the item's chunk for this week
Chunker = Callable[[StudyItem, int, int], StudyItem]


@dataclass(frozen=True, slots=True)
class Track:
    """A job-readiness task beside the study: when it starts and what it waits for."""

    item: StudyItem
    # "drill" | "mid" | "pre-apply" | "apply" | "applications" (every week from the start
    # of applying)
    # | "optional" (certification prep: only hours left free)
    phase: str
    gate: str | None = None  # a skill whose study must be done first (the task's `after`)


class _Queue:
    """Items to take hours from, in order, remembering how far into each one we are."""

    def __init__(self, items: Sequence[StudyItem], chunk: Chunker) -> None:
        self.items = [i for i in items if i.hours > 0]
        self.chunk = chunk
        self.index = 0
        self.used = 0  # hours already taken from items[index]
        self.left = sum(i.hours for i in self.items)  # kept up to date: O(1) to read
        self.last = {i.key: n for n, i in enumerate(self.items)}

    def pending(self, key: str) -> bool:
        """Whether any of the item `key` is still to come."""
        return self.last.get(key, -1) >= self.index

    def take(self, hours: int, waits: Callable[[StudyItem], bool] = lambda _: False,
             ) -> list[StudyItem]:
        """Up to `hours` from the items in order; one that `waits` (not begun) goes after
        the others, and the queue stops when only waiting items are left."""
        out = []
        while hours > 0 and self.index < len(self.items):
            item = self.items[self.index]
            if waits(item):
                later = next((k for k in range(self.index + 1, len(self.items))
                              if not waits(self.items[k])), None)
                if later is None or self.used:
                    break
                self.items.append(self.items.pop(self.index))  # the main queue never waits
                continue
            n = min(hours, item.hours - self.used)
            out.append(self.chunk(item, self.used, n))
            hours -= n
            self.used += n
            self.left -= n
            if self.used == item.hours:
                self.index, self.used = self.index + 1, 0
        return out


def _plain(item: StudyItem, _offset: int, hours: int) -> StudyItem:
    return item._replace(hours=hours)


def review_interval(readiness: int) -> int:
    """Weeks of study between review weeks: WORK_WEEKS for a beginner, longer as more of
    the goal is already known (someone revising what they half know needs fewer)."""
    return round(WORK_WEEKS / max(0.25, 1 - readiness / 100))


def apply_hours(hours_per_week: int) -> int:
    return min(hours_per_week, max(2, round(hours_per_week * APPLY_SHARE)))


def pack(items: Sequence[StudyItem], hours_per_week: int, start: dt.date,
         tracks: Sequence[Track] = (), chunk: Chunker = _plain, *,
         apply_now: bool = False, work_weeks: int = WORK_WEEKS) -> tuple[Week, ...]:
    """Dated weeks of at most `hours_per_week`."""
    h = hours_per_week
    main = _Queue(items, chunk)
    total = main.left
    queues = {phase: _Queue([t.item for t in tracks if t.phase == phase], chunk)
              for phase in (*TRACKS, "optional")}
    gate_of = {t.item.key: t.gate for t in tracks if t.gate}

    def waits(item: StudyItem) -> bool:
        return main.pending(gate_of.get(item.key, ""))
    apps = next((t.item for t in tracks if t.phase == "applications"), None)
    applying: int | None = 0 if apply_now else None  # the week applications start
    weeks: list[Week] = []
    since_review = 0
    while True:
        done = 1.0 if total == 0 else 1 - main.left / total
        weekly = h - int(h * MAX_RESERVED) // 2  # about what the study gets near the end
        if applying is None and main.left <= OVERLAP * weekly and not queues["pre-apply"].left:
            applying = len(weeks)  # with the CV written
        on = {"drill": True, "mid": apply_now or done >= MID,
              "pre-apply": applying is not None or main.left <= (OVERLAP + PRE_APPLY) * weekly,
              "apply": applying is not None}
        in_apply = 0 if applying is None else len(weeks) - applying
        tracks_left = any(queues[p].left for p in TRACKS)
        if not main.left and not tracks_left and (applying is None or in_apply >= APPLY_WEEKS
                                                   or apps is None):
            break
        chunks: list[StudyItem] = []
        room = h
        if applying is not None and apps is not None:
            # while anything else is left it keeps room for it (no week without progress)
            n = min(apply_hours(h), int(h * MAX_RESERVED) if main.left else
                    h - 1 if tracks_left else h)
            if n > 0:
                chunks.append(apps._replace(hours=n))
                room -= n
        if main.left:
            cap = max(0, int(h * MAX_RESERVED) - (h - room))
            for phase in TRACKS:
                if on[phase] and queues[phase].left and cap > 0:
                    n = min(cap, max(1, round(h * SHARE[phase])))
                    taken = queues[phase].take(n, waits)
                    chunks += taken
                    cap -= sum(c.hours for c in taken)
                    room -= sum(c.hours for c in taken)
            if work_weeks and since_review == work_weeks:
                since_review = 0
                chunks.insert(0, StudyItem(f"review:{len(weeks) + 1}", "", "", room, 0, 0,
                                           kind="review"))
            else:
                chunks[:0] = main.take(room)
                since_review += 1
        else:  # the study is done: every track is on (interviews once applying), exam last
            for phase in (*TRACKS, "optional"):
                if room > 0 and (phase != "apply" or applying is not None):
                    taken = queues[phase].take(room)
                    chunks += taken
                    room -= sum(c.hours for c in taken)
        weeks.append(Week(len(weeks) + 1, start + dt.timedelta(weeks=len(weeks)),
                          tuple(chunks)))
    if queues["optional"].left:  # it did not fit beside the job search: not scheduled
        weeks = [w._replace(items=tuple(i for i in w.items if i.key not in
                                        {t.key for t in queues["optional"].items}))
                 for w in weeks]
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
