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
from typing import Any, NamedTuple

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
from reportlab.platypus.paragraph import strip as rl_strip

__all__ = [
    "LONG_WORD",
    "ascent_descent",
    "break_mixed",
    "break_plain",
    "copy_frag",
    "fitting",
    "plain_style",
    "word_widths",
]

#: Words this long or longer are cut into lines here rather than by reportlab, whose
#: cost grows with the square of the word's length.
LONG_WORD = 500

#: Word widths, by font and size, of the document being laid out.
word_widths: dict[tuple[str, float], dict[str, float]] = {}
_bounds: dict[tuple[str, float], tuple[float, float]] = {}


def copy_frag(frag: Any, **changes: Any) -> Any:
    """What ``frag.clone(**changes)`` gives, its attributes copied at once.

    reportlab's fragments are attribute bags whose ``clone`` passes every
    attribute through keywords twice; a paragraph's wrap and each plain text
    made without the parser copy one (a twentieth of an export went to it).
    """
    new = object.__new__(type(frag))
    attributes = vars(frag).copy()
    if changes:
        attributes.update(changes)
    new.__dict__ = attributes
    return new


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

    ``None`` for anything else, before any fragment is touched. Words this
    breaker (or reportlab's) made before are taken as they are: a broken
    paragraph keeps its words as its fragments, and wrapped again (to split
    it, or at another width) reportlab takes them as they are too.
    """
    if frags and all(
        (type(f) is list or type(f) is _HSFrag) and type(f[0]) in (float, int) for f in frags
    ):
        return list(frags)
    if len(frags) < 2:
        return None  # one fragment of text is break_plain's, or reportlab's
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


class _Line:
    """The line :func:`break_mixed` is filling, and the lines made before it.

    The names are those of reportlab's ``breakLines``, whose arithmetic each
    step repeats in the same order.
    """

    def __init__(self, max_widths: list[Any]) -> None:
        self.max_widths = max_widths
        self.max_line = len(max_widths) - 1
        self.lines: list[Any] = []
        self.words: list[Any] = []
        self.line_start = 0
        self.line_no = 0
        self.max_width = max_widths[0]
        self.widest: float = 0
        self.n = 0
        self.space_width: float = 0
        self.current: float = 0
        self.max_size: float = 0
        self.max_ascent: float = 0
        self.min_descent: float = 0
        self.g: Any = None
        self.source: Any = None  # the fragment g is a copy of

    def start(self, font_name: str, font_size: float) -> None:
        """Begin an empty line in the font of the word that opens it."""
        self.n = self.space_width = self.current = 0
        self.max_size = font_size
        self.max_ascent, self.min_descent = ascent_descent(font_name, font_size)

    def limit(self, shrinkage: float) -> float:
        """The width the line may reach: its own, plus what its spaces may shrink."""
        lim_width: float = self.max_width
        if shrinkage:
            shrink = self.space_width
            for wi in self.words:
                if wi._fkind == _FK_TEXT:
                    spaces = wi.text.count(" ")
                    if spaces:
                        shrink += spaces * _width(" ", wi.fontName, wi.fontSize)
            shrink *= shrinkage
            lim_width += shrink
        return lim_width

    def grow(self, frag: Any) -> None:
        """Make the line as tall as ``frag``'s font needs."""
        font_size = frag.fontSize
        ascent, descent = ascent_descent(frag.fontName, font_size)
        self.max_size = max(self.max_size, font_size)
        self.max_ascent = max(self.max_ascent, ascent)
        self.min_descent = min(self.min_descent, descent)

    def pieces(self, w: Any) -> int:
        """Add the word's fragments after its first; 1 when one of them has text."""
        real = 0
        for piece, piece_text in w[2:]:
            g = self.g = copy_frag(piece)
            self.source = piece
            g.text = piece_text
            if piece_text:
                real = 1
            self.words.append(g)
            self.grow(g)
        return real

    def add(self, w: Any, font_name: str, new_width: float) -> None:
        """Put the word ``w`` at the end of the line, which is then ``new_width`` wide."""
        f = w[1][0]
        text = w[1][1]
        if text:
            self.n += 1
        self.grow(f)
        words = self.words
        if not words:
            g = self.g = copy_frag(f)
            self.source = f
            self.words = [g]
            g.text = text
        elif not (f is self.source and f._fkind == _FK_TEXT) and not sameFrag(self.g, f):
            # (a copy of a text fragment is the same as it: sameFrag, which
            # costs microseconds in the attributes it looks for, is asked
            # only when the fragment changes)
            if self.space_width:
                for wi in reversed(words):
                    if wi._fkind == _FK_TEXT:
                        if not wi.text.endswith(" "):
                            wi.text += " "
                        break
            g = self.g = copy_frag(f)
            self.source = f
            words.append(g)
            g.text = text
        elif self.space_width:
            g = self.g
            if not g.text.endswith(" "):
                g.text += " " + text
            else:
                g.text += text
        else:
            self.g.text += text
        # (the space after the word: the font of its last fragment, at its first's size)
        self.space_width = _width(" ", font_name, f.fontSize) if isinstance(w, _HSFrag) else 0
        real = self.pieces(w)
        if not text and real:
            self.n += 1
        self.current = new_width

    def close(self) -> Any:
        """The line as reportlab's ``FragLine``; the widest line so far noted."""
        self.widest = max(self.widest, self.current)
        return FragLine(
            extraSpace=self.max_width - self.current,
            wordCount=self.n,
            lineBreak=False,
            words=self.words,
            fontSize=self.max_size,
            ascent=self.max_ascent,
            descent=self.min_descent,
            maxWidth=self.max_width,
            sFW=self.line_start,
        )

    def break_before(self, w: Any, font_name: str, font_size: float, at: int) -> None:
        """Close the line and start the next with the word ``w``, the ``at``-th of the paragraph."""
        self.lines.append(self.close())
        self.line_start = at
        self.line_no += 1
        self.max_width = self.max_widths[min(self.max_line, self.line_no)]
        self.space_width = _width(" ", font_name, font_size) if isinstance(w, _HSFrag) else 0
        self.current = w[0]
        self.n = 1
        f = w[1][0]
        g = self.g = copy_frag(f)
        self.source = f
        self.max_size = g.fontSize
        self.max_ascent, self.min_descent = ascent_descent(g.fontName, self.max_size)
        self.words = [g]
        g.text = w[1][1]
        self.pieces(w)


def break_mixed(para: Any, width: Any) -> Any:
    """The lines of a paragraph of several text fragments, or ``None`` to leave it to reportlab.

    ``para``'s style must break by width alone (no hyphenation, no dots);
    the caller checks that.
    """
    frags = para.frags
    if para.bulletText:
        return None
    style = para.style
    words_in = _frag_words(frags)
    if words_in is None:
        return None
    max_widths = list(width) if isinstance(width, tuple | list) else [width]
    shrinkage = style.spaceShrinkage
    split_long = style.splitLongWords
    if split_long:
        words_in = _cut_long_words(words_in, min(max_widths))
    line = _Line(max_widths)
    done: list[Any] = []  # reportlab's FW: the words of the lines made so far
    for w in words_in:
        done.append(w)
        last = w[-1][0]
        font_name = last.fontName
        font_size = last.fontSize
        if not line.words:
            line.start(font_name, font_size)
        word_width = w[0]
        current = line.current
        new_width = current + line.space_width + word_width if word_width > 0 else current
        lim_width = line.limit(shrinkage)
        if new_width > lim_width and not hasattr(w[1][0], "cbDefn") and split_long:
            at = min(line.line_no, line.max_line)
            if word_width > max(max_widths[at : at + 1]):
                return None  # reportlab cuts such a word: let it
        if not (new_width > lim_width and line.n > 0):
            line.add(w, font_name, new_width)
        else:
            line.break_before(w, font_name, font_size, len(done) - 1)
    if line.words:
        line.lines.append(line.close())
    para._width_max = line.widest
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
    para.frags = done
    return ParaLines(kind=1, lines=line.lines)


def plain_style(style: Any) -> bool:
    """Whether reportlab breaks lines in ``style`` by width alone (no hyphenation or dots)."""
    return not (
        style.endDots
        or style.wordWrap
        or style.shaping
        or style.hyphenationLang
        or style.uriWasteReduce
        or style.embeddedHyphenation
    )


def _plain_words(f: Any) -> list[str] | None:
    """The words of a paragraph's one text fragment, or ``None`` where reportlab must break it."""
    if hasattr(f, "cbDefn") or hasattr(f, "backColor"):
        return None
    text = getattr(f, "text", None)
    if text is None:
        # the second part of a split paragraph holds its words
        words = getattr(f, "words", None)
        if type(words) is not list or not all(type(w) is str for w in words):
            return None
        if not any(rl_strip(w) for w in words):
            return None
        words = list(words)
    else:
        text = rl_strip(text)
        if not text:
            return None
        words = rl_split(text)
    if _SHY in text if text is not None else any(_SHY in w for w in words):
        return None
    return words


class _Cut(NamedTuple):
    """A long word cut into lines: the full lines, the widest, and the last piece."""

    lines: list[tuple[float, list[str]]]
    widest: float
    last: str
    last_width: float
    line_no: int


def _cut_lines(
    word: str, font_name: str, font_size: float, max_widths: list[Any], line_no: int
) -> _Cut:
    """``word`` cut into the lines it fills from line ``line_no`` on, each as full as fits."""
    last_line = len(max_widths) - 1
    lines: list[tuple[float, list[str]]] = []
    widest = 0.0
    start = 0
    while True:
        max_width = max_widths[min(last_line, line_no)]
        end, width = fitting(word, start, max_width, font_name, font_size)
        if end == len(word):
            return _Cut(lines, widest, word[start:], width, line_no)
        widest = max(widest, width)
        lines.append((max_width - width, [word[start:end]]))
        line_no += 1
        start = end


def break_plain(para: Any, width: Any) -> Any:
    """The lines of a paragraph of plain text in one font, or ``None`` to leave it to reportlab.

    It is the first case of reportlab's ``Paragraph.breakLines`` (one fragment
    of text), the same greedy fill with the same arithmetic and the same
    allowance for spaces to shrink, so the breaks and the space left on each
    line are the ones reportlab computes. Whatever that case does beyond
    filling (soft hyphens, a word wider than the line to be cut, bullets) is
    left to reportlab. The words are measured once a document rather than once
    a wrap.
    """
    frags = para.frags
    style = para.style
    if len(frags) != 1 or para.bulletText or not plain_style(style):
        return None
    f = frags[0]
    words = _plain_words(f)
    if words is None:
        return None
    font_name, font_size = f.fontName, f.fontSize
    key = (font_name, font_size)
    measured = word_widths.get(key)
    if measured is None:
        measured = word_widths[key] = {}
    bounds = ascent_descent(font_name, font_size)
    encoding = para.encoding
    max_widths = list(width) if isinstance(width, tuple | list) else [width]
    last_width = len(max_widths) - 1
    space = measured.get(" ")
    if space is None:
        space = measured[" "] = stringWidth(" ", font_name, font_size, encoding)
    shrink = style.spaceShrinkage * space
    split_long = style.splitLongWords
    widest = 0.0
    lines: list[tuple[float, list[str]]] = []
    line: list[str] = []
    current = -space  # as reportlab: no space before a line's first word
    line_no = 0
    max_width = max_widths[0]
    for word in words:
        word_width = measured.get(word)
        if word_width is None:
            word_width = measured[word] = stringWidth(word, font_name, font_size, encoding)
        new_width = current + space + word_width
        if new_width > max_width + shrink * len(line):
            if split_long and word_width > max_width:
                if len(word) < LONG_WORD:
                    return None  # reportlab cuts such a word: let it
                if line:
                    widest = max(widest, current)
                    lines.append((max_width - current, line))
                    line_no += 1
                # reportlab cuts a word a character at a time, and again on each page
                # it spans; one of thousands of letters is cut here, a line at a time
                cut = _cut_lines(word, font_name, font_size, max_widths, line_no)
                lines.extend(cut.lines)
                widest = max(widest, cut.widest)
                line, current, line_no = [cut.last], cut.last_width, cut.line_no
                max_width = max_widths[min(last_width, line_no)]
                continue
            if line:
                if current > widest:
                    widest = current
                lines.append((max_width - current, line))
                line = [word]
                current = word_width
                line_no += 1
                max_width = max_widths[min(last_width, line_no)]
                continue
        line.append(word)
        current = new_width
    if line:
        if current > widest:
            widest = current
        lines.append((max_width - current, line))
    para._width_max = widest
    para.height = 0
    para._splitLongWordCount = para._hyphenations = 0
    ascent, descent = bounds
    return copy_frag(f, kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=font_size)
