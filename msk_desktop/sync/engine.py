"""One sync run of a station PC: push the outbox oldest first in batches, then pull pages until
the district has nothing more; the one-time enrolment before the first run; and the same
push and pull carried by the offline sync file (sync/syncfile.py) for a PC with no link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from msk_desktop.domain.errors import Message, MskError
from msk_desktop.ops import replica
from msk_desktop.store.database import Author, StationDatabase
from msk_desktop.store.ids import new_id
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.types import utc_now
from msk_desktop.sync import local_store, syncfile
from msk_desktop.sync.client import (
    DistrictClient,
    SyncRefused,
    fetch_certificate,
    new_device_key,
)
from msk_desktop.sync.protocol import (
    CIRCLE_WRITABLE,
    MAX_AUDIT_BATCH,
    MAX_BATCH,
    EnrolRequest,
    EnrolResponse,
    OpOutcome,
    PullResponse,
)
from msk_desktop.sync.syncfile import AnswerFile, StationFile

ClientFactory = Callable[[str, str, str | None], DistrictClient]


def default_client(server_url: str, schema_version: str, server_cert: str | None) -> DistrictClient:
    return DistrictClient(server_url, schema_version, server_cert=server_cert)


@dataclass
class SyncReport:
    pushed: int = 0  # ops the district answered
    duplicates: int = 0
    rejected: int = 0
    pulled: int = 0  # rows applied here
    conflicts: int = 0  # conflicts new to this PC
    resent_after_restore: bool = False
    skipped_tables: set[str] = field(default_factory=set)
    audit_sent: int = 0  # audit entries new to the district
    # Why the district would not take this PC's audit entries (its data synced all the same).
    audit_refused: Message | None = None

    def summary(self) -> dict[str, int]:
        return {
            "pushed": self.pushed,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "pulled": self.pulled,
            "conflicts": self.conflicts,
            "resent_after_restore": int(self.resent_after_restore),
            "audit_sent": self.audit_sent,
            "audit_refused": int(self.audit_refused is not None),
        }


def not_enrolled() -> MskError:
    return MskError(
        Message(
            "यह पीसी जिला सर्वर से नामांकित नहीं है (पहले msk-desktop enrol चलाएँ)।",
            "This PC is not enrolled with the district server (run msk-desktop enrol first).",
        )
    )


def enrol(
    db: StationDatabase,
    author: Author,
    server_url: str,
    code: str,
    label: str = "",
    client_factory: ClientFactory = default_client,
) -> EnrolResponse:
    """Register this PC with a one-time code: a new key pair whose private half never leaves
    the encrypted database, and the district's certificate pinned for every later run."""
    if replica.enrolment(db) is not None:
        raise MskError(Message("यह पीसी पहले से नामांकित है।", "This PC is already enrolled."))
    cert = fetch_certificate(server_url)
    private, public = new_device_key()
    client = client_factory(server_url, db.schema_version, cert)
    try:
        answer = client.enrol(
            EnrolRequest(
                code=code,
                device_id=db.device_id,
                public_key=public,
                label=label,
                station_id=replica.local_station_id(db),
            )
        )
    finally:
        client.close()
    local_store.save_enrolment(db, author, server_url, answer, private, cert)
    return answer


def _enrolled(db: StationDatabase) -> replica.Enrolment:
    enrolment = replica.enrolment(db)
    if enrolment is None:
        raise not_enrolled()
    return enrolment


def sync(
    db: StationDatabase, author: Author, client_factory: ClientFactory = default_client
) -> SyncReport:
    enrolment = _enrolled(db)
    client = client_factory(enrolment.server_url, db.schema_version, enrolment.server_cert)
    report = SyncReport()
    try:
        meta = client.meta()
        report.resent_after_restore = replica.begin_epoch(db, author, meta.server_epoch)
        client.authenticate(enrolment.device_id, enrolment.private_key)
        if enrolment.role == "circle":
            replica.keep_local(db, author, CIRCLE_WRITABLE)
        _push(db, author, client, meta.max_batch, meta.server_epoch, report)
        _pull(db, author, client, meta.max_page, report)
        _push_audit(db, author, client, report)
    finally:
        client.close()
    replica.finish_sync(db, author, report.summary())
    return report


def _push(
    db: StationDatabase,
    author: Author,
    client: DistrictClient,
    batch: int,
    epoch: str,
    report: SyncReport,
) -> None:
    while ops := local_store.pending_ops(db, batch):
        answer = client.push(ops)
        if answer.server_epoch != epoch:
            # Restored while we pushed: send everything again to the restored district.
            replica.begin_epoch(db, author, answer.server_epoch)
            report.resent_after_restore = True
            epoch = answer.server_epoch
        _record(db, author, answer.results, report)
        if len(answer.results) < len(ops):
            break  # the district answered part of the batch; the rest goes next run


def _push_audit(
    db: StationDatabase, author: Author, client: DistrictClient, report: SyncReport
) -> None:
    """The audit entries the district does not yet hold, after the data: a refusal is
    reported, and the data already synced stays synced."""
    rewound = False
    while batch := local_store.audit_batch(db):
        try:
            answer = client.push_audit(batch)
        except SyncRefused as exc:
            report.audit_refused = exc.message
            return
        if replica.begin_epoch(db, author, answer.server_epoch):
            report.resent_after_restore = True
            continue  # restored meanwhile: the whole chain goes again
        replica.acknowledge_audit(db, author, answer.held_through)
        report.audit_sent += answer.stored
        if answer.held_through < batch.after_seq:
            if rewound:
                return  # the district keeps holding less; try again next run
            rewound = True  # it holds less than this PC thought: send from there
        elif answer.held_through < batch.entries[-1].seq:
            return


