"""Parallel FIR register ops: register an FIR with its sections, victims and accused; change its
sections; add victims, accused and milestones.

Ops on an FIR's parts are audited against the FIR (the part named in the detail), so the FIR's
history is one indexed look-up."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from msk_desktop.domain import forms, law
from msk_desktop.domain.catalogue import SectionRef, offence_catalogue
from msk_desktop.domain.dates import ist_date
from msk_desktop.domain.entry_rules import check_entry
from msk_desktop.domain.errors import FieldError, Message
from msk_desktop.domain.fields import FieldSpec, clean
from msk_desktop.ops.changes import OpResult
from msk_desktop.ops.context import OpContext
from msk_desktop.ops.entries import announce, insert_entry, pseudonym, raise_if
from msk_desktop.ops.lookups import load
from msk_desktop.ops.permissions import require_write
from msk_desktop.ops.register_hooks import fir_sections
from msk_desktop.store.database import Transaction
from msk_desktop.store.ids import new_id
from msk_desktop.store.models import (
    Fir,
    FirAccused,
    FirMilestone,
    FirSection,
    FirVictim,
    ProtectedIdentity,
)
from msk_desktop.store.serials import next_serial

VICTIM_PREFIX = "पीड़िता"


def _clean_part(
    ctx: OpContext,
    specs: Sequence[FieldSpec],
    values: Mapping[str, Any],
    where: str,
    register: str | None = None,
) -> tuple[dict[str, Any], list[FieldError]]:
    """Clean one child (a victim, an accused); errors are named ``where.field``."""
    if not isinstance(values, Mapping):  # e.g. an identity given as a bare name
        wrong = Message("विवरण सही रूप में नहीं है", "these details are not in the right form")
        return {}, [FieldError(where, wrong)]
    cleaned, errors = clean(specs, values, today=ctx.today(), now=ctx.now())
    if register is not None and not errors:
        errors = check_entry(register, cleaned)
    return cleaned, [FieldError(f"{where}.{e.field}", e.message) for e in errors]


def parse_sections(texts: Sequence[str]) -> tuple[list[SectionRef], list[FieldError]]:
    refs, errors = [], []
    for text in texts:
        try:
            refs.append(SectionRef.parse(text))
        except ValueError:
            errors.append(
                FieldError(
                    "sections", Message(f"धारा समझ नहीं आई: {text}", f"not a section: {text}")
                )
            )
    return refs, errors


def _victim_parts(
    ctx: OpContext, victims: Sequence[Mapping[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], list[FieldError]]:
    parts, errors = [], []
    if not victims:
        errors.append(
            FieldError("victims", Message("कम से कम एक पीड़िता दर्ज करें", "enter at least one victim"))
        )
    for i, victim in enumerate(victims):
        facts = {k: v for k, v in victim.items() if k != "identity"}
        cleaned, errs = _clean_part(ctx, forms.FIR_VICTIM, facts, f"victims[{i}]")
        identity = None
        if victim.get("identity"):
            identity, id_errs = _clean_part(
                ctx, forms.IDENTITY, victim["identity"], f"victims[{i}]"
            )
            errs += id_errs
        parts.append((cleaned, identity))
        errors += errs
    return parts, errors


def _add_identity(
    tx: Transaction, ctx: OpContext, owner: Any, person_role: str, identity: dict[str, Any]
) -> None:
    tx.session.add(
        ProtectedIdentity(
            station_id=ctx.actor.station_id,
            owner_table=type(owner).__tablename__,
            owner_id=owner.id,
            person_role=person_role,
            **identity,
        )
    )


def _add_victim(
    tx: Transaction,
    ctx: OpContext,
    fir: Fir,
    facts: dict[str, Any],
    identity: dict[str, Any] | None,
) -> FirVictim:
    year = fir.serial_year
    number = next_serial(tx.session, ctx.actor.station_id, "victim", year)
    victim = FirVictim(
        id=new_id(),  # its identity row names it before any flush
        station_id=ctx.actor.station_id,
        fir_id=fir.id,
        pseudonym=pseudonym(VICTIM_PREFIX, year, number),
        **facts,
    )
    tx.session.add(victim)
    if identity:
        _add_identity(tx, ctx, victim, "victim", identity)
    return victim


def _any_minor(session: Session, fir_id: str) -> bool:
    ages = session.execute(
        select(FirVictim.age).where(FirVictim.fir_id == fir_id, FirVictim.deleted_at.is_(None))
    ).scalars()
    return any(law.is_minor(age) for age in ages)


def _classify(refs: Sequence[SectionRef], any_minor: bool) -> dict[str, str]:
    catalogue = offence_catalogue()
    return {
        "crime_head": law.primary_head(refs, catalogue),
        "identity_rule": law.identity_rule_for(refs, catalogue, any_minor),
    }


@dataclass(frozen=True)
class FirInput:
    """A new FIR's input, cleaned and checked against everything but the database."""

    fir: dict[str, Any]
    sections: list[SectionRef]
    victims: list[tuple[dict[str, Any], dict[str, Any] | None]]
    accused: list[dict[str, Any]]
    complainant: dict[str, Any] | None


