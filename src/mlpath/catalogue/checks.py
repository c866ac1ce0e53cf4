"""Cross-reference checks on a well-shaped catalogue: ids, references, cycles, sources."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from mlpath.catalogue import model as m
from mlpath.catalogue.schema import Problem, Reader

_SOURCE_FIELDS = ("source", "demand_source", "hours_source", "prep_hours_source",
                  "emphasis_source", "levels_source", "electives_source")


def cross_check(cat: m.Catalog, roadmap: Reader, sectors: Reader) -> list[Problem]:
    r0, s0 = len(roadmap.problems), len(sectors.problems)
    _check_roadmap(cat, roadmap)
    _check_sectors(cat, sectors)
    source_ids = {s.id for s in cat.sources}
    for reader, root, paths in ((roadmap, cat, ROADMAP_LISTS), (sectors, cat, ("sectors",))):
        for path, value in _walk_fields(root, paths):
            _check_source(reader, path, value, source_ids)
    return roadmap.problems[r0:] + sectors.problems[s0:]


ROADMAP_LISTS = ("sources", "levels", "steps", "skills", "certifications", "salaries", "roles",
                 "challenges", "facts", "backgrounds", "projects", "job_search")


def _unique(r: Reader, path: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            r.problem(f"{path}[{i}].id", f"duplicate id {item_id!r}")
        seen.add(item_id)


def _refs(r: Reader, path: str, refs: Iterable[str], known: set[str], what: str) -> None:
    """Report references to unknown ids; mapping keys are named by key, list items by index."""
    keyed = isinstance(refs, Mapping)
    for i, ref in enumerate(refs):
        if ref not in known:
            r.problem(f"{path}.{ref}" if keyed else f"{path}[{i}]",
                      f"names {what} {ref!r}, which does not exist")


def _check_roadmap(cat: m.Catalog, r: Reader) -> None:
    for name in ("sources", "steps", "skills", "certifications", "roles", "challenges", "facts",
                 "backgrounds"):
        _unique(r, name, (x.id for x in getattr(cat, name)))
    _unique(r, "salaries.regions", (x.id for x in cat.salaries.regions))
    _unique(r, "salaries.premiums", (x.id for x in cat.salaries.premiums))

    if [lv.level for lv in cat.levels] != list(range(m.MIN_LEVEL, m.MAX_LEVEL + 1)):
        r.problem("levels", f"must list levels {m.MIN_LEVEL} to {m.MAX_LEVEL} in order")
    if [s.number for s in cat.steps] != list(range(1, len(cat.steps) + 1)):
        r.problem("steps", "must be numbered 1, 2, 3… in order")

    steps = {s.id for s in cat.steps}
    skills = {s.id for s in cat.skills}
    certs = {c.id for c in cat.certifications}
    for i, step in enumerate(cat.steps):
        for j, item in enumerate(step.items):
            for what, ref, known in (("skill", item.skill, skills),
                                     ("certification", item.certification, certs)):
                if ref is not None and ref not in known:
                    r.problem(f"steps[{i}].items[{j}].{what}",
                              f"names {what} {ref!r}, which does not exist")
    for i, skill in enumerate(cat.skills):
        _check_topics(r, f"skills[{i}]", skill)
        if skill.step not in steps:
            r.problem(f"skills[{i}].step", f"names step {skill.step!r}, which does not exist")
        _refs(r, f"skills[{i}].prerequisites", skill.prerequisites, skills, "skill")
        if skill.id in skill.prerequisites:
            r.problem(f"skills[{i}].prerequisites", f"{skill.id!r} cannot require itself")
        if skill.demand is not None and skill.demand_source is None:
            r.problem(f"skills[{i}].demand_source", "is required when demand is set")
    cycle = find_cycle({s.id: s.prerequisites for s in cat.skills})
    if cycle:
        index = next(i for i, s in enumerate(cat.skills) if s.id == cycle[0])
        r.problem(f"skills[{index}].prerequisites",
                  "prerequisites form a cycle: " + " → ".join(cycle))

    _aliases(r, "skills", "skill", [(s.id, s.aliases) for s in cat.skills])
    for i, cert in enumerate(cat.certifications):
        _refs(r, f"certifications[{i}].skills", cert.skills, skills, "skill")
        if cert.retired_on is not None and cert.status != "retired":
            r.problem(f"certifications[{i}].retired_on", "is only for status retired")
        if cert.successor == cert.id:
            r.problem(f"certifications[{i}].successor", "cannot be the certification itself")
        if cert.successor is not None and cert.successor not in certs:
            r.problem(f"certifications[{i}].successor",
                      f"names certification {cert.successor!r}, which does not exist")
        _check_status_basis(r, f"certifications[{i}]", cert)

    regions = [x.id for x in cat.salaries.regions]
    missing = [x for x in m.REGIONS if x not in regions]
    if missing:
        r.problem("salaries.regions", "has no entry for " + ", ".join(missing))
    for i, region in enumerate(cat.salaries.regions):
        if region.range is None and not region.by_experience:
            r.problem(f"salaries.regions[{i}]", "needs a range or by_experience")
        for path, lo_hi in _ranges(f"salaries.regions[{i}]", region):
            if lo_hi[0] > lo_hi[1]:
                r.problem(path, "low is above high")
    for i, premium in enumerate(cat.salaries.premiums):
        _refs(r, f"salaries.premiums[{i}].skills", premium.skills, skills, "skill")
        if premium.low_pct > premium.high_pct:
            r.problem(f"salaries.premiums[{i}]", "low_pct is above high_pct")
    for i, bg in enumerate(cat.backgrounds):
        _refs(r, f"backgrounds[{i}].levels", bg.levels, skills, "skill")
    for i, role in enumerate(cat.roles):
        _refs(r, f"roles[{i}].targets", role.targets, skills, "skill")
        if role.targets and role.targets_source is None:
            r.problem(f"roles[{i}].targets_source", "is required when targets are set")
    _refs(r, "implies", cat.implies, skills, "skill")
    for key, implied in cat.implies.items():
        _refs(r, f"implies.{key}", implied, skills, "skill")
    # one id space for general and sector projects (plans and `cat.project` look them up)
    _unique(r, "projects", (p.id for p in (*cat.projects, *(
        p for s in cat.sectors for p in s.projects))))
    for i, project in enumerate(cat.projects):
        _check_project(r, f"projects[{i}]", project, cat)
    _unique(r, "job_search", (t.id for t in cat.job_search))
    for i, task in enumerate(cat.job_search):
        _refs(r, f"job_search[{i}].skills", task.skills, skills, "skill")
        if task.after is not None and task.after not in skills:
            r.problem(f"job_search[{i}].after", f"names skill {task.after!r}, which does not exist")


def _check_status_basis(r: Reader, path: str, cert: m.Certification) -> None:
    """An active or retired status says who confirms it; third-party claims name sources."""
    if cert.status == "unverified":
        if cert.status_basis is not None:
            r.problem(f"{path}.status_basis", "is only for a confirmed (active or retired) status")
    elif cert.status_basis is None:
        r.problem(f"{path}.status_basis", f"is required for status {cert.status!r} "
                                          "(official or third-party)")
    elif cert.status_basis == "third-party" and not cert.status_sources:
        r.problem(f"{path}.status_sources", "must name the third-party sources")


def _check_project(r: Reader, path: str, project: m.Project, cat: m.Catalog) -> None:
    """Its skills exist, and every topic it relies on is taught by that skill."""
    _refs(r, f"{path}.skills", project.skills, set(cat.by_skill), "skill")
    for k, need in enumerate(project.topics):
        skill = cat.by_skill.get(need.skill)
        if skill is None:
            r.problem(f"{path}.topics[{k}].skill", f"names skill {need.skill!r}, which does "
                                                   "not exist")
        elif need.topic not in {t.name for t in skill.topics}:
            r.problem(f"{path}.topics[{k}].topic", f"relies on {need.topic!r}, which no topic "
                                                   f"of skill {need.skill!r} teaches")


def _aliases(r: Reader, path: str, what: str,
             owners: list[tuple[str, tuple[str, ...]]]) -> None:
    """No alias is another entry's id or alias (a name must find one entry)."""
    names = {ident: ident for ident, _ in owners}
    for i, (ident, aliases) in enumerate(owners):
        for j, alias in enumerate(aliases):
            owner = names.setdefault(alias, ident)
            if owner != ident or alias == ident:
                r.problem(f"{path}[{i}].aliases[{j}]", f"alias {alias!r} is already used by "
                                                       f"{what} {owner!r}")


