"""The catalogue commands' tables, readable in 80 columns."""

from __future__ import annotations

from urllib.parse import urlsplit

from rich.console import Group, RenderableType
from rich.text import Text

from mlpath.catalogue import model as m
from mlpath.formats.tables import fitted
from mlpath.formats.tables import table as _table
from mlpath.formats.words import SALARY_NOTE, bar, demand, money_range, source_label


def roadmap(cat: m.Catalog) -> RenderableType:
    parts: list[RenderableType] = []
    for step in cat.steps:
        parts.append(Text(f"Step {step.number} · {step.name}", style="bold cyan"))
        parts.append(Text(f"  {step.goal}", style="dim"))
        skills = cat.skills_in(step.id)
        if skills:
            t = _table()
            t.add_column("skill", style="bold", no_wrap=True)
            t.add_column("demand", no_wrap=True)
            t.add_column("hours*", justify="right", no_wrap=True)
            t.add_column("what it is")
            for s in skills:
                t.add_row(s.id, demand(s.demand), str(s.hours), s.summary)
            parts.append(fitted(t))
        elif any(i.certification for i in step.items):
            # every exam, in the order and naming of `mlpath certs` (current ones first)
            parts.append(Text("  " + " · ".join(_cert_label(c)
                                                for c in cat.certifications_by_status())))
            parts.append(Text(""))
        else:
            parts.append(Text("  " + " · ".join(i.label for i in step.items)))
            parts.append(Text(""))
    sources = dict.fromkeys(step.source for step in cat.steps)
    titles = [found.title if (found := cat.source(s)) else s for s in sources]
    parts.append(Text("* hours from level 0 to 3 (working): our estimate. Steps and demand: "
                      + "; ".join(titles) + ".", style="dim"))
    return Group(*parts)


def cert_name(c: m.Certification) -> str:
    return f"{c.name} ({c.code})" if c.code else c.name


def _cert_label(cert: m.Certification) -> str:
    """A certification; says when it is retired or its status unconfirmed."""
    if cert.status == "retired":
        when = f" {cert.retired_on}" if cert.retired_on else ""
        return f"{cert_name(cert)} (retired{when})"
    return f"{cert_name(cert)} (unverified)" if cert.status == "unverified" else cert_name(cert)


def skills(cat: m.Catalog, chosen: list[m.Skill], weights: dict[str, float] | None = None,
           ) -> RenderableType:
    t = _table(f"{len(chosen)} skills")
    t.add_column("step", justify="right", no_wrap=True)
    t.add_column("skill", style="bold", no_wrap=True)
    t.add_column("demand", no_wrap=True)
    if weights is not None:
        t.add_column("weight", justify="right", no_wrap=True)
    t.add_column("hours*", justify="right", no_wrap=True)
    t.add_column("needs")
    numbers = {s.id: s.number for s in cat.steps}
    for s in chosen:
        row = [str(numbers[s.step]), s.id, demand(s.demand)]
        if weights is not None:
            row.append(f"{weights.get(s.id, 1.0):.1f}")
        row += [str(s.hours), ", ".join(s.prerequisites) or "—"]
        t.add_row(*row)
    note = Text("* hours from level 0 to 3 (working): our estimate.", style="dim")
    return Group(fitted(t), note)


def sectors(cat: m.Catalog) -> RenderableType:
    t = _table(f"{len(cat.sectors)} sectors")
    t.add_column("id", style="bold", no_wrap=True)
    t.add_column("sector")
    t.add_column("hiring", no_wrap=True)
    t.add_column("also known as")
    for s in cat.sectors:
        hiring = demand(s.hiring_demand.level) if s.hiring_demand else "—"
        t.add_row(s.id, s.name, hiring, ", ".join(s.aliases))
    return Group(fitted(t), Text("Details: mlpath sectors ID", style="dim"))


def sector(cat: m.Catalog, s: m.Sector) -> RenderableType:
    parts: list[RenderableType] = [Text(s.name, style="bold cyan"), Text(s.evolving), Text("")]
    facts = _table(show_header=False)
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("use cases", ", ".join(s.use_cases))
    facts.add_row("employers look for", "\n".join(f"• {x}" for x in s.employers_look_for) or "—")
    if s.hiring_demand:
        facts.add_row("hiring demand", f"{demand(s.hiring_demand.level)} "
                                       f"({s.hiring_demand.source})")
    if s.salary_potential:
        facts.add_row("salary potential", f"{s.salary_potential.level} "
                                          f"({s.salary_potential.source})")
    facts.add_row("aliases", ", ".join(s.aliases) or "—")
    facts.add_row("source", s.source)
    parts.append(fitted(facts))
    emphasis = _table("Skills this sector weights (our estimate)")
    emphasis.add_column("skill", style="bold", no_wrap=True)
    emphasis.add_column("weight", justify="right", no_wrap=True)
    emphasis.add_column("why")
    for skill_id, weight in sorted(s.emphasis.items(), key=lambda kv: (-kv[1], kv[0])):
        emphasis.add_row(skill_id, f"{weight:.1f}", s.why.get(skill_id, ""))
    parts.append(fitted(emphasis))
    projects = _table("Portfolio projects")
    projects.add_column("project", style="bold")
    projects.add_column("practises")
    for p in s.projects:
        projects.add_row(Text.assemble(p.title, "\n", (p.summary, "dim")), ", ".join(p.skills))
    parts.append(fitted(projects))
    return Group(*parts)


