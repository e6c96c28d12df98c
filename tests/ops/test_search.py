"""Global search: Hindi words whole, English too, kept current on every save, identity only
for the roles that may see it."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import text

from msk_desktop.ops.context import OpContext, Role
from msk_desktop.ops.entries import create_entry, delete_entry, edit_entry
from msk_desktop.ops.fir import register_fir
from msk_desktop.ops.search import global_search
from msk_desktop.ops.station import add_user, login, setup_station
from msk_desktop.store import migrate
from msk_desktop.store.keyslots import KdfCost
from msk_desktop.store.layout import DataLayout
from msk_desktop.store.search_index import TOKENIZER

VICTIM_NAME = "सुनीता काल्पनिक"


def _station(tmp_path: Path, cost: KdfCost) -> tuple[OpContext, DataLayout]:
    layout = DataLayout(tmp_path / "s")
    ctx, _ = setup_station(
        layout,
        {"code": "SR-1", "name_hi": "थाना", "name_en": "T", "district": "D", "circle": "C"},
        "fake.incharge",
        "Fake In-charge",
        "search-password",
        cost,
    )
    return ctx, layout


def _fir(ctx: OpContext) -> str:
    return register_fir(
        ctx,
        {
            "crime_no": 55,
            "crime_year": 2025,
            "registered_at": "2025-05-02 10:00",
            "offence_date": "2025-05-01",
            "status": "under_investigation",
            "io_name": "उपनिरीक्षक रमेश काल्पनिक",
            "place": "रेलवे स्टेशन",
        },
        ["BNS 85", "DPA 4"],
        [{"age": 26, "gender": "female", "identity": {"name": VICTIM_NAME, "phone": "9876500000"}}],
        [{"named": True, "name": "Fake Accused Husband", "status": "at_large"}],
    ).entity_id


def test_the_default_tokenizer_would_cut_hindi_words() -> None:
    # Why the index has its own tokenizer: the default one cuts words at vowel signs, so
    # "महिला" is stored as "मह" + "ल" and a different word with the same consonants matches.
    conn = sqlcipher.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE plain USING fts5(body)")
    conn.execute(f'CREATE VIRTUAL TABLE ours USING fts5(body, tokenize="{TOKENIZER}")')
    for table in ("plain", "ours"):
        conn.execute(f"CREATE VIRTUAL TABLE {table}_terms USING fts5vocab({table}, 'row')")
        conn.execute(f"INSERT INTO {table} VALUES ('महिला पुलिस')")

    def terms(table: str) -> set[str]:
        return {row[0] for row in conn.execute(f"SELECT term FROM {table}_terms")}

    def matches(table: str, word: str) -> int:
        query = f"SELECT count(*) FROM {table} WHERE {table} MATCH ?"
        return int(conn.execute(query, (f'"{word}"',)).fetchone()[0])

    assert terms("plain") == {"मह", "ल", "प", "स"}
    assert terms("ours") == {"महिला", "पुलिस"}
    assert matches("plain", "पालिस") == 1  # a wrong hit: "पालिस" is not "पुलिस"
    assert matches("ours", "पालिस") == 0
    assert matches("ours", "पुलिस") == 1


def test_hindi_english_sections_and_numbers_find_the_fir(
    tmp_path: Path, fast_cost: KdfCost
) -> None:
    ctx, _ = _station(tmp_path, fast_cost)
    fir_id = _fir(ctx)
    for query in (
        "क्रूरता",
        "cruelty",
        "BNS 85",
        "85",
        "दहेज",
        "dowry",
        "रमेश",
        "रेलवे स्टेशन",
        "55/2025",
        "Fake Accused",
        "पीड़िता-2025",
        "क्रू",
    ):
        hits = global_search(ctx, query)
        assert [h.entry_id for h in hits] == [fir_id], query
    assert global_search(ctx, "बलात्कार") == []
    assert global_search(ctx, "56/2025") == []


def test_the_index_follows_edits_and_deletes(tmp_path: Path, fast_cost: KdfCost) -> None:
    ctx, _ = _station(tmp_path, fast_cost)
    app = create_entry(
        ctx,
        "helpdesk_application",
        {
            "received_at": "2025-06-01 11:00",
            "category": "cyber",
            "summary": "फर्जी प्रोफाइल से उत्पीड़न",
            "status": "pending",
        },
    ).entity_id
    assert [h.entry_id for h in global_search(ctx, "प्रोफाइल")] == [app]
    assert [h.entry_id for h in global_search(ctx, "साइबर")] == [app]  # the category's label
    edit_entry(ctx, "helpdesk_application", app, {"summary": "धमकी भरे संदेश"})
    assert global_search(ctx, "प्रोफाइल") == []
    assert [h.entry_id for h in global_search(ctx, "संदेश")] == [app]
    delete_entry(ctx, "helpdesk_application", app, "दोहरी प्रविष्टि")
    assert global_search(ctx, "संदेश") == []


def test_identity_is_searchable_only_by_the_in_charge(tmp_path: Path, fast_cost: KdfCost) -> None:
    ctx, layout = _station(tmp_path, fast_cost)
    fir_id = _fir(ctx)
    hits = global_search(ctx, "सुनीता")
    assert [(h.entry_id, h.by_identity) for h in hits] == [(fir_id, True)]
    assert VICTIM_NAME not in repr(hits)  # the hit carries no identity itself
    assert [h.entry_id for h in global_search(ctx, "98765")] == [fir_id]
    with ctx.db.read() as session:
        audited = (
            session.execute(text("SELECT detail FROM audit_log WHERE action = 'search.identity'"))
            .scalars()
            .all()
        )
    assert audited and all(VICTIM_NAME not in d and "सुनीता" not in d for d in audited)
    add_user(ctx, "fake.si", "Fake SI", Role.SUB_INSPECTOR, "si-password-1", fast_cost)
    ctx.db.close()
    si = login(layout, "fake.si", "si-password-1")
    assert global_search(si, "सुनीता") == []
    assert [h.entry_id for h in global_search(si, "क्रूरता")] == [fir_id]
    si.db.close()


def test_an_old_database_gets_its_index_built_on_open(tmp_path: Path, fast_cost: KdfCost) -> None:
    ctx, layout = _station(tmp_path, fast_cost)
    fir_id = _fir(ctx)
    migrate.downgrade(ctx.db.engine, "0001")  # as a PC running the previous version had it
    ctx.db.close()
    reopened = login(layout, "fake.incharge", "search-password")
    assert [h.entry_id for h in global_search(reopened, "क्रूरता")] == [fir_id]
    reopened.db.close()
