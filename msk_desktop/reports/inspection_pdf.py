"""The inspection report (निरीक्षण आख्या) of one visit, on A4 portrait."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from msk_desktop.domain import choices
from msk_desktop.domain.dates import format_date
from msk_desktop.domain.errors import Message
from msk_desktop.reports.blocks import heading, nil_row, ruled_table, signature_block
from msk_desktop.reports.formatting import EMPTY, choice_label, format_moment
from msk_desktop.reports.inspection_data import DirectionStatus, InspectionReport
from msk_desktop.reports.pages import PageFurniture, RenderedPdf, render_pdf
from msk_desktop.reports.styles import ReportStyles, bilingual, report_styles, text

TITLE = Message("निरीक्षण आख्या", "Inspection report")
WIDTH = 186 * mm


def _status(direction: DirectionStatus) -> str:
    label = choice_label(choices.COMPLIANCE_STATUS, direction.compliance_status)
    if direction.complied_on is not None:
        label += f" ({format_date(direction.complied_on)})"
    if direction.overdue_days is not None:
        label += f"\n{direction.overdue_days} दिन विलम्ब / {direction.overdue_days} days overdue"
    return label


def _facts(report: InspectionReport, styles: ReportStyles) -> Flowable:
    signed = (
        f"{format_moment(report.signed_at)} ({report.signed_by or EMPTY})"
        if report.signed_at
        else "हस्ताक्षर नहीं / not signed"
    )
    rows = [
        (Message("प्रविष्टि क्रमांक", "Entry"), report.serial),
        (Message("निरीक्षण तिथि", "Visited on"), format_date(report.visited_on)),
        (Message("निरीक्षणकर्ता अधिकारी", "Inspecting officer"), report.officer_name),
        (Message("पद", "Rank"), report.officer_rank),
        (Message("हस्ताक्षरित", "Signed"), signed),
        (
            Message("अनुपालन", "Compliance"),
            f"{report.complied} / {len(report.directions)} अनुपालित / complied; "
            f"{report.overdue} समय-सीमा पार / overdue ({format_date(report.as_of)})",
        ),
    ]
    return ruled_table(
        (Message("विवरण", "Item"), Message("प्रविष्टि", "Entry")),
        [[Paragraph(bilingual(label), styles.cell), value] for label, value in rows],
        [WIDTH * 0.3, WIDTH * 0.7],
        styles,
    )


def _directions(report: InspectionReport, styles: ReportStyles) -> Flowable:
    header = (
        Message("क्रम", "No."),
        Message("निर्देश", "Direction"),
        Message("अनुपालनकर्ता", "Who must act"),
        Message("अनुपालन की अन्तिम तिथि", "Comply by"),
        Message("अनुपालन", "Compliance"),
        Message("अनुपालन आख्या", "Compliance report"),
    )
    rows = [
        [
            str(d.number),
            d.direction,
            d.responsible or EMPTY,
            format_date(d.due_on) if d.due_on else EMPTY,
            _status(d),
            d.compliance_note or EMPTY,
        ]
        for d in report.directions
    ]
    widths = [WIDTH * share for share in (0.06, 0.34, 0.14, 0.12, 0.16, 0.18)]
    return ruled_table(
        header, rows or [nil_row(len(header), styles)], widths, styles, split_rows=True
    )


def inspection_story(report: InspectionReport, styles: ReportStyles) -> list[Flowable]:
    gap = Spacer(1, 4 * mm)
    return [
        Paragraph(bilingual(TITLE), styles.title),
        Paragraph(bilingual(report.station.name), styles.subtitle),
        _facts(report, styles),
        gap,
        heading(Message("निरीक्षण टिप्पणी", "Observations"), styles, 1),
        text(report.observations, styles.body),
        gap,
        heading(Message("निर्देश एवं अनुपालन", "Directions and compliance"), styles, 2),
        _directions(report, styles),
        signature_block(report.station.in_charge, report.station.name, styles, WIDTH),
    ]


def render_inspection(
    report: InspectionReport, printed: Message, styles: ReportStyles | None = None
) -> RenderedPdf:
    styles = styles or report_styles()
    furniture = PageFurniture(
        station=report.station.name,
        title=TITLE,
        period=Message(
            f"निरीक्षण {format_date(report.visited_on)}",
            f"visit of {format_date(report.visited_on)}",
        ),
        printed=printed,
        styles=styles,
    )
    return render_pdf(inspection_story(report, styles), furniture)
