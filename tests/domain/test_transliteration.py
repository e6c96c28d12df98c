"""Roman → Devanagari: real register words by the scheme's spellings and by ear, and the
properties an input field relies on (no Latin left over, Devanagari untouched)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from msk_desktop.domain.transliteration import (
    LEXICON,
    by_rules,
    inside_braces,
    pending_roman_start,
    to_devanagari,
    transliterate_word,
)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Words of police registers written in the scheme (letter rules only, no lexicon).
SCHEME_WORDS = [
    ("mahila", "महिला"),
    ("shakti", "शक्ति"),
    ("thaanaa", "थाना"),
    ("pulis", "पुलिस"),
    ("aavedan", "आवेदन"),
    ("shikaayat", "शिकायत"),
    ("paraamarsh", "परामर्श"),
    ("niriikShaN", "निरीक्षण"),
    ("niriikshaN", "निरीक्षण"),
    ("abhiyukt", "अभियुक्त"),
    ("giraphtaarii", "गिरफ्तारी"),
    ("pI.Dita", "पीड़िता"),
    ("peeRita", "पीड़िता"),
    ("vivechanaa", "विवेचना"),
    ("vivechana", "विवेचना"),
    ("prabhaarii", "प्रभारी"),
    ("kendra", "केन्द्र"),
    ("kendr", "केन्द्र"),
    ("keMdra", "केंद्र"),
    ("suraksha", "सुरक्षा"),
    ("kShetraadhikaarii", "क्षेत्राधिकारी"),
    ("upaniriikShak", "उपनिरीक्षक"),
    ("aarakShii", "आरक्षी"),
    ("mukhya", "मुख्य"),
    ("dahej", "दहेज"),
    ("apaharaN", "अपहरण"),
    ("balaatkaar", "बलात्कार"),
    ("CheRChaaR", "छेड़छाड़"),
    ("hiMsaa", "हिंसा"),
    ("gharelU", "घरेलू"),
    ("nyaayaalay", "न्यायालय"),
    ("jamaanat", "जमानत"),
    ("mukadamaa", "मुकदमा"),
    ("dhaaraa", "धारा"),
    ("saakShii", "साक्षी"),
    ("bayaan", "बयान"),
    ("chikitsaa", "चिकित्सा"),
    ("pariikShaN", "परीक्षण"),
    ("saMsthaa", "संस्था"),
    ("janapad", "जनपद"),
    ("graam", "ग्राम"),
    ("vyakti", "व्यक्ति"),
    ("raatri", "रात्रि"),
    ("gasht", "गश्त"),
    ("Desk", "डेस्क"),
    ("rosTar", "रोस्टर"),
    ("saaibar", "साइबर"),
    ("DOkTar", "डॉक्टर"),
    ("GYaapan", "ज्ञापन"),
    ("patra", "पत्र"),
    ("praarthanaa", "प्रार्थना"),
    ("parivaar", "परिवार"),
    ("saMrakShaN", "संरक्षण"),
    ("aparaadh", "अपराध"),
    ("gRRih", "गृह"),
    ("RRiN", "ऋण"),
]

# Nukta letters, nasals, marks and separators.
SCHEME_DETAILS = [
    ("zilaa", "ज़िला"),
    ("qaanoon", "क़ानून"),
    ("fariyaad", "फ़रियाद"),
    ("giraftaarii", "गिरफ़्तारी"),
    ("Kabar", "ख़बर"),
    ("Gam", "ग़म"),
    ("baRh", "बढ़"),
    ("laRkaa", "लड़का"),
    ("paRhaaii", "पढ़ाई"),
    ("maa.N", "माँ"),
    ("gaa.Nv", "गाँव"),
    ("sa.nbhal", "संभल"),
    ("duHkh", "दुःख"),
    ("vidvaan.h", "विद्वान्"),
    ("ka_ii", "कई"),
    ("kaI", "कई"),
    ("naI", "नई"),
    ("kai", "कै"),
    ("aaiye", "आइये"),
    ("a", "अ"),
    ("x", "क्ष"),
    ("aGYaa", "अज्ञा"),
    ("Bal", "बल"),  # a capital with no meaning of its own reads as the small letter
]

# Spellings by ear that the lexicon turns into the register's spelling.
BY_EAR = [
    ("thana", "थाना"),
    ("shikayat", "शिकायत"),
    ("paramarsh", "परामर्श"),
    ("nirikshan", "निरीक्षण"),
    ("giraftari", "गिरफ्तारी"),
    ("pidita", "पीड़िता"),
    ("prabhari", "प्रभारी"),
    ("arakshi", "आरक्षी"),
    ("mission", "मिशन"),
    ("singh", "सिंह"),
    ("sharma", "शर्मा"),
]


@pytest.mark.parametrize(("roman", "hindi"), SCHEME_WORDS + SCHEME_DETAILS)
def test_scheme_spelling(roman: str, hindi: str) -> None:
    assert by_rules(roman) == nfc(hindi)
    assert to_devanagari(roman) == nfc(hindi)


@pytest.mark.parametrize(("roman", "hindi"), BY_EAR)
def test_spelling_by_ear(roman: str, hindi: str) -> None:
    assert to_devanagari(roman) == nfc(hindi)


def test_final_a_is_long_after_one_consonant_and_inherent_after_a_conjunct() -> None:
    assert to_devanagari("ghaTana") == nfc("घटना")
    assert to_devanagari("mitra") == nfc("मित्र")
    assert to_devanagari("mitraa") == nfc("मित्रा")  # "aa" is always आ


@pytest.mark.parametrize("roman", sorted(LEXICON))
def test_every_lexicon_entry_differs_from_the_rules(roman: str) -> None:
    # An entry the rules already spell right is dead weight; one that equals them hides nothing.
    assert by_rules(roman) != LEXICON[roman]
    assert transliterate_word(roman) == LEXICON[roman] == nfc(LEXICON[roman])


@pytest.mark.parametrize(
    ("roman", "hindi"),
    [
        ("mahila thana", "महिला थाना"),
        ("parivaar paraamarsh kendra", "परिवार परामर्श केन्द्र"),
        ("mu0a0saM0 123/2025", "मु0अ0सं0 123/2025"),
        ("{SHO} saahab, {BNS 74} ke tahat", "SHO साहब, BNS 74 के तहत"),
        ("gayaa| aayaa||", "गया। आया॥"),
        ("kyaa?\nhaaM!", "क्या?\nहां!"),
        ("laRkii (19 varSh)", "लड़की (19 वर्ष)"),
        ("{POCSO", "POCSO"),  # still typing inside braces: kept as typed
        ("ant.", "अन्त."),  # a full stop is not the start of ".D"/".n"
        ("mahila थाना", "महिला थाना"),
    ],
)
def test_text(roman: str, hindi: str) -> None:
    assert to_devanagari(roman) == nfc(hindi)


@pytest.mark.parametrize(
    ("line", "start"),
    [
        ("", 0),
        ("mahila", 0),
        ("महिला tha", 6),
        ("ab {Mission Sha", 3),
        ("ab {SHO} saa", 9),
        ("महिला, thana", 7),
        ("mu0a0saM0", 0),
    ],
)
def test_pending_roman_start(line: str, start: int) -> None:
    assert pending_roman_start(line) == start


def test_inside_braces() -> None:
    assert inside_braces("ab {Mission")
    assert not inside_braces("ab {SHO} saa")
    assert not inside_braces("plain")


# ---- properties -----------------------------------------------------------------------------

LATIN = re.compile(r"[A-Za-z]")
plain_text = st.text(
    alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E, exclude_characters="{}"),
    max_size=40,
)
devanagari_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x0900, max_codepoint=0x097F),
        st.sampled_from(" 0123456789,.?!-_/()~^:;"),
    ),
    max_size=40,
)


@given(plain_text)
def test_no_latin_letter_survives(text: str) -> None:
    assert not LATIN.search(to_devanagari(text))


@given(st.lists(st.tuples(st.booleans(), plain_text), max_size=6))
def test_latin_letters_come_only_from_braces(parts: list[tuple[bool, str]]) -> None:
    text = "".join("{" + part + "}" if braced else part for braced, part in parts)
    kept = "".join(part for braced, part in parts if braced)
    assert LATIN.findall(to_devanagari(text)) == LATIN.findall(kept)


@given(devanagari_text)
def test_devanagari_is_left_alone(text: str) -> None:
    assert to_devanagari(text) == text


@given(plain_text)
def test_converting_twice_changes_nothing_more(text: str) -> None:
    once = to_devanagari(text)
    assert to_devanagari(once) == once
    assert once == nfc(once)
