"""The footer of every page but the cover: the library at the left, the page at the right."""

from __future__ import annotations

from .marks import W_NS
from .wordml import borders, p_xml, run_xml, size_xml

__all__ = ["footer_xml"]


def _field(code: str, rpr: str) -> str:
    # every run of the field carries the footer's size, or Word shows the number larger
    r = f"<w:r><w:rPr>{rpr}</w:rPr>"
    return (
        f'{r}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'{r}<w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
        f'{r}<w:fldChar w:fldCharType="separate"/></w:r>'
        f'{r}<w:t>1</w:t></w:r>{r}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml(text: str, page_label: str, text_width: int, size: int, rule: str = "C55A11") -> str:
    """A footer paragraph: ``text`` at the left, the page line ("Sida N av M") at the right.

    ``page_label`` is the document's, with ``{page}`` and ``{pages}`` where Word's
    page fields go; ``rule`` the colour of the line above (``RRGGBB``): the
    branding's accent, as in the PDF.
    """
    rpr = size_xml(size) + '<w:color w:val="404040"/>'
    ppr = f'<w:tabs><w:tab w:val="right" w:pos="{text_width}"/></w:tabs>' + borders(
        "pBdr", ("top",), rule, 4
    ).replace('w:space="0"', 'w:space="4"')
    before, _, rest = page_label.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    parts = [
        run_xml(text, rpr),
        f"<w:r><w:rPr>{rpr}</w:rPr><w:tab/></w:r>",
        run_xml(before, rpr) if before else "",
        _field("PAGE", rpr),
        run_xml(middle, rpr) if middle else "",
        _field("NUMPAGES", rpr),
        run_xml(after, rpr) if after else "",
    ]
    return p_xml("".join(parts), ppr).replace("<w:p>", f'<w:p xmlns:w="{W_NS}">', 1)
