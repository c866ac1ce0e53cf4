"""How far a person is from a posting: the share of its requirements they already meet at
the level it implies, the gaps, and the study hours to close them. Pure."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

from mlpath.catalogue import model as m
from mlpath.matching.extract import PostingMatch, SkillHit
from mlpath.planning.levels import JOB_READY, current_levels, hours_between

if TYPE_CHECKING:
    from mlpath.planning.model import JobTarget

JUNIOR = ("intern", "junior")  # postings at these levels ask for basic (2), others working (3)


class SkillGap(NamedTuple):
    skill: str
    current: int
    needed: int
    hours: int
    required: bool


class Fit(NamedTuple):
    match: PostingMatch
    fit: float  # 0-1: share of the required skills (alternatives count once) already held
    gaps: tuple[SkillGap, ...]  # required first, then nice-to-have
    hours_to_close: int  # study hours for the required gaps


def needed_level(match: PostingMatch, required: bool) -> int:
    level = 2 if match.seniority in JUNIOR else JOB_READY
    return level if required else min(level, 2)


def requirements(hits: Sequence[SkillHit]) -> list[list[SkillHit]]:
    """The required hits as requirements: alternatives ("PyTorch or TensorFlow") are one."""
    groups: dict[int, list[SkillHit]] = {}
    out: list[list[SkillHit]] = []
    for hit in hits:
        if not hit.required:
            continue
        if hit.group is None:
            out.append([hit])
        elif hit.group in groups:
            groups[hit.group].append(hit)
        else:
            groups[hit.group] = [hit]
            out.append(groups[hit.group])
    return out


def _gap_of(cat: m.Catalog, match: PostingMatch, stated: Mapping[str, int], years: int,
            ) -> Callable[[SkillHit], SkillGap]:
    """The person's levels exactly as `plan` reads them (stated, implied, from work)."""
    levels = {k: v for k, (v, _) in current_levels(cat, stated, years).items()}

    def gap(hit: SkillHit) -> SkillGap:
        need = max(needed_level(match, hit.required), hit.level or 0)  # "expert in X": 4
        have = levels.get(hit.skill, 0)
        return SkillGap(hit.skill, have, need, hours_between(cat.skill(hit.skill), have, need),
                        hit.required)
    return gap


def best_option(cat: m.Catalog, options: Sequence[SkillGap]) -> SkillGap:
    """Of "A or B", the one rule `match` and `plan --posting` share: one already held,
    else a core skill (the one most plans teach), else the fewest hours to close."""
    return min(options, key=lambda g: (g.hours > 0, cat.skill(g.skill).track != "core",
                                       g.hours))


def fit(cat: m.Catalog, match: PostingMatch, stated: Mapping[str, int],
        years: int = 0) -> Fit:
    gap = _gap_of(cat, match, stated, years)

    held = 0
    gaps: list[SkillGap] = []
    for options in requirements(match.skills):
        best = best_option(cat, [gap(h) for h in options])
        if best.hours == 0:
            held += 1
        else:
            gaps.append(best)
    units = len(requirements(match.skills))
    nice = [g for g in (gap(h) for h in match.skills if not h.required) if g.hours]
    return Fit(match, round(held / units, 2) if units else 1.0, tuple(gaps + nice),
               sum(g.hours for g in gaps))


CLOUD_WORDS = {"aws": "aws", "sagemaker": "aws", "amazon web services": "aws",
               "gcp": "gcp", "google cloud": "gcp", "vertex ai": "gcp", "bigquery": "gcp",
               "azure": "azure"}


def posting_cloud(match: PostingMatch) -> str | None:
    """The cloud a posting names most often in the lines it was read from, if any."""
    text = " ".join([h.evidence for h in match.skills] + list(match.unknown)).lower()
    counts: dict[str, int] = {}
    for word, cloud in CLOUD_WORDS.items():
        counts[cloud] = counts.get(cloud, 0) + text.count(word)
    best = max(sorted(counts), key=lambda c: counts[c])
    return best if counts[best] else None


def job_target(cat: m.Catalog, match: PostingMatch, stated: Mapping[str, int],
               years: int = 0) -> JobTarget:
    """What `plan --posting` aims at: every requirement at the level the posting implies
    (the option `match` picks of each "A or B"), and the nice-to-haves."""
    from mlpath.planning.model import JobTarget  # plan --posting only, not match

    gap = _gap_of(cat, match, stated, years)
    required = {best.skill: best.needed for best in (
        best_option(cat, [gap(h) for h in options])
        for options in requirements(match.skills))}
    nice = {h.skill: needed_level(match, False) for h in match.skills
            if not h.required and h.skill not in required}
    return JobTarget(match.title, match.name, required, nice, match.years, match.seniority,
                     cloud=posting_cloud(match), location=match.location, salary=match.salary)


def ranked(fits: Sequence[Fit]) -> list[Fit]:
    """Closest first: best fit, then fewest hours to close, then the file name."""
    return sorted(fits, key=lambda f: (-f.fit, f.hours_to_close, f.match.name))
