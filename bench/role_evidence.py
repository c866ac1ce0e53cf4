"""What job postings ask for, per role: the evidence behind each role's target skills.

    .venv/bin/python bench/role_evidence.py [--postings DIR] [--seniority LIST] [--markdown]

Reads the hand labels of the postings in DIR (default tests/postings/): DIR/labels.yaml,
whose roles (and labels in skill ids newer than that file, `add_required`/`add_nice`)
come from DIR/roles.yaml, and DIR/roles/labels.yaml, whose entries carry their own
`role`. `--seniority intern,junior` counts only postings labelled with those. Prints, per
role, the number of postings and, for every skill labelled in them, the share of postings
that require it and the share that list it at all (required or nice to have), highest
first. `--markdown` prints the same as Markdown tables.
Exit 1 when a label file is missing or malformed, or a posting has no role.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

POSTINGS = Path(__file__).resolve().parents[1] / "tests" / "postings"
ROLE_ORDER = ("ml-engineer", "ai-engineer", "mlops-engineer", "other")


class EvidenceError(Exception):
    """A label file that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Posting:
    name: str
    role: str
    seniority: str | None
    required: frozenset[str]
    listed: frozenset[str]  # required or nice to have


@dataclass(frozen=True)
class SkillShare:
    skill: str
    required: int  # postings that require the skill
    listed: int  # postings that require it or list it as nice to have


@dataclass(frozen=True)
class RoleEvidence:
    role: str
    postings: int
    skills: tuple[SkillShare, ...]  # highest required share first


def _mapping(path: Path) -> Mapping[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise EvidenceError(f"{path}: cannot read it ({type(err).__name__}).") from err
    if not isinstance(data, dict):
        raise EvidenceError(f"{path}: expected a mapping of posting file names.")
    return data


def _skills(path: Path, name: str, entry: Mapping[str, Any], key: str) -> frozenset[str]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise EvidenceError(f"{path}: {name}: `{key}` must be a list of skill ids.")
    return frozenset(value)


def _postings(path: Path, roles: Mapping[str, Any]) -> list[Posting]:
    """The labelled postings in one labels file; a posting's role is its own `role` key,
    else its entry in `roles`, which may add labels too."""
    found = []
    for name, entry in _mapping(path).items():
        mapped = roles.get(name) or {}
        if not isinstance(entry, dict) or not isinstance(mapped, dict):
            raise EvidenceError(f"{path}: {name}: expected a mapping of labels.")
        role = entry.get("role") or mapped.get("role")
        if not isinstance(role, str):
            raise EvidenceError(f"{path}: {name}: no role (add `role:` or a roles.yaml entry).")
        required = (_skills(path, name, entry, "required")
                    | _skills(path, name, mapped, "add_required"))
        listed = (required | _skills(path, name, entry, "nice")
                  | _skills(path, name, mapped, "add_nice"))
        seniority = entry.get("seniority")
        found.append(Posting(name, role, seniority if isinstance(seniority, str) else None,
                             required, listed))
    return found


def load(folder: Path) -> list[Posting]:
    """Every labelled posting under `folder` (see the module docstring)."""
    roles_file = folder / "roles.yaml"
    roles = _mapping(roles_file) if roles_file.exists() else {}
    postings = _postings(folder / "labels.yaml", roles)
    extra = folder / "roles" / "labels.yaml"
    if extra.exists():
        postings += _postings(extra, {})
    return postings


def evidence(postings: Iterable[Posting]) -> list[RoleEvidence]:
    """Per role, how many postings require and list each skill."""
    by_role: dict[str, list[Posting]] = {}
    for posting in postings:
        by_role.setdefault(posting.role, []).append(posting)
    order = {role: i for i, role in enumerate(ROLE_ORDER)}
    result = []
    for role in sorted(by_role, key=lambda r: (order.get(r, len(order)), r)):
        group = by_role[role]
        required = Counter(s for p in group for s in p.required)
        listed = Counter(s for p in group for s in p.listed)
        shares = sorted((SkillShare(s, required[s], listed[s]) for s in listed),
                        key=lambda x: (-x.required, -x.listed, x.skill))
        result.append(RoleEvidence(role, len(group), tuple(shares)))
    return result


def _pct(count: int, total: int) -> str:
    return f"{round(100 * count / total)} %"


def render_text(roles: Iterable[RoleEvidence]) -> str:
    lines = []
    for ev in roles:
        lines += ["", f"{ev.role}: {ev.postings} postings",
                  f"  {'skill':<28}{'required':>10}{'listed':>10}"]
        lines += [f"  {s.skill:<28}{_pct(s.required, ev.postings):>10}"
                  f"{_pct(s.listed, ev.postings):>10}" for s in ev.skills]
    return "\n".join(lines[1:]) + "\n"


def render_markdown(roles: Iterable[RoleEvidence]) -> str:
    lines = []
    for ev in roles:
        lines += ["", f"### {ev.role} ({ev.postings} postings)", "",
                  "| skill | required | listed (required or nice) |", "|---|---:|---:|"]
        lines += [f"| {s.skill} | {_pct(s.required, ev.postings)} ({s.required}) "
                  f"| {_pct(s.listed, ev.postings)} ({s.listed}) |" for s in ev.skills]
    return "\n".join(lines[1:]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--postings", type=Path, default=POSTINGS, metavar="DIR",
                        help="folder with labels.yaml (default: tests/postings)")
    parser.add_argument("--seniority", metavar="LIST",
                        help="only postings of these seniorities, e.g. intern,junior")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = parser.parse_args(argv)
    try:
        postings = load(args.postings)
    except EvidenceError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.seniority:
        wanted = set(args.seniority.split(","))
        postings = [p for p in postings if p.seniority in wanted]
    roles = evidence(postings)
    sys.stdout.write((render_markdown if args.markdown else render_text)(roles))
    return 0


if __name__ == "__main__":
    sys.exit(main())
