"""A bar chart as Word draws it: a DrawingML chart part, and the workbook behind it.

Horizontal bars, one a target group, the group's name on the category axis
and its votes on the value axis, from 0 in round steps to the first step at
or above the highest bar (:func:`axis_ticks`, the same axis as in the PDF
and HTML), each bar labelled with its number, in the house typeface and the
branding's primary colour. Word and LibreOffice draw the chart from the
values cached in the part; the embedded workbook holds the same numbers, so
that the officer can edit them in Word (*Edit data*).
"""

from __future__ import annotations

import io
import zipfile

from .._document import design as _design
from .._document.metrics import chart_height, chart_label_room
from .._support.xml import escape_attribute as _esc
from ..document import Chart

__all__ = ["WORKBOOK_TYPE", "axis_ticks", "chart_xml", "workbook_xlsx"]

#: The content type of the workbook embedded in a chart part.
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DARK = "1F1F1F"
_FIXED = (1980, 1, 1, 0, 0, 0)


def axis_ticks(values: tuple[int, ...] | list[int], most: int = 6) -> tuple[int, ...]:
    """The axis of a bar chart: from 0 in round steps to the first step at or above the top.

    >>> axis_ticks((8, 9, 7))
    (0, 2, 4, 6, 8, 10)
    >>> axis_ticks((35, 12))
    (0, 10, 20, 30, 40)
    """
    top = max((v for v in values if v > 0), default=0)
    if top == 0:
        return (0, 1)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            count = -(-top // step)  # steps up to the first at or above the top
            if count + 1 <= most:
                return tuple(range(0, count * step + 1, step))
        magnitude *= 10


def _labels(chart: Chart) -> list[str]:
    # a bar's label is one line: a name typed with a line break (or a tab) is set on one
    return [" ".join(label.split()) for label in chart.labels]


def _size(large_print: bool) -> float:
    return _design.size("table", large_print)


def _text(size: float, colour: str, bold: bool = False) -> str:
    """A chart element's text properties: the house typeface at ``size`` points."""
    b = ' b="1"' if bold else ' b="0"'
    return (
        "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{round(size * 100)}"{b}>'
        f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
        f'<a:latin typeface="{_design.WORD_TYPEFACE}"/>'
        f'<a:cs typeface="{_design.WORD_TYPEFACE}"/>'
        '</a:defRPr></a:pPr><a:endParaRPr lang="sv-SE"/></a:p></c:txPr>'
    )


def _line(colour: str) -> str:
    fill = f'<a:solidFill><a:srgbClr val="{colour}"/></a:solidFill>'
    return f'<c:spPr><a:ln w="6350">{fill}</a:ln></c:spPr>'


# long: one chart part, its XML in the order the schema sets
def chart_xml(chart: Chart, width_pt: float, large_print: bool, colour: str) -> str:
    """The chart part (``word/charts/chartN.xml``) of ``chart``, ``width_pt`` wide.

    The part names its workbook by the relationship ``rId1``; the values are
    cached in it as well, so a reader that never opens the workbook draws them.
    """
    size = _size(large_print)
    labels = _labels(chart)
    values = list(chart.values)
    ticks = axis_ticks(values)
    count = len(values)
    height = chart_height(tuple(labels), width_pt, large_print)
    # the plot area's inner box: the names at its left, the numbers' axis under it
    left = chart_label_room(tuple(labels), width_pt, large_print) / width_pt
    bottom = size * 2.6 / height
    top = size * 0.6 / height
    right = size * 3 / width_pt
    fill = colour.lstrip("#").upper()
    categories = "".join(
        f'<c:pt idx="{i}"><c:v>{_esc(label)}</c:v></c:pt>' for i, label in enumerate(labels)
    )
    numbers = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(values))
    name = _esc(chart.title)
    return "".join(
        [
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
            f'<c:chartSpace xmlns:c="{_C}" xmlns:a="{_A}" xmlns:r="{_R}">',
            '<c:date1904 val="0"/><c:lang val="sv-SE"/><c:roundedCorners val="0"/>',
            '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea>',
            '<c:layout><c:manualLayout><c:layoutTarget val="inner"/>',
            '<c:xMode val="edge"/><c:yMode val="edge"/>',
            f'<c:x val="{left:.4f}"/><c:y val="{top:.4f}"/>',
            f'<c:w val="{1 - left - right:.4f}"/><c:h val="{1 - top - bottom:.4f}"/>',
            "</c:manualLayout></c:layout>",
            '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>',
            '<c:varyColors val="0"/>',
            '<c:ser><c:idx val="0"/><c:order val="0"/>',
            f'<c:tx><c:strRef><c:f>Sheet1!$B$1</c:f><c:strCache><c:ptCount val="1"/>'
            f'<c:pt idx="0"><c:v>{name}</c:v></c:pt></c:strCache></c:strRef></c:tx>',
            f'<c:spPr><a:solidFill><a:srgbClr val="{fill}"/></a:solidFill></c:spPr>',
            '<c:invertIfNegative val="0"/>',
            "<c:dLbls>",
            _text(size, _DARK, bold=True),
            '<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/>',
            '<c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/>',
            '<c:showBubbleSize val="0"/></c:dLbls>',
            f"<c:cat><c:strRef><c:f>Sheet1!$A$2:$A${count + 1}</c:f><c:strCache>",
            f'<c:ptCount val="{count}"/>{categories}</c:strCache></c:strRef></c:cat>',
            f"<c:val><c:numRef><c:f>Sheet1!$B$2:$B${count + 1}</c:f><c:numCache>",
            f'<c:formatCode>General</c:formatCode><c:ptCount val="{count}"/>{numbers}',
            "</c:numCache></c:numRef></c:val></c:ser>",
            '<c:gapWidth val="60"/>',
            '<c:axId val="1001"/><c:axId val="1002"/></c:barChart>',
            # the first group at the top, as in the table above the chart
            '<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="maxMin"/></c:scaling>',
            '<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" '
            'sourceLinked="0"/>',
            '<c:majorTickMark val="none"/><c:minorTickMark val="none"/>',
            '<c:tickLblPos val="nextTo"/>',
            _line(_design.TABLE_RULE.lstrip("#")),
            _text(size, _DARK),
            '<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/>',
            '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>',
            "</c:catAx>",
            '<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/>',
            f'<c:max val="{ticks[-1]}"/><c:min val="0"/></c:scaling>',
            '<c:delete val="0"/><c:axPos val="b"/>',
            "<c:majorGridlines>",
            _line("E3E3E3"),
            "</c:majorGridlines>",
            '<c:numFmt formatCode="General" sourceLinked="0"/>',
            '<c:majorTickMark val="out"/><c:minorTickMark val="none"/>',
            '<c:tickLblPos val="nextTo"/>',
            _line(_design.TABLE_RULE.lstrip("#")),
            _text(size, _design.MUTED.lstrip("#")),
            # the category axis is upside down: the value axis crosses it at its end, below
            '<c:crossAx val="1001"/><c:crosses val="max"/><c:crossBetween val="between"/>',
            f'<c:majorUnit val="{ticks[1] - ticks[0]}"/></c:valAx>',
            "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>",
            "</c:plotArea>",
            '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>',
            "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>",
            _text(size, _DARK),
            '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>',
            "</c:chartSpace>",
        ]
    )


def _cell(ref: str, value: str | int) -> str:
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{_esc(value)}</t></is></c>'


def workbook_xlsx(chart: Chart, category: str) -> bytes:
    """The chart's data as a workbook of one sheet: the names in A, the votes in B.

    ``category`` heads column A; the chart's title heads column B.
    """
    rows: list[tuple[str, str | int]] = [(category, chart.title)]
    rows += zip(_labels(chart), chart.values, strict=True)
    sheet_rows = "".join(
        f'<row r="{n}">{_cell(f"A{n}", a)}{_cell(f"B{n}", b)}</row>'
        for n, (a, b) in enumerate(rows, 1)
    )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    members = {
        "[Content_Types].xml": (
            f'<Types xmlns="{pkg}/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<worksheet xmlns="{main}"><sheetData>{sheet_rows}</sheetData></worksheet>'
        ),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, xml in members.items():
            info = zipfile.ZipInfo(member, _FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            archive.writestr(info, head + xml)
    return out.getvalue()
