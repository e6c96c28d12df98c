"""Roman letters to Devanagari, for constables who cannot type Inscript ("mahila" → महिला).

The scheme is ITRANS with a few Harvard-Kyoto and everyday-phonetic spellings, table-driven:

- Consonants carry the inherent "a"; two consonants with no vowel between them form a conjunct
  (halant): "shakti" → शक्ति, "kendra" → केन्द्र.
- A consonant at the end of a word is written bare, not with a halant: Hindi does not sound
  the final "a", so "pulis" → पुलिस and "kamal" → कमल. Type ".h" for an explicit halant.
- A word-final "a" after a single consonant is the long आ-matra, because Hindi words written
  with a final vowel there end in ā: "mahila" → महिला, "vivechana" → विवेचना. After a conjunct
  it stays the inherent vowel, as in the Sanskrit nouns of the registers: "kendra" → केन्द्र,
  "patra" → पत्र. क्ष and ज्ञ count as single letters (the Hindi alphabet lists them so):
  "suraksha" → सुरक्षा. "aa" or "A" is always आ.
- Vowels: a aa/A i ii/I/ee u uu/U/oo RRi/R^i e ai o au O(ऑ). A vowel with no consonant
  before it (word start, or after another vowel) is the independent letter: "aavedan" → आवेदन.
  "_" separates letters that would otherwise join: "ka_ii" → कई (or write "kaI").
- Nasals: "n" is always न, so "kendra" gives the half-न spelling केन्द्र used in this app's
  texts; "M" or ".n" writes the anusvara (केंद्र is "keMdra"), ".N" the chandrabindu (माँ is
  "maa.N"). "H" is the visarga (दुःख is "duHkh").
- Nukta letters: q क़, K ख़, G ग़, z ज़, f फ़, and ड़/ढ़ as ".D"/".Dh" or "R"/"Rh"; so पीड़िता is
  "pI.Dita" or "peeRita". "ph" is plain फ (गिरफ्तारी is "giraphtaarii"; "giraftaarii" gives
  गिरफ़्तारी). Hence ऋ needs "RRi". ड़ and ढ़ never join the next consonant: "laRkii" → लड़की.
- Capital letters without a meaning of their own (B, E, J, L, …) read as small letters.
- Digits, spaces and punctuation pass through (police abbreviations keep their zeros:
  "mu0a0saM0" → मु0अ0सं0); "|" is the danda ।, "||" the double danda ॥.
- Text in {braces} is kept as typed, without the braces: "{SHO} saahab" → SHO साहब.
- Anything already in Devanagari is left alone.

Many constables type common words as they sound ("thana", "shikayat"), which no letter rule can
tell from other readings (थाना but महिला: the same "a"); a small lexicon of register words takes
those exact spellings first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum, auto

HALANT = "\u094d"
NUKTA = "\u093c"
AA_MATRA = "\u093e"


class _Kind(Enum):
    CONSONANT = auto()
    VOWEL = auto()
    MARK = auto()  # anusvara, chandrabindu, visarga: the consonant before keeps its "a"
    HALANT = auto()
    SEPARATOR = auto()


@dataclass(frozen=True)
class _Token:
    kind: _Kind
    text: str = ""  # a consonant, an independent vowel, or a mark
    matra: str = ""  # a vowel's sign after a consonant ("" for the inherent a)
    inherent: bool = False  # the vowel "a"
    joins: bool = True  # takes a halant before a following consonant


def _nukta(letter: str) -> str:
    # Base letter + nukta rather than the precomposed क़ (U+0958…): those are excluded from NFC,
    # so the decomposed form is what a normalised search index and a Hindi keyboard produce.
    return letter + NUKTA


_VOWELS: dict[str, tuple[str, str]] = {
    "a": ("अ", ""),
    "aa": ("आ", AA_MATRA),
    "A": ("आ", AA_MATRA),
    "i": ("इ", "ि"),
    "ii": ("ई", "ी"),
    "I": ("ई", "ी"),
    "ee": ("ई", "ी"),
    "u": ("उ", "ु"),
    "uu": ("ऊ", "ू"),
    "U": ("ऊ", "ू"),
    "oo": ("ऊ", "ू"),
    "RRi": ("ऋ", "ृ"),
    "R^i": ("ऋ", "ृ"),
    "e": ("ए", "े"),
    "ai": ("ऐ", "ै"),
    "o": ("ओ", "ो"),
    "au": ("औ", "ौ"),
    "O": ("ऑ", "ॉ"),  # English loanwords: डॉक्टर is "DOkTar"
}

_CONSONANTS: dict[str, str] = {
    "k": "क",
    "kh": "ख",
    "g": "ग",
    "gh": "घ",
    "~N": "ङ",
    "c": "च",
    "ch": "च",
    "C": "छ",
    "Ch": "छ",
    "chh": "छ",
    "j": "ज",
    "jh": "झ",
    "~n": "ञ",
    "T": "ट",
    "Th": "ठ",
    "D": "ड",
    "Dh": "ढ",
    "N": "ण",
    "t": "त",
    "th": "थ",
    "d": "द",
    "dh": "ध",
    "n": "न",
    "p": "प",
    "ph": "फ",
    "b": "ब",
    "bh": "भ",
    "m": "म",
    "y": "य",
    "r": "र",
    "l": "ल",
    "v": "व",
    "w": "व",
    "sh": "श",
    "Sh": "ष",
    "S": "ष",
    "s": "स",
    "h": "ह",
    "q": _nukta("क"),
    "K": _nukta("ख"),
    "G": _nukta("ग"),
    "z": _nukta("ज"),
    "f": _nukta("फ"),
    ".D": _nukta("ड"),
    "R": _nukta("ड"),
    ".Dh": _nukta("ढ"),
    "Rh": _nukta("ढ"),
    # Letters of the Hindi alphabet that are conjuncts in Unicode.
    "x": "क" + HALANT + "ष",
    "ksh": "क" + HALANT + "ष",
    "kSh": "क" + HALANT + "ष",
    "GY": "ज" + HALANT + "ञ",
    "j~n": "ज" + HALANT + "ञ",
}

_MARKS: dict[str, str] = {
    "M": "\u0902",  # anusvara
    ".n": "\u0902",
    ".N": "\u0901",  # chandrabindu
    "H": "\u0903",  # visarga
}

# ड़ and ढ़ never begin a conjunct in Hindi: लड़की, not लड़्की, though the "a" is not sounded.
_FLAPS = frozenset({_nukta("ड"), _nukta("ढ")})

_TABLE: dict[str, _Token] = {
    **{k: _Token(_Kind.VOWEL, i, m, inherent=(k == "a")) for k, (i, m) in _VOWELS.items()},
    **{k: _Token(_Kind.CONSONANT, c, joins=c not in _FLAPS) for k, c in _CONSONANTS.items()},
    **{k: _Token(_Kind.MARK, m) for k, m in _MARKS.items()},
    ".h": _Token(_Kind.HALANT, HALANT),
    "_": _Token(_Kind.SEPARATOR),
}
_LONGEST_KEY = max(map(len, _TABLE))

# Register words as constables spell them by ear, where the letter rules would read them
# otherwise (mostly a long ā typed as "a"). Exact, case-sensitive whole words only.
LEXICON: dict[str, str] = {
    "thana": "थाना",
    "thanadhyaksh": "थानाध्यक्ष",
    "shikayat": "शिकायत",
    "avedan": "आवेदन",
    "paramarsh": "परामर्श",
    "nirikshan": "निरीक्षण",
    "nirikshak": "निरीक्षक",
    "upnirikshak": "उपनिरीक्षक",
    "arakshi": "आरक्षी",
    "aarakshi": "आरक्षी",
    "giraftari": "गिरफ्तारी",
    "giraftar": "गिरफ्तार",
    "pidita": "पीड़िता",
    "peedita": "पीड़िता",
    "prabhari": "प्रभारी",
    "adhikari": "अधिकारी",
    "kshetradhikari": "क्षेत्राधिकारी",
    "mukadma": "मुकदमा",
    "apradh": "अपराध",
    "aparadh": "अपराध",
    "balatkar": "बलात्कार",
    "chhedchhad": "छेड़छाड़",
    "hinsa": "हिंसा",
    "gharelu": "घरेलू",
    "sasural": "ससुराल",
    "nyayalay": "न्यायालय",
    "adalat": "अदालत",
    "jamanat": "जमानत",
    "ladki": "लड़की",
    "ladka": "लड़का",
    "beti": "बेटी",
    "mata": "माता",
    "gaon": "गाँव",
    "chauki": "चौकी",
    "sipahi": "सिपाही",
    "bayan": "बयान",
    "dhara": "धारा",
    "sakshi": "साक्षी",
    "samman": "सम्मान",
    "mission": "मिशन",
    "tehsil": "तहसील",
    "kumar": "कुमार",
    "kumari": "कुमारी",
    "devi": "देवी",
    "singh": "सिंह",
    "yadav": "यादव",
    "sharma": "शर्मा",
    "verma": "वर्मा",
    "gupta": "गुप्ता",
    "shukla": "शुक्ला",
    "mishra": "मिश्रा",
    "tiwari": "तिवारी",
    "pandey": "पाण्डेय",
    "srivastava": "श्रीवास्तव",
    "sahab": "साहब",
    "mobile": "मोबाइल",
}

_DANDA = {"||": "॥", "|": "।"}

# A Roman word: letters, with "." only where it starts a key (.D .Dh .n .N .h), "~" before n/N
# and "_"/"^" inside. Anything else ends the word and passes through as punctuation.
_DOT = r"\.(?=[DNnh])"
_WORD = rf"(?:[A-Za-z]|{_DOT}|~(?=[nN]))(?:[A-Za-z_^]|{_DOT}|~(?=[nN]))*"
_SEGMENT = re.compile(rf"(?P<braced>\{{(?P<verbatim>[^}}]*)\}}?)|(?P<word>{_WORD})|\|\||\|")


def _tokens(word: str) -> list[_Token]:
    tokens: list[_Token] = []
    at = 0
    while at < len(word):
        for length in range(min(_LONGEST_KEY, len(word) - at), 0, -1):
            chunk = word[at : at + length]
            token = _TABLE.get(chunk) or (_TABLE.get(chunk.lower()) if length == 1 else None)
            if token is not None:
                tokens.append(token)
                at += length
                break
        else:  # a stray "^" or "~": not a letter, kept as typed
            tokens.append(_Token(_Kind.MARK, word[at]))
            at += 1
    return tokens


def transliterate_word(word: str) -> str:
    """One Roman word (no spaces, no punctuation) in Devanagari, by the lexicon or the rules."""
    return LEXICON.get(word) or by_rules(word)


def by_rules(word: str) -> str:
    """One Roman word in Devanagari by the letter rules alone."""
    out: list[str] = []
    pending: _Token | None = None  # a consonant written, its vowel not yet known
    cluster = 0  # consonants joined by halants up to the pending one
    tokens = _tokens(word)
    for index, token in enumerate(tokens):
        match token.kind:
            case _Kind.CONSONANT:
                if pending is not None and pending.joins:
                    out.append(HALANT)
                    cluster += 1
                else:
                    cluster = 1
                out.append(token.text)
                pending = token
            case _Kind.VOWEL if pending is not None:
                final = all(t.kind is _Kind.SEPARATOR for t in tokens[index + 1 :])
                if token.inherent:
                    out.append(AA_MATRA if final and cluster == 1 else "")
                else:
                    out.append(token.matra)
                pending = None
            case _Kind.VOWEL:
                out.append(token.text)
            case _Kind.MARK | _Kind.HALANT:
                out.append(token.text)
                pending = None
            case _Kind.SEPARATOR:
                pass
    return "".join(out)


def to_devanagari(roman: str) -> str:
    """Text typed in the Roman scheme above, in Devanagari (NFC for Roman input)."""

    def convert(match: re.Match[str]) -> str:
        if match["braced"] is not None:
            return match["verbatim"]
        if match["word"] is not None:
            return transliterate_word(match["word"])
        return _DANDA[match[0]]

    return _SEGMENT.sub(convert, roman)


def _is_roman(char: str) -> bool:
    return char.isascii() and not char.isspace()


def pending_roman_start(line: str) -> int:
    """Where the Roman text still to be converted begins in ``line`` (the text before the
    cursor): after the last space or non-ASCII character outside braces. ``len(line)`` when
    there is none. An input field converts ``line[start:]`` when a word ends."""
    start, depth = 0, 0
    for index, char in enumerate(line):
        if char == "{":
            depth = 1
        elif char == "}":
            depth = 0
        elif depth == 0 and not _is_roman(char):
            start = index + 1
    return start


def inside_braces(line: str) -> bool:
    """True while a "{" before the cursor is still open: spaces there belong to the verbatim
    text and must not convert anything."""
    return line.rfind("{") > line.rfind("}")


def normalised(text: str) -> str:
    """NFC, the form :func:`to_devanagari` writes; for comparing with text typed elsewhere."""
    return unicodedata.normalize("NFC", text)
