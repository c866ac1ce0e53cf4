"""`mlpath skills ID`: one skill in detail — what it is, how to study it, what each level
looks like, what it needs and what needs it."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from mlpath.catalogue import model as m
from mlpath.formats.tables import fitted
from mlpath.formats.words import demand, resource_title, source_label


def skill_view(cat: m.Catalog, skill: m.Skill) -> RenderableType:
    step = cat.step(skill.step)
    needed_by = [s.id for s in cat.skills if skill.id in s.prerequisites]
    head = Text.assemble((skill.name, "bold cyan"), f"  ({skill.id})\n", skill.summary)
    facts = Table(show_header=False, box=None, pad_edge=False)
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row("step", f"{step.number} {step.name}")
    facts.add_row("track", "core: every plan has it" if skill.track == "core"
                  else "elective: when a sector, a posting or --also asks for it")
    facts.add_row("demand", f"{demand(skill.demand)}"
                  + (f" ({source_label(skill.demand_source)})" if skill.demand else ""))
    facts.add_row("hours 0→3", f"{skill.hours} ({source_label(skill.hours_source)})")
    facts.add_row("needs", ", ".join(skill.prerequisites) or "—")
    facts.add_row("needed by", ", ".join(needed_by) or "—")
    parts: list[RenderableType] = [head, Text(""), fitted(facts), Text("")]

    resources = {r.id: r for r in skill.resources}
    topics = Table(title="Topics, in study order", title_justify="left", title_style="bold",
                   box=box.SIMPLE_HEAD, pad_edge=False)
    topics.add_column("topic", ratio=2)
    topics.add_column("hours", justify="right", no_wrap=True)
    topics.add_column("with", ratio=2)
    for t in skill.topics:
        where = resources[t.resource].title + (f": {t.section}" if t.section else "")
        topics.add_row(t.name, str(t.hours), where)
    parts.append(fitted(topics))

    links = Table(title="Resources", title_justify="left", title_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
    links.add_column("resource", ratio=1)
    links.add_column("kind", no_wrap=True)
    links.add_column("address", ratio=1, overflow="fold")
    for r in skill.resources:
        links.add_row(resource_title(r), r.kind + ("" if r.free else ", paid"), r.url)
    parts.append(fitted(links))

    if skill.examples:
        levels = Table(title="What each level looks like", title_justify="left",
                       title_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
        levels.add_column("level", no_wrap=True)
        levels.add_column("for this skill", ratio=1)
        names = {lv.level: lv.name for lv in cat.levels}
        for level, example in sorted(skill.examples.items()):
            levels.add_row(f"{level} {names.get(level, '')}", example)
        parts.append(fitted(levels))
    return Group(*parts)
