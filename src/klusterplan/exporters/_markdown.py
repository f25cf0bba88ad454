"""The Markdown rendering of a document (the exporter is ``markdown``).

It renders the shared :class:`~klusterplan.document.Document`, so its
sections and wording are those of the Word and PDF exports. Plan text is
escaped: whatever a plan says is shown as typed, never read as markup.
"""

from __future__ import annotations

import re
from typing import assert_never

from ..document import (
    Block,
    BulletList,
    Chart,
    Document,
    Fields,
    Matrix,
    Paragraph,
    Quote,
    Section,
    Staircase,
    Table,
    WritingSpace,
)

__all__ = ["escape", "render"]

_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_BLOCK_MARK = re.compile(r"^(\s*)([#=+-])", re.MULTILINE)
# a digit is not escapable in Markdown, so an ordered-list marker is defused at its dot
_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def _escape_inline(text: str) -> str:
    return _INLINE.sub(r"\\\1", text)


def escape(text: str) -> str:
    """Escape ``text`` so that Markdown shows it exactly as typed."""
    text = _BLOCK_MARK.sub(r"\1\\\2", _escape_inline(text))
    return _LIST_NUMBER.sub(r"\1\\\2", text)


def _heading(level: int, text: str) -> str:
    # a heading is one line, and a run of # at its end would be read as its closing sequence
    line = _escape_inline(" ".join(text.split())).replace("#", "\\#")
    return f"{'#' * level} {line}"


def _cell(text: str) -> str:
    # a table cell cannot open a block, so only inline markup needs escaping
    return "<br>".join(_escape_inline(line) for line in text.strip().splitlines()) or " "


def _paragraphs(text: str) -> list[str]:
    return [escape(p.strip()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _table(
    headers: tuple[str, ...],
    rows: tuple[tuple[str, ...], ...],
    align: tuple[str, ...] = (),
) -> str:
    lines = ["| " + " | ".join(_cell(h) for h in headers) + " |"]
    rules = [" ---: " if a == "right" else " --- " for a in (*align, *[""] * len(headers))][
        : len(headers)
    ]
    lines.append("|" + "|".join(rules) + "|")
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


def _block(block: Block) -> list[str]:
    match block:
        case Paragraph():
            if block.prompt:
                return [f"**{escape(block.text.strip())}**"]
            return _paragraphs(block.text)
        case Quote():
            lines = [
                f"> {line}" if line else ">" for line in escape(block.text.strip()).splitlines()
            ]
            if block.attribution:
                lines.append(f"> — {escape(block.attribution)}")
            return ["\n".join(lines)]
        case BulletList():
            marker = "1." if block.ordered else "-"
            items = "\n".join(
                f"{marker} " + escape(item.strip()).replace("\n", "\n  ") for item in block.items
            )
            return [f"**{escape(block.caption)}**\n\n{items}" if block.caption else items]
        case Fields():
            out = []
            for field in block.items:
                paragraphs = _paragraphs(field.value)
                if len(paragraphs) == 1 and not field.long:
                    out.append(f"**{escape(field.label)}:** {paragraphs[0]}")
                else:
                    out.append(f"**{escape(field.label)}**")
                    out.extend(paragraphs)
            return out
        case Table():
            caption = [f"**{escape(block.caption)}**"] if block.caption else []
            if block.records:
                return [*caption, *_records(block)]
            rows = (*block.rows, block.footer) if block.footer else block.rows
            return [*caption, _table(block.headers, rows, block.align)]
        case Matrix():
            write = "…" * 20 if block.write_in else ""
            rows = tuple((name, ", ".join(groups) or write) for name, groups in block.cells)
            return [f"**{escape(block.title)}**\n\n{_table(('', ''), rows)}"]
        case Staircase():
            write = "…" * 20 if block.write_in else ""
            steps = reversed(list(zip(block.steps, block.groups, strict=True)))
            items = "\n".join(
                f"- **{escape(step)}**: {escape(', '.join(groups)) or write}"
                for step, groups in steps
            )
            return [f"**{escape(block.title)}**", items]
        case WritingSpace():
            prompt = [escape(block.prompt)] if block.prompt else []
            return [*prompt, "\n".join("…" * 40 for _ in range(block.lines))]
        case Chart():
            return _block(block.table)  # Markdown draws no bars: the numbers stand as a table
        case _:
            assert_never(block)


def _records(block: Table) -> list[str]:
    """A wide table as one record a row, as large print shows it."""
    out = []
    for row in block.rows:
        pairs = [(h or "#", c) for h, c in zip(block.headers, row, strict=False) if c.strip()]
        out.append("  \n".join(f"**{escape(h)}:** {escape(c.strip())}" for h, c in pairs))
    return out


def render(document: Document) -> str:
    """Render a document as Markdown text."""
    parts = [_heading(1, document.title)]
    if document.subtitle:
        parts.append(f"**{escape(document.subtitle)}**")
    if document.status_mark:
        parts.append(f"**{escape(document.status_mark)}**")
    parts.extend(f"{escape(name)}: {escape(value)}  " for name, value in document.title_lines)
    parts.extend(f"{escape(name)}: {'…' * 30}  " for name in document.cover_fields)
    if document.promise:
        parts.append(f"*{escape(document.promise)}*")
    if document.control_lines:
        parts.append(
            "  \n".join(
                f"{escape(name)}: {escape(value)}" for name, value in document.control_lines
            )
        )
    for section in document.front:
        parts.extend(_section(section))
    # the contents after the summary, as in the PDF, listing the summary first
    listed = [
        s for s in (*document.front, *document.sections) if s.level <= document.contents_levels
    ]
    if listed:
        parts.append(_heading(2, document.contents_title))
        parts.append(
            "\n".join(f"{'  ' * (s.level - 1)}- {_contents_line(s.title)}" for s in listed)
        )
    for section in document.sections:
        parts.extend(_section(section))
    return "\n\n".join(parts) + "\n"


def _section(section: Section) -> list[str]:
    out = [_heading(section.level + 1, section.title)]
    for block in section.blocks:
        out.extend(_block(block))
    return out


def _contents_line(title: str) -> str:
    # one line of a list, whatever the title holds: a list marker or a number at its
    # start is escaped, as in any paragraph
    return escape(" ".join(title.split()))