def certs(cat: m.Catalog) -> RenderableType:
    t = _table(f"{len(cat.certifications)} certifications, current ones first")
    t.add_column("certification", style="bold", ratio=3)
    t.add_column("status", no_wrap=True)
    t.add_column("prep*", justify="right", no_wrap=True)
    t.add_column("covers", ratio=2)
    for c in cat.certifications_by_status():
        name = cert_name(c)
        detail = f"{c.provider} · {c.level}"
        if c.successor:
            detail += f" · succeeded by {cat.certification(c.successor).name}"
        status = c.status + (f"\n{c.retired_on}" if c.retired_on else "")
        checked = f"checked {c.as_of}" + ("\nthird-party†" if c.status_basis == "third-party"
                                          else "")
        t.add_row(Text.assemble(name, "\n", (detail, "dim")),
                  Text.assemble(status, "\n", (checked, "dim")),
                  str(c.prep_hours), ", ".join(c.skills))
    notes = [Text("* prep hours: our estimate. Status as checked on the date shown; "
                  "retired exams are kept so you can see what replaced them.", style="dim")]
    if any(c.status_basis == "third-party" for c in cat.certifications):
        notes.append(Text("† third-party: confirmed by study guides and news pages that quote "
                          "the provider, not by a provider page we could read ('mlpath certs "
                          "--json' names them).", style="dim"))
    if any(c.status == "unverified" for c in cat.certifications):
        notes.append(Text("unverified: we could not confirm the status on the provider's own "
                          "page; check it before you book (see 'mlpath certs --json' for the "
                          "page and our notes).", style="dim"))
    return Group(fitted(t), *notes)


def salary(cat: m.Catalog, region: m.Region | None) -> RenderableType:
    sal = cat.salaries
    regions = [region] if region else list(sal.regions)
    t = _table("Average ML engineer salary by region")
    t.add_column("region", style="bold", no_wrap=True)
    t.add_column("level")
    t.add_column("range", justify="right", no_wrap=True)
    t.add_column("source", no_wrap=True, min_width=15)
    for r in regions:
        if r.range:
            t.add_row(r.name, r.range.label or "average salary",
                      money_range(r.range.low, r.range.high, r.currency, r.unit,
                                  r.range.open_ended), r.range.source)
        for b in r.by_experience:
            t.add_row(r.name, b.label, money_range(b.low, b.high, r.currency, r.unit,
                                                   b.open_ended), b.source)
    parts: list[RenderableType] = [fitted(t)]
    top = max((g.increase_pct for g in sal.growth), default=0) or 1
    growth = _table("Salary growth with experience")
    growth.add_column("experience", no_wrap=True)
    growth.add_column("vs. fresher", justify="right", no_wrap=True)
    growth.add_column("", no_wrap=True)
    for g in sal.growth:
        growth.add_row(g.label, f"+{g.increase_pct:g}%", bar(100 * g.increase_pct / top, 30))
    parts.append(fitted(growth))
    if sal.growth:
        parts.append(Text(f"source: {sal.growth[0].source}", style="dim"))
    prem = _table("Specialisation premiums")
    prem.add_column("specialisation")
    prem.add_column("premium", justify="right", no_wrap=True)
    prem.add_column("shown to plans for", no_wrap=True)
    prem.add_column("source", no_wrap=True)
    for p in sal.premiums:
        prem.add_row(p.name, f"+{p.low_pct:g}–{p.high_pct:g}%", "\n".join(p.roles) or "—",
                     p.source)
    parts.append(fitted(prem))
    o = sal.overall
    if all(r.currency == o.currency for r in regions):  # never a USD line under a £ table
        overall = money_range(o.low, o.high, o.currency, "year", o.open_ended)
        parts.append(Text(f"{(o.label or 'Full-time salaries').capitalize()}: {overall} a "
                          f"year ({o.source})."))
    parts.append(Text(SALARY_NOTE, style="dim"))
    return Group(*parts)


def links(cat: m.Catalog) -> RenderableType:
    """Every resource's host and the date its link was checked, oldest check first."""
    rows = sorted((r.as_of or cat.links_checked or "not checked", urlsplit(r.url).hostname or "",
                   f"{s.id}: {r.id}", str(r.year) if r.year else "")
                  for s in cat.skills for r in s.resources)
    t = _table(f"{len(rows)} resource links on {len({row[1] for row in rows})} hosts")
    t.add_column("checked", no_wrap=True)
    t.add_column("host", no_wrap=True)
    t.add_column("skill: resource")
    t.add_column("year", no_wrap=True)
    for row in rows:
        t.add_row(*row)
    return Group(t, Text("checked: the resource's as_of, else the data's links_checked date. "
                         "year: shown for older material.", style="dim"))


def roles(cat: m.Catalog) -> RenderableType:
    parts: list[RenderableType] = []
    for r in cat.roles:
        t = _table(r.name, show_header=False)
        t.add_column(style="bold", no_wrap=True)
        t.add_column()
        t.add_row("focus", r.focus)
        t.add_row("core skills", r.core_skills)
        if r.salary:
            t.add_row("salary", r.salary)
        if r.demand:
            t.add_row("demand", demand(r.demand))
        t.add_row("sources", ", ".join(r.sources))
        parts.append(fitted(t))
    return Group(*parts)


def challenges(cat: m.Catalog) -> RenderableType:
    parts: list[RenderableType] = []
    for c in cat.challenges:
        parts.append(Text(c.problem, style="bold"))
        parts.extend(Text(f"  • {s}") for s in c.solutions)
        parts.append(Text(f"  source: {source_label(c.source)}", style="dim"))
    return Group(*parts)
