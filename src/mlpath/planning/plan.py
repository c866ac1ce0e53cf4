"""Assemble a Plan: gaps, ordered weeks, milestones, projects, certification, salary."""

from __future__ import annotations

import datetime as dt

from mlpath.catalogue import model as m
from mlpath.person.profile import Profile
from mlpath.planning import gaps as g
from mlpath.planning import schedule
from mlpath.planning.model import (
    CertificationPick,
    Gap,
    Plan,
    SalaryFigure,
    SalaryOutlook,
    StudyItem,
)

STATUS_RANK = {"active": 0, "unverified": 1, "retired": 2}


def build_plan(cat: m.Catalog, profile: Profile) -> Plan:
    sector = cat.sector(profile.sector)
    gaps = g.analyse(cat, sector, profile)
    steps, overall = g.readiness(cat, gaps)
    picks = pick_certifications(cat, sector, gaps)
    items = [StudyItem(x.skill, cat.skill(x.skill).name, x.step, x.hours, x.current, x.target)
             for x in schedule.order(cat, gaps)]
    if picks:  # certification prep is the roadmap's last step
        cert = cat.certification(picks[0].certification)
        items.append(StudyItem(f"cert:{cert.id}", cert.name, cat.steps[-1].id,
                               cert.prep_hours, 0, 0))
    weeks = schedule.pack(items, profile.hours_per_week, profile.start)
    total = sum(i.hours for i in items)
    fact = next((f for f in cat.facts if f.benchmark and f.value), None)
    return Plan(
        profile=profile, sector=sector.id, gaps=gaps, readiness=steps, overall_readiness=overall,
        weeks=weeks, milestones=schedule.milestones(cat, weeks),
        projects=pick_projects(sector, gaps), certifications=picks,
        salary=salary_outlook(cat, profile.region, gaps), total_hours=total,
        finish=(weeks[-1].start + dt.timedelta(days=6)) if weeks else profile.start,
        benchmark_months=(fact.value.min, fact.value.max) if fact and fact.value else None,
    )


def pick_projects(sector: m.Sector, gaps: tuple[Gap, ...], count: int = 2,
                  ) -> tuple[m.Project, ...]:
    """The sector's projects that practise the most needed skills (by priority)."""
    priority = {x.skill: x.importance * x.target for x in gaps}
    ranked = sorted(enumerate(sector.projects),
                    key=lambda ip: (-sum(priority.get(s, 0) for s in ip[1].skills), ip[0]))
    return tuple(p for _, p in ranked[:count])


def pick_certifications(cat: m.Catalog, sector: m.Sector, gaps: tuple[Gap, ...],
                        ) -> tuple[CertificationPick, ...]:
    """Up to two, best fit first: active before unverified; a retired one only as its successor."""
    importance = {x.skill: x.importance for x in gaps}
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
        candidates.append(((STATUS_RANK[chosen.status], -fit, index), chosen, successor_of))
    picks: list[CertificationPick] = []
    for _, chosen, successor_of in sorted(candidates, key=lambda c: c[0]):
        if any(p.certification == chosen.id for p in picks):
            continue
        covered = tuple(s for s in chosen.skills if importance.get(s, 0) > 1.0)
        picks.append(CertificationPick(chosen.id, covered[:4], successor_of))
    return tuple(picks[:2])


def salary_outlook(cat: m.Catalog, region_id: str, gaps: tuple[Gap, ...]) -> SalaryOutlook:
    region = cat.region(region_id)
    figures: list[SalaryFigure] = []
    if region.range:
        r = region.range
        figures.append(SalaryFigure("region", r.low, r.high, region.currency, region.unit,
                                    r.source, open_ended=r.open_ended))
    for band in region.by_experience:
        figures.append(SalaryFigure("band", band.low, band.high, region.currency, region.unit,
                                    band.source, label=band.label, open_ended=band.open_ended))
    entry = next((b for b in region.by_experience if b.years_min == 0), None)
    if entry is not None:
        for growth in cat.salaries.growth:
            if growth.years == 0:
                continue
            factor = 1 + growth.increase_pct / 100
            figures.append(SalaryFigure(
                "projection", round(entry.low * factor, 1), round(entry.high * factor, 1),
                region.currency, region.unit, growth.source, label=growth.label,
                factor=factor))
    targets = {x.skill for x in gaps if x.target >= g.JOB_READY}
    premiums = tuple(p for p in cat.salaries.premiums if targets.intersection(p.skills))
    return SalaryOutlook(region.id, tuple(figures), premiums)
