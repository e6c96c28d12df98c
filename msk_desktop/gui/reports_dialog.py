"""Reports (रिपोर्ट): choose a report and its period, generate it off the UI thread, look at its
pages, then print it or save it as a PDF. Each copy printed or saved is recorded in the audit
log (``reports.jobs``); looking at the preview is not."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from msk_desktop.domain.dates import format_date, parse_date
from msk_desktop.domain.errors import FieldError, Message, MskError, ValidationError
from msk_desktop.gui.language import ENGLISH, Language
from msk_desktop.gui.pdf_pages import PdfPages
from msk_desktop.gui.worker import run_in_background
from msk_desktop.ops.circle import circle_stations
from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.report_data import PRINTABLE, inspection_visit_list
from msk_desktop.reports.jobs import (
    DistrictRequest,
    InspectionRequest,
    MonthlyRequest,
    PrintedReport,
    RegisterRequest,
    ReportRequest,
    record_output,
    render_report,
    save_report,
)
from msk_desktop.reports.monthly_data import ReportMonth
from msk_desktop.reports.pages import RenderedPdf

MONTHLY, REGISTER, INSPECTION, CIRCLE = "monthly", "register", "inspection", "circle"
PREVIEW_DPI = 80  # a landscape ledger page fits a 1280-pixel window at this size
PRINT_DPI_LIMIT = 300  # sharper than any thana printer needs, and keeps a page image small


def _invalid(field: str, hi: str, en: str) -> ValidationError:
    return ValidationError([FieldError(field, Message(hi, en))])


def suggested_file_name(request: ReportRequest) -> str:
    """A file name that says what the report is, e.g. "register-fir-2025-10-01-2025-10-31.pdf"."""
    match request:
        case MonthlyRequest(month):
            return f"monthly-{month.year}-{month.month:02d}.pdf"
        case RegisterRequest(register, first, last):
            return f"register-{register}-{first.isoformat()}-{last.isoformat()}.pdf"
        case InspectionRequest():
            return "inspection.pdf"
        case DistrictRequest(month, circle):
            scope = "-".join((circle or "district").split())
            return f"consolidated-{scope}-{month.year}-{month.month:02d}.pdf"


class ReportsDialog(QDialog):
    def __init__(self, ctx: OpContext, language: Language) -> None:
        super().__init__()
        self.ctx, self.language = ctx, language
        lang = language
        self.setWindowTitle(lang("रिपोर्ट", "Reports"))
        self.request: ReportRequest | None = None
        self.rendered: RenderedPdf | None = None
        self.pages: PdfPages | None = None
        self.page_index = 0

        self.kind = QComboBox()
        self.kind.setObjectName("report_kind")
        for code, label in (
            (MONTHLY, lang("मासिक प्रगति रिपोर्ट", "Monthly progress report")),
            (REGISTER, lang("रजिस्टर की प्रति", "Register printout")),
            (INSPECTION, lang("निरीक्षण रिपोर्ट", "Inspection report")),
        ):
            self.kind.addItem(label, code)
        self.choices = QStackedWidget()
        self.choices.addWidget(self._monthly_choice())
        self.choices.addWidget(self._register_choice())
        self.choices.addWidget(self._inspection_choice())
        # The circle officer's laptop holds the circle's stations: their consolidated report.
        if ctx.actor.role is Role.CIRCLE_OFFICER:
            self.kind.addItem(lang("सर्किल समेकित रिपोर्ट", "Circle consolidated report"), CIRCLE)
            self.choices.addWidget(self._circle_choice())
        self.kind.currentIndexChanged.connect(self.choices.setCurrentIndex)

        self.generate_button = QPushButton(lang("रिपोर्ट बनाएँ", "Generate"))
        self.generate_button.setObjectName("generate_report")
        self.generate_button.clicked.connect(self.generate)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the report's length is not known in advance
        self.progress.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        preview = self._preview()

        top = QHBoxLayout()
        top.addWidget(self.kind, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.choices, 1)
        top.addWidget(self.generate_button, 0, Qt.AlignmentFlag.AlignTop)
        bottom = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.progress)
        box.addWidget(self.message)
        box.addWidget(preview, 1)
        box.addLayout(bottom)
        self._update_buttons()
        self.resize(1100, 760)

    def _preview(self) -> QScrollArea:
        """The page on show, its navigation, and the print and save buttons."""
        lang = self.language
        self.page_view = QLabel()
        self.page_view.setObjectName("report_page")
        self.page_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.page_view)
        scroll.setWidgetResizable(True)
        self.previous_button = QPushButton(lang("◀ पिछला पृष्ठ", "◀ Previous page"))
        self.previous_button.clicked.connect(lambda: self.show_page(self.page_index - 1))
        self.next_button = QPushButton(lang("अगला पृष्ठ ▶", "Next page ▶"))
        self.next_button.clicked.connect(lambda: self.show_page(self.page_index + 1))
        self.page_label = QLabel()
        self.page_label.setObjectName("report_page_number")
        self.print_button = QPushButton(lang("प्रिंट करें…", "Print…"))
        self.print_button.clicked.connect(self._ask_printer)
        self.save_button = QPushButton(lang("पीडीएफ़ सहेजें…", "Save PDF…"))
        self.save_button.clicked.connect(self._ask_file)
        return scroll

    # ---- the choices -------------------------------------------------------------------

    def _monthly_choice(self) -> QWidget:
        last_month = ReportMonth.of(self.ctx.today()).shifted(-1)
        self.month = QLineEdit(f"{last_month.year}-{last_month.month:02d}")
        self.month.setObjectName("report_month")
        self.month.setPlaceholderText("YYYY-MM")
        form = QFormLayout()
        form.addRow(self.language("माह (YYYY-MM)", "Month (YYYY-MM)"), self.month)
        return self._page(form)

    def _register_choice(self) -> QWidget:
        self.register = QComboBox()
        self.register.setObjectName("report_register")
        for name, printable in PRINTABLE.items():
            self.register.addItem(self.language.text(printable.title), name)
        today = self.ctx.today()
        self.first = QLineEdit(format_date(today.replace(day=1)))
        self.first.setObjectName("report_first")
        self.last = QLineEdit(format_date(today))
        self.last.setObjectName("report_last")
        form = QFormLayout()
        form.addRow(self.language("रजिस्टर", "Register"), self.register)
        form.addRow(self.language("से (DD-MM-YYYY)", "From (DD-MM-YYYY)"), self.first)
        form.addRow(self.language("तक (DD-MM-YYYY)", "To (DD-MM-YYYY)"), self.last)
        return self._page(form)

    def _inspection_choice(self) -> QWidget:
        self.visit = QComboBox()
        self.visit.setObjectName("report_visit")
        for visit in inspection_visit_list(self.ctx):
            self.visit.addItem(
                f"{visit.serial} — {format_date(visit.visited_on)} — {visit.officer_name}", visit.id
            )
        form = QFormLayout()
        form.addRow(self.language("निरीक्षण", "Visit"), self.visit)
        return self._page(form)

    def _circle_choice(self) -> QWidget:
        last_month = ReportMonth.of(self.ctx.today()).shifted(-1)
        self.circle_month = QLineEdit(f"{last_month.year}-{last_month.month:02d}")
        self.circle_month.setObjectName("report_circle_month")
        self.circle_month.setPlaceholderText("YYYY-MM")
        self.circle = QComboBox()
        self.circle.setObjectName("report_circle")
        for name in sorted({station.circle for station in circle_stations(self.ctx)}):
            self.circle.addItem(name, name)
        form = QFormLayout()
        form.addRow(self.language("माह (YYYY-MM)", "Month (YYYY-MM)"), self.circle_month)
        form.addRow(self.language("सर्किल", "Circle"), self.circle)
        return self._page(form)

    @staticmethod
    def _page(form: QFormLayout) -> QWidget:
        page = QWidget()
        page.setLayout(form)
        return page

    def _day(self, edit: QLineEdit, field: str) -> date:
        try:
            return parse_date(edit.text())
        except ValueError:
            raise _invalid(
                field,
                f"तिथि DD-MM-YYYY के रूप में लिखें, न कि {edit.text()!r}",
                f"write the date as DD-MM-YYYY, not {edit.text()!r}",
            ) from None

    def chosen_request(self) -> ReportRequest:
        """The report the choices describe; bad choices raise a ValidationError."""
        kind = self.kind.currentData()
        if kind == MONTHLY:
            return MonthlyRequest(ReportMonth.parse(self.month.text()))
        if kind == REGISTER:
            first, last = self._day(self.first, "first"), self._day(self.last, "last")
            return RegisterRequest(str(self.register.currentData()), first, last)
        if kind == CIRCLE:
            month = ReportMonth.parse(self.circle_month.text())
            english = self.language.code == ENGLISH
            return DistrictRequest(month, self.circle.currentData(), "en" if english else "hi")
        if self.visit.currentData() is None:
            raise _invalid(
                "visit", "निरीक्षण पुस्तिका में कोई प्रविष्टि नहीं है", "the inspection book is empty"
            )
        return InspectionRequest(str(self.visit.currentData()))

    # ---- generating --------------------------------------------------------------------

    def generate(self) -> None:
        try:
            request = self.chosen_request()
        except ValidationError as error:
            self._show_error(error)
            return
        self._clear_preview()
        self.progress.setVisible(True)
        self.generate_button.setEnabled(False)
        self.message.setText(self.language("रिपोर्ट बन रही है…", "Generating the report…"))
        run_in_background(
            lambda: render_report(self.ctx, request),
            lambda rendered: self._generated(request, rendered),
            self._failed,
        )

    def _generated(self, request: ReportRequest, rendered: object) -> None:
        assert isinstance(rendered, RenderedPdf)
        self._idle()
        self.request, self.rendered = request, rendered
        self.pages = PdfPages(rendered.data)
        self.message.setText(
            self.language(
                f"रिपोर्ट तैयार: {rendered.pages} पृष्ठ",
                f"Report ready: {rendered.pages} pages",
            )
        )
        self.show_page(0)

    def _failed(self, error: Exception) -> None:
        self._idle()
        self._show_error(error)

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.generate_button.setEnabled(True)

    def _show_error(self, error: Exception) -> None:
        if isinstance(error, ValidationError):
            text = "\n".join(self.language.text(e.message) for e in error.errors)
        elif isinstance(error, MskError):
            text = self.language.text(error.message)
        else:
            text = f"{type(error).__name__}: {error}"
        self.message.setText(text)

    def _clear_preview(self) -> None:
        if self.pages is not None:
            self.pages.close()
        self.request, self.rendered, self.pages = None, None, None
        self.page_view.clear()
        self.page_label.clear()
        self._update_buttons()

    # ---- the preview -------------------------------------------------------------------

    def show_page(self, index: int) -> None:
        """Draw one page (on demand: a 200-page register would not fit in memory as images)."""
        if self.pages is None or not 0 <= index < len(self.pages):
            return
        self.page_index = index
        self.page_view.setPixmap(QPixmap.fromImage(self.pages.image(index, PREVIEW_DPI)))
        total = len(self.pages)
        self.page_label.setText(
            self.language(f"पृष्ठ {index + 1} / {total}", f"Page {index + 1} of {total}")
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.pages is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        total = len(self.pages) if self.pages is not None else 0
        self.previous_button.setEnabled(ready and self.page_index > 0)
        self.next_button.setEnabled(ready and self.page_index < total - 1)

    # ---- saving and printing -----------------------------------------------------------

    def _ask_file(self) -> None:
        if self.request is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.language("पीडीएफ़ सहेजें", "Save PDF"),
            suggested_file_name(self.request),
            "PDF (*.pdf)",
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path, saved: Callable[[PrintedReport], None] | None = None) -> None:
        """Write the generated report to ``path`` off the UI thread and record the copy."""
        request, rendered = self.request, self.rendered
        if request is None or rendered is None:
            return
        self.save_button.setEnabled(False)

        def done(result: object) -> None:
            assert isinstance(result, PrintedReport)
            self._update_buttons()
            self.message.setText(self.language(f"सहेजा गया: {result.path}", f"Saved: {result.path}"))
            if saved is not None:
                saved(result)

        def failed(error: Exception) -> None:
            self._update_buttons()
            self._show_error(error)

        run_in_background(lambda: save_report(self.ctx, request, rendered, path), done, failed)

    def _ask_printer(self) -> None:
        if self.pages is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        first = self.pages.size(0)
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape
            if first.width() > first.height()
            else QPageLayout.Orientation.Portrait
        )
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Send every page to ``printer``, each scaled to fit its printable area, and record
        the copy."""
        if self.pages is None or self.request is None:
            return
        painter = QPainter()
        if not painter.begin(printer):
            self.message.setText(
                self.language("प्रिंटर आरम्भ नहीं हो सका", "Could not start the printer")
            )
            return
        dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
        try:
            for index in range(len(self.pages)):
                if index:
                    printer.newPage()
                image = self.pages.image(index, dpi)
                area = painter.viewport()
                fitted = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRect(area.topLeft(), fitted), image)
        finally:
            painter.end()
        record_output(self.ctx, self.request, len(self.pages), "printer")
        self.message.setText(
            self.language(
                f"प्रिंटर को भेजा गया: {len(self.pages)} पृष्ठ",
                f"Sent to the printer: {len(self.pages)} pages",
            )
        )

    def done(self, result: int) -> None:
        self._clear_preview()
        super().done(result)
