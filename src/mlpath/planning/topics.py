"""Which of a skill's topics a week of study covers.

A skill's topics, in study order, fill its 0→3 hours. Going from level a to level b
walks the stretch LEVEL_SHARE[a]..LEVEL_SHARE[b] of them; a week that holds h hours of
an item that is o hours in covers the matching slice. Beyond level 3 (share > 1) there
are no new topics: the week deepens what the topics taught.
"""

from __future__ import annotations

from mlpath.catalogue import model as m
from mlpath.planning.levels import LEVEL_SHARE
from mlpath.planning.model import StudyItem
from mlpath.planning.schedule import Chunker


def covered(skill: m.Skill, from_level: int, to_level: int, total: int, offset: int,
            hours: int) -> tuple[tuple[int, ...], bool]:
    """(topic indexes, deepens) for `hours` of an item of `total` hours, `offset` in."""
    length = sum(t.hours for t in skill.topics)
    if total <= 0 or hours <= 0:
        return (), False
    begin, end = LEVEL_SHARE[from_level] * length, LEVEL_SHARE[to_level] * length
    low = begin + (end - begin) * offset / total
    high = begin + (end - begin) * (offset + hours) / total
    found = []
    edge = 0.0
    for i, topic in enumerate(skill.topics):
        top = edge + topic.hours
        if min(high, top) - max(low, edge) > 1e-9:
            found.append(i)
        edge = top
    if not found and skill.topics and high <= length:  # a sliver: the topic it sits in
        found.append(next((i for i, t in enumerate(skill.topics)
                           if low < sum(x.hours for x in skill.topics[:i + 1])),
                          len(skill.topics) - 1))
    return tuple(found), high > length + 1e-9


def chunker(cat: m.Catalog) -> Chunker:
    """A `schedule.Chunker` that names the topics of each week of a skill."""

    def chunk(item: StudyItem, offset: int, hours: int) -> StudyItem:
        if item.kind != "skill":
            return item._replace(hours=hours)
        skill = cat.skill(item.key)
        found, deepen = covered(skill, item.from_level, item.to_level, item.hours, offset,
                                hours)
        return item._replace(hours=hours, topics=found, deepen=deepen)

    return chunk
