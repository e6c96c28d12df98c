"""The monthly progress report on A4 portrait: lays out a ``MonthlyReport``, computes nothing."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from msk_desktop.domain import choices
from msk_desktop.domain.dates import days_en, format_date
from msk_desktop.domain.deadlines import DeadlineState
from msk_desktop.domain.errors import Message
from msk_desktop.reports.blocks import Cell, heading, nil_row, ruled_table, signature_block
from msk_desktop.reports.formatting import EMPTY, choice_label, format_days, format_rate
from msk_desktop.reports.monthly_data import MONTH_NAMES, MonthlyReport, Rates, Tally
from msk_desktop.reports.pages import PageFurniture, RenderedPdf, render_pdf
from msk_desktop.reports.styles import ReportStyles, bilingual, markup, report_styles, text
from msk_desktop.reports.trend_chart import trend_chart

TITLE = Message("मासिक प्रगति रिपोर्ट", "Monthly progress report")
MONTH_ABBREVIATIONS = tuple(en[:3] for _hi, en in MONTH_NAMES)
WIDTH = 186 * mm  # A4 less the side margins


def _columns(*fractions: float) -> list[float]:
    """Column widths from shares of the page width (they need not add up to 1)."""
    return [WIDTH * f for f in fractions]


def _n(value: int) -> str:
    return str(value)


def _title_block(report: MonthlyReport, styles: ReportStyles) -> list[Flowable]:
    station = report.station
    lines = f"{bilingual(station.name)}<br/>" + markup(
        f"जनपद / District: {station.district}  ·  सर्किल / Circle: {station.circle}  ·  "
        f"स्थिति दिनांक / As of: {format_date(report.as_of)}"
    )
    return [
        Paragraph(bilingual(TITLE), styles.title),
        Paragraph(f"<b>{bilingual(report.month.name)}</b>", styles.subtitle),
        Paragraph(lines, styles.subtitle),
    ]


def _heads(report: MonthlyReport, styles: ReportStyles) -> Flowable:
    header = (
        Message("अपराध शीर्ष", "Crime head"),
        Message("माह में पंजीकृत", "Received in the month"),
        Message("माह में निस्तारित", "Disposed in the month"),
        Message("माह के अन्त में लम्बित", "Pending at month end"),
    )
    lines = [*report.heads, report.head_total]
    rows: list[list[Cell]] = [
        [bilingual_cell(h.title, styles), _n(h.received), _n(h.disposed), _n(h.pending_at_end)]
        for h in lines
    ]
    return ruled_table(
        header, rows, _columns(0.46, 0.18, 0.18, 0.18), styles, numeric=(1, 2, 3), total_row=True
    )


def bilingual_cell(message: Message, styles: ReportStyles) -> Paragraph:
    return Paragraph(bilingual(message), styles.cell)


def _rates(report: MonthlyReport, styles: ReportStyles) -> list[Flowable]:
    header = (
        Message("अवधि", "Period"),
        Message("प्रारम्भ में लम्बित", "Pending at start"),
        Message("पंजीकृत", "Received"),
        Message("निस्तारित", "Disposed"),
        Message("अन्त में लम्बित", "Pending at end"),
        Message("निस्तारण दर", "Disposal rate"),
        Message("लम्बन दर", "Pendency rate"),
        Message("60 दिन में पूर्ण", "Done in 60 days"),
    )

    def row(rates: Rates) -> list[Cell]:
        return [
            bilingual_cell(rates.period, styles),
            _n(rates.pending_at_start),
            _n(rates.received),
            _n(rates.disposed),
            _n(rates.pending_at_end),
            format_rate(rates.disposal_rate),
            format_rate(rates.pendency_rate),
            f"{format_rate(rates.compliance_rate)} "
            f"({rates.finished_60_day_in_time}/{rates.finished_60_day})",
        ]

    table = ruled_table(
        header,
        [row(report.rates_month), row(report.rates_year)],
        _columns(0.22, 0.1, 0.09, 0.09, 0.1, 0.11, 0.11, 0.18),
        styles,
        numeric=(1, 2, 3, 4, 5, 6, 7),
    )
    note = text(
        "निस्तारण दर = निस्तारित ÷ (प्रारम्भ में लम्बित + पंजीकृत); लम्बन दर = अन्त में लम्बित ÷ "
        "(प्रारम्भ में लम्बित + पंजीकृत); 60 दिन की समय-सीमा वाली विवेचनाओं में से समय से पूर्ण। "
        "Disposal rate = disposed ÷ (pending at start + received); pendency rate = pending at end "
        "÷ (pending at start + received); the last column: investigations under the 60-day rule "
        "finished in the period, the share finished in time.",
        styles.note,
    )
    return [table, note]


def _trend_table(report: MonthlyReport, styles: ReportStyles) -> Flowable:
    """Every crime head's FIRs in each month of the trend (the chart draws the busiest)."""
    trend = report.trend
    header = (
        Message("अपराध शीर्ष", "Crime head"),
        *(Message(month.short, MONTH_ABBREVIATIONS[month.month - 1]) for month in trend.months),
        Message("योग", "Total"),
    )
    rows: list[list[Cell]] = [
        [
            bilingual_cell(series.title, styles),
            *(_n(count) for count in series.counts),
            _n(sum(series.counts)),
        ]
        for series in trend.series
    ]
    month_share = 0.058
    return ruled_table(
        header,
        rows or [nil_row(len(header), styles)],
        _columns(
            1 - month_share * len(trend.months) - 0.06, *[month_share] * len(trend.months), 0.06
        ),
        styles,
        numeric=range(1, len(header)),
    )


