"""Refusals the district server answers with a 4xx status and a reason in both languages."""

from __future__ import annotations

from msk_desktop.sync.protocol import ErrorBody, Reason


class DistrictError(Exception):
    def __init__(self, status: int, code: str, hi: str, en: str) -> None:
        super().__init__(en)
        self.status = status
        self.body = ErrorBody(code=code, reason=Reason(hi=hi, en=en))


def unauthorised() -> DistrictError:
    return DistrictError(
        401,
        "unauthorised",
        "पहचान-पत्र (टोकन) अमान्य या समाप्त है; दोबारा प्रमाणित करें।",
        "The token is invalid or expired; authenticate again.",
    )


def revoked() -> DistrictError:
    return DistrictError(
        403,
        "revoked",
        "इस उपकरण का पंजीकरण रद्द कर दिया गया है; जिला व्यवस्थापक से संपर्क करें।",
        "This device has been revoked; contact the district administrator.",
    )


def forbidden_rows(table: str, row_id: str) -> DistrictError:
    return DistrictError(
        403,
        "forbidden_rows",
        f"यह उपकरण इस पंक्ति को नहीं बदल सकता ({table} {row_id}); कुछ भी लागू नहीं हुआ।",
        f"This device may not change this row ({table} {row_id}); nothing was applied.",
    )


def malformed(detail: str) -> DistrictError:
    return DistrictError(
        400,
        "malformed",
        f"अनुरोध पढ़ा नहीं जा सका; कुछ भी लागू नहीं हुआ ({detail})।",
        f"The request could not be read; nothing was applied ({detail}).",
    )


def too_large(limit: int) -> DistrictError:
    return DistrictError(
        413,
        "too_large",
        f"अनुरोध बहुत बड़ा है (सीमा {limit} बाइट); कुछ भी लागू नहीं हुआ।",
        f"The request is too large (limit {limit} bytes); nothing was applied.",
    )


def unknown_station(code: str) -> DistrictError:
    return DistrictError(404, "no_station", f"थाना {code} ज्ञात नहीं है।", f"Unknown station {code}.")
