"""What each register's entry form holds: fields, labels, closed lists and limits.

Derived values (penal code, crime head, bond expiry, pseudonyms, serial numbers) are not form
fields: the ops compute them from these.
"""

from __future__ import annotations

from typing import Any

from msk_desktop.domain import choices as c
from msk_desktop.domain.errors import Message
from msk_desktop.domain.fields import FieldSpec, Kind


def f(name: str, hi: str, en: str, kind: Kind = Kind.TEXT, **options: Any) -> FieldSpec:
    return FieldSpec(name=name, label=Message(hi, en), kind=kind, **options)


def _notes(name: str = "remarks", hi: str = "अभियुक्ति", en: str = "Remarks") -> FieldSpec:
    return f(name, hi, en, multiline=True)


FIR = (
    f("crime_no", "मु0अ0सं0", "Crime number", Kind.INT, required=True, min_value=1, max_value=99999),
    f("crime_year", "वर्ष", "Crime year", Kind.INT, required=True, min_value=1990, max_value=2100),
    f(
        "registered_at",
        "पंजीकरण तिथि-समय",
        "Registered at",
        Kind.DATETIME,
        required=True,
        not_future=True,
    ),
    f("offence_date", "घटना तिथि", "Date of offence", Kind.DATE, required=True, not_future=True),
    f("place", "घटनास्थल", "Place of offence"),
    f(
        "complainant_relation",
        "वादी का पीड़िता से सम्बन्ध",
        "Complainant's relation",
        Kind.CHOICE,
        choices=c.COMPLAINANT_RELATION,
    ),
    f("io_name", "विवेचक", "Investigating officer", max_length=120),
    f("io_rank", "विवेचक का पद", "IO's rank", Kind.CHOICE, choices=c.RANK),
    f("status", "स्थिति", "Status", Kind.CHOICE, required=True, choices=c.FIR_STATUS),
    f("chargesheet_no", "आरोप पत्र संख्या", "Chargesheet number", max_length=40, reference=True),
    f("chargesheet_on", "आरोप पत्र तिथि", "Chargesheet date", Kind.DATE, not_future=True),
    f("final_report_no", "अन्तिम रिपोर्ट संख्या", "Final report number", max_length=40, reference=True),
    f("final_report_on", "अन्तिम रिपोर्ट तिथि", "Final report date", Kind.DATE, not_future=True),
    f("court_case_no", "न्यायालय वाद संख्या", "Court case number", max_length=60, reference=True),
    f(
        "court_outcome",
        "न्यायालय का निर्णय",
        "Outcome in court",
        Kind.CHOICE,
        choices=c.COURT_OUTCOME,
    ),
    f("court_outcome_on", "निर्णय तिथि", "Date of judgment", Kind.DATE, not_future=True),
    f("on_itsso_portal", "आई0टी0एस0एस0ओ0 पोर्टल पर अंकित", "On the ITSSO portal", Kind.BOOL),
    _notes("compensation_note", "प्रतिकर / सहायता", "Compensation and support"),
    _notes(),
)

FIR_VICTIM = (
    f("age", "आयु", "Age", Kind.INT, min_value=0, max_value=120),
    f("gender", "लिंग", "Gender", Kind.CHOICE, required=True, choices=c.GENDER),
)

FIR_ACCUSED = (
    f("named", "नामजद", "Named", Kind.BOOL, required=True),
    f("name", "अभियुक्त का नाम", "Accused's name", max_length=120),
    f("gender", "लिंग", "Gender", Kind.CHOICE, choices=c.GENDER),
    f("age", "आयु", "Age", Kind.INT, min_value=7, max_value=120),
    f("status", "स्थिति", "Status", Kind.CHOICE, required=True, choices=c.ACCUSED_STATUS),
    f("arrested_on", "गिरफ्तारी तिथि", "Arrested on", Kind.DATE, not_future=True),
    f("bail_on", "जमानत तिथि", "Bail on", Kind.DATE, not_future=True),
)

FIR_MILESTONE = (
    f("kind", "प्रक्रम", "Milestone", Kind.CHOICE, required=True, choices=c.MILESTONE_KIND),
    f("happened_at", "तिथि-समय", "Date and time", Kind.DATETIME, required=True, not_future=True),
    _notes("note", "टिप्पणी", "Note"),
)

IDENTITY = (
    f("name", "नाम", "Name", required=True, max_length=120),
    f("parentage", "पिता / पति का नाम", "Parentage", max_length=160),
    f("address", "पता", "Address", multiline=True),
    f("phone", "मोबाइल", "Phone", max_length=20, reference=True),
    f("school", "विद्यालय", "School", max_length=160),
)

