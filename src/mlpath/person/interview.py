"""The questionnaire's flow: every question in order, the summary, the export offer.

Pure: it asks through the `ask` it is given (`prompts.ask` for real, a plain function
in tests) and prints through `say`; the questions themselves come from `questions.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from mlpath.catalogue import model as m
from mlpath.errors import Cancelled
from mlpath.person.profile import Profile
from mlpath.person.questions import (
    BASICS,
    DONE,
    EXISTS,
    QUIT,
    STEP,
    USED,
    Question,
    basic_question,
    export_path_question,
    export_question,
    full_levels,
    level_question,
    overwrite_question,
    rate_now_question,
    rebase_levels,
    skill_steps,
    stated_levels,
    summary_question,
    typical_levels,
    used_question,
)

Ask = Callable[[Question], Any]
Say = Callable[[str], None]


def summary(cat: m.Catalog, a: Profile, width: int = 80) -> str:
    """The answers, one row each (wrapped to `width`), for the confirm-or-change step."""
    bg = next((b.name for b in cat.backgrounds if b.id == a.background), "none")
    rows = [("background", [bg]), ("experience", [f"{a.years_experience} years"]),
            ("region", [cat.region(a.region).name]),
            ("target role", [next((r.name for r in cat.roles if r.id == a.role), a.role)]),
            ("target sector", [next(s.name for s in cat.sectors if s.id == a.sector)]),
            ("hours per week", [str(a.hours_per_week)]), ("start", [a.start.isoformat()])]
    for step in skill_steps(cat):
        known = [f"{s.name} {a.levels[s.id]}" for s in cat.skills_in(step.id)
                 if a.levels.get(s.id, 0)]
        rows.append((step.name, known or ["none yet"]))
    left = max(len(label) for label, _ in rows) + 4
    room = max(width - 1 - left, 20)
    lines = ["", "Your answers (skill levels 0-4):"]
    for label, items in rows:
        line = f"  {label:<{left - 2}}"
        used = 0
        for index, item in enumerate(items):  # wrap between items, never inside one
            piece = item + ("," if index < len(items) - 1 else "")
            if used and used + 1 + len(piece) > room:
                lines.append(line)
                line, used = " " * left, 0
            line += (" " if used else "") + piece
            used += (1 if used else 0) + len(piece)
        lines.append(line)
    return "\n".join([*lines, ""])


def _ask(ask: Ask, question: Question) -> Any:
    """Ask, and turn typed text into its value (an asker returns what the prompt gives)."""
    return question.value(ask(question))


def ask_step(cat: m.Catalog, step: m.Step, a: Profile, ask: Ask, *,
             numbered: bool = True) -> Profile:
    """Tick the skills used in one step, then rate each ticked one 0-4."""
    ticked = set(_ask(ask, used_question(cat, step, a.levels, numbered=numbered)))
    levels = dict(a.levels)
    for skill in cat.skills_in(step.id):
        current = levels.get(skill.id, 0)
        if skill.id in ticked:
            levels[skill.id] = int(_ask(ask, level_question(cat, skill, current)))
        else:
            levels[skill.id] = min(current, USED - 1)  # never used: 0 none or 1 aware
    return replace(a, levels=levels)


def ask_basic(cat: m.Catalog, name: str, a: Profile, ask: Ask) -> Profile:
    value = _ask(ask, basic_question(cat, name, a))
    if name == "background":
        value = value or None
    return replace(a, **{name: value})


def interview(cat: m.Catalog, start: Profile, saved: Profile | None, ask: Ask, say: Say,
              *, width: int = 80) -> Profile:
    """The questions, then the summary until the person confirms it.

    A first run asks the basics, then offers to rate every skill now or to start from the
    background's typical levels (the quick path; refine later from the summary). A re-run
    (`saved`) starts at the summary: Enter builds the plan again, or change one answer.
    """
    a = start
    if saved is None:
        for name in BASICS:
            a = ask_basic(cat, name, a, ask)
            if name == "background":
                a = replace(a, levels=full_levels(cat, typical_levels(cat, a.background)))
        if _ask(ask, rate_now_question()):
            for step in skill_steps(cat):
                a = ask_step(cat, step, a, ask)
    while True:
        say(summary(cat, a, width))
        choice = str(_ask(ask, summary_question(cat)))
        if choice == DONE:
            return replace(a, levels=stated_levels(cat, a.background, a.levels))
        if choice == QUIT:
            raise Cancelled()
        if choice.startswith(STEP):
            a = ask_step(cat, cat.step(choice[len(STEP):]), a, ask, numbered=False)
            continue
        before = a.background
        a = ask_basic(cat, choice, a, ask)
        if choice == "background" and a.background != before:
            a = replace(a, levels=rebase_levels(cat, before, a.background, a.levels))
            say("Skill levels now start from this background; the ones you changed by "
                "hand are kept. Change any step from the list below.")


def export_target(ask: Ask, say: Say, check: Callable[[str], str | None], default: str,
                  ) -> tuple[str, bool] | None:
    """Ask whether and where to export: (path, overwrite) or None for no export.

    `check(path)` is None when the path can be written, EXISTS when it would overwrite a
    file (then we ask), or a message to show before asking for another name.
    """
    if not _ask(ask, export_question()):
        return None
    path = default
    while True:
        path = str(_ask(ask, export_path_question(path)))
        problem = check(path)
        if problem is None:
            return path, False
        if problem != EXISTS:
            say(problem)
        elif _ask(ask, overwrite_question(path)):
            return path, True
