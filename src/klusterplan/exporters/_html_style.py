"""The style sheet of the HTML export, made from the house design.

Type sizes come from :data:`klusterplan._document.design.SIZES`: on paper in points as
in Word and PDF, on screen in ``rem`` relative to the reader's own text size
(body text is 1rem, large print 16/10.5 of it), so a reader's browser setting
still counts. Colours are the house colours or the branding's, checked for
contrast before they get here.
"""

from __future__ import annotations

import re

from .._document.design import (
    SIZES,
    STATUS_MARK,
    TABLE_RULE,
    TABLE_TINT,
    TYPEFACE,
    WORD_TYPEFACE,
    size,
)
from ._html_fit import LABEL_EMS, WIDE_REM

__all__ = ["style_sheet"]

#: The typeface on screen: the house design's, then what a reader's system has.
FONT_STACK = f'{TYPEFACE}, {WORD_TYPEFACE}, "Segoe UI", Arial, sans-serif'

_BODY = SIZES["body"][0]


def _rem(role: str, large_print: bool) -> str:
    return f"{size(role, large_print) / _BODY:.3f}rem"


def _pt(role: str, large_print: bool) -> str:
    return f"{size(role, large_print):g}pt"


def css_string(text: str) -> str:
    """``text`` as a CSS string: every character but a letter, digit or space escaped.

    Plan text (a library's name in the printed page's footer) is data: escaped so,
    no quote, backslash or ``</style>`` in it can end the string or the sheet.
    """
    plain = (c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):x} " for c in text)
    return f'"{"".join(plain)}"'


def running_line(page_label: str) -> str:
    """The page-number line of the printed page as CSS content: ``Sida 3 av 12``."""
    parts = []
    for part in re.split(r"(\{page\}|\{pages\})", page_label):
        if part == "{page}":
            parts.append("counter(page)")
        elif part == "{pages}":
            parts.append("counter(pages)")
        elif part:
            parts.append(css_string(part))
    return " ".join(parts) or "counter(page)"


