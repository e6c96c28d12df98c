"""The district consolidated report on A4 landscape: lays out a ``DistrictReport``, computes
nothing. A page per circle with its stations, the district's totals by circle, the oldest
overdue investigations and last month's directions. Hindi with English by default, English
alone on request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from msk_desktop.domain.dates import format_date
from msk_desktop.domain.errors import Message
from msk_desktop.reports.blocks import Cell, nil_row, ruled_table
from msk_desktop.reports.circle_data import CircleRow
from msk_desktop.reports.district_data import (
    OLDEST_OVERDUE,
    DirectionsFollowUp,
    DistrictReport,
)
from msk_desktop.reports.formatting import EMPTY, format_rate
from msk_desktop.reports.monthly_data import Rates
from msk_desktop.reports.pages import PageFurniture, RenderedPdf, render_pdf
from msk_desktop.reports.styles import ReportStyles, bilingual, markup, report_styles, stacked

Lang = Literal["hi", "en"]
TITLE = Message("जनपद समेकित मासिक रिपोर्ट", "District consolidated monthly report")
CIRCLE_TITLE = Message("सर्किल समेकित मासिक रिपोर्ट", "Circle consolidated monthly report")
WIDTH = 273 * mm  # A4 landscape less the side margins


def _columns(*fractions: float) -> list[float]:
    return [WIDTH * f for f in fractions]


class _Layout:
    """The report's styles and language: how a message and a column heading print."""

    def __init__(self, styles: ReportStyles, lang: Lang) -> None:
        self.styles, self.english = styles, lang == "en"
        self.page_heading = ParagraphStyle("page_heading", parent=styles.heading, keepWithNext=0)

    def words(self, message: Message) -> str:
        return markup(message.en) if self.english else bilingual(message)

    def column(self, message: Message) -> str:
        # English alone at the size it has under the Hindi: narrow columns of figures.
        return (
            f"<b><font size=7>{markup(message.en)}</font></b>" if self.english else stacked(message)
        )

    def cell(self, message: Message) -> Paragraph:
        return Paragraph(self.words(message), self.styles.cell)

    def heading(self, message: Message) -> Paragraph:
        return Paragraph(self.words(message), self.styles.heading)

    def table(
        self,
        header: Sequence[Message],
        rows: Sequence[Sequence[Cell]],
        widths: Sequence[float],
        *,
        numeric: Sequence[int] = (),
        total_row: bool = False,
    ) -> Flowable:
        return ruled_table(
            header,
            rows or [nil_row(len(header), self.styles)],
            widths,
            self.styles,
            numeric=numeric,
            total_row=total_row and bool(rows),
            heading_markup=self.column,
        )


def _pair(first: int, second: int) -> str:
    return f"{first} / {second}"


def _rate_cells(rates: Rates) -> list[Cell]:
    return [
        format_rate(rates.disposal_rate),
        format_rate(rates.pendency_rate),
        f"{format_rate(rates.compliance_rate)} "
        f"({rates.finished_60_day_in_time}/{rates.finished_60_day})",
    ]


def _coverage(staffed: int, shifts: int) -> str:
    return f"{format_rate(staffed / shifts)} ({staffed}/{shifts})" if shifts else EMPTY


def _figures(line: CircleRow) -> list[Cell]:
    """The figure columns of a station, circle or district line."""
    return [
        str(line.overdue_investigations),
        str(line.due_soon_investigations),
        _pair(line.deadlines_on_time, line.deadlines_late),
        str(line.applications_pending),
        str(line.ppk_pending),
        _coverage(line.roster_staffed, line.roster_shifts),
        _pair(line.staff_violations, line.staff_warnings),
        _pair(line.directions_open, line.directions_overdue),
        *_rate_cells(line.rates),
    ]