def _state_text(state: DeadlineState, days: int) -> str:
    if state is DeadlineState.OVERDUE:
        return f"{days} दिन से समय-सीमा पार / overdue by {days_en(days)}"
    return f"{days} दिन शेष / {days_en(days)} left"


def _investigations(report: MonthlyReport, styles: ReportStyles) -> Flowable:
    header = (
        Message("मु0अ0सं0", "Crime no."),
        Message("अपराध शीर्ष", "Crime head"),
        Message("विवेचक", "Investigating officer"),
        Message("पंजीकरण", "Registered"),
        Message("अन्तिम तिथि", "Due on"),
        Message("स्थिति", "State"),
    )
    rows: list[list[Cell]] = [
        [
            line.crime_no,
            bilingual_cell(line.head, styles),
            line.io_name or EMPTY,
            format_date(line.registered_on),
            format_date(line.due_on),
            _state_text(line.state, line.days),
        ]
        for line in report.investigations
    ]
    return ruled_table(
        header,
        rows or [nil_row(len(header), styles)],
        _columns(0.11, 0.24, 0.2, 0.11, 0.11, 0.23),
        styles,
    )


def _deadlines(report: MonthlyReport, styles: ReportStyles) -> Flowable:
    header = (
        Message("समय-सीमा", "Time limit"),
        Message("समय से पूर्ण", "Met in time"),
        Message("विलम्ब से पूर्ण", "Met late"),
    )
    rows: list[list[Cell]] = [
        [bilingual_cell(t.title, styles), _n(t.on_time), _n(t.late)] for t in report.deadlines
    ]
    return ruled_table(header, rows, _columns(0.64, 0.18, 0.18), styles, numeric=(1, 2))


def _tally_table(
    name: Message, tallies: Sequence[Tally], styles: ReportStyles, total: int | None = None
) -> Flowable:
    rows: list[list[Cell]] = [[bilingual_cell(t.title, styles), _n(t.count)] for t in tallies]
    if total is not None:
        rows.append([bilingual_cell(Message("योग", "Total"), styles), _n(total)])
    return ruled_table(
        (name, Message("संख्या", "Number")),
        rows,
        _columns(0.78, 0.22),
        styles,
        numeric=(1,),
        total_row=total is not None,
    )


def _helpdesk(report: MonthlyReport, styles: ReportStyles) -> Flowable:
    desk = report.helpdesk
    header = (
        Message("माह में प्राप्त", "Received in the month"),
        Message("माह में निस्तारित", "Disposed in the month"),
        Message("माह के अन्त में लम्बित", "Pending at month end"),
        Message("निस्तारण में औसत दिन", "Average days to dispose"),
    )
    row = [
        _n(desk.received),
        _n(desk.disposed),
        _n(desk.pending_at_end),
        format_days(desk.average_days_to_dispose),
    ]
    return ruled_table(
        header, [row], _columns(0.25, 0.25, 0.25, 0.25), styles, numeric=(0, 1, 2, 3)
    )


