"""The only module that imports questionary: it asks a `questions.Question` for real.

Imported lazily by `mlpath assess` only (questionary and prompt_toolkit cost ~110 ms
at start-up). Ctrl-C and Esc at any prompt raise `Cancelled` (exit 130).
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import questionary
from prompt_toolkit.application import create_app_session
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.output import create_output

from mlpath.errors import Cancelled
from mlpath.person.questions import Question

_STYLE = questionary.Style([("qmark", "fg:ansicyan bold"), ("answer", "fg:ansigreen"),
                            ("instruction", "fg:ansibrightblack")])


def ask(question: Question) -> Any:
    """Show one prompt and return its raw answer; Cancelled on Ctrl-C or Esc.

    A text answer's default is shown greyed as a hint: typing replaces it, Enter keeps it.
    A bad answer is explained on the line under the prompt, which is then asked again.
    """
    while True:
        answer = _ask_once(question)
        if question.kind != "text":
            return answer
        text = str(answer).strip()
        if not text and question.default is not None:
            return str(question.default)
        problem = question.error(text)
        if problem is None:
            return text
        say(f"  ✗ {problem}")


def _ask_once(question: Question) -> Any:
    prompt = _build(question)
    _cancel_on_escape(prompt)
    try:
        answer = prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError):  # Ctrl-C, Esc (bound below), Ctrl-D
        raise Cancelled() from None
    if answer is None:  # a prompt that was closed without an answer
        raise Cancelled()
    return answer


@contextlib.contextmanager
def terminal() -> Iterator[None]:
    """Prompts on the terminal even when stdout is a pipe (`mlpath assess | tee log`): the
    questions are drawn on /dev/tty, the plan still goes to stdout."""
    if sys.stdout.isatty() or not sys.stdin.isatty():
        yield
        return
    try:
        tty = open("/dev/tty", "w", encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError:
        yield
        return
    with tty, create_app_session(output=create_output(stdout=tty)):
        yield


def say(text: str) -> None:
    """Text between prompts (the welcome, the summary)."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _build(q: Question) -> questionary.Question:
    room = max(40, shutil.get_terminal_size().columns - 1) - len(" » 0) ")
    choices = []
    for c in q.choices:
        title, description = c.title, c.description
        if len(title) > room:  # questionary cuts long lines: shorten, and show it all below
            title, description = title[:room - 1] + "…", description or title
        choices.append(questionary.Choice(title, c.value, checked=c.checked,
                                          description=_wrap(description),
                                          shortcut_key=c.key if c.key is not None else False))
    if q.kind == "select":
        shortcuts = any(c.key is not None for c in q.choices)
        default: Any = q.default  # a choice's value (questionary's hint says str only)
        return questionary.select(q.message, choices, default=default, style=_STYLE,
                                  instruction=q.instruction, use_shortcuts=shortcuts,
                                  use_jk_keys=not shortcuts)
    if q.kind == "checkbox":
        return questionary.checkbox(q.message, choices, style=_STYLE, instruction=q.instruction)
    if q.kind == "confirm":
        return questionary.confirm(q.message, default=bool(q.default), style=_STYLE)

    hint = None if q.default is None else [("fg:ansibrightblack", str(q.default))]
    return questionary.text(q.message, style=_STYLE, placeholder=hint,
                            instruction="(Enter keeps the grey answer)" if hint else None)


def _wrap(text: str | None) -> str | None:
    """questionary cuts a description at the edge of the screen: wrap it under its label."""
    if text is None:
        return None
    width = max(40, shutil.get_terminal_size().columns - 1)
    indent = " " * len("  Description: ")
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent,
                         break_on_hyphens=False).lstrip()


def _cancel_on_escape(prompt: questionary.Question) -> None:
    """Esc cancels like Ctrl-C (questionary binds only Ctrl-C)."""
    bindings = KeyBindings()

    @bindings.add(Keys.Escape, eager=True)
    def _cancel(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    app = prompt.application
    app.key_bindings = (merge_key_bindings([app.key_bindings, bindings])
                        if app.key_bindings is not None else bindings)
