"""Read back a plan exported by `mlpath` (write.py beside this): its profile and ticked boxes.

No Markdown parser: the exporter marks everything that matters with HTML comments, so
a line scan is enough and survives what editors do to the rest of the file. The scan is
linear whatever the file holds: comments are found with str.find, never a regex that
could backtrack over an unterminated one, and files and lines are capped in size.

    <!-- mlpath:plan format=1 … -->                        this is ours (required)
    - [x] Week 3 … <!-- mlpath:skill=pytorch to=3 part=1/3 -->   one week of one skill
    - [ ] Week 9 … <!-- mlpath:cert=aws-… part=2/6 -->           certification prep
    - [ ] Week 9 … <!-- mlpath:project=fraud-detector part=1/4 -->  a portfolio project
    - [ ] Week 40 … <!-- mlpath:task=job-cv part=1/1 -->         a job-readiness task
    - [ ] Week 8 … <!-- mlpath:review=8 part=1/1 -->             a review week
    <!-- mlpath:profile {json} -->                         the profile the plan was made from

A skill counts as reached (its `to` level) when every one of its parts is present and
ticked (`[x]` or `[X]`); anything else (`[ ]`, `[/]`, a deleted line) is not done.
Projects, tasks and review weeks are read (their keys are "project:<id>", "task:<id>",
"review:<week>") but never change a skill level.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlpath.catalogue import lookup
from mlpath.catalogue import model as m
from mlpath.errors import FileError, MlpathError
from mlpath.person.checks import check_profile_mapping
from mlpath.person.profile import Profile, from_dict

FORMAT = 1
MAX_BYTES = 10_000_000  # an exported plan is tens of kB
MAX_LINE = 100_000  # characters; the longest line mlpath writes (the profile) is ~2 kB
# Each matched against the inside of one <!-- … --> comment, from its start: no
# pattern can backtrack over more than that comment.
_PLAN = re.compile(r"\s*mlpath:plan\b(?P<attrs>[^>]*)\Z")
_PROFILE = re.compile(r"\s*mlpath:profile\s+(?P<json>\{.*\})\s*\Z", re.S)
_TASK = re.compile(r"\s*mlpath:(?P<kind>skill|cert|project|task|review)="
                   r"(?P<id>[^\s>]+)(?P<attrs>\s[^>]*)?\Z")
_BOX = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+\[(?P<mark>.)\]\s")


@dataclass(frozen=True)
class Task:
    """One marked week line."""

    line: int
    key: str  # skill id, or "<kind>:<id>" (cert, project, task, review)
    to_level: int  # 0 for certification prep
    part: int
    parts: int
    ticked: bool


@dataclass(frozen=True)
class ItemProgress:
    """All the week lines of one skill (or certification)."""

    key: str
    to_level: int
    parts: int  # how many weeks the plan gave it
    ticked: int  # how many of them are ticked
    found: int  # how many of them are still in the file

    @property
    def reached(self) -> bool:
        return self.parts > 0 and self.ticked == self.parts == self.found


@dataclass(frozen=True)
class PlanFile:
    name: str
    profile: dict[str, Any] | None
    tasks: tuple[Task, ...]

    def items(self) -> list[ItemProgress]:
        """Per skill pass (a skill's 0→2 and 2→3 are two) and certification, in file order."""
        grouped: dict[tuple[str, int], list[Task]] = {}
        for task in self.tasks:
            grouped.setdefault((task.key, task.to_level), []).append(task)
        out = []
        for (key, _), tasks in grouped.items():
            parts = max(t.parts for t in tasks)
            numbers = {t.part for t in tasks}
            ticked = {t.part for t in tasks if t.ticked}
            out.append(ItemProgress(key, max(t.to_level for t in tasks), parts,
                                    len(ticked), len(numbers)))
        return out

    def reached(self) -> dict[str, int]:
        """Skill id → level, for every skill with all boxes of a pass ticked (the highest)."""
        out: dict[str, int] = {}
        for i in self.items():
            if i.reached and ":" not in i.key:
                out[i.key] = max(out.get(i.key, 0), i.to_level)
        return out


def read(path: Path) -> PlanFile:
    """Read and parse `path`; FileError when it is missing, unreadable or not ours."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise FileError(f"{path} is over {MAX_BYTES // 1_000_000} MB; it is not a plan "
                            "exported by mlpath.")
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise FileError(f"{path} does not exist.") from None
    except IsADirectoryError:
        raise FileError(f"{path} is a directory; give the exported plan file.") from None
    except UnicodeDecodeError:
        raise FileError(f"{path} is not a plan exported by mlpath "
                        "(it is not UTF-8 text).") from None
    except OSError as exc:
        raise FileError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return parse(text, str(path))


def comments(line: str) -> list[str]:
    """The inside of each complete `<!-- … -->` comment on a line, found in one pass."""
    found, pos = [], 0
    while (start := line.find("<!--", pos)) >= 0:
        end = line.find("-->", start + 4)
        if end < 0:
            break
        found.append(line[start + 4:end])
        pos = end + 3
    return found


def _attrs(text: str) -> dict[str, str]:
    """`key=value` words (a split, not a regex: linear on any input)."""
    return {key: value for key, sep, value in (w.partition("=") for w in text.split())
            if sep and key.isidentifier() and value}


def parse(text: str, name: str) -> PlanFile:
    """The recorded profile (raw) and every marked week line; pure."""
    lines = text.splitlines()
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            raise FileError(f"{name}:{number}: a line of over {MAX_LINE:,} characters; this "
                            "is not a plan exported by mlpath.")
    header = next((found for line in lines for c in comments(line)
                   if (found := _PLAN.match(c))), None)
    if header is None:
        raise FileError(f"{name} is not a plan exported by mlpath (no "
                        "'<!-- mlpath:plan' marker); export one with "
                        "'mlpath plan --format markdown --output FILE'.")
    version = _attrs(header.group("attrs")).get("format", "")
    if not version.isdigit() or int(version) > FORMAT:
        raise FileError(f"{name} was exported by a newer or unknown mlpath "
                        f"(format {version[:20] or '?'}); upgrade mlpath to read it.")
    profile = None
    tasks = []
    for number, line in enumerate(lines, 1):
        for comment in comments(line) if "<!--" in line else ():
            found = _PROFILE.match(comment)
            if found and profile is None:
                profile = _profile_json(found.group("json"), name, number)
            task = _TASK.match(comment)
            if task:
                tasks.append(_task(task, line, name, number))
                break  # one task per line, the first, as before
    return PlanFile(name, profile, tuple(tasks))


def _profile_json(raw: str, name: str, line: int) -> dict[str, Any]:
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: [[[[… nested thousands deep
        value = None
    if not isinstance(value, dict):
        raise FileError(f"{name}:{line}: the recorded profile is not valid JSON; "
                        "export the plan again.")
    return value


def _task(found: re.Match[str], line: str, name: str, number: int) -> Task:
    attrs = _attrs(found.group("attrs") or "")
    kind, ident = found.group("kind"), found.group("id")
    try:
        part, _, parts = attrs["part"].partition("/")
        to_level = int(attrs.get("to", "0")) if kind == "skill" else 0
        task = Task(number, ident if kind == "skill" else f"{kind}:{ident}", to_level,
                    int(part), int(parts), False)
    except (KeyError, ValueError):
        raise FileError(f"{name}:{number}: a damaged mlpath marker "
                        f"({_cut(found.group(0))}); export the plan again.") from None
    if kind == "skill" and not m.MIN_LEVEL <= task.to_level <= m.MAX_LEVEL:
        raise FileError(f"{name}:{number}: level {task.to_level} for '{ident}' is out of range "
                        f"({m.MIN_LEVEL}-{m.MAX_LEVEL}).")
    if not 1 <= task.part <= task.parts:
        raise FileError(f"{name}:{number}: a damaged mlpath marker "
                        f"({_cut(found.group(0))}); export the plan again.")
    box = _BOX.match(line)
    ticked = box is not None and box.group("mark") in "xX"
    return Task(task.line, task.key, task.to_level, task.part, task.parts, ticked)


def _cut(text: str) -> str:
    text = text.strip()
    return f"<!-- {text[:80]}{'…' if len(text) > 80 else ''} -->"


def check(plan: PlanFile, cat: m.Catalog) -> None:
    """Every skill the file names exists in the catalogue (FileError with the line if not)."""
    for task in plan.tasks:
        if ":" in task.key:  # certification, project, task, review: not a skill level
            continue
        try:
            lookup.skill(cat, task.key)
        except MlpathError as exc:
            raise FileError(f"{plan.name}:{task.line}: {exc.message}") from None


def recorded_profile(plan: PlanFile, cat: m.Catalog) -> Profile | None:
    """The profile the plan was made from, validated; None when the file has none."""
    if plan.profile is None:
        return None
    try:
        check_profile_mapping(cat, plan.profile)  # dates 1900-2200, whole-number levels
        return from_dict(cat, plan.profile)
    except MlpathError as exc:
        raise FileError(f"{plan.name}: the recorded profile is unusable: {exc.message}") from None
    except (TypeError, ValueError):
        raise FileError(f"{plan.name}: the recorded profile is unusable; "
                        "export the plan again.") from None