PREVENTIVE_ACTION = (
    f("person_name", "व्यक्ति का नाम", "Person's name", required=True, max_length=120),
    f("person_parentage", "पिता का नाम", "Parentage", max_length=160),
    f("person_address", "पता", "Address", multiline=True),
    f("person_age", "आयु", "Age", Kind.INT, min_value=7, max_value=120),
    f("fir_id", "सम्बन्धित एफ0आई0आर0", "Linked FIR", Kind.REF),
    # A code of preventive_actions.csv; the op checks it against the catalogue.
    f("action_code", "कार्यवाही", "Action", required=True, max_length=24, reference=True),
    f("action_on", "कार्यवाही तिथि", "Date of action", Kind.DATE, required=True, not_future=True),
    f("ordered_by", "आदेशकर्ता अधिकारी", "Ordering authority", max_length=120),
    f("order_ref", "आदेश संख्या", "Order reference", max_length=60, reference=True),
    f(
        "bond_amount",
        "बंधपत्र राशि (₹)",
        "Bond amount (₹)",
        Kind.INT,
        min_value=0,
        max_value=100_000_000,
    ),
    f(
        "bond_months",
        "बंधपत्र अवधि (माह)",
        "Bond period (months)",
        Kind.INT,
        min_value=1,
        max_value=60,
    ),
    f("status", "स्थिति", "Status", Kind.CHOICE, required=True, choices=c.PREVENTIVE_STATUS),
    _notes(),
)

DUTY_ROSTER_SLOT = (
    f("roster", "रोस्टर", "Roster", Kind.CHOICE, required=True, choices=c.ROSTER),
    f("duty_on", "दिनांक", "Date", Kind.DATE, required=True),
    f("starts_at", "आरम्भ", "Starts", Kind.TIME, required=True),
    f("ends_at", "समाप्ति", "Ends", Kind.TIME, required=True),
    f("place", "स्थान / हॉटस्पॉट / बीट", "Place / hotspot / beat", max_length=160),
    f("area", "ग्राम पंचायत / वार्ड", "Panchayats / wards"),
    f("team_name", "टीम", "Team", max_length=80),
    _notes("report", "आख्या", "Report"),
)

HELPDESK_APPLICATION = (
    f(
        "received_at",
        "प्राप्ति तिथि-समय",
        "Received at",
        Kind.DATETIME,
        required=True,
        not_future=True,
    ),
    f("category", "प्रकृति", "Category", Kind.CHOICE, required=True, choices=c.HELPDESK_CATEGORY),
    f("summary", "संक्षिप्त विवरण", "Summary", required=True, multiline=True),
    f("assigned_to", "जाँचकर्ता", "Assigned to", max_length=120),
    f("action_taken", "की गई कार्यवाही", "Action taken", multiline=True),
    f("status", "स्थिति", "Status", Kind.CHOICE, required=True, choices=c.HELPDESK_STATUS),
    f("disposed_on", "निस्तारण तिथि", "Disposed on", Kind.DATE, not_future=True),
    f("fir_id", "पंजीकृत एफ0आई0आर0", "FIR registered", Kind.REF),
)

FOLLOW_UP = (
    f("kind", "प्रकार", "Kind", Kind.CHOICE, required=True, choices=c.FOLLOW_UP_KIND),
    f("done_on", "तिथि", "Date", Kind.DATE, required=True, not_future=True),
    f("note", "विवरण", "Note", required=True, multiline=True),
    f("next_due_on", "अगली तिथि", "Next due", Kind.DATE),
)

COUNSELLING_CASE = (
    f("opened_on", "आरम्भ तिथि", "Opened on", Kind.DATE, required=True, not_future=True),
    f(
        "case_kind",
        "प्रकरण का प्रकार",
        "Kind of case",
        Kind.CHOICE,
        required=True,
        choices=c.COUNSELLING_KIND,
    ),
    f("fir_id", "सम्बन्धित एफ0आई0आर0", "Linked FIR", Kind.REF),
    f("helpdesk_application_id", "सम्बन्धित आवेदन", "Linked application", Kind.REF),
    f("counsellor", "परामर्शदाता", "Counsellor", max_length=120),
    f("status", "स्थिति", "Status", Kind.CHOICE, required=True, choices=c.OPEN_CLOSED),
    f("outcome", "परिणाम", "Outcome", Kind.CHOICE, choices=c.COUNSELLING_OUTCOME),
    f("closed_on", "समाप्ति तिथि", "Closed on", Kind.DATE, not_future=True),
)