def _check_topics(r: Reader, path: str, skill: m.Skill) -> None:
    """Topics cover the skill's hours exactly, each taught by one of its resources;
    a technical skill says what each level 1-4 looks like."""
    _unique(r, f"{path}.resources", (x.id for x in skill.resources))
    resources = {x.id for x in skill.resources}
    for j, topic in enumerate(skill.topics):
        if topic.resource not in resources:
            r.problem(f"{path}.topics[{j}].resource", f"names resource {topic.resource!r}, "
                                                      "which this skill does not list")
    total = sum(t.hours for t in skill.topics)
    if skill.topics and total != skill.hours:
        r.problem(f"{path}.topics", f"topic hours add up to {total}, not the skill's "
                                    f"{skill.hours}")
    if skill.kind == "technical" and sorted(skill.examples) != list(range(1, m.MAX_LEVEL + 1)):
        r.problem(f"{path}.examples", f"a technical skill needs an example for each level 1 "
                                      f"to {m.MAX_LEVEL}")


def _ranges(path: str, region: m.Region) -> Iterator[tuple[str, tuple[float, float]]]:
    if region.range is not None:
        yield f"{path}.range", (region.range.low, region.range.high)
    for j, band in enumerate(region.by_experience):
        yield f"{path}.by_experience[{j}]", (band.low, band.high)


