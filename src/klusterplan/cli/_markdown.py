"""A rule's Markdown explanation as a terminal shows it: wrapped, without markup characters.

Emphasis becomes bold or italic on a terminal that shows colour (and plain
text elsewhere), code spans lose their backticks, paragraphs and list items
are wrapped to the width of the terminal with a hanging indent.
"""

from __future__ import annotations

import re
import textwrap

import click

__all__ = ["render"]

_BOLD = re.compile(r"\*\*(.+?)\*\*", re.DOTALL)
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])", re.DOTALL)
_CODE = re.compile(r"`([^`]+)`")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def _inline(text: str, colour: bool) -> str:
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(lambda m: click.style(m.group(1), fg="cyan") if colour else m.group(1), text)
    text = _BOLD.sub(lambda m: click.style(m.group(1), bold=True) if colour else m.group(1), text)
    return _ITALIC.sub(
        lambda m: click.style(m.group(1), italic=True) if colour else m.group(1), text
    )


def render(markdown: str, width: int = 80, colour: bool = False) -> str:
    """``markdown`` as plain, wrapped text for a terminal ``width`` columns wide."""
    blocks = re.split(r"\n\s*\n", markdown.strip())
    out: list[str] = []
    for block in blocks:
        lines = block.splitlines()
        if all(re.match(r"\s*([-*]|\d+\.)\s", line) or line.startswith("  ") for line in lines):
            items: list[str] = []
            for line in lines:
                if re.match(r"\s*([-*]|\d+\.)\s", line):
                    items.append(line.strip())
                elif items:
                    items[-1] += " " + line.strip()
            for item in items:
                marker, _, rest = item.partition(" ")
                bullet = "•" if marker in "-*" else marker
                # wrapped before styling, so the escape codes do not count as width
                wrapped = textwrap.wrap(
                    _inline(rest, False) if not colour else rest,
                    width=width - len(bullet) - 1,
                )
                first, *more = wrapped or [""]
                out.append(f"{bullet} {_style(first, colour)}")
                out.extend(" " * (len(bullet) + 1) + _style(line, colour) for line in more)
            out.append("")
            continue
        joined = " ".join(line.strip() for line in lines)
        if joined.startswith("#"):
            out.append(_style(joined.lstrip("#").strip(), colour).upper())
        else:
            plain = _inline(joined, False)
            if colour:
                out.extend(_style(line, colour) for line in _wrap_marked(joined, width))
            else:
                out.extend(textwrap.wrap(plain, width=width))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _style(text: str, colour: bool) -> str:
    return _inline(text, colour) if colour else text


def _wrap_marked(text: str, width: int) -> list[str]:
    """Wrap text that still holds its markup by the width of what will show."""
    words = text.split()
    lines: list[str] = []
    current: list[str] = []
    shown = 0
    for word in words:
        size = len(_inline(word, False))
        if current and shown + 1 + size > width:
            lines.append(" ".join(current))
            current, shown = [], 0
        shown += size + (1 if current else 0)
        current.append(word)
    if current:
        lines.append(" ".join(current))
    return _rejoin_marks(lines)


def _rejoin_marks(lines: list[str]) -> list[str]:
    # emphasis split over two lines is closed and reopened on each, so each styles alone
    out = []
    carry = ""
    for line in lines:
        line = carry + line
        carry = ""
        for mark in ("**", "`"):
            if line.count(mark) % 2:
                line += mark
                carry += mark
        out.append(line)
    return out
