"""The questionnaire as data: questions, choices and defaults built from the catalogue.

Pure code, no questionary and no IO (like commitizen's questions and copier's
question model). `prompts.py` turns a `Question` into a real prompt; `interview.py`
runs the sequence with whatever `ask` it is given. The answers are a `Profile`
(person/profile.py), checked by each question's `parse` as they are typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from mlpath.catalogue import model as m
from mlpath.errors import UsageError
from mlpath.person.profile import FIELDS, Profile, check_hours, check_years, parse_date

Kind = Literal["select", "checkbox", "text", "confirm"]
Value = str | int | bool | None

USED = 2  # the lowest level that means "have used it" (2 basic: can follow a tutorial)
NO_BACKGROUND = ""  # the choice value for "none of these"
DONE, QUIT, STEP = "done", "quit", "step:"
EXISTS = "exists"  # export_target: the file is there already
# The basics asked in this order (background first: it pre-fills the levels); their
# labels come from the one declaration of the person's fields (profile.FIELDS).
BASICS = ("background", "years_experience", "region", "role", "sector", "hours_per_week",
          "start")
LABELS = {f.name: f.label for f in FIELDS}


@dataclass(frozen=True)
class Choice:
    title: str
    value: str | int
    description: str | None = None
    checked: bool = False
    key: str | None = None  # a shortcut key, e.g. "3" for level 3


@dataclass(frozen=True)
class Question:
    """One prompt: what to show, what is pre-filled, how typed text becomes a value."""

    name: str
    kind: Kind
    message: str
    choices: tuple[Choice, ...] = ()
    default: Value = None
    parse: Callable[[str], Any] | None = None  # text: str → value, or UsageError
    instruction: str | None = None

    def error(self, text: str) -> str | None:
        """Why `text` is not an acceptable answer (text questions), or None."""
        if self.parse is None:
            return None
        try:
            self.parse(text)
        except UsageError as err:
            return err.message
        return None

    def value(self, raw: Any) -> Any:
        """The prompt's raw answer as the value the interview keeps."""
        return self.parse(raw) if self.parse is not None and isinstance(raw, str) else raw


def stated_levels(cat: m.Catalog, background: str | None, levels: Mapping[str, int],
                  ) -> dict[str, int]:
    """The levels worth keeping: a 0 is left out (absent means 0) unless it overrides the
    background's typical level."""
    typical = typical_levels(cat, background)
    return {k: v for k, v in sorted(levels.items()) if v or typical.get(k)}


# --- defaults ----------------------------------------------------------------


def initial(cat: m.Catalog, saved: Profile | None, *, start: dt.date | None,
            today: dt.date) -> Profile:
    """The pre-filled answers: the saved profile, else the first choice of each question."""
    if saved is not None:
        return replace(saved, start=start or saved.start, levels=full_levels(cat, saved.levels))
    return Profile(sector=cat.sectors[0].id, start=start or today,
                   background=cat.backgrounds[0].id if cat.backgrounds else None)


def full_levels(cat: m.Catalog, levels: Mapping[str, int]) -> dict[str, int]:
    """A level for every skill in the catalogue (absent means 0)."""
    return {s.id: levels.get(s.id, 0) for s in cat.skills}


def typical_levels(cat: m.Catalog, background: str | None) -> Mapping[str, int]:
    """The levels a background usually starts from (none: every skill at 0)."""
    return next((b.levels for b in cat.backgrounds if b.id == background), {})


def rebase_levels(cat: m.Catalog, old: str | None, new: str | None,
                  levels: Mapping[str, int]) -> dict[str, int]:
    """A new background's typical levels, keeping every level the person set by hand
    (one that differs from the old background's typical level)."""
    before = typical_levels(cat, old)
    by_hand = {k: v for k, v in levels.items() if v != before.get(k, 0)}
    return {**full_levels(cat, typical_levels(cat, new)), **by_hand}


def skill_steps(cat: m.Catalog) -> tuple[m.Step, ...]:
    return tuple(s for s in cat.steps if cat.skills_in(s.id))


# --- the questions -------------------------------------------------------------


def _whole(text: str) -> int | str:
    try:
        return int(text.strip())
    except ValueError:
        return text.strip()


def _years(text: str) -> int:
    return check_years(_whole(text))  # type: ignore[arg-type]


def _hours(text: str) -> int:
    return check_hours(_whole(text))  # type: ignore[arg-type]


def _start(text: str) -> dt.date:
    return parse_date(text, "The start date")