def _counselling(report: MonthlyReport, styles: ReportStyles) -> list[Flowable]:
    case = report.counselling
    ppk = report.ppk
    counts = ruled_table(
        (
            Message("परामर्श: माह में आरम्भ", "Counselling: opened"),
            Message("जिनमें अनिवार्य", "of which mandatory"),
            Message("माह में बन्द", "Closed"),
            Message("अन्त में चालू", "Open at month end"),
            Message("पी0पी0के0 को सन्दर्भित", "Referred to PPK"),
            Message("पी0पी0के0 परिणाम प्राप्त", "PPK outcomes received"),
            Message("पी0पी0के0 लम्बित", "PPK pending"),
        ),
        [
            [
                _n(case.opened),
                _n(case.mandatory_opened),
                _n(case.closed),
                _n(case.open_at_end),
                _n(ppk.referred),
                _n(ppk.outcomes_received),
                _n(ppk.pending_at_end),
            ]
        ],
        _columns(*([1 / 7] * 7)),
        styles,
        numeric=tuple(range(7)),
    )
    return [
        counts,
        Spacer(1, 2 * mm),
        _tally_table(
            Message("परामर्श का परिणाम (माह में बन्द)", "Counselling outcome (closed in the month)"),
            case.outcomes,
            styles,
        ),
        Spacer(1, 2 * mm),
        _tally_table(
            Message("पी0पी0के0 का परिणाम (माह में प्राप्त)", "PPK outcome (received in the month)"),
            ppk.outcomes,
            styles,
        ),
    ]


def _support(report: MonthlyReport, styles: ReportStyles) -> Flowable:
    header = (
        Message("सेवा", "Service"),
        Message("माह में सन्दर्भित", "Referred"),
        Message("परिणाम प्राप्त", "Results received"),
        Message("सहायता प्राप्त", "Help provided"),
    )
    rows: list[list[Cell]] = [
        [bilingual_cell(s.title, styles), _n(s.referred), _n(s.results), _n(s.provided)]
        for s in report.support
    ]
    return ruled_table(header, rows, _columns(0.52, 0.16, 0.16, 0.16), styles, numeric=(1, 2, 3))


def _awareness(report: MonthlyReport, styles: ReportStyles) -> Flowable:
    header = (
        Message("कार्यक्रम", "Programme"),
        Message("संख्या", "Programmes"),
        Message("लाभान्वित", "People reached"),
    )
    rows: list[list[Cell]] = [
        [bilingual_cell(a.title, styles), _n(a.programmes), _n(a.people_reached)]
        for a in report.awareness
    ]
    rows.append(
        [
            bilingual_cell(Message("योग", "Total"), styles),
            _n(sum(a.programmes for a in report.awareness)),
            _n(sum(a.people_reached for a in report.awareness)),
        ]
    )
    return ruled_table(
        header, rows, _columns(0.6, 0.2, 0.2), styles, numeric=(1, 2), total_row=True
    )


def _rosters(report: MonthlyReport, styles: ReportStyles) -> Flowable:
    header = (
        Message("रोस्टर", "Roster"),
        Message("माह की पालियाँ", "Shifts in the month"),
        Message("कम से कम एक कर्मी सहित", "With at least one person"),
        Message("कवरेज", "Coverage"),
    )
    rows: list[list[Cell]] = [
        [bilingual_cell(r.title, styles), _n(r.shifts), _n(r.staffed), format_rate(r.coverage)]
        for r in report.rosters
    ]
    return ruled_table(header, rows, _columns(0.4, 0.2, 0.2, 0.2), styles, numeric=(1, 2, 3))


def _staff(report: MonthlyReport, styles: ReportStyles) -> list[Flowable]:
    header = (
        Message("पद", "Post"),
        Message("परिपत्र के अनुसार", "Circular asks"),
        Message("तैनात", "Posted"),
        Message("जिनमें महिला", "of whom women"),
    )
    rows: list[list[Cell]] = [
        [bilingual_cell(s.title, styles), s.norm, _n(s.posted), _n(s.women)] for s in report.staff
    ]
    flowables: list[Flowable] = [
        ruled_table(header, rows, _columns(0.46, 0.18, 0.18, 0.18), styles, numeric=(1, 2, 3))
    ]
    if report.staff_findings:
        for finding in report.staff_findings:
            mark = "उल्लंघन / Violation" if finding.violation else "चेतावनी / Warning"
            flowables.append(
                text(f"• {mark}: {finding.message.hi} / {finding.message.en}", styles.note)
            )
    else:
        flowables.append(
            text("परिपत्र के अनुसार कोई कमी नहीं / Nothing against the circular", styles.note)
        )
    return flowables


