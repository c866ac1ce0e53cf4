"""What a posting asks for: catalogue skills (required or nice, with the line as evidence),
years, seniority, sector and the terms no catalogue skill covers. Phrases match on word
boundaries, any case; a space or hyphen matches either or nothing; plurals and British or
American spellings match; "word*" matches any ending; "a ~ b" allows up to four words
between; a match inside a longer match of another phrase does not count."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from mlpath.errors import MlpathError
from mlpath.matching import asks, stated, vocab
from mlpath.matching.phrases import Found, Pattern, freeze, index
from mlpath.matching.posting import Line, Posting

Terms = Mapping[str, Sequence[str]]  # skill id → phrases


class NoSkillFound(MlpathError):
    """A posting that names no catalogue skill (or is not a job posting at all)."""


class SkillHit(NamedTuple):
    skill: str
    required: bool
    evidence: str  # the line the skill was found on
    line: int  # its number in the posting
    phrase: str = ""  # the catalogue phrase that matched
    # Other options for the same requirement ("PyTorch or TensorFlow"): skill ids, or the
    # term for an option outside the catalogue ("Scala"); hits sharing a group are such.
    alternatives: tuple[str, ...] = ()
    group: int | None = None
    level: int | None = None  # a level the posting states ("expert in Python": 4)


class PostingMatch(NamedTuple):
    name: str
    title: str
    skills: tuple[SkillHit, ...]  # one per skill: required first, then in posting order
    unknown: tuple[str, ...]
    years: int | None
    seniority: str | None  # intern | junior | mid | senior | staff (staff/principal/lead)
    sector: str | None
    location: str | None = None  # as the posting states it (matching/stated.py)
    salary: str | None = None


# ------------------------------------------------------------------ one posting
def match_posting(posting: Posting, terms: Terms,
                  sector_terms: Mapping[str, Sequence[str]] | None = None) -> PostingMatch:
    """Skills, years, seniority, sector and unknown terms of one parsed posting. `terms`:
    skill id → phrases, the skill's name included; `sector_terms`: sector id → names,
    aliases, use cases (None: mlpath's hints alone). NoSkillFound if no skill is named."""
    terms = asks.with_generic(terms)
    phrases = index(freeze(terms), vocab.sector_tables(sector_terms))
    hits: list[SkillHit] = []
    unknown: dict[str, None] = {}  # an ordered set
    sectors: dict[str, tuple[float, int]] = {}  # sector → (score, -first line)
    groups = 0  # "A or B" groups numbered so far
    for n, line in enumerate(posting.lines):
        if line.section == "ignore" and not line.company:
            continue  # benefits, equal opportunity…: nothing
        found = phrases.scan(line.text)
        for f in {f.pattern.phrase: f for f in found}.values():  # a term counts once a line
            for kind, sid in f.pattern.owners:
                if kind in ("sector", "generic"):
                    score, first = sectors.get(sid, (0.0, -n))
                    sectors[sid] = (score + (1.0 if kind == "sector" else 0.25), first)
        if line.section == "ignore":
            continue  # a company blurb: its sector only
        named = _named(line.text, found)
        unknown.update((name, None) for f in named for kind, name in f.pattern.owners
                       if kind in ("unknown", "domain"))
        unknown.update(dict.fromkeys(vocab.industries(line.text)))
        line_hits = _skill_hits(line, named, groups)
        groups += len({h.group for h in line_hits} - {None})
        hits += line_hits
    skills = _one_per_skill(hits, {sid: ph[-1] for sid, ph in terms.items() if ph})
    if not skills:
        raise NoSkillFound(
            f"{posting.name}: no catalogue skill found in this posting. Is it a job "
            "posting? Company blurbs and benefits sections are not read.")
    sector = max(sorted(sectors), key=lambda sid: sectors[sid]) if sectors else None
    years = [y for ln in posting.lines if ln.section != "ignore" and "y" in ln.text.lower()
             for y in vocab.stated_years(ln.text, ln.kind_at)]
    level = vocab.stated_level(posting.title, (ln.text for ln in posting.lines
                                               if ln.section != "ignore"))
    texts = [line.text for line in posting.lines]
    return PostingMatch(posting.name, posting.title, skills, tuple(unknown),
                        max(years, default=None), level, sector,
                        stated.location(texts), stated.salary(texts))


def _named(text: str, found: list[Found]) -> list[Found]:
    """The skill and outside-the-catalogue matches of a line that count."""
    found = [f for f in found if f.pattern.owners[0][0] not in ("sector", "generic")]
    strong: dict[int, int] = {}  # start → furthest end of a non-gap match starting there
    for f in found:
        if not f.pattern.weak:
            strong[f.start] = max(strong.get(f.start, -1), f.end)
    visible, reach, starts, k = [], -1, sorted(strong), 0
    for f in sorted(found, key=lambda f: f.start):  # drop matches inside longer ones
        while k < len(starts) and starts[k] < f.start:
            reach, k = max(reach, strong[starts[k]]), k + 1
        if reach < f.end and strong.get(f.start, -1) <= f.end:
            visible.append(f)
    visible += [Found(a, b, Pattern(name, (("unknown", name),), False))
                for a, b, name in vocab.guarded_terms(text)]
    domain_ok = (any(f.pattern.owners[0][0] == "domain" for f in visible)
                 and vocab.DOMAIN_CONTEXT.search(text) is not None)
    degree = (any(f.pattern.phrase in vocab.DEGREE_FIELDS for f in visible)
              and vocab.DEGREE.search(text) is not None)
    out = []
    for f in visible:
        kind = f.pattern.owners[0][0]
        if kind == "domain" and domain_ok:  # reported as the posting writes it
            term = " ".join(text[f.start:f.end].split())
            out.append(Found(f.start, f.end, Pattern(term, (("domain", term),), False)))
        elif kind == "unknown" or (kind == "skill" and not vocab.TEAM.match(text, f.end)
                                   and not (f.pattern.phrase in vocab.DEGREE_FIELDS and degree)):
            out.append(f)
    return out


def _skill_hits(line: Line, named: list[Found], group_base: int) -> list[SkillHit]:
    groups = _alternatives(line.text, named) if len(named) > 1 else {}
    out = []
    for f in named:
        group = groups.get(f.start)
        for kind, skill in f.pattern.owners:
            if kind == "skill":
                start, end = _sentence(line.text, f.start)
                said = line.text[start:f.start]
                out.append(SkillHit(
                    skill, line.kind_at(f.start) == "required", line.text[start:end],
                    line.number, f.pattern.phrase,
                    tuple(o for o in group[1] if o != skill) if group else (),
                    group_base + group[0] if group else None,
                    asks.stated_skill_level(said, line.text[f.end:end])))
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'])|;\s+")


def _sentence(text: str, pos: int) -> tuple[int, int]:
    """The bounds of the sentence of `text` that holds position `pos`: the evidence a
    person reads, not the whole paragraph."""
    start, end = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= pos:
            start = m.end()
        else:
            end = m.start()
            break
    return start, end


def _alternatives(text: str, found: list[Found]) -> dict[int, tuple[int, tuple[str, ...]]]:
    """Start offset → (group number, members) for matches joined by "or" and "/"."""
    items: list[tuple[int, int, list[str]]] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        names = [name for _, name in f.pattern.owners]
        if items and (f.start < items[-1][1] or not text[items[-1][1]:f.start].strip()):
            items[-1] = (items[-1][0], max(f.end, items[-1][1]), items[-1][2] + names)
        else:
            items.append((f.start, f.end, names))
    chains: list[list[tuple[int, int, list[str]]]] = [items[:1]]
    seps: list[list[str]] = [[]]
    for prev, item in itertools.pairwise(items):
        if vocab.ALT_SEPARATOR.fullmatch(sep := text[prev[1]:item[0]]):
            chains[-1].append(item)
            seps[-1].append(sep)
        else:
            chains.append([item])
            seps.append([])
    out: dict[int, tuple[int, tuple[str, ...]]] = {}
    for chain, between in zip(chains, seps, strict=True):
        members = tuple(dict.fromkeys(o for item in chain for o in item[2]))
        either = vocab.EITHER.search(text[max(0, chain[0][0] - 12):chain[0][0]])
        if len(members) > 1 and (either or any(re.search(r"\bor\b|/", s) for s in between)):
            number = len({g for g, _ in out.values()})
            out.update((item[0], (number, members)) for item in chain)
    return out


def _one_per_skill(hits: list[SkillHit], names: Mapping[str, str]) -> tuple[SkillHit, ...]:
    """Required beats nice, a plain mention beats one with alternatives; then, for the
    evidence, a line that names the skill (its phrase is in the skill's name), then the
    shortest. A level stated on any line counts."""
    first = {h.skill: i for i, h in reversed(list(enumerate(hits)))}
    stated: dict[str, int] = {}
    for h in hits:
        if h.level is not None and h.required:
            stated[h.skill] = max(stated.get(h.skill, 0), h.level)
    best: dict[str, SkillHit] = {}
    for _, hit in sorted(enumerate(hits), key=lambda ih: (
            not ih[1].required, bool(ih[1].alternatives),
            ih[1].phrase not in names.get(ih[1].skill, ""), len(ih[1].evidence), ih[0])):
        if hit.skill not in best:
            best[hit.skill] = hit._replace(level=stated.get(hit.skill))
    return tuple(sorted(best.values(), key=lambda h: (not h.required, first[h.skill])))
