"""Plain text from an HTML fragment (feed summaries and content), keeping paragraph breaks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements that end a paragraph (or a line) in the rendered text.
_BLOCK = frozenset(
    {
        *("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"),
        *("blockquote", "section", "article", "header", "footer", "figcaption"),
    }
)
_SKIP = frozenset(("script", "style", "noscript", "template"))
_ANY_SPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\u00a0\f\v]+")
_BLANKS = re.compile(r"\n\s*\n+")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._pre_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip_depth += 1
        elif tag == "pre":
            self._pre_depth += 1
            self.parts.append("\n\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n" if tag != "br" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "pre":
            self._pre_depth = max(0, self._pre_depth - 1)
            self.parts.append("\n\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            # Source line breaks are just spaces in HTML, except inside <pre>.
            self.parts.append(data if self._pre_depth else _ANY_SPACE.sub(" ", data))


def html_to_text(fragment: str) -> str:
    """Tags removed, entities decoded, paragraphs separated by one blank line."""
    collector = _Collector()
    collector.feed(fragment)
    collector.close()
    text = "".join(collector.parts)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