COUNSELLING_SESSION = (
    f("held_on", "तिथि", "Held on", Kind.DATE, required=True, not_future=True),
    f("counsellor", "परामर्शदाता", "Counsellor", max_length=120),
    f("attended", "उपस्थित", "Attended"),
    f("note", "विवरण", "Note", required=True, multiline=True),
    f("next_on", "अगली तिथि", "Next session", Kind.DATE),
)

PPK_REFERRAL = (
    f("referred_on", "सन्दर्भ तिथि", "Referred on", Kind.DATE, required=True, not_future=True),
    f(
        "ppk_centre",
        "परिवार परामर्श केन्द्र",
        "Family counselling centre",
        required=True,
        max_length=160,
    ),
    f("reason", "कारण", "Reason", required=True, multiline=True),
    f("counselling_case_id", "सम्बन्धित परामर्श", "Linked counselling case", Kind.REF),
    f("fir_id", "सम्बन्धित एफ0आई0आर0", "Linked FIR", Kind.REF),
    f("status", "स्थिति", "Status", Kind.CHOICE, required=True, choices=c.REFERRAL_STATUS),
    f("outcome", "परिणाम", "Outcome", Kind.CHOICE, choices=c.PPK_OUTCOME),
    f("outcome_on", "परिणाम तिथि", "Outcome on", Kind.DATE, not_future=True),
)

SUPPORT_REFERRAL = (
    f("referred_on", "सन्दर्भ तिथि", "Referred on", Kind.DATE, required=True, not_future=True),
    f("service", "सेवा", "Service", Kind.CHOICE, required=True, choices=c.SUPPORT_SERVICE),
    f("service_asked", "माँगी गई सहायता", "Help asked for", required=True, multiline=True),
    f("fir_id", "सम्बन्धित एफ0आई0आर0", "Linked FIR", Kind.REF),
    f("victim_id", "पीड़िता", "Victim", Kind.REF),
    f("status", "स्थिति", "Status", Kind.CHOICE, required=True, choices=c.REFERRAL_STATUS),
    f("result", "परिणाम", "Result", Kind.CHOICE, choices=c.SUPPORT_RESULT),
    f("result_note", "परिणाम विवरण", "Result details", multiline=True),
    f("result_on", "परिणाम तिथि", "Result on", Kind.DATE, not_future=True),
)

STAFF_DEPLOYMENT = (
    f("deployed_on", "दिनांक", "Date", Kind.DATE, required=True, not_future=True),
    f("starts_at", "आरम्भ", "From", Kind.TIME),
    f("ends_at", "समाप्ति", "To", Kind.TIME),
    f("purpose", "प्रयोजन", "Purpose", Kind.CHOICE, required=True, choices=c.DEPLOYMENT_PURPOSE),
    f("place", "स्थान", "Place", required=True),
    f("fir_id", "सम्बन्धित एफ0आई0आर0", "Linked FIR", Kind.REF),
    _notes(),
)

AWARENESS_PROGRAMME = (
    f("held_on", "दिनांक", "Date", Kind.DATE, required=True, not_future=True),
    f("place", "स्थान", "Place", required=True),
    f("kind", "कार्यक्रम", "Programme", Kind.CHOICE, required=True, choices=c.AWARENESS_KIND),
    f("audience", "प्रतिभागी", "Audience", Kind.CHOICE, required=True, choices=c.AWARENESS_AUDIENCE),
    f(
        "people_reached",
        "लाभान्वित संख्या",
        "People reached",
        Kind.INT,
        required=True,
        min_value=0,
        max_value=100_000,
    ),
    f("staff_names", "सम्मिलित कर्मी", "Staff present", max_length=400),
    _notes(),
)

