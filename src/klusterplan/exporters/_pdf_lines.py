"""Line breaking of paragraphs of several text fragments, as reportlab breaks them.

A field ("**Label:** value", a bold fragment then a regular one) and a
contents line (linked text, then the callback that marks its end) have more
than one fragment, so reportlab breaks them with the general case of
``Paragraph.breakLines``. That case measures every word anew on each call and
sums the spaces of the line for each word it adds. :func:`break_mixed` is the
same case for text fragments (and zero-width callbacks) only: the same words,
the same arithmetic in the same order and the same line structures, with each
word measured once a document. Whatever else that case handles (soft
hyphens, line break tags, images, words wider than the line) is left to
reportlab.

reportlab is imported here only, when a PDF is written.
"""

from __future__ import annotations

from string import whitespace
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus.paragraph import (
    _FK_APPEND,
    _FK_TEXT,
    FragLine,
    ParaLines,
    _HSFrag,
    sameFrag,
)
from reportlab.platypus.paragraph import _shy as _SHY
from reportlab.platypus.paragraph import lstrip as rl_lstrip
from reportlab.platypus.paragraph import split as rl_split

__all__ = ["LONG_WORD", "ascent_descent", "break_mixed", "fitting", "word_widths"]

#: Words this long or longer are cut into lines here rather than by reportlab, whose
#: cost grows with the square of the word's length.
LONG_WORD = 500

#: Word widths, by font and size, of the document being laid out.
word_widths: dict[tuple[str, float], dict[str, float]] = {}
_bounds: dict[tuple[str, float], tuple[float, float]] = {}


def ascent_descent(font_name: str, font_size: float) -> tuple[float, float]:
    """The ascent and descent of a font at a size, asked of reportlab once a process."""
    key = (font_name, font_size)
    bounds = _bounds.get(key)
    if bounds is None:
        bounds = _bounds[key] = getAscentDescent(font_name, font_size)
    return bounds


def fitting(
    word: str, start: int, room: float, font_name: str, font_size: float
) -> tuple[int, float]:
    """Where the longest piece of ``word`` from ``start`` that fits in ``room`` ends, and its width.

    At least one character, so that a line narrower than a letter still moves
    on. The piece is found by doubling and then halving its length, so each
    line costs a few measurements of about its own length.
    """
    end = len(word)
    fits, fits_width = start + 1, stringWidth(word[start : start + 1], font_name, font_size)
    too_long = end + 1
    probe = start + 2
    while probe <= end:
        width = stringWidth(word[start:probe], font_name, font_size)
        if width > room:
            too_long = probe
            break
        fits, fits_width = probe, width
        probe = min(start + 2 * (probe - start), end) if probe < end else end + 1
    while too_long - fits > 1:
        middle = (fits + too_long) // 2
        width = stringWidth(word[start:middle], font_name, font_size)
        if width > room:
            too_long = middle
        else:
            fits, fits_width = middle, width
    return fits, fits_width


def _width(text: str, font_name: str, font_size: float) -> float:
    key = (font_name, font_size)
    measured = word_widths.get(key)
    if measured is None:
        measured = word_widths[key] = {}
    width = measured.get(text)
    if width is None:
        width = measured[text] = stringWidth(text, font_name, font_size)
    return width


def _cut_long_words(words: list[Any], room: float) -> list[Any]:
    """``words`` with each long word of one text fragment wider than ``room`` cut into lines.

    reportlab cuts such a word a character at a time, and again on each page
    it spans. The pieces but the last are words with no space after them, so
    the text reads as typed wherever the lines fall.
    """
    out: list[Any] = []
    for w in words:
        if (
            w[0] <= room
            or len(w[1][1]) < LONG_WORD
            or hasattr(w[1][0], "cbDefn")
            or any(text for _, text in w[2:])  # (zero-width callbacks may follow)
        ):
            out.append(w)
            continue
        f, text = w[1]
        start = 0
        while True:
            end, width = fitting(text, start, room, f.fontName, f.fontSize)
            if end == len(text):
                break
            out.append([width, (f, text[start:end])])
            start = end
        out.append(type(w)([width, (f, text[start:]), *w[2:]]))
    return out


def _frag_words(frags: list[Any]) -> list[Any] | None:
    """The words reportlab's ``_getFragWords`` makes of text fragments and zero-width callbacks.

    ``None`` for anything else, before any fragment is touched.
    """
    for f in frags:
        if isinstance(f, list) or hasattr(f, "lineBreak"):
            return None
        cb = getattr(f, "cbDefn", None)
        text = f.text
        if cb is not None:
            if text != "" or getattr(cb, "width", 0):
                return None
        elif text == "" or _SHY in text:
            return None
    words: list[Any] = []
    word: list[Any] = []
    n: float = 0
    hanging_strip = True
    for f in frags:
        text = f.text
        if text != "":
            f._fkind = _FK_TEXT
            if hanging_strip:
                text = rl_lstrip(text)
                if not text:
                    continue
                hanging_strip = False
            parts = rl_split(text)
            if text[0] in whitespace or not parts:
                if word:
                    word.insert(0, n)
                    words.append(word)
                    word = []
                    n = 0
                    follows_space = False  # (reportlab's hangingSpace, always false here)
                else:
                    follows_space = bool(words) and isinstance(words[-1], _HSFrag)
                if not follows_space:
                    parts.insert(0, "")
                elif not parts:
                    continue
            font_name, font_size = f.fontName, f.fontSize
            for w in parts[:-1]:
                word.append((f, w))
                n += _width(w, font_name, font_size)
                word.insert(0, n)
                words.append(_HSFrag(word))
                word = []
                n = 0
            w = parts[-1]
            word.append((f, w))
            n += _width(w, font_name, font_size)
            if text[-1] in whitespace:
                word.insert(0, n)
                words.append(_HSFrag(word))
                word = []
                n = 0
        else:
            f._fkind = _FK_APPEND
            if not word and words and isinstance(words[-1], _HSFrag):
                words[-1].append((f, ""))
            else:
                word.append((f, ""))
    if word:
        word.insert(0, n)
        words.append(word)
    if not words:
        return None
    return words