def _directions(report: MonthlyReport, styles: ReportStyles) -> list[Flowable]:
    summary = report.directions
    counts = ruled_table(
        (
            Message("माह में दिए गए निर्देश", "Directions given in the month"),
            Message("माह में अनुपालित", "Complied in the month"),
            Message("अनुपालन शेष", "Open"),
            Message("जिनमें समय-सीमा पार", "of which overdue"),
        ),
        [
            [
                _n(summary.given),
                _n(summary.complied),
                _n(summary.open_at_end),
                _n(summary.overdue_at_end),
            ]
        ],
        _columns(0.25, 0.25, 0.25, 0.25),
        styles,
        numeric=(0, 1, 2, 3),
    )
    header = (
        Message("प्रविष्टि", "Entry"),
        Message("निरीक्षण तिथि", "Visited on"),
        Message("निर्देश", "Direction"),
        Message("अनुपालनकर्ता", "Who must act"),
        Message("अन्तिम तिथि", "Comply by"),
        Message("स्थिति", "Status"),
    )
    rows: list[list[Cell]] = [
        [
            line.entry_serial,
            format_date(line.visited_on),
            line.direction,
            line.responsible or EMPTY,
            format_date(line.due_on) if line.due_on else EMPTY,
            choice_label(choices.COMPLIANCE_STATUS, line.status)
            + (f" ({line.overdue_days} दिन विलम्ब)" if line.overdue_days is not None else ""),
        ]
        for line in summary.open_lines
    ]
    table = ruled_table(
        header,
        rows or [nil_row(len(header), styles)],
        _columns(0.09, 0.11, 0.4, 0.14, 0.11, 0.15),
        styles,
    )
    return [counts, Spacer(1, 2 * mm), table]


def monthly_story(report: MonthlyReport, styles: ReportStyles) -> list[Flowable]:
    gap = Spacer(1, 4 * mm)
    sections: list[tuple[Message, list[Flowable]]] = [
        (Message("अपराध शीर्षवार विवरण", "Cases by crime head"), [_heads(report, styles)]),
        (Message("आई0टी0एस0एस0ओ0 दरें", "ITSSO rates"), _rates(report, styles)),
        (
            Message("12 माह का रुझान: पंजीकृत अभियोग", "12-month trend: FIRs received"),
            [trend_chart(report.trend, styles, WIDTH), _trend_table(report, styles)],
        ),
        (
            Message(
                "विवेचना: समय-सीमा पार एवं 7 दिन में देय",
                "Investigations overdue and due within 7 days",
            ),
            [_investigations(report, styles)],
        ),
        (
            Message("माह में पूर्ण समय-सीमाएँ", "Time limits met in the month"),
            [_deadlines(report, styles)],
        ),
        (
            Message("निरोधात्मक कार्यवाही (माह में)", "Preventive actions (in the month)"),
            [
                _tally_table(
                    Message("कार्यवाही", "Action"),
                    report.preventive,
                    styles,
                    total=report.preventive_total,
                )
            ],
        ),
        (Message("महिला हेल्प डेस्क आवेदन", "Help desk applications"), [_helpdesk(report, styles)]),
        (
            Message("परामर्श एवं परिवार परामर्श केन्द्र", "Counselling and PPK referrals"),
            _counselling(report, styles),
        ),
        (Message("सहायता सेवा सन्दर्भ", "Support service referrals"), [_support(report, styles)]),
        (
            Message("जागरूकता कार्यक्रम (माह में)", "Awareness programmes (in the month)"),
            [_awareness(report, styles)],
        ),
        (Message("ड्यूटी रोस्टर कवरेज", "Roster coverage"), [_rosters(report, styles)]),
        (
            Message("कर्मचारी स्थिति (परिपत्र 38/2025)", "Staff position (circular 38/2025)"),
            _staff(report, styles),
        ),
        (
            Message("निरीक्षण निर्देशों का अनुपालन", "Compliance with inspection directions"),
            _directions(report, styles),
        ),
    ]
    story: list[Flowable] = _title_block(report, styles)
    for number, (title, flowables) in enumerate(sections, start=1):
        story += [gap, heading(title, styles, number), *flowables]
    story.append(signature_block(report.station.in_charge, report.station.name, styles, WIDTH))
    return story


def render_monthly(
    report: MonthlyReport, printed: Message, styles: ReportStyles | None = None
) -> RenderedPdf:
    styles = styles or report_styles()
    furniture = PageFurniture(
        station=report.station.name,
        title=TITLE,
        period=report.month.name,
        printed=printed,
        styles=styles,
    )
    return render_pdf(monthly_story(report, styles), furniture)
