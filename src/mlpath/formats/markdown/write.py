"""Plan → a GitHub-flavoured Markdown checklist (pure text, no rich, deterministic).

The file reads well raw and rendered (GitHub, Obsidian, Notion) and can be read back
by `mlpath progress sync` (see `read.py` beside this): every weekly study line carries an
HTML comment `<!-- mlpath:skill=ID to=LEVEL part=N/M -->`, the top carries
`<!-- mlpath:plan format=1 … -->` and the bottom the profile the plan was made from.
"""

from __future__ import annotations

import datetime as dt
import json
import os

from mlpath.catalogue import model as m
from mlpath.formats.markdown import outlook
from mlpath.formats.markdown.text import Sources, cell, inline, link, table
from mlpath.formats.plan_words import for_goal, milestones_in_order, review_text
from mlpath.formats.words import (
    apply_line,
    bar,
    benchmark_line,
    gap_reason,
    goal_line,
    item_done_when,
    item_resources,
    item_title,
    job_line,
    later_line,
    milestone_text,
    source_label,
    summary_line,
    topic_text,
)
from mlpath.person.profile import to_dict
from mlpath.planning.facts import item_chunks, step_dates, step_hours, step_ranges
from mlpath.planning.model import Plan, StudyItem, Week

FORMAT = 1
PLAN_MARKER = "mlpath:plan"
PROFILE_MARKER = "mlpath:profile"

