"""How catalogue phrases are found in text: one index from a phrase's first words to the
phrase, and for each phrase a matcher (a direct comparison for plain words, a regex for
the rest, built on first use). Phrases match on word boundaries, any case; a space or
hyphen matches either or nothing; plurals and British or American spellings match;
"word*" matches any ending; "a ~ b" allows up to four words between."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from mlpath.matching import vocab

Owner = tuple[str, str]  # (kind, name); kind: skill, unknown, domain, sector or generic
Frozen = tuple[tuple[str, tuple[str, ...]], ...]


class Pattern(NamedTuple):
    phrase: str  # its regex is built on first use: most phrases are never tried
    owners: tuple[Owner, ...]
    weak: bool  # has a "~" gap: never hides other matches


class Found(NamedTuple):
    start: int
    end: int
    pattern: Pattern


Matcher = Callable[[str, int], "int | None"]  # (text, start) → end of the match, or None
MATCHERS: dict[str, Matcher] = {}
_TOKEN = re.compile(r"\w+")
_SPECIAL = {"-": r"[\s-]?", "/": r"\s*/\s*", "&": r"\s*&\s*", "'": "'?"}


def regex(phrase: str) -> str:
    out, words = "", phrase.split()
    for i, word in enumerate(words):
        if word == "~":
            out += r"\W+(?:[\w'+#.&-]+\W+){0,4}?"
            continue
        out += r"[\s-]*" if i and words[i - 1] != "~" else ""
        core = word.rstrip("*")
        s = "".join(_SPECIAL.get(ch, re.escape(ch)) for ch in core)
        s = re.sub(r"el{1,2}(?=ing|ed$)", "ell?", s.replace("iz", "i[sz]").replace("yz", "y[sz]"))
        out += s + (r"\w*" if word.endswith("*") else r"(?:e?s)?"
                    if i == len(words) - 1 and core[-1:].isalpha() else "")
    return out + r"(?![\w+#])"


# Words of letters and digits only, with no spelling the regex treats alike (-ise/-ize,
# -eled/-elled): the regex would be `w1[\s-]*w2…(?:e?s)?(?![\w+#])`, and compiling one
# costs more than a whole scan, so these are compared directly.
_PLAIN_WORD = r"(?:(?!iz|yz|ell?(?:ing|ed\b))[a-z0-9])+"
PLAIN = re.compile(rf"{_PLAIN_WORD}(?: {_PLAIN_WORD})*\*?")  # "word*": any ending


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def plain(words: tuple[str, ...], text: str, start: int) -> int | None:
    """What the phrase's regex would match at `start`, without compiling it."""
    end, size = start, len(text)
    for n, word in enumerate(words):
        if n:
            while end < size and (text[end].isspace() or text[end] == "-"):
                end += 1
        core = word.rstrip("*")
        if text[end:end + len(core)].lower() != core:
            return None
        end += len(core)
    if words[-1].endswith("*"):
        while end < size and _word_char(text[end]):
            end += 1
        return None if end < size and text[end] in "+#" else end
    tails = ("es", "s", "") if words[-1][-1].isalpha() else ("",)
    for tail in tails:
        stop = end + len(tail)
        if text[end:stop].lower() == tail and not (
                stop < size and (_word_char(text[stop]) or text[stop] in "+#")):
            return stop
    return None


def matcher(phrase: str) -> Matcher:
    found = MATCHERS.get(phrase)
    if found is None:
        if PLAIN.fullmatch(phrase):
            words = tuple(phrase.split())
            found = MATCHERS[phrase] = lambda text, start: plain(words, text, start)
        else:
            rx = re.compile(regex(phrase), re.I)
            found = MATCHERS[phrase] = lambda text, start: (
                hit.end() if (hit := rx.match(text, start)) else None)
    return found


def _fold(word: str) -> str:
    """Fold the spellings a phrase's regex treats alike (-ise/-ize, -elled/-eled)."""
    word = word.lower()
    if "z" in word or "ll" in word or "'" in word:
        word = word.replace("'", "").replace("z", "s").replace("ll", "l")
    return word


