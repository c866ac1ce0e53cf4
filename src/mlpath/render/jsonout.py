"""Plan → JSON with stable top-level keys (the contract scripts rely on)."""

from __future__ import annotations

import json
from typing import Any

from mlpath import model as m
from mlpath.data import as_plain


def plan_dict(plan: m.Plan, cat: m.Catalog) -> dict[str, Any]:
    sector = next(s for s in cat.sectors if s.id == plan.sector)
    return {
        "profile": as_plain(plan.profile),
        "sector": {"id": sector.id, "name": sector.name},
        "gaps": [{**as_plain(g), "gap": g.gap, "priority": g.priority} for g in plan.gaps],
        "readiness": {"overall": plan.overall_readiness,
                      "steps": {r.step: r.percent for r in plan.readiness}},
        "weeks": [{"number": w.number, "start": w.start.isoformat(), "hours": w.hours,
                   "items": as_plain(w.items)} for w in plan.weeks],
        "milestones": as_plain(plan.milestones),
        "projects": as_plain(plan.projects),
        "certifications": [{**as_plain(p), **_cert(cat, p.certification)}
                           for p in plan.certifications],
        "salary_outlook": as_plain(plan.salary),
        "total_hours": plan.total_hours,
        "total_weeks": plan.total_weeks,
        "finish": plan.finish.isoformat(),
    }


def _cert(cat: m.Catalog, cert_id: str) -> dict[str, Any]:
    c = cat.certification(cert_id)
    return {"name": c.name, "provider": c.provider, "status": c.status, "as_of": c.as_of,
            "prep_hours": c.prep_hours}


def plan_json(plan: m.Plan, cat: m.Catalog) -> str:
    return json.dumps(plan_dict(plan, cat), indent=2, ensure_ascii=False) + "\n"