FIGURE_HEADINGS = (
    Message("विवेचना समय-सीमा पार", "Overdue (60-day rule)"),
    Message("7 दिन में देय", "Due within 7 days"),
    Message("माह में समय-सीमा: समय से / विलम्ब से", "Deadlines met: on time / late"),
    Message("लम्बित आवेदन", "Applications pending"),
    Message("पीपीके सन्दर्भ लम्बित", "PPK referrals pending"),
    Message("रोस्टर कवरेज", "Roster coverage"),
    Message("कर्मचारी: उल्लंघन / चेतावनी", "Staff: violations / warnings"),
    Message("निर्देश: खुले / अवधि पार", "Directions: open / overdue"),
    Message("निस्तारण दर", "Disposal rate"),
    Message("लम्बन दर", "Pendency rate"),
    Message("60 दिन अनुपालन", "60-day compliance"),
)
FIGURE_SHARES = (0.07, 0.055, 0.08, 0.075, 0.065, 0.075, 0.075, 0.075, 0.065, 0.065, 0.075)
TOTAL = Message("योग", "Total")


def _station(name: Message, code: str) -> Message:
    return Message(name.hi, f"{name.en} ({code})")


def _circle_page(layout: _Layout, report: DistrictReport, index: int) -> list[Flowable]:
    block = report.circles[index]
    header = (Message("थाना", "Station"), *FIGURE_HEADINGS)
    rows: list[list[Cell]] = [
        [layout.cell(_station(r.station.name, r.station.code)), *_figures(r)] for r in block.rows
    ]
    rows.append([layout.cell(TOTAL), *_figures(block.total)])
    # A circle's page begins with its heading anyway; kept with its table, a long one would
    # push the heading off the title page and leave that page empty.
    title = Paragraph(
        layout.words(_named(Message("सर्किल", "Circle"), block.circle)), layout.page_heading
    )
    return [
        title,
        layout.table(
            header, rows, _columns(0.225, *FIGURE_SHARES), numeric=range(1, 12), total_row=True
        ),
    ]


def _totals_page(layout: _Layout, report: DistrictReport) -> list[Flowable]:
    header = (Message("सर्किल", "Circle"), Message("थाने", "Stations"), *FIGURE_HEADINGS)
    rows: list[list[Cell]] = [
        [block.circle, str(len(block.rows)), *_figures(block.total)] for block in report.circles
    ]
    stations = str(len(report.stations))
    rows.append([layout.cell(TOTAL), stations, *_figures(report.total)])
    return [
        layout.heading(Message("जनपद योग (सर्किलवार)", "District totals by circle")),
        layout.table(
            header,
            rows,
            _columns(0.175, 0.05, *FIGURE_SHARES),
            numeric=range(1, 13),
            total_row=True,
        ),
        _rates_note(layout),
    ]


def _rates_note(layout: _Layout) -> Flowable:
    note = Message(
        "दरें योग की संख्याओं से निकाली गई हैं (थानों की दरों का औसत नहीं)। निस्तारण दर = निस्तारित ÷ "
        "(प्रारम्भ में लम्बित + पंजीकृत); लम्बन दर = अन्त में लम्बित ÷ (प्रारम्भ में लम्बित + पंजीकृत); "
        "60 दिन अनुपालन = 60 दिन की समय-सीमा वाली पूर्ण विवेचनाओं में से समय से पूर्ण।",
        "Rates are worked out from the summed counts (not averaged over stations). Disposal rate "
        "= disposed ÷ (pending at start + received); pendency rate = pending at end ÷ (pending at "
        "start + received); 60-day compliance = of the investigations under the 60-day rule "
        "finished in the month, the share finished in time.",
    )
    return Paragraph(layout.words(note), layout.styles.note)


def _oldest_overdue(layout: _Layout, report: DistrictReport) -> list[Flowable]:
    header = (
        Message("क्र0", "No."),
        Message("थाना", "Station"),
        Message("सर्किल", "Circle"),
        Message("मु0अ0सं0", "Crime no."),
        Message("अपराध शीर्ष", "Crime head"),
        Message("विवेचक", "Investigating officer"),
        Message("पंजीकरण", "Registered"),
        Message("अन्तिम तिथि", "Due on"),
        Message("दिन पार", "Days overdue"),
    )
    rows: list[list[Cell]] = [
        [
            str(number),
            layout.cell(_station(line.station_name, line.station_code)),
            line.circle,
            line.crime_no,
            layout.cell(line.head),
            line.io_name or EMPTY,
            format_date(line.registered_on),
            format_date(line.due_on),
            str(line.days_overdue),
        ]
        for number, line in enumerate(report.oldest_overdue, start=1)
    ]
    title = Message(
        f"सबसे पुरानी {OLDEST_OVERDUE} समय-सीमा पार विवेचनाएँ "
        f"(कुल {report.total.overdue_investigations})",
        f"The {OLDEST_OVERDUE} oldest overdue investigations "
        f"(of {report.total.overdue_investigations})",
    )
    return [
        layout.heading(title),
        layout.table(
            header,
            rows,
            _columns(0.04, 0.2, 0.11, 0.08, 0.18, 0.15, 0.08, 0.08, 0.08),
            numeric=(0, 8),
        ),
    ]