STAFF_MEMBER = (
    f("name", "नाम", "Name", required=True, max_length=120),
    f("rank", "पद", "Rank", Kind.CHOICE, required=True, choices=c.RANK),
    f("gender", "लिंग", "Gender", Kind.CHOICE, required=True, choices=c.GENDER),
    f("is_in_charge", "प्रभारी", "In-charge", Kind.BOOL),
    f("police_no", "पी0एन0ओ0", "Police number", max_length=24, reference=True),
    f("mobile", "मोबाइल", "Mobile", max_length=20, reference=True),
    f("posted_on", "तैनाती तिथि", "Posted on", Kind.DATE, required=True, not_future=True),
    f("removed_on", "कार्यमुक्ति तिथि", "Removed on", Kind.DATE, not_future=True),
    f("removal_kind", "कार्यमुक्ति का प्रकार", "Kind of removal", Kind.CHOICE, choices=c.REMOVAL_KIND),
    f(
        "removal_approval_ref",
        "नोडल अधिकारी का अनुमोदन",
        "Nodal officer's approval",
        max_length=80,
        reference=True,
    ),
    f(
        "igot_certificate_no",
        "आई-गॉट प्रमाणपत्र संख्या",
        "iGOT certificate number",
        max_length=60,
        reference=True,
    ),
    f("igot_certified_on", "आई-गॉट प्रमाणपत्र तिथि", "iGOT certified on", Kind.DATE, not_future=True),
)

INSPECTION_ENTRY = (
    f("visited_on", "निरीक्षण तिथि", "Visited on", Kind.DATE, required=True, not_future=True),
    f("officer_name", "निरीक्षणकर्ता अधिकारी", "Inspecting officer", required=True, max_length=120),
    f("officer_rank", "पद", "Rank", required=True, max_length=60),
    f("observations", "निरीक्षण टिप्पणी", "Observations", required=True, multiline=True),
)

INSPECTION_DIRECTION = (
    f("direction", "निर्देश", "Direction", required=True, multiline=True),
    f("responsible", "अनुपालनकर्ता", "Who must act", max_length=120),
    f("due_on", "अनुपालन की अन्तिम तिथि", "Comply by", Kind.DATE),
)

DIRECTION_COMPLIANCE = (
    f(
        "compliance_status",
        "अनुपालन",
        "Compliance",
        Kind.CHOICE,
        required=True,
        choices=c.COMPLIANCE_STATUS,
    ),
    f("compliance_note", "अनुपालन आख्या", "Compliance report", multiline=True),
    f("complied_on", "अनुपालन तिथि", "Complied on", Kind.DATE, not_future=True),
)

STATION = (
    f("code", "थाना कोड", "Station code", required=True, max_length=32),
    f("name_hi", "थाने का नाम (हिन्दी)", "Station name (Hindi)", required=True, max_length=120),
    f("name_en", "थाने का नाम (अंग्रेज़ी)", "Station name (English)", required=True, max_length=120),
    f("district", "जनपद", "District", required=True, max_length=80),
    f("circle", "सर्किल", "Circle", required=True, max_length=80),
)

# The entry form of each register and child table, by table name: one place that says which
# fields (and closed lists) a row has, for ops, views, search and printouts alike.
# An FIR's sections, typed as "BNS 64, POCSO 4" (the form offers them from the catalogue).
FIR_SECTIONS = (
    f(
        "sections",
        "धाराएँ",
        "Sections",
        required=True,
        reference=True,
    ),
)


# A new FIR is entered with its sections and first victim (more come from the FIR's own page).
NEW_FIR_EXTRA = (
    *FIR_SECTIONS,
    f("victim_age", "पीड़िता की आयु", "Victim's age", Kind.INT),
    f(
        "victim_gender",
        "पीड़िता का लिंग",
        "Victim's gender",
        Kind.CHOICE,
        required=True,
        choices=next(s for s in FIR_VICTIM if s.name == "gender").choices,
    ),
)


def split_sections(typed: str) -> list[str]:
    """ "BNS 64, POCSO 4" → ["BNS 64", "POCSO 4"] (each checked later against the catalogue)."""
    return [part.strip() for part in typed.split(",") if part.strip()]


FORMS_BY_TABLE: dict[str, tuple[FieldSpec, ...]] = {
    "fir": FIR,
    "fir_victim": FIR_VICTIM,
    "fir_accused": FIR_ACCUSED,
    "fir_milestone": FIR_MILESTONE,
    "protected_identity": IDENTITY,
    "preventive_action": PREVENTIVE_ACTION,
    "duty_roster_slot": DUTY_ROSTER_SLOT,
    "helpdesk_application": HELPDESK_APPLICATION,
    "follow_up": FOLLOW_UP,
    "counselling_case": COUNSELLING_CASE,
    "counselling_session": COUNSELLING_SESSION,
    "ppk_referral": PPK_REFERRAL,
    "support_referral": SUPPORT_REFERRAL,
    "staff_deployment": STAFF_DEPLOYMENT,
    "awareness_programme": AWARENESS_PROGRAMME,
    "staff_member": STAFF_MEMBER,
    "inspection_entry": INSPECTION_ENTRY,
    "inspection_direction": INSPECTION_DIRECTION,
}
