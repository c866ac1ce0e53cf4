"""What the plan recommends around the study: a certification and the salary outlook."""

from __future__ import annotations

from mlpath.catalogue import model as m
from mlpath.planning.levels import JOB_READY
from mlpath.planning.model import CertificationPick, Gap, SalaryFigure, SalaryOutlook

STATUS_RANK = {"active": 0, "unverified": 1, "retired": 2}
# A premium is shown when the plan specialises in it: this many of its skills at the
# job-ready target with at least this sector weight (our rule).
PREMIUM_SKILLS, PREMIUM_WEIGHT = 2, 1.3


# Professional and specialty exams expect years in the job (their providers say so): for a
# first ML job an associate-level exam comes first unless the person has EXPERIENCED
# years of relevant (software, data or ML) work.
LEVEL_RANK = {"foundational": 0, "associate": 0, "professional": 1, "specialty": 1}
EXPERIENCED = 3
CLOUD_OF_PROVIDER = {"aws": "aws", "amazon": "aws", "google": "gcp", "microsoft": "azure",
                     "azure": "azure"}


def cloud_of(cert: m.Certification) -> str | None:
    """The cloud an exam is about: its `cloud` field, else its provider's cloud."""
    named = getattr(cert, "cloud", None)
    if named:
        return str(named)
    words = cert.provider.lower().replace("(", " ").split()
    return next((CLOUD_OF_PROVIDER[w] for w in words if w in CLOUD_OF_PROVIDER), None)


def relevant_years(cat: m.Catalog, background: str | None, years: int) -> int:
    """Years that count for an exam's experience: a career changer's or student's count 0."""
    bg = next((b for b in cat.backgrounds if b.id == background), None)
    return years if bg is not None and bg.relevant_experience else 0


def pick_certifications(cat: m.Catalog, gaps: tuple[Gap, ...], *, years: int = 0,
                        cloud: str | None = None) -> tuple[CertificationPick, ...]:
    """Up to two, best fit first: the goal's cloud before others (any cloud when none is
    given), active before unverified, associate level before professional for someone
    with under EXPERIENCED relevant years, then how much of the goal's study it covers.
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
            (cloud_of(chosen) != cloud) + (cloud_of(chosen) not in (cloud, None))]
        level = LEVEL_RANK.get(chosen.level, 1) if years < EXPERIENCED else 0
        candidates.append(((place, STATUS_RANK[chosen.status], level, -fit, index),
                           chosen, successor_of))
    picks: list[CertificationPick] = []
    for _, chosen, successor_of in sorted(candidates, key=lambda c: c[0]):
        if any(p.certification == chosen.id for p in picks):
            continue
        covered = tuple(s for s in chosen.skills if s in importance)
        picks.append(CertificationPick(chosen.id, covered[:4], successor_of,
                                       level=chosen.level))
    return tuple(picks[:2])


def salary_outlook(cat: m.Catalog, region_id: str, gaps: tuple[Gap, ...],
                   newcomer: bool = False) -> SalaryOutlook:
    """The region's figures; a newcomer's lead with the entry end of what the sources give.
    Premiums only for the specialisations the plan takes to the job-ready level."""
    region = cat.region(region_id)
    figures: list[SalaryFigure] = []
    entry = next((b for b in region.by_experience if b.years_min == 0), None)
    overall = cat.salaries.overall
    if newcomer:
        if entry is not None:
            figures.append(SalaryFigure("band", entry.low, entry.high, region.currency,
                                        region.unit, entry.source, label=entry.label))
        elif overall.currency == region.currency:
            figures.append(SalaryFigure("entry", overall.low, overall.low, region.currency,
                                        region.unit, overall.source, open_ended=True))
    if region.range:
        r = region.range
        figures.append(SalaryFigure("region", r.low, r.high, region.currency, region.unit,
                                    r.source, open_ended=r.open_ended))
    for band in region.by_experience:
        if newcomer and band is entry:
            continue
        figures.append(SalaryFigure("band", band.low, band.high, region.currency, region.unit,
                                    band.source, label=band.label, open_ended=band.open_ended))
    if entry is not None:
        for growth in cat.salaries.growth:
            if growth.years == 0:
                continue
            factor = 1 + growth.increase_pct / 100
            figures.append(SalaryFigure(
                "projection", round(entry.low * factor, 1), round(entry.high * factor, 1),
                region.currency, region.unit, growth.source, label=growth.label,
                factor=factor))
    strong = {x.skill for x in gaps if x.target >= JOB_READY and x.weight >= PREMIUM_WEIGHT}
    premiums = tuple(p for p in cat.salaries.premiums
                     if len(strong.intersection(p.skills)) >= PREMIUM_SKILLS)
    return SalaryOutlook(region.id, tuple(figures), premiums)
