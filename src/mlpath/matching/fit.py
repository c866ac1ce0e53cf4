"""How far a person is from a posting: the share of its requirements they already meet at
the level it implies, the gaps, and the study hours to close them. Pure."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mlpath.catalogue import model as m
from mlpath.matching.extract import PostingMatch, SkillHit
from mlpath.planning.levels import JOB_READY, hours_between, inferred_levels

if TYPE_CHECKING:
    from mlpath.planning.model import JobTarget  # plan --posting only: match skips the model

JUNIOR = ("intern", "junior")  # postings at these levels ask for basic (2), others working (3)


@dataclass(frozen=True, slots=True)
class SkillGap:
    skill: str
    current: int
    needed: int
    hours: int
    required: bool


@dataclass(frozen=True, slots=True)
class Fit:
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


def _gap_of(cat: m.Catalog, match: PostingMatch, stated: Mapping[str, int],
            ) -> Callable[[SkillHit], SkillGap]:
    """Stated levels, with what they imply for unstated prerequisites (as `plan` does)."""
    levels = {**{k: v for k, (v, _) in inferred_levels(cat, stated).items()}, **stated}

    def gap(hit: SkillHit) -> SkillGap:
        need = needed_level(match, hit.required)
        have = levels.get(hit.skill, 0)
        return SkillGap(hit.skill, have, need, hours_between(cat.skill(hit.skill), have, need),
                        hit.required)
    return gap


def fit(cat: m.Catalog, match: PostingMatch, stated: Mapping[str, int]) -> Fit:
    gap = _gap_of(cat, match, stated)

    held = 0
    gaps: list[SkillGap] = []
    for options in requirements(match.skills):
        best = min((gap(h) for h in options), key=lambda g: g.hours)
        if best.hours == 0:
            held += 1
        else:
            gaps.append(best)
    units = len(requirements(match.skills))
    nice = [g for g in (gap(h) for h in match.skills if not h.required) if g.hours]
    return Fit(match, round(held / units, 2) if units else 1.0, tuple(gaps + nice),
               sum(g.hours for g in gaps))


def job_target(cat: m.Catalog, match: PostingMatch, stated: Mapping[str, int]) -> JobTarget:
    """What `plan --posting` aims at: every requirement at the level the posting implies,
    and the nice-to-haves. Of "A or B": one the person already holds, else a core skill
    (every plan has it anyway), else the one closest to them."""
    from mlpath.planning.model import JobTarget  # plan --posting only: match skips the model

    gap = _gap_of(cat, match, stated)
    required = {best.skill: best.needed for best in (
        min((gap(h) for h in options),
            key=lambda g: (g.hours > 0, cat.skill(g.skill).track != "core", g.hours))
        for options in requirements(match.skills))}
    nice = {h.skill: needed_level(match, False) for h in match.skills
            if not h.required and h.skill not in required}
    return JobTarget(match.title, match.name, required, nice, match.years, match.seniority)


def ranked(fits: Sequence[Fit]) -> list[Fit]:
    """Closest first: best fit, then fewest hours to close, then the file name."""
    return sorted(fits, key=lambda f: (-f.fit, f.hours_to_close, f.match.name))
