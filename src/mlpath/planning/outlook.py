"""What the plan recommends around the study: a certification and the salary outlook."""

from __future__ import annotations

from mlpath.catalogue import model as m
from mlpath.planning.levels import JOB_READY
from mlpath.planning.model import CertificationPick, Gap, SalaryFigure, SalaryOutlook

STATUS_RANK = {"active": 0, "unverified": 1, "retired": 2}
# A premium is shown only when the plan's goal is that specialism: the goal role is one of
# the premium's roles and the plan takes this many of its skills to job-ready (our rule).
PREMIUM_SKILLS = 2


# Professional and specialty exams expect years in the job (their providers say so): for a
# first ML job an associate-level exam comes first unless the person has EXPERIENCED
# years of relevant (software, data or ML) work.
LEVEL_RANK = {"foundational": 0, "associate": 0, "professional": 1, "specialty": 1}
EXPERIENCED = 3
def relevant_years(cat: m.Catalog, background: str | None, years: int) -> int:
    """Years that count for an exam's experience: a career changer's or student's count 0."""
    bg = next((b for b in cat.backgrounds if b.id == background), None)
    return years if bg is not None and bg.relevant_experience else 0


def pick_certifications(cat: m.Catalog, gaps: tuple[Gap, ...], *, years: int = 0,
                        cloud: str | None = None, cloud_from: str = "chosen",
                        ) -> tuple[CertificationPick, ...]:
    """Up to two, best fit first: the goal's cloud before others (any cloud when none is
    given) and associate level before professional for someone with under EXPERIENCED
    relevant years (the level first when the cloud is only the one studied: `cloud_from`),
    active before unverified, then how much of the goal's study it covers.
    A retired exam only as its successor. Always optional."""
    importance = {x.skill: x.importance * x.target for x in gaps}
    candidates = []
    for index, listed in enumerate(cat.certifications):
        chosen, successor_of = listed, None
        if listed.status == "retired":
            if listed.successor is None:
                continue
            chosen, successor_of = cat.certification(listed.successor), listed.id
            if chosen.status == "retired":
                continue
        fit = sum(importance.get(s, 0) for s in chosen.skills)
        if fit == 0:
            continue
        # the goal's cloud first, then exams of no cloud, then other clouds
        place = 0 if cloud is None else (0, 1, 2)[
            (chosen.cloud != cloud) + (chosen.cloud not in (cloud, None))]
        level = LEVEL_RANK.get(chosen.level, 1) if years < EXPERIENCED else 0
        # a cloud the person or the posting named comes first; the studied cloud only
        # after the level (a first ML job: an entry exam on another cloud first)
        first = (place, level) if cloud_from != "studied" else (level, place)
        candidates.append(((*first, STATUS_RANK[chosen.status], -fit, index),
                           chosen, successor_of))
    picks: list[CertificationPick] = []
    for _, chosen, successor_of in sorted(candidates, key=lambda c: c[0]):
        if any(p.certification == chosen.id for p in picks):
            continue
        covered = tuple(s for s in chosen.skills if s in importance)
        picks.append(CertificationPick(chosen.id, covered[:4], successor_of,
                                       level=chosen.level, cloud_from=cloud_from if (
                                           cloud and chosen.cloud == cloud) else None))
    return tuple(picks[:2])


def salary_outlook(cat: m.Catalog, region_id: str, gaps: tuple[Gap, ...],
                   newcomer: bool = False, role: str = "ml-engineer") -> SalaryOutlook:
    """The region's figures, each labelled as its source labels it; a newcomer's lead with
    an entry band where a source gives one. The overall range only in its own currency.
    Premiums only when the goal `role` is that specialism."""
    region = cat.region(region_id)
    figures: list[SalaryFigure] = []
    entry = next((b for b in region.by_experience if b.years_min == 0), None)

    def band(b: m.ExperienceBand) -> SalaryFigure:
        return SalaryFigure("band", b.low, b.high, region.currency, region.unit, b.source,
                            label=b.label, open_ended=b.open_ended)

    if newcomer and entry is not None:
        figures.append(band(entry))
    if region.range:
        r = region.range
        figures.append(SalaryFigure("region", r.low, r.high, region.currency, region.unit,
                                    r.source, label=r.label, open_ended=r.open_ended))
    figures += [band(b) for b in region.by_experience if not (newcomer and b is entry)]
    if entry is not None:
        for growth in cat.salaries.growth:
            if growth.years == 0 or growth.source != entry.source:
                continue  # project only within one article's figures
            factor = 1 + growth.increase_pct / 100
            figures.append(SalaryFigure(
                "projection", round(entry.low * factor, 1), round(entry.high * factor, 1),
                region.currency, region.unit, growth.source, label=growth.label,
                factor=factor))
    overall = cat.salaries.overall
    if overall.currency == region.currency:
        figures.append(SalaryFigure("overall", overall.low, overall.high, region.currency,
                                    region.unit, overall.source, label=overall.label,
                                    open_ended=overall.open_ended))
    ready = {x.skill for x in gaps if x.target >= JOB_READY}
    premiums = tuple(p for p in cat.salaries.premiums
                     if role in p.roles and len(ready.intersection(p.skills)) >= PREMIUM_SKILLS)
    return SalaryOutlook(region.id, tuple(figures), premiums)
