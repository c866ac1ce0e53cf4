"""The checklist's closing sections: projects, certification, salary outlook, sources."""

from __future__ import annotations

import datetime as dt
import re

from mlpath.catalogue import model as m
from mlpath.formats.markdown.text import Sources, cell, inline, link, table
from mlpath.formats.plan_words import (
    certification_reason,
    factor_text,
    projects_text,
    salary_place_note,
)
from mlpath.formats.words import (
    SALARY_NOTE,
    money_range,
    salary_label,
)
from mlpath.planning.facts import step_dates
from mlpath.planning.model import Plan


def sector_use(sector: m.Sector) -> str:
    return f"{sector.name}: the reasons in the gap table and the project use cases"


def projects(plan: Plan, cat: m.Catalog, sector: m.Sector, src: Sources) -> str:
    if not plan.scheduled:
        return ""
    lines = []
    for s in plan.scheduled:
        p = s.project
        if s.sector:
            src.cite(sector.source, sector_use(sector))
        src.cite(m.ESTIMATE, "project build hours")
        skills = ", ".join(f"{inline(cat.skill(x).name)} (`{x}`)" for x in p.skills)
        weeks = f"week {s.first_week}" if s.first_week == s.last_week else (
            f"weeks {s.first_week}–{s.last_week}")
        tags = f" Shows: {', '.join(p.tags)}." if p.tags else ""
        lines.append(f"- **{inline(p.title)}** · {s.hours} h · {weeks}: {inline(p.summary)}  \n"
                     f"  Use case: {inline(p.use_case)}. "
                     f"Data: {link(p.dataset.name, p.dataset.url)}."
                     f" Practises: {skills}.{tags}  \n"
                     f"  Done when: {inline(p.done_when)}")
    factor = factor_text(plan)
    return (f"## Portfolio projects\n\n{inline(projects_text(cat, plan))}"
            f"{' ' + factor if factor else ''}\n\n" + "\n".join(lines))


def certifications(plan: Plan, cat: m.Catalog, src: Sources) -> str:
    if not plan.certifications:
        return ""
    rows = []
    for pick in plan.certifications:
        c = cat.certification(pick.certification)
        if c.source == m.ESTIMATE:
            src.cite(c.source, f"recommending {c.name}, which the articles do not list")
        else:
            src.cite(c.source, "the certification list")
        src.cite(c.prep_hours_source, "certification prep hours")
        status = f"{c.status} (as of {c.as_of})"
        name = link(c.name, c.url) + (f" ({c.code})" if c.code else "")  # the exam's page
        why = cell(certification_reason(cat, pick, plan)) + "."
        if c.note:
            why += " " + cell(c.note)
        rows.append([name, cell(c.provider), status, f"~{c.prep_hours} h", why])
    return "## Certification\n\n" + table(
        ["certification", "provider", "status", "prep", "why"], rows, "lllrl")


def salary(plan: Plan, cat: m.Catalog, sector: m.Sector, src: Sources) -> str:
    region = cat.region(plan.salary.region)
    rows = []
    for f in plan.salary.figures:
        label = src.cite(f.source, f"salaries ({region.name})")
        if f.kind == "projection":
            src.cite(m.ESTIMATE, "salary projections (entry range × the growth the source gives)")
            label = f"our projection from {label}"
        rows.append([cell(salary_label(f)), money_range(f.low, f.high, f.currency, f.unit,
                                                f.open_ended), label])
    for p in plan.salary.premiums:
        rows.append([f"premium: {cell(p.name)}", f"+{p.low_pct:g}–{p.high_pct:g}%",
                     src.cite(p.source, "salary premiums")])
    out = f"## Salary outlook\n\n{inline(region.name)}."
    place = salary_place_note(cat, plan)
    if place:
        out += f" {inline(place)}"
    if rows:
        out += "\n\n" + table(["", "range", "source"], rows, "lrl")
    facts = []
    for what, rating in (("hiring demand", sector.hiring_demand),
                         ("salary potential", sector.salary_potential)):
        if rating is not None:
            label = src.cite(rating.source, f"{sector.name}: {what}")
            facts.append(f"{what} {rating.level.replace('-', ' ')} ({label})")
    if facts:
        out += f"\n\n{inline(sector.name)}: " + "; ".join(facts) + "."
    return out + f"\n\n{SALARY_NOTE}"


def sources(cat: m.Catalog, src: Sources) -> str:
    lines = []
    for s in cat.sources:
        if s.id not in src.uses:
            continue
        bits = [f"*{link(s.title, s.url) if s.url else inline(s.title)}*"]
        if s.publisher:
            bits.append(inline(s.publisher))
        if s.date:
            bits.append(s.date)
        text = f"- `{s.id}`: " + ", ".join(bits) + "."
        if s.note:
            text += f" {inline(s.note)}"
        lines.append(text + f"  \n  Behind: {inline('; '.join(src.uses[s.id]))}.")
    out = ("## Sources\n\nEvery figure names the article it comes from by id; mlpath's own "
           "numbers say *our estimate*.\n\n" + "\n".join(lines))
    estimates = src.uses.get(m.ESTIMATE)
    if estimates:
        out += ("\n\nOur estimates and picks (not from the articles): "
                f"{inline('; '.join(estimates))}.")
    return out


def timeline(plan: Plan, cat: m.Catalog, sector: m.Sector) -> str:
    if not plan.weeks:
        return ""
    dates = step_dates(plan)
    lines = ["```mermaid", "gantt",
             f"    title {mermaid_text(sector.name)}: study plan by step",
             "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m",
             f"    %% each bar ends on the {DAYS[plan.profile.start.weekday()]} after its last "
             "week (end dates are exclusive)",
             "    section Steps"]
    for step in cat.steps:
        if step.id not in dates:
            continue
        begin, last_day = dates[step.id]
        end = last_day + dt.timedelta(days=1)
        lines.append(f"    {step.number} {mermaid_text(step.name)} :s{step.number}, "
                     f"{begin.isoformat()}, {end.isoformat()}")
    lines.append("```")
    return "## Timeline\n\n" + "\n".join(lines)


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def mermaid_text(text: str) -> str:
    return re.sub(r"[:;#\n]", " ", text).strip()