def _plurals(word: str) -> tuple[str, ...]:
    return (word[:-1], word[:-2]) if word.endswith("es") else (
        (word[:-1],) if word.endswith("s") else ())


class Index(NamedTuple):
    # Keyed by folded words: a phrase's first two words, or its one word, or its words run
    # together ("mlops"); "word* …" by the first three letters, with the letters before *.
    words: Mapping[str, tuple[Pattern, ...]]
    stems: Mapping[str, tuple[tuple[str, tuple[Pattern, ...]], ...]]
    firsts: frozenset[str]  # first words of the two-word keys

    def scan(self, text: str) -> list[Found]:
        found: list[Found] = []
        words, stems = self.words.get, self.stems.get
        tokens = [(m.start(), _fold(m.group())) for m in _TOKEN.finditer(text)]
        for i, (pos, word) in enumerate(tokens):
            candidates = [p for w in (word, *_plurals(word)) for p in words(w, ())]
            if word in self.firsts and i + 1 < len(tokens):
                nxt = tokens[i + 1][1]
                candidates += [p for w in (nxt, *_plurals(nxt)) for p in words(f"{word} {w}", ())]
            candidates += [p for prefix, ps in stems(word[:3], ()) if word.startswith(prefix)
                           for p in ps]
            for pattern in candidates:
                end = matcher(pattern.phrase)(text, pos)
                if end is not None:
                    found.append(Found(pos, end, pattern))
        return found


_KEY_TOKEN, _KEY_GAP, _WORD = re.compile(r"\w+\*?"), re.compile(r"[\s-]+"), re.compile(r"\w+")


def _keys(phrase: str) -> tuple[set[str], set[str]]:
    """(word keys, stems) of a phrase, as Index describes them."""
    head = phrase.split("~")[0]
    tokens = _KEY_TOKEN.findall(head)
    first, second = tokens[0], tokens[1] if len(tokens) > 1 else ""
    if first.endswith("*"):
        return set(), {_fold(first[:-1])}
    keys = {_fold(first)} if not second or second.endswith("*") else {
        f"{_fold(first)} {_fold(second)}"}
    joined = ""
    for n, part in enumerate(_KEY_GAP.split(head.strip())):  # "ml ops" is also "mlops"
        if not _WORD.fullmatch(part):
            break
        joined += part
        if n:
            keys.add(_fold(joined))
    return keys, set()


def freeze(terms: Mapping[str, Sequence[str]]) -> Frozen:
    return tuple((k, tuple(v)) for k, v in terms.items())


@functools.lru_cache(maxsize=8)
def index(skills: Frozen, sectors: tuple[tuple[str, Frozen], ...]) -> Index:
    """One index for skill phrases, terms outside the catalogue and sector terms."""
    owners: dict[str, list[Owner]] = {}
    for kind, table in (("skill", skills), ("unknown", freeze(vocab.UNKNOWN_TERMS)),
                        ("domain", (("", tuple(vocab.DOMAIN_TERMS)),)), *sectors):
        for name, phrases in table:
            for phrase in phrases:
                p = " ".join(str(phrase).lower().split())
                if p[:1].isalnum() and (kind, name) not in owners.setdefault(p, []):
                    owners[p].append((kind, name))
    words: dict[str, list[Pattern]] = {}
    stems: dict[str, dict[str, list[Pattern]]] = {}
    for p in sorted(owners, key=lambda x: (-len(x), x)):
        pattern = Pattern(p, tuple(owners[p]), "~" in p)
        keys, prefixes = _keys(p)
        for key in keys:
            words.setdefault(key, []).append(pattern)
        for key in prefixes:
            stems.setdefault(key[:3], {}).setdefault(key, []).append(pattern)
    return Index({k: tuple(v) for k, v in words.items()},
                  {k: tuple((p, tuple(v)) for p, v in sorted(d.items()))
                   for k, d in stems.items()},
                  frozenset(k.split()[0] for k in words if " " in k))