def basic_question(cat: m.Catalog, name: str, a: Profile) -> Question:
    """The question for one of BASICS, pre-filled from `a`."""
    if name == "background":
        choices = [Choice(b.name, b.id, b.summary) for b in cat.backgrounds]
        choices.append(Choice("None of these", NO_BACKGROUND,
                              "Start every skill at 0 and rate each one yourself."))
        return Question(name, "select", "Which background is closest to yours?",
                        tuple(choices), a.background or NO_BACKGROUND)
    if name == "years_experience":
        return Question(name, "text", "Years of professional experience (any field, 0-60):",
                        default=str(a.years_experience), parse=_years)
    if name == "region":
        return Question(name, "select", "Where do you want to work? (for salary figures)",
                        tuple(Choice(f"{r.name} ({r.currency})", r.id)
                              for r in cat.salaries.regions), a.region)
    if name == "role":
        return Question(name, "select", "Which job do you want?",
                        tuple(Choice(r.name, r.id, r.focus) for r in cat.plan_roles()),
                        a.role)
    if name == "sector":
        return Question(name, "select", "Which sector do you want to work in?",
                        tuple(Choice(s.name, s.id, first_sentence(s.evolving))
                              for s in cat.sectors), a.sector)
    if name == "hours_per_week":
        return Question(name, "text", "Hours of study per week (1-80):",
                        default=str(a.hours_per_week), parse=_hours)
    if name == "start":
        return Question(name, "text", "First day of week 1 (YYYY-MM-DD):",
                        default=a.start.isoformat(), parse=_start)
    raise ValueError(f"no question named {name!r}")


def first_sentence(text: str) -> str:
    head, sep, _ = text.partition(". ")
    return head + "." if sep else text


def used_question(cat: m.Catalog, step: m.Step, levels: Mapping[str, int], *,
                  numbered: bool = True) -> Question:
    """`numbered`: "(2/6)" while going through the steps; not when picked from the summary."""
    steps = skill_steps(cat)
    where = f" ({steps.index(step) + 1}/{len(steps)})" if numbered else ""
    return Question(
        f"used:{step.id}", "checkbox",
        f"{step.name}{where}: which have you used?",
        tuple(Choice(s.name, s.id, s.summary, checked=levels.get(s.id, 0) >= USED)
              for s in cat.skills_in(step.id)),
        instruction="(space ticks)")


def level_question(cat: m.Catalog, skill: m.Skill, current: int) -> Question:
    """0-4, each level named with the general anchor; what the level looks like for this
    skill (its own example, from the data) shows under the highlighted one."""

    def choice(lv: m.Level) -> Choice:
        example = skill.examples.get(lv.level)
        words = LEVEL_WORDS.get(skill.kind, {}).get(lv.level, lv.description)
        return Choice(f"{lv.name} — {words}", lv.level, example, key=str(lv.level))

    return Question(f"level:{skill.id}", "select", f"{skill.name}: how well do you know it?",
                    tuple(choice(lv) for lv in cat.levels), max(current, USED),
                    instruction="(arrows or 0-4, then enter)")


# The catalogue's anchors fit a library or a method; where they read oddly for a kind of
# skill ("Git: proficient — has shipped it in production"), that kind's own words.
LEVEL_WORDS: dict[str, dict[int, str]] = {
    "technical": {4: "Uses it with confidence in real work and can teach or review others'."},
    "soft": {0: "Has not practised it on purpose yet.",
             1: "Knows why it matters at work; has not practised it on purpose.",
             2: "Does it when a situation asks for it, with some guidance.",
             3: "Does it well on own initiative in a team and can say how.",
             4: "Others rely on it; coaches or leads others in it."},
}


def rate_now_question() -> Question:
    return Question("rate_now", "select", "Rate your skills now, or start from typical levels?",
                    (Choice("Rate them now, step by step (about 3 minutes)", True),
                     Choice("Plan from my background's typical levels for now", False)),
                    True)


def summary_question(cat: m.Catalog) -> Question:
    choices = [Choice("Yes — build my plan", DONE)]
    choices += [Choice(f"Change {LABELS[name]}", name) for name in BASICS]
    choices += [Choice(f"Change skills: {step.name}", STEP + step.id)
                for step in skill_steps(cat)]
    choices.append(Choice("Quit without saving", QUIT))
    return Question("summary", "select", "Is this right?", tuple(choices), DONE)


def export_question() -> Question:
    return Question("export", "confirm", "Export a Markdown checklist of the plan?",
                    default=True)


def export_path_question(default: str) -> Question:
    return Question("export_path", "text", "File name:", default=default,
                    parse=_file_name)


def overwrite_question(path: str) -> Question:
    return Question("overwrite", "confirm", f"{path} exists. Overwrite it?", default=False)


def _file_name(text: str) -> str:
    if not text.strip():
        raise UsageError("Give a file name, e.g. mlpath-plan.md.")
    return text.strip()
