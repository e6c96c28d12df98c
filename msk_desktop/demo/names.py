"""Names, places and texts of the demo data: all of them plainly made up.

Every person is a numbered "demo" label or a made-up name tagged "(काल्पनिक)" (fictional), and
every place is a numbered demo village or a generic office, so nothing can be mistaken for a real
case, a real victim or a real officer. Texts are bilingual, Hindi first, as registers are kept.
"""

from __future__ import annotations

from collections.abc import Sequence

FICTIONAL = "काल्पनिक"


def bilingual(hi: str, en: str) -> str:
    return f"{hi} / {en}"


def pick(texts: Sequence[tuple[str, str]], index: int) -> str:
    """The ``index``-th text (wrapping round) as one bilingual string."""
    hi, en = texts[index % len(texts)]
    return bilingual(hi, en)


# ---- people ------------------------------------------------------------------------------


def victim_name(n: int) -> str:
    return bilingual(f"डेमो पीड़िता {n:02d}", f"Demo Victim {n:02d}")


def victim_parentage(n: int) -> str:
    return bilingual(f"डेमो अभिभावक {n:02d}", f"Demo Parent {n:02d}")


def complainant_name(n: int) -> str:
    return bilingual(f"डेमो वादी {n:02d}", f"Demo Complainant {n:02d}")


def accused_name(n: int) -> str:
    return bilingual(f"काल्पनिक अभियुक्त {n:02d}", f"Fictional Accused {n:02d}")


def person_name(n: int) -> str:
    """Someone a preventive action is taken against."""
    return bilingual(f"काल्पनिक व्यक्ति {n:02d}", f"Fictional Person {n:02d}")


def person_parentage(n: int) -> str:
    return bilingual(f"काल्पनिक पिता {n:02d}", f"Fictional Father {n:02d}")


def staff_name(hi: str, en: str) -> str:
    return f"{hi} डेमो ({FICTIONAL}) / {en} Demo"


# Made-up first names for the staff register; the "डेमो" surname and the tag mark them fictional.
WOMEN_STAFF = (
    ("शक्ति", "Shakti"),
    ("आशा", "Asha"),
    ("किरण", "Kiran"),
    ("ज्योति", "Jyoti"),
    ("प्रेरणा", "Prerna"),
    ("उजाला", "Ujala"),
    ("सुरक्षा", "Suraksha"),
    ("दीपिका", "Deepika"),
    ("निर्भया", "Nirbhaya"),
    ("साहसी", "Sahasi"),
)
MEN_STAFF = (
    ("विजय", "Vijay"),
    ("रक्षक", "Rakshak"),
    ("प्रहरी", "Prahari"),
    ("सजग", "Sajag"),
    ("अभय", "Abhay"),
)

CIRCLE_OFFICER = staff_name("क्षेत्राधिकारी", "Circle Officer")
CIRCLE_OFFICER_RANK = bilingual("क्षेत्राधिकारी", "Circle Officer")


# ---- places ------------------------------------------------------------------------------


def village(n: int) -> str:
    return bilingual(f"डेमो ग्राम {n:02d} ({FICTIONAL})", f"Demo Village {n:02d}")


def address(n: int) -> str:
    return f"{village(n)}, डेमो जनपद / Demo District"


def school(n: int) -> str:
    return bilingual(f"डेमो विद्यालय {n:02d} ({FICTIONAL})", f"Demo School {n:02d}")


HELP_DESK = bilingual("महिला हेल्प डेस्क, डेमो थाना", "Women help desk, Demo Thana")
HOSPITAL = bilingual("जिला महिला चिकित्सालय (डेमो)", "District Women Hospital (demo)")
ONE_STOP_CENTRE = bilingual("वन स्टॉप सेण्टर (डेमो)", "One Stop Centre (demo)")
COURT = bilingual("विशेष न्यायालय, डेमो जनपद", "Special Court, Demo District")
PPK_CENTRE = bilingual("परिवार परामर्श केन्द्र, डेमो जनपद", "Family counselling centre, Demo District")
MAGISTRATE = bilingual("उप जिलाधिकारी, डेमो तहसील", "Sub-Divisional Magistrate, Demo Tehsil")
DISTRICT_MAGISTRATE = bilingual("जिलाधिकारी, डेमो जनपद", "District Magistrate, Demo District")
SUPERINTENDENT = bilingual("पुलिस अधीक्षक, डेमो जनपद", "Superintendent of Police, Demo District")
POLICE = bilingual("प्रभारी निरीक्षक, डेमो थाना", "SHO, Demo Thana")

