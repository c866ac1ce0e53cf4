"""Plan (and catalogue entries) → JSON with stable keys: the contract scripts rely on."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from mlpath.catalogue import model as m
from mlpath.formats import words

if TYPE_CHECKING:  # the catalogue commands' --json uses as_plain without the planner
    from mlpath.planning.model import Plan

SUFFIXES = (".json",)

def as_plain(value: Any) -> Any:
    """A tree of records as plain JSON-ready data (dates as ISO text); derived fields
    (not set by __init__, such as the catalogue's look-up tables) are left out."""
    fields = m.fields_of(value)
    if fields is not None:
        return {name: as_plain(getattr(value, name)) for name in fields}
    if isinstance(value, (list, tuple)):
        return [as_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: as_plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value

def dumps(value: Any) -> str:
    return json.dumps(as_plain(value), indent=2, ensure_ascii=False) + "\n"

def plan_dict(plan: Plan, cat: m.Catalog) -> dict[str, Any]:
    # not for the catalogue commands' --json
    from mlpath.formats.plan_words import certification_reason, for_goal, salary_place_note
    from mlpath.person.profile import to_dict

    sector = cat.sector(plan.sector)
    plan = for_goal(cat, plan)
    return {
        "profile": to_dict(plan.profile),
        "sector": {"id": sector.id, "name": sector.name},
        "gaps": [{**as_plain(g), "why": words.gap_reason(cat, sector, g, plan.profile.role),
                  "gap": g.gap,
                  "priority": g.priority} for g in plan.gaps],
        "readiness": {"overall": plan.overall_readiness,
                      "steps": {r.step: r.percent for r in plan.readiness}},
        "weeks": [{"number": w.number, "start": w.start.isoformat(), "hours": w.hours,
                   "items": [_item(cat, i) for i in w.items]}
                  for w in plan.weeks],
        "milestones": [{**as_plain(ms), "text": words.milestone_text(cat, ms.step)}
                       for ms in plan.milestones],
        "projects": [{**as_plain(s.project), "hours": s.hours, "estimate_hours": s.project.hours,
                      "factor": plan.project_factor,
                      "weeks": {"first": s.first_week, "last": s.last_week},
                      "sector_project": s.sector} for s in plan.scheduled],
        "certifications": [{"certification": p.certification,
                            "reason": certification_reason(cat, p, plan),
                            "successor_of": p.successor_of, "level": p.level,
                            "optional": p.optional, "cloud_from": p.cloud_from,
                            "scheduled": words.exam_scheduled(plan, p.certification),
                            **_cert(cat, p.certification)}
                           for p in plan.certifications],
        "salary_outlook": {
            "region": plan.salary.region,
            "figures": [{"label": words.salary_label(f), "low": f.low, "high": f.high,
                         "currency": f.currency, "unit": f.unit, "source": f.source,
                         "open_ended": f.open_ended, "projection": f.kind == "projection"}
                        for f in plan.salary.figures],
            "premiums": as_plain(plan.salary.premiums),
            "note": words.SALARY_NOTE, "place": salary_place_note(cat, plan)},
        "total_hours": plan.total_hours,
        "total_weeks": plan.total_weeks,
        "finish": plan.finish.isoformat(),
        "later": list(plan.later),
        "apply_now": plan.apply_now,
        "apply_week": plan.apply_week, "cloud": plan.cloud,
        # only for `plan --posting`: other plans keep the keys scripts already read
        **({} if plan.job is None else {"posting": {
            "file": plan.job.file, "title": plan.job.title, "years": plan.job.years,
            "seniority": plan.job.seniority, "location": plan.job.location,
            "salary": plan.job.salary, "required": dict(plan.job.required),
            "nice": dict(plan.job.nice)}}),
    }

def _item(cat: m.Catalog, item: Any) -> dict[str, Any]:
    """One week's item: kind, key, title, hours (+ step and levels); a skill adds the
    topic(s) studied that week and the resources to use."""

    out = {"kind": item.kind, "key": item.key, "title": words.item_title(item),
           "hours": item.hours, "step": item.step or None, "from_level": item.from_level,
           "to_level": item.to_level}
    if item.kind == "skill":
        out["topic"] = words.topic_text(cat, item)
    out["resources"] = [{"title": r.title, "url": r.url, "kind": r.kind}
                        for r in words.item_resources(cat, item)]
    out["done_when"] = words.item_done_when(cat, item)
    return out

def _cert(cat: m.Catalog, cert_id: str) -> dict[str, Any]:
    c = cat.certification(cert_id)
    return {"name": c.name, "provider": c.provider, "status": c.status, "as_of": c.as_of,
            "prep_hours": c.prep_hours}

def render(plan: Plan, cat: m.Catalog) -> str:
    """One line, for programs (`| jq .` shows it indented): a plan holds thousands of
    values, and indenting them runs json's pure-Python encoder (~1.5x of start-up)."""
    return json.dumps(plan_dict(plan, cat), ensure_ascii=False, separators=(",", ":")) + "\n"
