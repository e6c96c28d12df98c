"""The pages of a rendered PDF as images, for the report preview and for printing.

PySide6-Essentials has no QtPdf, so PDFium (pypdfium2) draws the pages. PDFium is not safe to
call from two threads at once; the app only calls it from the UI thread.
"""

from __future__ import annotations

import pypdfium2 as pdfium
from PySide6.QtCore import QSizeF
from PySide6.QtGui import QImage

POINTS_PER_INCH = 72


class PdfPages:
    """An open PDF held in memory; ``close`` frees PDFium's copy."""

    def __init__(self, data: bytes) -> None:
        self._document = pdfium.PdfDocument(data)

    def __len__(self) -> int:
        return len(self._document)

    def size(self, index: int) -> QSizeF:
        """The page's size in points."""
        width, height = self._document[index].get_size()
        return QSizeF(float(width), float(height))

    def image(self, index: int, dpi: float) -> QImage:
        bitmap = self._document[index].render(
            scale=dpi / POINTS_PER_INCH, rev_byteorder=True, prefer_bgrx=True
        )
        pixels = bytes(bitmap.buffer)
        image = QImage(
            pixels,
            int(bitmap.width),
            int(bitmap.height),
            int(bitmap.stride),
            QImage.Format.Format_RGBX8888,
        )
        # QImage does not own ``pixels``: the copy does, and outlives them.
        return image.copy()

    def close(self) -> None:
        self._document.close()