# Anti-Romeo squad hotspots: school and college gates and where students wait.
HOTSPOTS = (
    ("राजकीय बालिका इण्टर कॉलेज गेट (डेमो)", "Government Girls' Inter College gate (demo)"),
    ("डेमो महाविद्यालय मुख्य द्वार", "Demo Degree College main gate"),
    ("कोचिंग मण्डी, डेमो बाजार", "Coaching market, Demo Bazaar"),
    ("रोडवेज बस स्टैण्ड (डेमो)", "Roadways bus stand (demo)"),
)

# Women beats: (beat, the panchayats and wards it covers).
BEATS = (
    (("महिला बीट-1 (डेमो)", "Women beat 1 (demo)"), (1, 2, 3)),
    (("महिला बीट-2 (डेमो)", "Women beat 2 (demo)"), (4, 5, 6)),
    (("महिला बीट-3 (डेमो)", "Women beat 3 (demo)"), (7, 8, 9)),
)

AWARENESS_PLACES = (
    ("डेमो कन्या इण्टर कॉलेज", "Demo Girls' Inter College"),
    ("डेमो ग्राम पंचायत भवन", "Demo village panchayat hall"),
    ("डेमो महाविद्यालय सभागार", "Demo Degree College hall"),
    ("डेमो प्राथमिक विद्यालय", "Demo Primary School"),
    ("डेमो साप्ताहिक बाजार", "Demo weekly market"),
    ("डेमो आंगनबाड़ी केन्द्र", "Demo anganwadi centre"),
)

# ---- texts -------------------------------------------------------------------------------

HELPDESK_SUMMARIES: dict[str, tuple[tuple[str, str], ...]] = {
    "domestic_violence": (
        ("पति द्वारा मारपीट की शिकायत (डेमो)", "Complaint of beating by the husband (demo)"),
        (
            "ससुराल पक्ष द्वारा घर से निकालने की शिकायत (डेमो)",
            "Complaint of being thrown out by in-laws (demo)",
        ),
    ),
    "dowry": (
        ("अतिरिक्त दहेज की माँग एवं उत्पीड़न (डेमो)", "Demand for more dowry and harassment (demo)"),
    ),
    "harassment": (
        ("रास्ते में छेड़छाड़ की शिकायत (डेमो)", "Complaint of eve-teasing on the way (demo)"),
        ("पड़ोसी द्वारा अभद्र टिप्पणी (डेमो)", "Lewd remarks by a neighbour (demo)"),
    ),
    "cyber": (
        ("सोशल मीडिया पर फर्जी प्रोफाइल (डेमो)", "Fake social media profile (demo)"),
        ("अश्लील सन्देश भेजने की शिकायत (डेमो)", "Complaint of obscene messages (demo)"),
    ),
    "matrimonial": (
        (
            "पति-पत्नी में अनबन, साथ रहने हेतु प्रार्थना (डेमो)",
            "Marital discord, wants to live together (demo)",
        ),
    ),
    "missing": (("पुत्री के घर न लौटने की सूचना (डेमो)", "Daughter has not returned home (demo)"),),
    "property": (
        ("पैतृक सम्पत्ति में हिस्सा न देने की शिकायत (डेमो)", "Denied a share of family property (demo)"),
    ),
    "other": (("भरण-पोषण सम्बन्धी जानकारी हेतु (डेमो)", "Asked about maintenance (demo)"),),
}

ACTIONS_TAKEN = (
    ("दोनों पक्षों को बुलाकर समझाया गया, सुलह हुई", "Both parties called and counselled; reconciled"),
    ("विपक्षी को चेतावनी दी गई", "The other party was warned"),
    ("आवेदिका को विधिक सहायता की जानकारी दी गई", "The applicant was told about legal aid"),
    ("साइबर सेल को सूचना प्रेषित, प्रोफाइल हटवाई गई", "Cyber cell informed; the profile was removed"),
    ("जाँच में आरोप की पुष्टि नहीं हुई", "The enquiry did not confirm the complaint"),
)
REFERRAL_ACTIONS = (
    ("परामर्श हेतु सन्दर्भित", "Referred for counselling"),
    ("परिवार परामर्श केन्द्र को सन्दर्भित", "Referred to the family counselling centre"),
    ("वन स्टॉप सेण्टर को सन्दर्भित", "Referred to the One Stop Centre"),
)
FIR_ACTION = ("आवेदन के आधार पर अभियोग पंजीकृत", "A case was registered on the application")

