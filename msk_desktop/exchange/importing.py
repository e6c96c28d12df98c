"""Importing a spreadsheet file into a register: read, map, then a dry run or the confirmed
import (ops.exchange does the checking and writing)."""

from __future__ import annotations

from collections.abc import Sequence

from msk_desktop.domain.errors import Message
from msk_desktop.exchange.mapping import source_rows
from msk_desktop.exchange.sheets import Sheet
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.exchange import ImportResult, RowOutcome, RowState, import_rows

STATE_LABELS: dict[RowState, Message] = {
    RowState.NEW: Message("नई प्रविष्टि", "new entry"),
    RowState.PRESENT: Message("पहले से दर्ज", "already present"),
    RowState.DUPLICATE: Message("फ़ाइल में दोहराई गई", "repeated in the file"),
    RowState.ERROR: Message("त्रुटि", "error"),
}


def run_import(
    ctx: OpContext,
    register_name: str,
    sheet: Sheet,
    mapping: Sequence[str | None],
    *,
    commit: bool,
    source: str,
) -> ImportResult:
    rows = source_rows(register_name, sheet, mapping)
    return import_rows(ctx, register_name, rows, commit=commit, source=source)


def describe(outcome: RowOutcome) -> Message:
    """One row's result as a line: "new entry 12/2025", or the reasons it was skipped."""
    label = STATE_LABELS[outcome.state]
    if outcome.state is RowState.NEW:
        return Message(f"{label.hi} {outcome.serial}", f"{label.en} {outcome.serial}")
    return Message(
        "; ".join(m.hi for m in outcome.messages) or label.hi,
        "; ".join(m.en for m in outcome.messages) or label.en,
    )


def summary(result: ImportResult) -> Message:
    new, present = result.count(RowState.NEW), result.count(RowState.PRESENT)
    repeated, errors = result.count(RowState.DUPLICATE), result.count(RowState.ERROR)
    verb = ("आयात हुईं", "imported") if result.committed else ("आयात होंगी", "to import")
    return Message(
        f"{new} नई प्रविष्टियाँ {verb[0]}; {present} पहले से दर्ज; "
        f"{repeated} फ़ाइल में दोहराई गईं; {errors} में त्रुटि",
        f"{new} new entries {verb[1]}; {present} already present; "
        f"{repeated} repeated in the file; {errors} with errors",
    )