def _check_sectors(cat: m.Catalog, r: Reader) -> None:
    _unique(r, "sectors", (s.id for s in cat.sectors))
    skills = {s.id for s in cat.skills}
    _aliases(r, "sectors", "sector", [(s.id, s.aliases) for s in cat.sectors])
    for i, sector in enumerate(cat.sectors):
        _refs(r, f"sectors[{i}].emphasis", sector.emphasis, skills, "skill")
        _refs(r, f"sectors[{i}].electives", sector.electives, skills, "skill")
        _refs(r, f"sectors[{i}].why", sector.why, skills, "skill")
        _unique(r, f"sectors[{i}].projects", (p.id for p in sector.projects))
        for j, project in enumerate(sector.projects):
            _check_project(r, f"sectors[{i}].projects[{j}]", project, cat)
            if project.use_case not in sector.use_cases:
                r.problem(f"sectors[{i}].projects[{j}].use_case",
                          f"{project.use_case!r} is not one of the sector's use_cases")


def _walk_fields(root: Any, names: Iterable[str]) -> Iterator[tuple[str, Any]]:
    """(path, value) for every source-like field below the named attributes."""
    def walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
        fields = m.fields_of(value)
        if fields is not None:
            for name in fields:
                sub = f"{path}.{name}"
                attr = getattr(value, name)
                if name in _SOURCE_FIELDS and attr is not None:
                    yield sub, attr
                elif name in ("sources", "status_sources"):
                    yield from ((f"{sub}[{i}]", s) for i, s in enumerate(attr)
                                if m.fields_of(s) is None)
                    yield from walk(attr, sub)
                else:
                    yield from walk(attr, sub)
        elif isinstance(value, tuple):
            for i, item in enumerate(value):
                yield from walk(item, f"{path}[{i}]")

    for name in names:
        yield from walk(getattr(root, name), name)


def _check_source(r: Reader, path: str, value: str, known: set[str]) -> None:
    if value != m.ESTIMATE and value not in known:
        r.problem(path, f"source {value!r} is not a known source id (or '{m.ESTIMATE}')")


def find_cycle(graph: dict[str, tuple[str, ...]]) -> list[str] | None:
    """A cycle in the prerequisite graph as [a, b, …, a], or None."""
    state: dict[str, int] = {}  # 1 visiting, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt in graph and state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state.get(node) is None:
            found = visit(node)
            if found:
                return found
    return None