def _record(
    db: StationDatabase, author: Author, results: list[OpOutcome], report: SyncReport
) -> None:
    counts = local_store.record_outcomes(db, author, results)
    report.pushed += counts.applied + counts.conflict + counts.rejected
    report.duplicates += counts.duplicate
    report.rejected += counts.rejected


def _pull(
    db: StationDatabase, author: Author, client: DistrictClient, page_size: int, report: SyncReport
) -> None:
    while True:
        enrolment = replica.enrolment(db)
        assert enrolment is not None
        page = client.pull(enrolment.cursor, page_size)
        if page.server_epoch != enrolment.server_epoch:
            replica.begin_epoch(db, author, page.server_epoch)
            report.resent_after_restore = True
            continue  # from the start of the restored district's log
        _apply(db, author, page, report)
        if not page.has_more:
            return


def _apply(db: StationDatabase, author: Author, page: PullResponse, report: SyncReport) -> None:
    counts = local_store.apply_page(db, author, page)
    report.pulled += counts.rows
    report.conflicts += counts.new_conflicts
    report.skipped_tables |= counts.skipped_tables


# ---- the offline sync file (a PC with no link) ---------------------------------------------


@dataclass(frozen=True)
class Exported:
    data: bytes
    ops: int
    more: bool  # more changes (or audit entries) wait than one file carries: export again


def _district_keys(enrolment: replica.Enrolment) -> tuple[str, str]:
    """The district's (encryption, signature) public keys, given at enrolment."""
    box, sign = enrolment.district_box_key, enrolment.district_sign_key
    if box is None or sign is None:
        raise MskError(
            Message(
                "यह पीसी सिंक फ़ाइल सुविधा से पहले नामांकित हुआ था; इसके लिए नए डेटा फ़ोल्डर से फिर नामांकन करें।",
                "This PC was enrolled before the sync file existed; enrol again from a new data "
                "folder to use it.",
            )
        )
    return box, sign


def export_file(db: StationDatabase, author: Author) -> Exported:
    """The push batch an HTTP sync would send and this PC's pull cursor, signed with the
    device's key and encrypted to the district's. Nothing is marked sent: the ops stay
    pending until an answer file says what the district did with them."""
    enrolment = _enrolled(db)
    district_box_key, _ = _district_keys(enrolment)
    if enrolment.role == "circle":
        replica.keep_local(db, author, CIRCLE_WRITABLE)
    ops = local_store.pending_ops(db, MAX_BATCH + 1)
    payload = StationFile(
        file_id=new_id(),
        device_id=enrolment.device_id,
        station_code=enrolment.station_code,
        schema_version=db.schema_version,
        server_epoch=enrolment.server_epoch,
        cursor=enrolment.cursor,
        ops=ops[:MAX_BATCH],
        answer_key=syncfile.public_text(syncfile.device_box_key(enrolment.private_key)),
        created_at=utc_now(),
        audit=local_store.audit_batch(db),
    )
    data = syncfile.seal(
        "station",
        enrolment.device_id,
        payload,
        syncfile.device_sign_key(enrolment.private_key),
        district_box_key,
    )
    audit_full = payload.audit is not None and len(payload.audit.entries) == MAX_AUDIT_BATCH
    return Exported(data, len(payload.ops), len(ops) > MAX_BATCH or audit_full)


def import_answer(db: StationDatabase, author: Author, data: bytes) -> SyncReport:
    """Apply the district's answer file as an HTTP sync applies its answers: the push outcomes,
    then the pulled pages with the cursor. An answer imported again changes nothing: its
    outcomes are already recorded, and its pages start where this PC's cursor no longer is."""
    enrolment = _enrolled(db)
    _, district_sign_key = _district_keys(enrolment)
    opened = syncfile.open_sealed(data, "answer", syncfile.device_box_key(enrolment.private_key))
    answer = opened.payload(AnswerFile, district_sign_key)
    if opened.device_id != enrolment.device_id or answer.device_id != enrolment.device_id:
        raise MskError(
            Message(
                "यह उत्तर फ़ाइल किसी दूसरे पीसी की है; कुछ भी लागू नहीं हुआ।",
                "This answer file is for another PC; nothing was applied.",
            )
        )
    report = SyncReport()
    report.resent_after_restore = replica.begin_epoch(db, author, answer.push.server_epoch)
    _record(db, author, answer.push.results, report)
    if _enrolled(db).cursor == answer.since:
        for page in answer.pages:
            _apply(db, author, page, report)
    if answer.audit is not None:
        replica.acknowledge_audit(db, author, answer.audit.held_through)
        report.audit_sent = answer.audit.stored
    if answer.audit_refused is not None:
        report.audit_refused = Message(answer.audit_refused.hi, answer.audit_refused.en)
    replica.finish_sync(db, author, report.summary())
    return report


@dataclass(frozen=True)
class Joined:
    recovery_key: str
    report: SyncReport
    user_found: bool  # the account named at enrolment came with the station's data


def join_station(
    layout: DataLayout,
    username: str,
    password: str,
    server_url: str,
    code: str,
    label: str = "",
    client_factory: ClientFactory = default_client,
) -> Joined:
    """Another PC of an enrolled station: a new empty database (its own recovery key), enrolled
    and filled by a first sync, so the station's people can log in with their user names."""
    db, recovery = StationDatabase.create(layout, username, password)
    author = Author(None, username)
    try:
        enrol(db, author, server_url, code, label, client_factory)
        report = sync(db, author, client_factory)
        found = replica.has_user(db, username)
    finally:
        db.close()
    return Joined(recovery, report, found)