# long: one CSS style sheet, read top to bottom as a browser reads it
def style_sheet(
    primary: str,
    accent: str,
    muted: str,
    large_print: bool,
    footer: str = "",
    page_label: str = "{page} / {pages}",
) -> str:
    """The whole CSS of a page: screen, phone and print.

    Printed, each page but the cover carries ``footer`` (plan text, escaped) and its
    number by ``page_label``, as the printed plan's pages do.
    """

    def screen(role: str) -> str:
        return _rem(role, large_print)

    def paper(role: str) -> str:
        return _pt(role, large_print)

    cover_columns = "minmax(0, 1fr)" if large_print else "max-content minmax(0, 1fr)"
    # the promise at 2.2 times the body text, as the printed cover sets it
    promise = f"{2.2 * size('body', large_print) / _BODY:.3f}rem"

    return f"""
:root {{ --primary: {primary}; --accent: {accent}; --muted: {muted}; --rule: #767676; }}
*, *::before, *::after {{ box-sizing: border-box; }}
html {{ font-family: {FONT_STACK}; color: #1a1a1a; background: #fff; line-height: 1.5;
  -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{ margin: 0 auto; max-width: 50rem; padding: 1rem 1.25rem 3rem; font-size: {screen("body")};
  overflow-wrap: break-word; }}
h1, h2, h3, h4 {{ color: var(--primary); line-height: 1.2; margin: 1.6em 0 0.5em;
  break-after: avoid-page; page-break-after: avoid; }}
h1 {{ font-size: {screen("title")}; margin-top: 0.5em; }}
h2 {{ font-size: {screen("h1")}; border-bottom: 2px solid var(--accent); padding-bottom: 0.15em; }}
h3 {{ font-size: {screen("h2")}; }}
h4 {{ font-size: {screen("h3")}; }}
p, ul, ol, dl, blockquote, figure {{ margin: 0 0 0.8em; }}
a {{ color: var(--primary); }}
a:focus-visible, textarea:focus-visible {{
  outline: 3px solid var(--accent); outline-offset: 2px; }}
.skip {{ position: absolute; left: -10000px; top: 0; }}
.skip:focus {{ position: static; display: inline-block; padding: 0.4em 0.8em; background: #fff; }}
.cover {{ margin-bottom: 2rem; }}
.cover img {{ display: block; max-width: 40%; height: auto; margin: 0 0 1rem auto; }}
.status-mark {{ display: inline-block; background: {STATUS_MARK}; color: #fff;
  font-weight: bold; font-size: 1.2rem; letter-spacing: 0.05em; padding: 0.1em 0.6em; }}
.title-lines {{ border-top: 2px solid var(--accent); padding-top: 0.4em; }}
.control-lines {{ margin-top: 2.5rem; }}
.subtitle {{ font-size: {screen("subtitle")}; color: var(--muted); margin: 0 0 1em; }}
/* the promise as on the printed cover: large, italic, in quotes, in the accent colour */
.promise {{ font-size: {promise}; font-style: italic; color: var(--accent); line-height: 1.25;
  margin: 1.2em 0; }}
.title-lines {{ display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; }}
.title-lines dt {{ font-weight: bold; color: var(--muted); }}
.title-lines dd {{ margin: 0; }}
nav ol {{ list-style: none; padding-left: 0; margin: 0; }}
nav ol ol {{ padding-left: 1.25em; }}
nav li {{ margin: 0.15em 0; }}
.fields {{ display: grid; grid-template-columns: minmax(8em, max-content) minmax(0, 1fr);
  gap: 0.2em 1em; }}
.fields dt {{ font-weight: bold; }}
.fields dd {{ margin: 0; }}
.fields dt.long, .fields dd.long {{ grid-column: 1 / -1; }}
.fields dd.long {{ margin-bottom: 0.4em; }}
.caption {{ font-weight: bold; margin-bottom: 0.2em; }}
.record {{ border-bottom: 1px solid var(--accent); padding-bottom: 0.5em; }}
blockquote {{ margin-left: 0; padding-left: 1em; border-left: 4px solid var(--accent);
  font-style: italic; }}
figure.quote figcaption {{ color: var(--muted); margin-bottom: 0.8em; }}
table {{ border-collapse: collapse; width: 100%; margin: 0 0 1em; font-size: {screen("table")}; }}
/* a table of many columns is wider than the text column: on a wide window it starts at
   the text's left edge, as every table does, and reaches further right; on a narrower
   one it stands centred on the page, as wide as the window allows */
table.wide {{ width: min({WIDE_REM}rem, calc(100vw - 2.5rem)); margin-left: 50%;
  transform: translateX(-50%); }}
@media (min-width: {WIDE_REM + 16}rem) {{
  table.wide {{ margin-left: 0; transform: none; }}
}}
col {{ width: var(--desk, auto); }}
caption {{ text-align: left; font-weight: bold; color: var(--muted); padding: 0.2em 0; }}
/* the table style of the printed plan: light rules, every other row tinted */
th, td {{ border: 1px solid {TABLE_RULE}; padding: 0.3em 0.5em; text-align: left;
  vertical-align: top; }}
tbody tr:nth-child(even):not([style]) {{ background: {TABLE_TINT}; }}
thead th {{ background: var(--primary); color: #fff; }}
tbody th {{ background: #f2f2f2; }}
th.num, td.num {{ text-align: right; white-space: nowrap; }}
tfoot td {{ font-weight: bold; border-top: 2px solid var(--primary); }}
.cover-field {{ display: flex; gap: 0.5em; align-items: baseline; }}
.cover-field input {{ flex: 1; border: 0; border-bottom: 1px solid var(--rule); font: inherit; }}
.chart svg {{ display: block; width: 100%; max-width: 36rem; overflow: visible; }}
/* a figure's caption under it, as in print: italic and muted */
.chart figcaption {{ font-style: italic; color: var(--muted); margin-top: 0.3em; }}
.write label {{ display: block; font-weight: bold; }}
.write textarea {{ display: block; width: 100%; font: inherit; color: inherit; border: 1px solid
  var(--rule); line-height: 2em; padding: 0 0.4em; resize: vertical; background: #fff
  repeating-linear-gradient(transparent 0, transparent calc(2em - 1px), #9a9a9a calc(2em - 1px),
  #9a9a9a 2em); }}
.whole {{ white-space: nowrap; }}
.visually-hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }}
footer {{ margin-top: 3rem; padding-top: 0.5em; border-top: 1px solid var(--accent);
  color: var(--muted); font-size: {screen("footer")}; }}
@media (max-width: 40rem) {{
  body {{ padding: 0.75rem; }}
  /* a long compound word of a heading stays whole on a phone, in large print too */
  h1 {{ font-size: min({screen("h1")}, 8vw); }}
  h2 {{ font-size: min({screen("h1")}, 7.5vw); }}
  h3 {{ font-size: min({screen("h2")}, 7vw); }}
  h1, h2, h3, h4 {{ hyphens: auto; }}
  /* the cover's lines keep their labels in a column, as on the printed cover, where
     the type is small enough for both to fit */
  .title-lines {{ grid-template-columns: {cover_columns}; gap: 0.1em 0.75em; }}
  /* on a phone a short value stays beside its label; any other stands under it */
  .fields {{ grid-template-columns: max-content minmax(0, 1fr); }}
  .fields dt:not(.brief), .fields dd:not(.brief) {{ grid-column: 1 / -1; }}
  .fields dd:not(.brief) {{ margin-bottom: 0.4em; }}
  .promise {{ font-size: min({promise}, 9vw); }}
  /* a table that fits a phone stays a table, its columns shared by what they hold */
  table.wide {{ width: 100%; margin-left: 0; transform: none; }}
  table:not(.stack) col {{ width: var(--phone, auto); }}
  th, td {{ padding: 0.3em 0.4em; }}
  /* a table on a phone: each row a record, each cell under its column's name, so that
     no word is broken to squeeze a column and nothing scrolls sideways */
  table.stack, table.stack tbody, table.stack tfoot, table.stack tr, table.stack th,
  table.stack td, table.stack caption:not(.visually-hidden) {{ display: block; width: 100%; }}
  table.stack colgroup {{ display: none; }}
  table.stack thead {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; }}
  table.stack tbody tr:nth-child(even) {{ background: none; }}
  table.stack tr {{ border: 1px solid var(--rule); border-top: 4px solid var(--primary);
    margin: 0 0 0.75em; padding: 0.25em 0.5em; height: auto !important; }}
  table.stack th, table.stack td {{ border: 0; padding: 0.2em 0; text-align: left;
    white-space: normal; overflow-wrap: anywhere; }}
  table.stack tbody th {{ background: none; font-weight: bold; color: var(--primary); }}
  table.stack td[data-label]::before {{ content: attr(data-label) / ""; display: block;
    font-weight: bold; font-size: 0.9em; color: var(--muted); }}
  /* a short value (a date, a status, an amount) stands beside its column's name, the
     names of a record in one column: a record of eight fields reads as a card */
  table.stack td.brief {{ display: grid; grid-template-columns: {LABEL_EMS}em minmax(0, 1fr);
    column-gap: 0.5em; align-items: baseline; }}
  table.stack td:empty {{ min-height: 1.5em; }}
  /* an empty cell of a record shows nothing, not its column's name alone */
  table.stack td:empty:not([data-label]) {{ display: none; }}
  /* a record's text is read as the body is, not in a table's smaller print */
  table.stack, table.stack.dense {{ font-size: inherit; }}
  table.stack tfoot tr {{ border-top: 2px solid var(--primary); }}
}}
/* printed, the footer of the printed plan: the library's name and the page's number
   under a rule in the accent colour, on every page but the cover */
@page {{ size: A4; margin: 20mm 20mm 24mm;
  @bottom-left {{ content: {css_string(footer)}; font-family: {FONT_STACK};
    font-size: {paper("footer")}; color: {muted}; vertical-align: top;
    padding-top: 2mm; margin-top: 3mm;
    border-top: 0.5pt solid {accent}; }}
  @bottom-right {{ content: {running_line(page_label)}; font-family: {FONT_STACK};
    font-size: {paper("footer")}; color: {muted}; vertical-align: top;
    padding-top: 2mm; margin-top: 3mm;
    border-top: 0.5pt solid {accent}; }}
}}
@page :first {{ @bottom-left {{ content: none; border: 0; }}
  @bottom-right {{ content: none; border: 0; }} }}
@page wide {{ size: A4 landscape; }}
@media print {{
  /* the leading of the printed plan: a summary and its tables keep to one page */
  html {{ background: none; line-height: 1.35; }}
  body {{ max-width: none; padding: 0; font-size: {paper("body")}; }}
  /* the cover as the printed plan's: the title a third down the page, the document's
     particulars at its foot */
  .cover {{ display: flex; flex-direction: column; min-height: 245mm; margin: 0; }}
  .cover h1 {{ margin-top: auto; }}
  .cover .control-lines {{ margin-top: auto; }}
  .cover > :last-child {{ margin-bottom: 0; }}
  main > section:first-child h2 {{ margin-top: 0; }}
  h2 {{ margin-bottom: 0.4em; }}
  caption {{ padding: 0 0 0.1em; }}
  table {{ line-height: 1.25; }}
  th, td {{ padding: 0.2em 0.4em; }}
  p, ul, ol, dl, figure {{ margin-bottom: 0.6em; }}
  .fields dd.long {{ margin-bottom: 0.2em; }}
  /* the contents as the printed plan's: its lines close, as many as fit a page */
  nav {{ font-size: {paper("table")}; line-height: 1.3; }}
  nav li {{ margin: 0; }}
  h1 {{ font-size: {paper("title")}; }}
  h2 {{ font-size: {paper("h1")}; }}
  h3 {{ font-size: {paper("h2")}; }}
  h4 {{ font-size: {paper("h3")}; }}
  table {{ font-size: {paper("table")}; }}
  table.dense {{ font-size: {paper("small")}; }}
  table.wide {{ width: 100%; margin-left: 0; transform: none; }}
  .subtitle {{ font-size: {paper("subtitle")}; }}
  .promise {{ font-size: {2.2 * size("body", large_print):g}pt; }}
  footer {{ font-size: {paper("footer")}; }}
  /* every printed page carries the footer's line: the page's own would stand alone */
  .skip, body > footer {{ display: none; }}
  /* the contents on pages of its own, after the summary, as in the printed plan */
  .cover, nav {{ break-after: page; }}
  nav {{ break-before: page; }}
  nav h2 {{ margin-top: 0; }}
  main > section {{ break-before: page; }}
  main > section.wide {{ page: wide; }}
  thead {{ display: table-header-group; }}
  /* a table's header never stands at a page's foot without a row under it */
  tbody tr:first-child, tbody tr:nth-last-child(2) {{ break-after: avoid-page; }}
  /* and a table of three rows or fewer is never split */
  table:has(tbody tr:nth-child(-n+3):last-child) {{ break-inside: avoid-page; }}
  tr, figure, .keep, .write {{ break-inside: avoid; }}
  /* a label stays with what it names, as a heading does */
  .caption, .fields dt {{ break-after: avoid-page; page-break-after: avoid; }}
  /* nor does a list's first or last item stand alone on a page */
  li:first-child, li:nth-last-child(2) {{ break-after: avoid-page; }}
  p, li, dd {{ orphans: 3; widows: 3; }}
  a {{ color: inherit; text-decoration: none; }}
  textarea {{ resize: none; }}
}}
""".strip()