FOLLOW_UP_NOTES = (
    ("आवेदिका से दूरभाष पर वार्ता की गई", "Spoke to the applicant on the phone"),
    ("विपक्षी को थाने पर बुलाया गया", "The other party was called to the station"),
    ("बीट आरक्षी द्वारा मौके पर जाँच", "The beat constable enquired on the spot"),
    ("दोनों पक्षों का बयान लिया गया", "Statements of both parties taken"),
)
VICTIM_UPDATE_NOTES = (
    (
        "पीड़िता को विवेचना की प्रगति से अवगत कराया गया",
        "The victim was told how the investigation stands",
    ),
    ("पीड़िता को आरोप पत्र प्रेषण की सूचना दी गई", "The victim was told the chargesheet was filed"),
    ("पीड़िता को अभियुक्त की गिरफ्तारी की सूचना दी गई", "The victim was told of the arrest"),
)
PREVENTIVE_FOLLOW_UPS = (
    (
        "पाबन्द व्यक्ति का सत्यापन किया गया, आचरण ठीक",
        "The bound person was verified; conduct satisfactory",
    ),
    ("जेल से रिहा व्यक्ति के घर जाकर सत्यापन", "Home verification of the person released from jail"),
)
REFERRAL_FOLLOW_UPS = (
    ("केन्द्र से प्रगति की जानकारी ली गई", "Asked the centre how the case stands"),
    (
        "अगली तिथि पर पक्षकारों की उपस्थिति सुनिश्चित कराई गई",
        "Made sure the parties attend the next date",
    ),
)
SESSION_NOTES = (
    ("दोनों पक्षों की बात सुनी गई", "Both sides were heard"),
    ("परिजनों की उपस्थिति में परामर्श", "Counselled with the family present"),
    ("पक्षकारों को विधिक अधिकारों की जानकारी दी गई", "The parties were told of their legal rights"),
    ("आपसी सहमति से समाधान पर विचार", "A settlement by consent was discussed"),
)
ATTENDED = (
    ("दोनों पक्ष", "Both parties"),
    ("पीड़िता एवं माता-पिता", "The woman and her parents"),
    ("केवल आवेदिका", "The applicant only"),
)
PPK_REASONS = (
    (
        "पति-पत्नी के मध्य विवाद, प्रथम स्तर परामर्श के बाद भी समाधान नहीं",
        "Marital dispute not solved by first-level counselling",
    ),
    (
        "दहेज उत्पीड़न प्रकरण, परिवार कल्याण समिति हेतु",
        "Dowry harassment case, for the family welfare committee",
    ),
)
SUPPORT_ASKED: dict[str, tuple[str, str]] = {
    "osc": ("अस्थायी आश्रय एवं चिकित्सीय सहायता", "Temporary shelter and medical help"),
    "dlsa_legal_aid": ("निःशुल्क अधिवक्ता", "A free lawyer"),
    "dlsa_compensation": ("पीड़िता प्रतिकर योजना के अन्तर्गत प्रतिकर", "Victim compensation"),
    "cwc": ("बालिका की देखरेख एवं संरक्षण", "Care and protection of the girl"),
    "childline": ("बालिका हेतु परामर्श एवं सहायता", "Counselling and help for the child"),
    "family_court": ("भरण-पोषण वाद हेतु सहायता", "Help with a maintenance petition"),
    "ngo": ("स्वरोजगार प्रशिक्षण", "Livelihood training"),
    "dpo": ("निराश्रित महिला पेंशन", "Destitute women's pension"),
    "dswo": ("सामाजिक सुरक्षा योजना का लाभ", "A social security scheme"),
}
DEPLOYMENT_REMARKS: dict[str, tuple[str, str]] = {
    "medical_exam": (
        "पीड़िता के चिकित्सीय परीक्षण हेतु साथ गईं",
        "Went with the victim for her examination",
    ),
    "raid": ("अभियुक्त की गिरफ्तारी हेतु दबिश", "Raid to arrest the accused"),
    "escort": ("पीड़िता को वन स्टॉप सेण्टर पहुँचाया", "Took the victim to the One Stop Centre"),
    "court": ("पीड़िता को न्यायालय में साक्ष्य हेतु", "With the victim for her evidence in court"),
    "statement": ("मजिस्ट्रेट के समक्ष बयान हेतु", "For the statement before the magistrate"),
}
ROMEO_REPORTS = (
    ("चेकिंग की गई, कोई संदिग्ध नहीं मिला", "Checked; nobody suspicious found"),
    (
        "दो युवकों को चेतावनी देकर छोड़ा गया, परिजनों को सूचित किया",
        "Two youths warned; their families told",
    ),
    ("छात्राओं से वार्ता, हेल्पलाइन नम्बरों की जानकारी दी", "Talked to the students about the helplines"),
)
BEAT_REPORTS = (
    ("ग्राम में महिलाओं से सम्पर्क, कोई शिकायत नहीं", "Met women of the villages; no complaints"),
    (
        "एक घरेलू हिंसा की सूचना मिली, हेल्प डेस्क पर दर्ज",
        "One domestic violence report, entered at the help desk",
    ),
    ("मिशन शक्ति पम्फलेट वितरित किए गए", "Mission Shakti pamphlets handed out"),
)
AWARENESS_REMARKS = (
    (
        "हेल्पलाइन 1090, 112, 1098, 181 की जानकारी दी गई",
        "Helplines 1090, 112, 1098 and 181 explained",
    ),
    ("साइबर ठगी से बचाव के उपाय बताए गए", "Ways to avoid cyber fraud explained"),
    ("आत्मरक्षा के तरीकों का प्रदर्शन", "Self-defence moves demonstrated"),
)
INSPECTION_OBSERVATIONS = (
    (
        "अभिलेख अद्यावधिक पाए गए, हेल्प डेस्क पर महिला आरक्षी उपस्थित",
        "Registers up to date; a woman constable at the help desk",
    ),
    ("आवेदनों के निस्तारण में विलम्ब पाया गया", "Applications are disposed of late"),
    ("विवेचनाओं की समय-सीमा की समीक्षा की गई", "The time limits of investigations were reviewed"),
    (
        "रोस्टर के अनुसार ड्यूटी पाई गई, बीट पुस्तिका अपूर्ण",
        "Duties as per roster; the beat book is incomplete",
    ),
    ("निरीक्षण के समय केन्द्र स्वच्छ एवं व्यवस्थित", "The Kendra was clean and orderly"),
)
DIRECTIONS = (
    ("हेल्प डेस्क रजिस्टर प्रतिदिन अद्यावधिक रखा जाए", "Keep the help desk register up to date every day"),
    ("सभी कर्मियों का आई-गॉट प्रशिक्षण पूर्ण कराया जाए", "Get every person's iGOT training completed"),
    ("लम्बित आवेदनों का 15 दिन में निस्तारण करें", "Dispose of pending applications within 15 days"),
    ("बीट पुस्तिका में भ्रमण का विवरण अंकित करें", "Write the visits in the beat book"),
    (
        "60 दिन से अधिक लम्बित विवेचनाओं की सूची प्रस्तुत करें",
        "Submit the list of investigations pending over 60 days",
    ),
    ("एण्टी रोमियो स्क्वाड की आख्या प्रतिदिन लें", "Take the anti-Romeo squad's report every day"),
    ("पीड़िताओं को प्रगति की सूचना का अभिलेख रखें", "Keep a record of telling victims of progress"),
    ("जागरूकता कार्यक्रमों की फोटो सहित आख्या रखें", "Keep reports of awareness programmes with photos"),
    (
        "रात्रि पाली में महिला आरक्षी की ड्यूटी सुनिश्चित करें",
        "Make sure a woman constable is on every night shift",
    ),
    ("पाबन्द व्यक्तियों का मासिक सत्यापन कराएँ", "Verify bound persons every month"),
)
COMPLIANCE_NOTES = (
    ("निर्देशानुसार अनुपालन किया गया", "Complied as directed"),
    ("आंशिक अनुपालन, शेष कार्य प्रगति पर", "Partly complied; the rest is in progress"),
)
CASE_REMARKS: dict[str, tuple[str, str]] = {
    "overdue": ("डेमो प्रकरण: 60 दिन की समय-सीमा पार", "Demo case: past the 60-day limit"),
    "due_soon": ("डेमो प्रकरण: 60 दिन की समय-सीमा निकट", "Demo case: the 60-day limit is near"),
    "late": ("डेमो प्रकरण: विवेचना विलम्ब से पूर्ण", "Demo case: investigation finished late"),
    "on_time": ("डेमो प्रकरण: विवेचना समय से पूर्ण", "Demo case: investigation finished in time"),
    "delayed_report": (
        "डेमो प्रकरण: 01-07-2024 से पूर्व की घटना, विलम्ब से सूचना",
        "Demo case: offence before 01-07-2024, reported late",
    ),
}
COMPENSATION = (
    "पीड़िता प्रतिकर हेतु डी0एल0एस0ए0 को प्रस्ताव प्रेषित (डेमो)",
    "Compensation proposal sent to DLSA (demo)",
)
BREACH_REMARK = (
    "बंधपत्र की शर्तों का उल्लंघन, पुनः कार्यवाही हेतु रिपोर्ट",
    "Bond conditions breached; reported for fresh action",
)
FIR_SUMMARY = ("गम्भीर अपराध की सूचना (डेमो)", "Report of a serious offence (demo)")