def _follow_up_cells(follow_up: DirectionsFollowUp) -> list[Cell]:
    return [
        str(follow_up.given),
        str(follow_up.complied_in_time),
        str(follow_up.complied_late),
        str(follow_up.open),
        format_rate(follow_up.compliance_rate),
    ]


def _directions(layout: _Layout, report: DistrictReport) -> list[Flowable]:
    header = (
        Message("सर्किल", "Circle"),
        Message("दिए गए निर्देश", "Directions given"),
        Message("समय से अनुपालित", "Complied in time"),
        Message("विलम्ब से अनुपालित", "Complied late"),
        Message("अनुपालन शेष", "Still open"),
        Message("अनुपालन दर", "Compliance rate"),
    )
    rows: list[list[Cell]] = [
        [block.circle, *_follow_up_cells(block.directions)] for block in report.circles
    ]
    rows.append([layout.cell(TOTAL), *_follow_up_cells(report.directions)])
    last = report.last_month.name
    title = Message(
        f"पिछले माह ({last.hi}) के निरीक्षण निर्देशों का अनुपालन, {format_date(report.as_of)} तक",
        f"Compliance with last month's ({last.en}) inspection directions, "
        f"as of {format_date(report.as_of)}",
    )
    return [
        layout.heading(title),
        layout.table(
            header,
            rows,
            _columns(0.3, 0.14, 0.14, 0.14, 0.14, 0.14),
            numeric=range(1, 6),
            total_row=True,
        ),
    ]


def _named(label: Message, name: str) -> Message:
    """ "जनपद / District: Lucknow": a name as the registers keep it (in either language, or
    both) prints once, so the Hindi half carries only the label."""
    return Message(label.hi, f"{label.en}: {name}")


def _scope(report: DistrictReport) -> Message:
    if report.circle is not None:
        return _named(
            Message("जनपद / सर्किल", "District / circle"), f"{report.district} / {report.circle}"
        )
    return _named(Message("जनपद", "District"), report.district)


def district_story(report: DistrictReport, layout: _Layout) -> list[Flowable]:
    styles = layout.styles
    title = TITLE if report.circle is None else CIRCLE_TITLE
    as_of = Message(
        f"स्थिति दिनांक {format_date(report.as_of)}; {len(report.stations)} थाने",
        f"As of {format_date(report.as_of)}; {len(report.stations)} stations",
    )
    story: list[Flowable] = [
        Paragraph(layout.words(title), styles.title),
        Paragraph(f"<b>{layout.words(report.month.name)}</b>", styles.subtitle),
        Paragraph(f"{layout.words(_scope(report))}<br/>{layout.words(as_of)}", styles.subtitle),
    ]
    for index in range(len(report.circles)):
        if index:
            story.append(PageBreak())
        story += _circle_page(layout, report, index)
    gap = Spacer(1, 5 * mm)
    story += [PageBreak(), *_totals_page(layout, report), gap, *_directions(layout, report)]
    story += [PageBreak(), *_oldest_overdue(layout, report)]
    return story


def render_district_pdf(
    report: DistrictReport, printed: Message, lang: Lang = "hi", styles: ReportStyles | None = None
) -> RenderedPdf:
    styles = styles or report_styles()
    furniture = PageFurniture(
        station=_scope(report),
        title=TITLE if report.circle is None else CIRCLE_TITLE,
        period=report.month.name,
        printed=printed,
        styles=styles,
        english=lang == "en",
    )
    return render_pdf(district_story(report, _Layout(styles, lang)), furniture, wide=True)