def check_fir_input(
    ctx: OpContext,
    fir: Mapping[str, Any],
    sections: Sequence[str],
    victims: Sequence[Mapping[str, Any]],
    accused: Sequence[Mapping[str, Any]] = (),
    complainant: Mapping[str, Any] | None = None,
) -> FirInput:
    """Clean a new FIR with its parts; raises ValidationError with every problem found."""
    cleaned, errors = clean(forms.FIR, fir, today=ctx.today(), now=ctx.now())
    if not errors:
        errors = check_entry("fir", cleaned)
    refs, section_errors = parse_sections(sections)
    errors += section_errors
    if not section_errors and "offence_date" in cleaned:
        errors += law.check_sections(refs, cleaned["offence_date"], offence_catalogue())
    victim_parts, victim_errors = _victim_parts(ctx, victims)
    errors += victim_errors
    accused_parts = []
    for i, person in enumerate(accused):
        part, errs = _clean_part(ctx, forms.FIR_ACCUSED, person, f"accused[{i}]", "fir_accused")
        accused_parts.append(part)
        errors += errs
    complainant_identity = None
    if complainant:
        complainant_identity, errs = _clean_part(ctx, forms.IDENTITY, complainant, "complainant")
        errors += errs
    raise_if(errors)
    return FirInput(cleaned, refs, victim_parts, accused_parts, complainant_identity)


def insert_fir(ctx: OpContext, tx: Transaction, checked: FirInput) -> tuple[Fir, str]:
    """Add a checked FIR with its sections, victims and accused inside ``tx`` (the caller
    names the audit action); returns the FIR and its serial "no/year"."""
    any_minor = any(law.is_minor(facts.get("age")) for facts, _ in checked.victims)
    refs = checked.sections
    entry, serial = insert_entry(ctx, tx, "fir", checked.fir, _classify(refs, any_minor))
    for ordinal, ref in enumerate(refs):
        tx.session.add(
            FirSection(
                station_id=ctx.actor.station_id,
                fir_id=entry.id,
                law=ref.law,
                section=ref.section,
                ordinal=ordinal,
            )
        )
    for facts, identity in checked.victims:
        _add_victim(tx, ctx, entry, facts, identity)
    for part in checked.accused:
        tx.session.add(FirAccused(station_id=ctx.actor.station_id, fir_id=entry.id, **part))
    if checked.complainant:
        _add_identity(tx, ctx, entry, "complainant", checked.complainant)
    return entry, serial


def register_fir(
    ctx: OpContext,
    fir: Mapping[str, Any],
    sections: Sequence[str],
    victims: Sequence[Mapping[str, Any]],
    accused: Sequence[Mapping[str, Any]] = (),
    complainant: Mapping[str, Any] | None = None,
) -> OpResult:
    """Enter a new FIR in the parallel register, with everything known on the day."""
    require_write(ctx, "fir")
    checked = check_fir_input(ctx, fir, sections, victims, accused, complainant)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        entry, serial = insert_fir(ctx, tx, checked)
        labels = [r.label() for r in checked.sections]
        tx.audit("fir.register", "fir", entry.id, serial=serial, sections=labels)
    return announce(ctx, tx, entry.id, serial)


