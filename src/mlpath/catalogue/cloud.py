"""The catalogue as seen by someone who works on one cloud.

A skill taught on one cloud's documentation (cloud-ml: SageMaker first) that also lists
another cloud's own documentation (`resources[].cloud`) is studied on the person's cloud:
the topics on the first cloud use the chosen cloud's documentation, and the topic on the
chosen cloud becomes the same workflow on the first one. Hours do not change, so a plan
made with either catalogue has the same weeks.
"""

from __future__ import annotations

from dataclasses import replace

from mlpath.catalogue import model as m


def studied_cloud(cat: m.Catalog) -> str | None:
    """The cloud a multi-cloud skill is taught on first (cloud-ml: AWS, SageMaker first)."""
    for skill in cat.skills:
        by_id = {r.id: r for r in skill.resources}
        clouds = {r.cloud for r in skill.resources if r.cloud}
        first = by_id.get(skill.topics[0].resource) if skill.topics else None
        if len(clouds) > 1 and first is not None and first.cloud:
            return first.cloud
    return None


def for_cloud(cat: m.Catalog, cloud: str | None) -> m.Catalog:
    """`cat` with every multi-cloud skill taught on `cloud` (unchanged for None)."""
    if cloud is None:
        return cat
    skills = tuple(_skill(s, cloud) for s in cat.skills)
    return cat if skills == cat.skills else replace(cat, skills=skills)


def _skill(skill: m.Skill, cloud: str) -> m.Skill:
    by_id = {r.id: r for r in skill.resources}
    home = next((r for r in skill.resources if r.cloud == cloud and r.kind == "docs"), None)
    first = by_id.get(skill.topics[0].resource) if skill.topics else None
    if home is None or first is None or first.cloud in (None, cloud):
        return skill
    topics = []
    for topic in skill.topics:
        on = by_id[topic.resource].cloud if topic.resource in by_id else None
        if on == first.cloud:
            topic = topic._replace(resource=home.id, section=None)
        elif on == cloud:
            topic = topic._replace(name=f"The same workflow on {m.CLOUD_NAMES[first.cloud or '']}",
                                   resource=first.id, section=None)
        topics.append(topic)
    return skill._replace(topics=tuple(topics))