def plan_markdown(plan: Plan, cat: m.Catalog) -> str:
    plan = for_goal(cat, plan)
    src = Sources()
    sector = cat.sector(plan.sector)
    # What to do now first (the summary, this week's boxes), the reference after the weeks.
    parts = [
        f"# {inline(goal_line(cat, plan))}",
        f"<!-- {PLAN_MARKER} format={FORMAT} sector={sector.id} "
        f"start={plan.profile.start.isoformat()} -->",
        _summary(plan, cat, sector, src),
        _this_week(plan, cat),
        _profile(plan, cat, src),
        _weeks(plan, cat, src),
        _milestones(plan, cat),
        outlook.timeline(plan, cat, sector),
        _steps(plan, cat, src),
        _gaps(plan, cat, sector, src),
        _readiness(plan, cat),
        outlook.projects(plan, cat, sector, src),
        outlook.certifications(plan, cat, src),
        outlook.salary(plan, cat, sector, src),
        outlook.sources(cat, src),
        _profile_marker(plan),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"


def _summary(plan: Plan, cat: m.Catalog, sector: m.Sector, src: Sources) -> str:
    open_gaps = sum(1 for g in plan.gaps if g.gap > 0)
    goal = ("the job posting" if plan.job is not None else
            f"a first {cat.role(plan.profile.role).name} job in {inline(sector.name)}")
    text = (f"Where you stand on every skill {goal} asks for, and what to study, week by "
            f"week, to close "
            f"the {open_gaps} gaps: {summary_line(plan)}, starting "
            f"{plan.profile.start.isoformat()}. You are {plan.overall_readiness}% of the way "
            f"there today.")
    job = job_line(plan)
    if job:
        text = inline(job) + "\n\n" + text
    for extra in (apply_line(plan), later_line(cat, plan)):
        if extra:
            text += "\n\n" + inline(extra)
    bench = benchmark_line(plan, cat)
    if bench:
        fact = next((f for f in cat.facts if f.benchmark), None)
        src.cite(fact.source if fact else None, "time to job-ready")
        text += " " + inline(bench)
    howto = ("**How to use this file:** tick a box (`- [x]`) when you have done that "
             "week's part of it. When every week of a skill's pass is ticked (its basics, "
             "0→2, or its depth), `mlpath progress sync <this file>` records the level it "
             "reaches, and `mlpath export` re-plans from there. Study hours and "
             "target levels are our estimates; every other figure names its source (see "
             "[Sources](#sources)).")
    return text + "\n\n" + howto


def _profile(plan: Plan, cat: m.Catalog, src: Sources) -> str:
    p = plan.profile
    sector = cat.sector(p.sector)
    region = cat.region(p.region)
    role = next((r.name for r in cat.roles if r.id == p.role), p.role)
    rows = [["target role", f"{cell(role)} (`{p.role}`)"],
            ["target sector", f"{cell(sector.name)} (`{sector.id}`)"]]
    if plan.job:
        rows.append(["job posting", f"{cell(plan.job.title)} ({cell(_where(plan.job.file))})"])
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
    known = ", ".join(f"{inline(cat.skill(k).name)} {v}" for k, v in sorted(p.levels.items())
                      if v > 0)
    levels = (f"Levels you start from ({scale}): {known}; every other skill 0."
              if known else f"Levels you start from ({scale}): 0 on every skill.")
    return "## Profile\n\n" + table(["setting", "value"], rows) + "\n\n" + levels


def _gaps(plan: Plan, cat: m.Catalog, sector: m.Sector, src: Sources) -> str:
    open_gaps = sorted((g for g in plan.gaps if g.gap > 0), key=lambda g: (-g.priority, g.skill))
    rows = []
    for g in open_gaps:
        skill = cat.skill(g.skill)
        if skill.demand:
            src.cite(skill.demand_source, "skill demand")
        src.cite(skill.hours_source, "study hours per skill")
        rows.append([cell(skill.name), f"`{skill.id}`", f"{g.current} → {g.target}",
                     f"{g.priority:g}", str(g.hours),
                     cell(gap_reason(cat, sector, g, plan.profile.role))])
    src.cite(m.ESTIMATE, "target levels and priorities (demand × sector weight)")
    src.cite(sector.emphasis_source, f"{sector.name} skill weights")
    src.cite(sector.source, outlook.sector_use(sector))
    out = f"## Skill gaps\n\n{len(open_gaps)} to close, highest priority first."
    if rows:
        out += "\n\n" + table(["skill", "id", "now → need", "priority", "hours", "why"], rows,
                              "llrrrl")
    done = [inline(cat.skill(g.skill).name) for g in plan.gaps if g.gap == 0]
    if done:
        out += "\n\nAlready there: " + ", ".join(done) + "."
    return out


def _readiness(plan: Plan, cat: m.Catalog) -> str:
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


def _steps(plan: Plan, cat: m.Catalog, src: Sources) -> str:
    """What each step holds: its skills (levels, hours, weeks, resources) and projects."""
    if not plan.weeks:
        return ""
    out = ["## Steps\n\nWhat each step holds; the boxes to tick are in "
           "[Week by week](#week-by-week)."]
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
        lines = [_entry(chunks[key], cat, src) for key in keys]
        out.append(f"### Step {step.number} · {inline(step.name)}\n\n"
                   f"{weeks} · {d1.isoformat()} to {d2.isoformat()} · {hours} h. "
                   f"Goal: {inline(step.goal)}\n\n" + "\n".join(lines))
    return "\n\n".join(out)


def _entry(chunks: list[tuple[Week, StudyItem]], cat: m.Catalog, src: Sources) -> str:
    first = chunks[0][1]
    # the whole skill: from its first pass's start to its last pass's end
    levels = f" {first.from_level}→{chunks[-1][1].to_level}" if first.kind == "skill" else ""
    hours = sum(i.hours for _, i in chunks)
    w1, w2 = chunks[0][0].number, chunks[-1][0].number
    weeks = f"week {w1}" if w1 == w2 else f"weeks {w1}–{w2}"
    line = f"- **{inline(item_title(first))}**{levels} · {hours} h · {weeks}"
    if first.kind == "certification":
        cert = cat.certification(first.key.removeprefix("cert:"))
        line += (f": {inline(cert.provider)} exam, ~{cert.prep_hours} h prep "
                 f"({source_label(cert.prep_hours_source)}); status {cert.status} as of "
                 f"{cert.as_of}.")
    elif first.kind == "skill":
        skill = cat.skill(first.key)
        links = []
        for r in skill.resources:
            src.cite(r.source, "resource links" if r.source else "resource picks")
            links.append(f"{link(r.title, r.url)} ({r.kind})")
        line += f": {inline(skill.summary)}"
        if links:
            line += "  \n  Resources: " + " · ".join(links)
    return line


def _where(file: str) -> str:
    """A posting's file as an absolute path (a relative one means nothing elsewhere)."""
    return file if file.startswith("<") else os.path.abspath(file)


def _this_week(plan: Plan, cat: m.Catalog) -> str:
    if not plan.weeks:
        return ""
    return ("## This week\n\nStart here; the weeks after it are in "
            "[Week by week](#week-by-week), the full skill gap table further down.\n\n"
            + _week(plan.weeks[0], item_chunks(plan), cat))


def _week(week: Week, chunks: dict[str, list[tuple[Week, StudyItem]]], cat: m.Catalog) -> str:
    end = week.start + dt.timedelta(days=6)
    boxes = [_box(week, item, chunks[item.key], cat) for item in week.items]
    return (f"### Week {week.number} · {week.start.isoformat()} to {end.isoformat()} "
            f"· {week.hours} h\n\n" + "\n".join(boxes))


def _weeks(plan: Plan, cat: m.Catalog, src: Sources) -> str:
    reviews = review_text(plan)
    out = [f"## Week by week\n\n{plan.total_weeks} weeks at {plan.profile.hours_per_week} "
           "h/week: each week's boxes, with the topic to study and where (week 1 is under "
           f"[This week](#this-week)).{' ' + reviews if reviews else ''} Interview prep and "
           "the job search share the last weeks."]
    if not plan.weeks:
        return out[0] + "\n\nNothing left to study: every skill is at the level a first job needs."
    estimates = ["review weeks"] if reviews else []
    estimates.append("the job-readiness share of the last weeks")
    if plan.project_factor != 1:
        estimates.append("longer first projects while the programming foundations are incomplete")
    src.cite(m.ESTIMATE, ", ".join(estimates))
    chunks = item_chunks(plan)
    out += [_week(week, chunks, cat) for week in plan.weeks[1:]]
    return "\n\n".join(out)


MARKERS = {"skill": "skill", "certification": "cert", "project": "project",
           "review": "review", "interview": "task", "job-search": "task"}


def _box(week: Week, item: StudyItem, chunks: list[tuple[Week, StudyItem]],
         cat: m.Catalog) -> str:
    # each pass of a skill (0→2, then 2→3) is numbered on its own: ticking all of the
    # first records level 2
    chunks = [(w, i) for w, i in chunks if i.to_level == item.to_level]
    n = next(i for i, (w, _) in enumerate(chunks, 1) if w.number == week.number)
    part = f", part {n} of {len(chunks)}" if len(chunks) > 1 else ""
    levels = f" {item.from_level}→{item.to_level}" if item.kind == "skill" else ""
    ident = item.key.split(":", 1)[1] if ":" in item.key else item.key
    marker = f"{MARKERS[item.kind]}={ident}" + (
        f" to={item.to_level}" if item.kind == "skill" else "")
    text = f"{inline(item_title(item))}{levels} ({item.hours} h{part})"
    topic = topic_text(cat, item)
    if topic:
        text += f": {inline(topic)}"
    resources = item_resources(cat, item)
    if resources:
        text += ". Use: " + " · ".join(link(r.title, r.url) for r in resources)
    done_when = item_done_when(cat, item)
    if done_when and n == len(chunks):
        text += f". Done when: {inline(done_when)}"
    return (f"- [ ] Week {week.number} ({week.start.isoformat()}) · {text} "
            f"<!-- mlpath:{marker} part={n}/{len(chunks)} -->")


def _milestones(plan: Plan, cat: m.Catalog) -> str:
    if not plan.milestones:
        return ""
    lines = [f"- **Week {ms.week}** ({ms.date.isoformat()}): {inline(milestone_text(cat, ms.step))}"
             for ms in milestones_in_order(cat, plan)]
    return "## Milestones\n\n" + "\n".join(lines)


MARKER_POSTING = 60_000  # characters of posting text the marker carries (read.MAX_LINE)


def _profile_marker(plan: Plan) -> str:
    """The profile on one line; a posting too long for it travels by its path only."""
    data = to_dict(plan.profile)
    if len(data.get("posting", "")) > MARKER_POSTING:
        del data["posting"]  # `progress sync` reads the file at posting_file instead
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    # ">" only occurs inside JSON strings; escaping it keeps "-->" out of the comment.
    return f"<!-- {PROFILE_MARKER} {text.replace('>', chr(92) + 'u003e')} -->"
