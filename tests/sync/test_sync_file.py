"""The offline sync file: a station PC with no link carries its changes to the district on a
stick and brings the answer back. Real station files, the real district on PostgreSQL, and
real files on disk; damaged, repeated and revoked files change nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from msk_desktop.cli import main as desktop
from msk_desktop.district import service
from msk_desktop.district.cli import main as district_cli
from msk_desktop.district.errors import DistrictError
from msk_desktop.district.offline import Answered, answer_station_file
from msk_desktop.district.tables import ChangeLog, Device, RowState
from msk_desktop.domain.errors import MskError
from msk_desktop.ops import replica
from msk_desktop.ops.entries import create_entry
from msk_desktop.ops.inspection import record_inspection
from msk_desktop.store.database import SYSTEM
from msk_desktop.store.models import DeviceSyncState
from msk_desktop.sync import engine, syncfile
from msk_desktop.sync.syncfile import StationFile, SyncFileError
from tests.district.conftest import District, database_url
from tests.ops.conftest import SAMPLES
from tests.sync.conftest import (
    PASSWORD,
    Pc,
    circle_laptop,
    joining_pc,
    outbox_states,
    snapshot,
)

DAMAGED_EN = "damaged, truncated or altered; nothing was applied"
DAMAGED_HI = "क्षतिग्रस्त, अधूरी या बदली हुई"


def _at_district(district: District, data: bytes) -> Answered:
    with district.session() as session, session.begin():
        return answer_station_file(session, data)


def _district_rows(district: District) -> dict[tuple[str, str], int]:
    with district.session() as session:
        return {
            (r.table_name, r.row_id): r.version for r in session.execute(select(RowState)).scalars()
        }


def _changes_logged(district: District) -> int:
    with district.session() as session:
        return int(session.execute(select(func.count()).select_from(ChangeLog)).scalar_one())


def _round_trip(pc: Pc, district: District) -> engine.SyncReport:
    exported = engine.export_file(pc.db, pc.ctx.author)
    answered = _at_district(district, exported.data)
    return engine.import_answer(pc.db, pc.ctx.author, answered.data)


def _flipped(data: bytes, at: int) -> bytes:
    changed = bytearray(data)
    changed[at] ^= 0x01
    return bytes(changed)


def _pc_state(pc: Pc) -> tuple[Any, ...]:
    enrolment = replica.enrolment(pc.db)
    assert enrolment is not None
    return snapshot(pc.db), outbox_states(pc.db), enrolment.cursor


def test_a_pc_without_a_link_converges_through_the_file(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    entry = create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    report = _round_trip(station_a, district)
    assert report.pushed > 0 and report.rejected == 0 and report.pulled > 0
    assert set(outbox_states(station_a.db)) == {"applied"}
    # The PC holds what the district holds, at the district's versions.
    mine = {key: row["version"] for key, row in snapshot(station_a.db).items()}
    assert _district_rows(district) == mine

    # Another PC of the station, on the network, sees the entry made offline.
    pc2 = joining_pc(tmp_path / "a2", district, "LKO-A")
    key = ("awareness_programme", entry.entity_id)
    assert snapshot(pc2.db)[key] == snapshot(station_a.db)[key]
    # ...and what the second PC did comes back to the first by the next file.
    pc2.sync()
    _round_trip(station_a, district)
    pc2.sync()
    assert snapshot(station_a.db) == snapshot(pc2.db)


def test_importing_a_file_twice_is_harmless_on_both_sides(
    district: District, station_a: Pc
) -> None:
    create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    exported = engine.export_file(station_a.db, station_a.ctx.author)
    first = _at_district(district, exported.data)
    logged, rows = _changes_logged(district), _district_rows(district)
    second = _at_district(district, exported.data)
    assert set(second.outcomes) == {"duplicate"}
    assert sum(second.outcomes.values()) == sum(first.outcomes.values()) == exported.ops
    assert (_changes_logged(district), _district_rows(district)) == (logged, rows)

    engine.import_answer(station_a.db, station_a.ctx.author, first.data)
    after = _pc_state(station_a)
    again = engine.import_answer(station_a.db, station_a.ctx.author, first.data)
    assert again.pulled == 0  # its pages start where this PC's cursor no longer is
    engine.import_answer(station_a.db, station_a.ctx.author, second.data)
    assert _pc_state(station_a) == after


def test_a_damaged_or_cut_station_file_is_refused_and_nothing_applied(
    district: District, station_a: Pc
) -> None:
    data = engine.export_file(station_a.db, station_a.ctx.author).data
    spoiled = [
        _flipped(data, len(data) // 2),
        _flipped(data, len(data) - 10),
        _flipped(data, len(data) // 3),
        data[: len(data) // 2],
        data[:-1],
        b"",
    ]
    for bad in spoiled:
        with pytest.raises(SyncFileError) as refused:
            _at_district(district, bad)
        assert DAMAGED_EN in refused.value.message.en
        assert DAMAGED_HI in refused.value.message.hi
    assert _changes_logged(district) == 0 and _district_rows(district) == {}
    _at_district(district, data)  # the undamaged file still goes through
    assert _changes_logged(district) > 0


def test_a_damaged_or_cut_answer_file_is_refused_and_nothing_applied(
    district: District, station_a: Pc
) -> None:
    create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    exported = engine.export_file(station_a.db, station_a.ctx.author)
    answer = _at_district(district, exported.data).data
    before = _pc_state(station_a)
    for bad in (_flipped(answer, len(answer) // 2), answer[: len(answer) - 100]):
        with pytest.raises(SyncFileError) as refused:
            engine.import_answer(station_a.db, station_a.ctx.author, bad)
        assert DAMAGED_EN in refused.value.message.en
    assert _pc_state(station_a) == before
    assert set(outbox_states(station_a.db)) == {"pending"}


def test_a_station_file_is_not_an_answer_and_only_its_pc_reads_the_answer(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    exported = engine.export_file(station_a.db, station_a.ctx.author)
    with pytest.raises(SyncFileError, match="not the district's answer file"):
        engine.import_answer(station_a.db, station_a.ctx.author, exported.data)
    answer = _at_district(district, exported.data).data
    other = joining_pc(tmp_path / "a2", district, "LKO-A")
    with pytest.raises(SyncFileError, match=DAMAGED_EN):
        engine.import_answer(other.db, other.ctx.author, answer)  # encrypted to station_a


def test_a_file_not_signed_by_its_device_or_of_another_version_is_refused(
    district: District, station_a: Pc
) -> None:
    enrolment = replica.enrolment(station_a.db)
    assert enrolment is not None and enrolment.district_box_key is not None
    genuine = engine.export_file(station_a.db, station_a.ctx.author).data
    opened = syncfile.open_sealed(genuine, "station", syncfile.district_box_key(_secret(district)))
    payload = opened.payload(StationFile, _device_key(district, enrolment.device_id))
    forged = syncfile.seal(
        "station",
        enrolment.device_id,
        payload,
        Ed25519PrivateKey.generate(),  # not the device's key
        enrolment.district_box_key,
    )
    with pytest.raises(SyncFileError, match=r"altered; nothing was applied \(signature\)"):
        _at_district(district, forged)
    newer = json.loads(genuine) | {"version": syncfile.FORMAT_VERSION + 1}
    with pytest.raises(SyncFileError, match="Update the app"):
        _at_district(district, json.dumps(newer).encode())
    assert _changes_logged(district) == 0


def _secret(district: District) -> str:
    with district.session() as session:
        return service.state(session).secret


def _device_key(district: District, device_id: str) -> str:
    with district.session() as session:
        device = session.get(Device, device_id)
        assert device is not None
        return device.public_key


def test_a_circle_officers_laptop_sends_its_inspection_by_file(
    tmp_path: Path, district: District, station_a: Pc
) -> None:
    station_a.sync()
    co = circle_laptop(tmp_path / "co", district, "LKO-A")
    made = record_inspection(co.ctx, SAMPLES["inspection_entry"], [{"direction": "रजिस्टर पूर्ण करें"}])
    report = _round_trip(co, district)
    assert report.rejected == 0
    assert ("inspection_entry", made.entity_id) in _district_rows(district)
    station_a.sync()
    key = ("inspection_entry", made.entity_id)
    assert snapshot(station_a.db)[key] == snapshot(co.db)[key]


def test_a_revoked_devices_file_is_refused(district: District, station_a: Pc) -> None:
    create_entry(station_a.ctx, "awareness_programme", SAMPLES["awareness_programme"])
    data = engine.export_file(station_a.db, station_a.ctx.author).data
    district.revoke(station_a.db.device_id)
    with pytest.raises(DistrictError) as refused:
        _at_district(district, data)
    assert refused.value.body.code == "revoked"
    assert _changes_logged(district) == 0 and _district_rows(district) == {}


# ---- the three commands --------------------------------------------------------------------


def _enrolled_by_cli(
    tmp_path: Path, district: District, capsys: pytest.CaptureFixture[str], db: str
) -> str:
    station = ["add-station", "--code", "LKO-F", "--name", "F", "--circle", "C"]
    assert district_cli(["--db", db, *station]) == 0
    pc = str(tmp_path / "pc")
    assert desktop(
        [
            "--lang", "en", "init", "--data-dir", pc, "--code", "LKO-F", "--name-hi", "थाना एफ",
            "--name-en", "Thana F", "--district", "Lucknow", "--circle", "C",
            "--user", "incharge", "--full-name", "Kalpana Incharge",
        ]
    ) == 0  # fmt: skip
    assert district_cli(["--db", db, "enrol-code", "--station", "LKO-F"]) == 0
    code = capsys.readouterr().out.strip().splitlines()[-1].strip()
    enrol = ["--lang", "en", "enrol", "--server", district.url, "--code", code]
    assert desktop([*enrol, "--user", "incharge", "--data-dir", pc]) == 0
    capsys.readouterr()
    return pc


def test_the_sync_file_commands(
    tmp_path: Path,
    district: District,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MSK_PASSWORD", PASSWORD)
    db = database_url(district.engine)
    pc = _enrolled_by_cli(tmp_path, district, capsys, db)
    on_pc = ["--data-dir", pc, "--user", "incharge"]
    stick = tmp_path / "stick"
    stick.mkdir()
    sent, answer = stick / "lko-f.msksync", stick / "lko-f.answer"

    assert desktop(["--lang", "en", "sync-export", "--out", str(sent), *on_pc]) == 0
    assert "Sync file written" in capsys.readouterr().out
    assert district_cli(["--db", db, "import-syncfile", str(sent), "--answer", str(answer)]) == 0
    out = capsys.readouterr().out
    assert "applied" in out and "answer file written" in out
    assert desktop(["--lang", "en", "sync-import-answer", str(answer), *on_pc]) == 0
    assert "pushed: " in capsys.readouterr().out

    # Bad paths: a clear message in both languages, a non-zero exit, nothing changed.
    logged = _changes_logged(district)
    missing = tmp_path / "no-such-folder" / "file"
    assert desktop(["--lang", "en", "sync-export", "--out", str(missing), *on_pc]) == 2
    assert "Cannot write the file" in capsys.readouterr().err
    assert desktop(["--lang", "en", "sync-import-answer", str(missing), *on_pc]) == 2
    assert "Cannot read the file" in capsys.readouterr().err
    assert district_cli(["--db", db, "import-syncfile", str(missing), "--answer", str(answer)]) == 2
    assert "Cannot read the file" in capsys.readouterr().err
    assert district_cli(["--db", db, "import-syncfile", str(sent), "--answer", str(missing)]) == 2
    assert "Cannot write the file" in capsys.readouterr().err
    sent.write_bytes(_flipped(sent.read_bytes(), sent.stat().st_size // 2))
    assert district_cli(["--db", db, "import-syncfile", str(sent), "--answer", str(answer)]) == 2
    err = capsys.readouterr().err
    assert DAMAGED_EN in err and DAMAGED_HI in err
    answer.write_bytes(answer.read_bytes()[:-50])
    assert desktop(["--lang", "en", "sync-import-answer", str(answer), *on_pc]) == 2
    assert DAMAGED_EN in capsys.readouterr().err
    assert _changes_logged(district) == logged


def test_a_pc_enrolled_before_the_sync_file_is_told_to_enrol_again(station_a: Pc) -> None:
    with station_a.db.write(SYSTEM, replica=True) as tx:
        tx.session.get_one(DeviceSyncState, 1).district_box_key = None
    with pytest.raises(MskError, match="enrol again from a new data folder"):
        engine.export_file(station_a.db, station_a.ctx.author)
    with pytest.raises(MskError, match="enrol again from a new data folder"):
        engine.import_answer(station_a.db, station_a.ctx.author, b"{}")
