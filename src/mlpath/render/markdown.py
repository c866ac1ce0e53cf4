"""Plan → a GitHub-flavoured Markdown checklist (pure text, no rich, deterministic).

The file reads well raw and rendered (GitHub, Obsidian, Notion) and can be read back
by `mlpath progress sync` (see `mlpath.planfile`): every weekly study line carries an
HTML comment `<!-- mlpath:skill=ID to=LEVEL part=N/M -->`, the top carries
`<!-- mlpath:plan format=1 … -->` and the bottom the profile the plan was made from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable

from mlpath import model as m
from mlpath.render.format import bar, money_range, source_label
from mlpath.render.summary import (
    benchmark_line,
    item_chunks,
    step_dates,
    step_hours,
    step_ranges,
    summary_line,
)

FORMAT = 1
PLAN_MARKER = "mlpath:plan"
PROFILE_MARKER = "mlpath:profile"

_INLINE = re.compile(r"([\\`*_\[\]])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")


def inline(text: str) -> str:
    """Escape what would turn plain text into Markdown or HTML; newlines become spaces."""
    text = " ".join(text.split())
    return _INLINE.sub(lambda mt: "\\" + mt.group(0), text)


def cell(text: str) -> str:
    """One table cell: inline-escaped, `|` escaped, line breaks kept as `<br>`."""
    lines = [inline(part) for part in text.strip().splitlines()]
    return " <br>".join(lines).replace("|", "\\|")


def link(title: str, url: str) -> str:
    safe = url.strip()
    for char, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        safe = safe.replace(char, code)
    return f"[{inline(title)}]({safe})"


def table(header: Iterable[str], rows: Iterable[Iterable[str]], align: str = "") -> str:
    """A GFM table; `align` has one letter per column: l (default) or r."""
    head = list(header)
    marks = ["--:" if (align[i:i + 1] == "r") else "---" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


class _Sources:
    """Which article stands behind which figure, collected while rendering."""

    def __init__(self) -> None:
        self.uses: dict[str, list[str]] = {}

    def cite(self, source: str | None, what: str) -> str:
        key = source or m.ESTIMATE
        uses = self.uses.setdefault(key, [])
        if what not in uses:
            uses.append(what)
        return source_label(source)


def plan_markdown(plan: m.Plan, cat: m.Catalog) -> str:
    src = _Sources()
    sector = next(s for s in cat.sectors if s.id == plan.sector)
    parts = [
        f"# Your path to ML engineer in {inline(sector.name)}",
        f"<!-- {PLAN_MARKER} format={FORMAT} sector={sector.id} "
        f"start={plan.profile.start.isoformat()} -->",
        _summary(plan, cat, sector, src),
        _profile(plan, cat, src),
        _gaps(plan, cat, sector, src),
        _readiness(plan, cat),
        _weeks(plan, cat, src),
        _milestones(plan),
        _timeline(plan, cat, sector),
        _projects(plan, cat, sector, src),
        _certifications(plan, cat, src),
        _salary(plan, cat, sector, src),
        _sources(cat, src),
        _profile_marker(plan),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _summary(plan: m.Plan, cat: m.Catalog, sector: m.Sector, src: _Sources) -> str:
    open_gaps = sum(1 for g in plan.gaps if g.gap > 0)
    text = (f"Where you stand on every skill a first machine-learning engineer job in "
            f"{inline(sector.name)} asks for, and what to study, week by week, to close "
            f"the {open_gaps} gaps: {summary_line(plan)}, starting "
            f"{plan.profile.start.isoformat()}. You are {plan.overall_readiness}% of the way "
            f"there today.")
    bench = benchmark_line(plan)
    if bench:
        fact = cat.fact("time-to-job-ready")
        src.cite(fact.source if fact else None, "time to job-ready")
        text += " " + inline(bench)
    howto = ("**How to use this file:** tick a week's box (`- [x]`) when you have done that "
             "week's study. When every week of a skill is ticked, "
             "`mlpath progress sync <this file>` records the skill at its target level, and "
             "`mlpath plan --profile` or `mlpath export` re-plans without it. Study hours and "
             "target levels are our estimates; every other figure names its source (see "
             "[Sources](#sources)).")
    return text + "\n\n" + howto


def _profile(plan: m.Plan, cat: m.Catalog, src: _Sources) -> str:
    p = plan.profile
    sector = next(s for s in cat.sectors if s.id == p.sector)
    region = cat.region(p.region)
    rows = [["target sector", f"{cell(sector.name)} (`{sector.id}`)"]]
    if p.background:
        bg = next(b for b in cat.backgrounds if b.id == p.background)
        src.cite(bg.source, f"the {bg.name.lower()} background")
        src.cite(bg.levels_source, f"starting levels for the {bg.name.lower()} background")
        rows.append(["background", f"{cell(bg.name)} (`{bg.id}`): {cell(bg.summary)}"])
    rows += [["years of experience", str(p.years_experience)],
             ["salary region", f"{cell(region.name)} (`{region.id}`)"],
             ["study time", f"{p.hours_per_week} h/week"],
             ["week 1 starts", p.start.isoformat()]]
    scale = " · ".join(f"{lv.level} {inline(lv.name)}" for lv in cat.levels)
    known = ", ".join(f"`{k}` {v}" for k, v in sorted(p.levels.items()) if v > 0)
    levels = (f"Levels you start from ({scale}): {known}; every other skill 0."
              if known else f"Levels you start from ({scale}): 0 on every skill.")
    return "## Profile\n\n" + table(["setting", "value"], rows) + "\n\n" + levels


def _gaps(plan: m.Plan, cat: m.Catalog, sector: m.Sector, src: _Sources) -> str:
    open_gaps = sorted((g for g in plan.gaps if g.gap > 0), key=lambda g: (-g.priority, g.skill))
    rows = []
    for g in open_gaps:
        skill = cat.skill(g.skill)
        if skill.demand:
            src.cite(skill.demand_source, "skill demand")
        src.cite(skill.hours_source, "study hours per skill")
        rows.append([cell(skill.name), f"`{skill.id}`", f"{g.current} → {g.target}",
                     f"{g.priority:g}", str(g.hours), cell(g.why)])
    src.cite(m.ESTIMATE, "target levels and priorities (demand × sector weight)")
    src.cite(sector.emphasis_source, f"{sector.name} skill weights")
    src.cite(sector.source, _sector_use(sector))
    out = f"## Skill gaps\n\n{len(open_gaps)} to close, highest priority first."
    if rows:
        out += "\n\n" + table(["skill", "id", "now → need", "priority", "hours", "why"], rows,
                              "llrrrl")
    done = [f"`{g.skill}`" for g in plan.gaps if g.gap == 0]
    if done:
        out += "\n\nAlready there: " + ", ".join(done) + "."
    return out


def _sector_use(sector: m.Sector) -> str:
    return f"{sector.name}: the reasons in the gap table and the project use cases"


def _readiness(plan: m.Plan, cat: m.Catalog) -> str:
    rows = []
    for r in plan.readiness:
        step = cat.step(r.step)
        done, needed = step_hours(plan, cat, r.step)
        rows.append([f"{step.number} {cell(step.name)}", f"`{bar(r.percent, 20)}`",
                     f"{r.percent}%", f"{done} / {needed} h"])
    done, needed = step_hours(plan, cat)
    rows.append(["**overall**", f"`{bar(plan.overall_readiness, 20)}`",
                 f"**{plan.overall_readiness}%**", f"{done} / {needed} h"])
    return ("## Readiness\n\nThe share of the study hours each step needs that is already "
            "behind you.\n\n" + table(["step", "progress", "%", "done / needed"], rows, "llrr"))


def _weeks(plan: m.Plan, cat: m.Catalog, src: _Sources) -> str:
    out = [f"## Week by week\n\n{plan.total_weeks} weeks at {plan.profile.hours_per_week} "
           f"h/week. One box per week of study; a skill spread over several weeks has a box "
           f"for each."]
    if not plan.weeks:
        return out[0] + "\n\nNothing left to study: every skill is at the level a first job needs."
    chunks = item_chunks(plan)
    ranges, dates = step_ranges(plan), step_dates(plan)
    for step in cat.steps:
        keys = [k for k, c in chunks.items() if c[0][1].step == step.id]
        if not keys:
            continue
        first, last = ranges[step.id]
        d1, d2 = dates[step.id]
        hours = sum(i.hours for k in keys for _, i in chunks[k])
        src.cite(step.source, "the seven steps")
        weeks = f"Week {first}" if first == last else f"Weeks {first}–{last}"
        out.append(f"### Step {step.number} · {inline(step.name)}\n\n"
                   f"{weeks} · {d1.isoformat()} to {d2.isoformat()} · {hours} h. "
                   f"Goal: {inline(step.goal)}")
        out += [_item(key, chunks[key], cat, src) for key in keys]
    return "\n\n".join(out)


def _item(key: str, chunks: list[tuple[m.Week, m.StudyItem]], cat: m.Catalog,
          src: _Sources) -> str:
    first = chunks[0][1]
    levels = f" {first.from_level}→{first.to_level}" if first.to_level else ""
    hours = sum(i.hours for _, i in chunks)
    w1, w2 = chunks[0][0].number, chunks[-1][0].number
    weeks = f"week {w1}" if w1 == w2 else f"weeks {w1}–{w2}"
    head = f"#### {inline(first.title)}{levels} · {hours} h · {weeks}"
    body: list[str] = []
    if key.startswith("cert:"):
        cert = cat.certification(key.removeprefix("cert:"))
        marker = f"cert={cert.id}"
        body.append(f"{inline(cert.provider)} exam, ~{cert.prep_hours} h prep "
                    f"({source_label(cert.prep_hours_source)}); status {cert.status} as of "
                    f"{cert.as_of}.")
    else:
        skill = cat.skill(key)
        marker = f"skill={skill.id} to={first.to_level}"
        body.append(inline(skill.summary))
        if skill.resources:
            links = []
            for r in skill.resources:
                src.cite(r.source, "resource links" if r.source else "resource picks")
                links.append(f"{link(r.title, r.url)} ({r.kind})")
            body.append("Resources: " + " · ".join(links))
    tasks = []
    for n, (week, item) in enumerate(chunks, 1):
        part = f", part {n} of {len(chunks)}" if len(chunks) > 1 else ""
        tasks.append(f"- [ ] Week {week.number} ({week.start.isoformat()}) · "
                     f"{inline(item.title)}{levels} ({item.hours} h{part}) "
                     f"<!-- mlpath:{marker} part={n}/{len(chunks)} -->")
    return head + "\n\n" + "\n\n".join(body) + "\n\n" + "\n".join(tasks)


def _milestones(plan: m.Plan) -> str:
    if not plan.milestones:
        return ""
    lines = [f"- **Week {ms.week}** ({ms.date.isoformat()}): {inline(ms.text)}"
             for ms in plan.milestones]
    return "## Milestones\n\n" + "\n".join(lines)


def _timeline(plan: m.Plan, cat: m.Catalog, sector: m.Sector) -> str:
    if not plan.weeks:
        return ""
    dates = step_dates(plan)
    lines = ["```mermaid", "gantt",
             f"    title {_mermaid(sector.name)}: study plan by step",
             "    dateFormat YYYY-MM-DD", "    axisFormat %Y-%m",
             "    %% each bar ends on the Monday after its last week (end dates are exclusive)",
             "    section Steps"]
    for step in cat.steps:
        if step.id not in dates:
            continue
        begin, last_day = dates[step.id]
        end = last_day + dt.timedelta(days=1)
        lines.append(f"    {step.number} {_mermaid(step.name)} :s{step.number}, "
                     f"{begin.isoformat()}, {end.isoformat()}")
    lines.append("```")
    return "## Timeline\n\n" + "\n".join(lines)


def _mermaid(text: str) -> str:
    return re.sub(r"[:;#\n]", " ", text).strip()


def _projects(plan: m.Plan, cat: m.Catalog, sector: m.Sector, src: _Sources) -> str:
    if not plan.projects:
        return ""
    lines = []
    for p in plan.projects:
        src.cite(sector.source, _sector_use(sector))
        skills = ", ".join(f"{inline(cat.skill(s).name)} (`{s}`)" for s in p.skills)
        lines.append(f"- **{inline(p.title)}**: {inline(p.summary)}  \n"
                     f"  Use case: {inline(p.use_case)}. Practises: {skills}.")
    return ("## Portfolio projects\n\nProjects drawn from the sector's use cases that practise "
            "the skills you need most.\n\n" + "\n".join(lines))


def _certifications(plan: m.Plan, cat: m.Catalog, src: _Sources) -> str:
    if not plan.certifications:
        return ""
    rows = []
    for n, pick in enumerate(plan.certifications):
        c = cat.certification(pick.certification)
        if c.source == m.ESTIMATE:
            src.cite(c.source, f"recommending {c.name}, which the articles do not list")
        else:
            src.cite(c.source, "the certification list")
        src.cite(c.prep_hours_source, "certification prep hours")
        status = f"{c.status} (as of {c.as_of})"
        name = cell(c.name) + (f" ({c.code})" if c.code else "")
        why = cell(pick.reason) + (" (in this plan)." if n == 0 else " (an alternative).")
        if c.note:
            why += " " + cell(c.note)
        rows.append([name, cell(c.provider), status, f"~{c.prep_hours} h", why])
    return "## Certification\n\n" + table(
        ["certification", "provider", "status", "prep", "why"], rows, "lllrl")


def _salary(plan: m.Plan, cat: m.Catalog, sector: m.Sector, src: _Sources) -> str:
    region = cat.region(plan.salary.region)
    rows = []
    for f in plan.salary.figures:
        label = src.cite(f.source, f"salaries ({region.name})")
        if f.projection:
            src.cite(m.ESTIMATE, "salary projections (entry range × the growth the source gives)")
            label = f"our projection from {label}"
        rows.append([cell(f.label), money_range(f.low, f.high, f.currency, f.unit,
                                                f.open_ended), label])
    for p in plan.salary.premiums:
        rows.append([f"premium: {cell(p.name)}", f"+{p.low_pct:g}–{p.high_pct:g}%",
                     src.cite(p.source, "salary premiums")])
    out = f"## Salary outlook\n\n{inline(region.name)}."
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
    return out


def _sources(cat: m.Catalog, src: _Sources) -> str:
    lines = []
    for s in cat.sources:
        if s.id not in src.uses:
            continue
        bits = [f"*{inline(s.title)}*"]
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


def _profile_marker(plan: m.Plan) -> str:
    p = plan.profile
    data = {"sector": p.sector, "background": p.background,
            "years_experience": p.years_experience, "region": p.region,
            "hours_per_week": p.hours_per_week, "start": p.start.isoformat(),
            "levels": dict(sorted(p.levels.items()))}
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    # ">" only occurs inside JSON strings; escaping it keeps "-->" out of the comment.
    return f"<!-- {PROFILE_MARKER} {text.replace('>', chr(92) + 'u003e')} -->"
