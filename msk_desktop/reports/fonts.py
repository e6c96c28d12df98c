"""The one place that registers the report fonts with ReportLab.

Annapurna SIL covers Devanagari and Latin in one file, so bilingual text never switches fonts
mid-line; its OpenType tables are applied by HarfBuzz when a style has ``shaping=1``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from msk_desktop.domain.resources import resources_dir

REGULAR_FILE = "AnnapurnaSIL-Regular.ttf"
BOLD_FILE = "AnnapurnaSIL-Bold.ttf"


@dataclass(frozen=True)
class ReportFonts:
    regular: str
    bold: str


@functools.cache
def report_fonts() -> ReportFonts:
    """Register the fonts once per process and return their ReportLab names."""
    folder = resources_dir() / "fonts"
    fonts = ReportFonts(regular="MskAnnapurna", bold="MskAnnapurna-Bold")
    for name, file_name in ((fonts.regular, REGULAR_FILE), (fonts.bold, BOLD_FILE)):
        path = folder / file_name
        if not path.is_file():
            raise FileNotFoundError(f"report font missing: {path} (the installation is incomplete)")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # <b> in paragraph markup picks the bold face; there is no italic, so italic maps to upright.
    addMapping(fonts.regular, 0, 0, fonts.regular)
    addMapping(fonts.regular, 0, 1, fonts.regular)
    addMapping(fonts.regular, 1, 0, fonts.bold)
    addMapping(fonts.regular, 1, 1, fonts.bold)
    return fonts