def break_mixed(para: Any, width: Any) -> Any:
    """The lines of a paragraph of several text fragments, or ``None`` to leave it to reportlab.

    ``para``'s style must break by width alone (no hyphenation, no dots);
    the caller checks that.
    """
    frags = para.frags
    if len(frags) < 2 or para.bulletText:
        return None
    style = para.style
    words_in = _frag_words(frags)
    if words_in is None:
        return None
    max_widths = list(width) if isinstance(width, tuple | list) else [width]
    max_line = len(max_widths) - 1
    shrinkage = style.spaceShrinkage
    split_long = style.splitLongWords
    if split_long:
        words_in = _cut_long_words(words_in, min(max_widths))
    lines: list[Any] = []
    done: list[Any] = []  # reportlab's FW: the words of the lines made so far
    words: list[Any] = []
    line_start = 0
    line_no = 0
    max_width = max_widths[0]
    widest: float = 0
    n = 0
    space_width: float = 0
    current: float = 0
    max_size: float = 0
    max_ascent: float = 0
    min_descent: float = 0
    g: Any = None
    source: Any = None  # the fragment g is a copy of

    def close_line() -> Any:
        return FragLine(
            extraSpace=max_width - current,
            wordCount=n,
            lineBreak=False,
            words=words,
            fontSize=max_size,
            ascent=max_ascent,
            descent=min_descent,
            maxWidth=max_width,
            sFW=line_start,
        )

    for w in words_in:
        done.append(w)
        last = w[-1][0]
        font_name = last.fontName
        font_size = last.fontSize
        if not words:
            n = space_width = current = 0
            max_size = font_size
            max_ascent, min_descent = ascent_descent(font_name, font_size)
        word_width = w[0]
        f = w[1][0]
        new_width = current + space_width + word_width if word_width > 0 else current
        lim_width = max_width
        if shrinkage:
            shrink = space_width
            for wi in words:
                if wi._fkind == _FK_TEXT:
                    spaces = wi.text.count(" ")
                    if spaces:
                        shrink += spaces * _width(" ", wi.fontName, wi.fontSize)
            shrink *= shrinkage
            lim_width += shrink
        if new_width > lim_width and not hasattr(f, "cbDefn") and split_long:
            at = min(line_no, max_line)
            if word_width > max(max_widths[at : at + 1]):
                return None  # reportlab cuts such a word: let it
        if not (new_width > lim_width and n > 0):
            text = w[1][1]
            if text:
                n += 1
            font_size = f.fontSize
            ascent, descent = ascent_descent(f.fontName, font_size)
            max_size = max(max_size, font_size)
            max_ascent = max(max_ascent, ascent)
            min_descent = min(min_descent, descent)
            if not words:
                g = f.clone()
                source = f
                words = [g]
                g.text = text
            elif not (f is source and f._fkind == _FK_TEXT) and not sameFrag(g, f):
                # (a copy of a text fragment is the same as it: sameFrag, which
                # costs microseconds in the attributes it looks for, is asked
                # only when the fragment changes)
                if space_width:
                    for wi in reversed(words):
                        if wi._fkind == _FK_TEXT:
                            if not wi.text.endswith(" "):
                                wi.text += " "
                            break
                g = f.clone()
                source = f
                words.append(g)
                g.text = text
            elif space_width:
                if not g.text.endswith(" "):
                    g.text += " " + text
                else:
                    g.text += text
            else:
                g.text += text
            space_width = _width(" ", font_name, font_size) if isinstance(w, _HSFrag) else 0
            real = 0
            for piece, piece_text in w[2:]:
                g = piece.clone()
                source = piece
                g.text = piece_text
                if piece_text:
                    real = 1
                words.append(g)
                font_size = g.fontSize
                ascent, descent = ascent_descent(g.fontName, font_size)
                max_size = max(max_size, font_size)
                max_ascent = max(max_ascent, ascent)
                min_descent = min(min_descent, descent)
            if not text and real:
                n += 1
            current = new_width
        else:
            widest = max(widest, current)
            lines.append(close_line())
            line_start = len(done) - 1
            line_no += 1
            max_width = max_widths[min(max_line, line_no)]
            space_width = _width(" ", font_name, font_size) if isinstance(w, _HSFrag) else 0
            current = word_width
            n = 1
            g = f.clone()
            source = f
            max_size = g.fontSize
            max_ascent, min_descent = ascent_descent(g.fontName, max_size)
            words = [g]
            g.text = w[1][1]
            for piece, piece_text in w[2:]:
                g = piece.clone()
                source = piece
                g.text = piece_text
                words.append(g)
                font_size = g.fontSize
                ascent, descent = ascent_descent(g.fontName, font_size)
                max_size = max(max_size, font_size)
                max_ascent = max(max_ascent, ascent)
                min_descent = min(min_descent, descent)
    if words:
        widest = max(widest, current)
        lines.append(close_line())
    para._width_max = widest
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
    para.frags = done
    return ParaLines(kind=1, lines=lines)
