"""The text of an HTML job page as a person reads it, block by block, with the line each
block starts on: the main content only (never navigation, the site's header and footer,
cookie or consent banners, scripts or styles), read with the standard library's parser
after a linear pass that leaves it nothing it would scan more than once."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_TAG = re.compile(r"<\s*(/?)\s*([a-z0-9]+)", re.I)
_BLOCK = {"p", "div", "br", "li", "ul", "ol", "tr", "table", "section", "article", "header",
          "footer", "blockquote", "pre", "dd", "dt", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
          "main"}
# What a reader's eye skips: code, navigation, forms, side bars, the page's title bar.
_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "iframe", "button", "form",
         "select", "aside", "dialog", "title", "menu"}
_CHROME = {"header", "footer"}  # the site's header and footer; an article's own are kept
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_NOT_POSTING = re.compile(r"cookie|consent|gdpr|privacy-banner|newsletter|modal|popup|"
                          r"breadcrumb|skip-link|share|social", re.I)
_SKIP_ROLES = {"navigation", "banner", "contentinfo", "dialog", "alertdialog", "search",
               "complementary"}
_MAIN = re.compile(r"<main\b|\brole\s*=\s*[\"']?main\b", re.I)


class _Reader(HTMLParser):
    """Blocks of text with the line they start on, as a person reads the page: only the
    main content when the page marks it (<main>, role=main), and never navigation, page
    header and footer, cookie or consent banners, scripts or styles."""

    def __init__(self, *, split_lines: bool, main_only: bool, skipping: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.split_lines, self.main_only, self.skipping = split_lines, main_only, skipping
        self.out: list[tuple[int, str]] = []
        self.buf: list[str] = []
        self.first, self.prefix, self.started = 0, "", False
        self.skip: tuple[str, int] | None = None  # the dropped element: tag, open depth
        self.main = self.article = 0  # how deep inside <main>/role=main, <article>

    def flush(self) -> None:
        joined = " ".join("".join(self.buf).split())
        if joined:
            self.out.append((self.first, self.prefix + joined))
        self.buf, self.prefix, self.started = [], "", False

    def _dropped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if not self.skipping:
            return tag in ("script", "style", "template", "title")
        if tag in _SKIP or (tag in _CHROME and not (self.main or self.article)):
            return True
        named = " ".join(v or "" for k, v in attrs if k in ("id", "class"))
        role = next((v or "" for k, v in attrs if k == "role"), "")
        return role.lower() in _SKIP_ROLES or bool(named and _NOT_POSTING.search(named))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip is not None:
            if tag == self.skip[0]:
                self.skip = (tag, self.skip[1] + 1)
            return
        if tag not in _VOID and self._dropped(tag, attrs):
            self.flush()
            self.skip = (tag, 1)
            return
        if tag == "main" or any(k == "role" and (v or "").lower() == "main" for k, v in attrs):
            self.main += 1
        self.article += tag == "article"
        self._open(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip is None:
            self._open(tag)

    def _open(self, tag: str) -> None:
        if tag in _BLOCK:
            self.flush()
            self.prefix = "# " if tag[0] == "h" and tag[1:].isdigit() else (
                "- " if tag == "li" else "")
        elif tag in ("strong", "b"):
            self.buf.append("**")

    def handle_endtag(self, tag: str) -> None:
        if self.skip is not None:
            if tag == self.skip[0]:
                depth = self.skip[1] - 1
                self.skip = (tag, depth) if depth else None
            return
        if tag == "main" and self.main:
            self.main -= 1
        if tag == "article" and self.article:
            self.article -= 1
        if tag in _BLOCK:
            self.flush()
        elif tag in ("strong", "b"):
            self.buf.append("**")

    def handle_data(self, data: str) -> None:
        if self.skip is not None or (self.main_only and not self.main):
            return
        line = self.getpos()[0]
        for i, chunk in enumerate(data.split("\n") if self.split_lines else [data]):
            if i:
                self.flush()
            if not self.started and chunk.strip():  # where the block's text starts
                ahead = data[:len(data) - len(data.lstrip())] if not self.split_lines else ""
                self.first = line + (i if self.split_lines else ahead.count("\n"))
                self.started = True
            self.buf.append(chunk)


_TAG_SHAPE = re.compile(r"</?[A-Za-z][^<>]*>")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")


def _tidy(text: str) -> str:
    """The markup with nothing html.parser would scan more than once (it rescans from every
    unfinished tag at the end): comments, declarations and processing instructions go; a
    tag with unbalanced quotes goes; a '<' that opens no tag before the next '<' is text.
    Newlines are kept, so line numbers stay true. One pass: every search moves forward."""
    out: list[str] = []
    i, n, gt = 0, len(text), -1
    while i < n:
        j = text.find("<", i)
        if j < 0:
            out.append(text[i:])
            break
        out.append(text[i:j])
        if text.startswith("<!--", j):  # a comment; unclosed, it runs to the end
            k = text.find("-->", j + 4)
            end = n if k < 0 else k + 3
            out.append("\n" * text.count("\n", j, end))
            i = end
            continue
        if gt < j:
            gt = text.find(">", j)
            gt = n if gt < 0 else gt
        nxt = text.find("<", j + 1, gt)
        tag = text[j:gt + 1] if nxt < 0 and gt < n else ""
        if tag and _TAG_SHAPE.fullmatch(tag):
            ok = not any(q in _QUOTED.sub("", tag) for q in "\"'")
            out.append(tag if ok else "\n" * tag.count("\n"))
            i = gt + 1
        elif tag[1:2] in ("!", "?"):  # <!DOCTYPE …>, <?xml …?>
            out.append("\n" * tag.count("\n"))
            i = gt + 1
        else:
            out.append("&lt;")
            i = j + 1
    return "".join(out)


def html_lines(text: str) -> list[tuple[int, str]]:
    """(line number, text) per block of an HTML posting; headings get '# ', items '- '.
    Linear in the text (the standard library's parser, fed once)."""
    block_html = any(m.group(2).lower() in _BLOCK for m in _TAG.finditer(text))
    tidy = _tidy(text)
    main_only = _MAIN.search(text) is not None
    for skipping in (True, False):  # if dropping left nothing, the page is all "chrome"
        reader = _Reader(split_lines=not block_html, main_only=main_only and skipping,
                         skipping=skipping)
        reader.feed(tidy)
        reader.close()
        reader.flush()
        if reader.out:
            break
    return reader.out