def set_fir_sections(ctx: OpContext, fir_id: str, sections: Sequence[str]) -> OpResult:
    """Sections change as an investigation goes on (added or dropped in the chargesheet)."""
    require_write(ctx, "fir")
    refs, errors = parse_sections(sections)
    raise_if(errors)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        fir = load(tx.session, Fir, fir_id, ctx.actor.station_id)
        raise_if(law.check_sections(refs, fir.offence_date, offence_catalogue()))
        current = {
            SectionRef(row.law, row.section): row
            for row in tx.session.scalars(
                select(FirSection).where(
                    FirSection.fir_id == fir.id, FirSection.deleted_at.is_(None)
                )
            )
        }
        for ref, row in current.items():
            if ref not in refs:
                row.deleted_at = ctx.now()
        for ordinal, ref in enumerate(refs):
            if ref in current:
                current[ref].ordinal = ordinal
            else:
                tx.session.add(
                    FirSection(
                        station_id=ctx.actor.station_id,
                        fir_id=fir.id,
                        law=ref.law,
                        section=ref.section,
                        ordinal=ordinal,
                    )
                )
        for name, value in _classify(refs, _any_minor(tx.session, fir.id)).items():
            setattr(fir, name, value)
        _keep_lift_lawful(fir)
        tx.audit("fir.sections", "fir", fir.id, sections=[r.label() for r in refs])
    return announce(ctx, tx, fir_id)


def _keep_lift_lawful(fir: Fir) -> None:
    """A section or a child victim that makes the case's protection statutory ends a lift:
    the law allows no exception there (BNS 72, POCSO 23)."""
    if fir.identity_rule == "statutory":
        fir.identity_lifted_reason = None


def add_victim(ctx: OpContext, fir_id: str, victim: Mapping[str, Any]) -> OpResult:
    require_write(ctx, "fir")
    parts, errors = _victim_parts(ctx, [victim])
    raise_if(errors)
    facts, identity = parts[0]
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        fir = load(tx.session, Fir, fir_id, ctx.actor.station_id)
        added = _add_victim(tx, ctx, fir, facts, identity)
        refs = fir_sections(tx.session, fir.id)
        fir.identity_rule = _classify(refs, _any_minor(tx.session, fir.id))["identity_rule"]
        _keep_lift_lawful(fir)
        tx.audit("fir.victim.add", "fir", fir.id, victim_id=added.id)
    return announce(ctx, tx, added.id)


def add_accused(ctx: OpContext, fir_id: str, person: Mapping[str, Any]) -> OpResult:
    require_write(ctx, "fir")
    part, errors = _clean_part(ctx, forms.FIR_ACCUSED, person, "accused", "fir_accused")
    raise_if(errors)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        fir = load(tx.session, Fir, fir_id, ctx.actor.station_id)
        row = FirAccused(station_id=ctx.actor.station_id, fir_id=fir.id, **part)
        tx.session.add(row)
        tx.session.flush()
        tx.audit("fir.accused.add", "fir", fir.id, accused_id=row.id)
    return announce(ctx, tx, row.id)


def edit_accused(ctx: OpContext, accused_id: str, changes: Mapping[str, Any]) -> OpResult:
    """Arrest, bail, surrender: the accused's state as the investigation moves."""
    require_write(ctx, "fir")
    cleaned, errors = clean(
        forms.FIR_ACCUSED, changes, today=ctx.today(), now=ctx.now(), partial=True
    )
    raise_if(errors)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        row = load(tx.session, FirAccused, accused_id, ctx.actor.station_id)
        merged = {s.name: getattr(row, s.name) for s in forms.FIR_ACCUSED} | cleaned
        raise_if(check_entry("fir_accused", merged))
        for name, value in cleaned.items():
            setattr(row, name, value)
        tx.audit("fir.accused.edit", "fir", row.fir_id, accused_id=row.id)
    return announce(ctx, tx, accused_id)


def add_milestone(ctx: OpContext, fir_id: str, milestone: Mapping[str, Any]) -> OpResult:
    """Medical examination, statements, reports to the CWC, the victim told of progress, ...
    Each is a row of its own, so two PCs adding milestones offline never conflict."""
    require_write(ctx, "fir")
    part, errors = _clean_part(ctx, forms.FIR_MILESTONE, milestone, "milestone")
    raise_if(errors)
    with ctx.db.write(ctx.author, ctx.actor.station_id) as tx:
        fir = load(tx.session, Fir, fir_id, ctx.actor.station_id)
        if ist_date(part["happened_at"]) < fir.offence_date:
            raise_if(
                [
                    FieldError(
                        "milestone.happened_at",
                        Message(
                            "घटना तिथि से पहले नहीं हो सकती", "cannot be before the date of offence"
                        ),
                    )
                ]
            )
        row = FirMilestone(station_id=ctx.actor.station_id, fir_id=fir.id, **part)
        tx.session.add(row)
        tx.session.flush()
        tx.audit("fir.milestone.add", "fir", fir.id, milestone_id=row.id, kind=part["kind"])
    return announce(ctx, tx, row.id)
