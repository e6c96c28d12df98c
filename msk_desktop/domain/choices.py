"""The closed lists of the registers, with their Hindi and English labels."""

from __future__ import annotations

from msk_desktop.domain.fields import choices

FIR_STATUS = choices(
    ("under_investigation", "विवेचनाधीन", "Under investigation"),
    ("chargesheeted", "आरोप पत्र प्रेषित", "Chargesheeted"),
    ("final_report", "अन्तिम रिपोर्ट", "Final report"),
    ("transferred", "स्थानान्तरित", "Transferred"),
    ("expunged", "निरस्त (एक्सपंज)", "Expunged"),
)
FIR_CLOSED = frozenset({"chargesheeted", "final_report", "transferred", "expunged"})
COURT_OUTCOME = choices(
    ("convicted", "दोषसिद्ध", "Convicted"),
    ("acquitted", "दोषमुक्त", "Acquitted"),
    ("compounded", "सुलह", "Compounded"),
    ("pending_trial", "विचाराधीन", "Trial pending"),
)
COMPLAINANT_RELATION = choices(
    ("self", "स्वयं पीड़िता", "The victim herself"),
    ("parent", "माता / पिता", "Parent"),
    ("spouse", "पति / पत्नी", "Spouse"),
    ("relative", "अन्य परिजन", "Other relative"),
    ("other", "अन्य", "Other"),
)
GENDER = choices(
    ("female", "महिला", "Female"),
    ("male", "पुरुष", "Male"),
    ("other", "अन्य", "Other"),
)
ACCUSED_STATUS = choices(
    ("at_large", "गिरफ्तारी शेष", "Not yet arrested"),
    ("arrested", "गिरफ्तार", "Arrested"),
    ("on_bail", "जमानत पर", "On bail"),
    ("surrendered", "आत्मसमर्पण", "Surrendered"),
    ("absconding", "फरार", "Absconding"),
)
MILESTONE_KIND = choices(
    ("medical_exam", "चिकित्सीय परीक्षण", "Medical examination"),
    ("medical_report_forwarded", "चिकित्सा रिपोर्ट प्रेषित", "Medical report forwarded"),
    ("victim_statement", "पीड़िता का बयान (धारा 180)", "Victim's statement (s.180)"),
    ("magistrate_statement", "मजिस्ट्रेट के समक्ष बयान (धारा 183)", "Statement before magistrate"),
    ("cwc_report", "बाल कल्याण समिति/विशेष न्यायालय को सूचना", "Reported to CWC / Special Court"),
    ("victim_update", "पीड़िता को प्रगति की सूचना", "Victim told of progress"),
    ("arrest", "गिरफ्तारी", "Arrest"),
    ("recovery", "बरामदगी", "Recovery"),
    ("other", "अन्य", "Other"),
)
PREVENTIVE_STATUS = choices(
    ("active", "प्रभावी", "In force"),
    ("expired", "अवधि समाप्त", "Expired"),
    ("renewed", "नवीनीकृत", "Renewed"),
    ("breached", "उल्लंघन", "Breached"),
    ("closed", "समाप्त", "Closed"),
)
ROSTER = choices(
    ("help_desk", "महिला हेल्प डेस्क", "Women help desk"),
    ("anti_romeo", "एण्टी रोमियो स्क्वाड", "Anti-Romeo squad"),
    ("women_beat", "महिला बीट", "Women beat"),
)
HELPDESK_CATEGORY = choices(
    ("domestic_violence", "घरेलू हिंसा", "Domestic violence"),
    ("dowry", "दहेज उत्पीड़न", "Dowry harassment"),
    ("harassment", "छेड़छाड़ / उत्पीड़न", "Harassment"),
    ("cyber", "साइबर अपराध", "Cyber crime"),
    ("matrimonial", "वैवाहिक विवाद", "Matrimonial dispute"),
    ("missing", "गुमशुदगी", "Missing person"),
    ("property", "सम्पत्ति विवाद", "Property dispute"),
    ("other", "अन्य", "Other"),
)
HELPDESK_STATUS = choices(
    ("pending", "लम्बित", "Pending"),
    ("disposed", "निस्तारित", "Disposed"),
    ("fir_registered", "एफ0आई0आर0 पंजीकृत", "FIR registered"),
    ("referred", "सन्दर्भित", "Referred"),
)
FOLLOW_UP_KIND = choices(
    ("follow_up", "अनुवर्ती कार्यवाही", "Follow-up"),
    ("victim_update", "पीड़िता को सूचना", "Victim updated"),
)
COUNSELLING_KIND = choices(
    ("elopement", "पलायन सम्बन्धी", "Elopement-related"),
    ("false_accusation_front", "महिला को मोहरा बनाकर झूठा आरोप", "Woman used as a front"),
    ("matrimonial", "वैवाहिक / पारिवारिक विवाद", "Matrimonial / family dispute"),
    ("other", "अन्य", "Other"),
)
COUNSELLING_OUTCOME = choices(
    ("reconciled", "सुलह", "Reconciled"),
    ("referred_ppk", "परिवार परामर्श केन्द्र को सन्दर्भित", "Referred to PPK"),
    ("referred_legal", "विधिक कार्यवाही हेतु", "Referred for legal action"),
    ("not_appeared", "उपस्थित नहीं हुए", "Did not appear"),
    ("other", "अन्य", "Other"),
)
OPEN_CLOSED = choices(
    ("open", "चालू", "Open"),
    ("closed", "बन्द", "Closed"),
)
REFERRAL_STATUS = choices(
    ("referred", "सन्दर्भित", "Referred"),
    ("in_progress", "प्रक्रिया में", "In progress"),
    ("closed", "परिणाम प्राप्त", "Outcome received"),
)
PPK_OUTCOME = choices(
    ("reconciled", "सुलह", "Reconciled"),
    ("settled", "समझौता", "Settled"),
    ("referred_back_legal", "विधिक कार्यवाही हेतु वापस", "Referred back for legal action"),
    ("not_appeared", "उपस्थित नहीं हुए", "Did not appear"),
    ("other", "अन्य", "Other"),
)
SUPPORT_SERVICE = choices(
    ("osc", "वन स्टॉप सेण्टर (सखी)", "One Stop Centre (Sakhi)"),
    ("dlsa_legal_aid", "डी0एल0एस0ए0 - विधिक सहायता", "DLSA legal aid"),
    ("dlsa_compensation", "डी0एल0एस0ए0 - प्रतिकर", "DLSA victim compensation"),
    ("dpo", "जिला प्रोबेशन अधिकारी", "District Probation Officer"),
    ("dswo", "जिला समाज कल्याण अधिकारी", "District Social Welfare Officer"),
    ("childline", "चाइल्डलाइन 1098", "Childline 1098"),
    ("cwc", "बाल कल्याण समिति", "Child Welfare Committee"),
    ("family_court", "परिवार न्यायालय", "Family court"),
    ("ngo", "स्वयंसेवी संस्था", "NGO"),
)
SUPPORT_RESULT = choices(
    ("provided", "सहायता प्राप्त", "Provided"),
    ("declined", "अस्वीकृत", "Declined"),
    ("not_eligible", "अपात्र", "Not eligible"),
    ("other", "अन्य", "Other"),
)
DEPLOYMENT_PURPOSE = choices(
    ("medical_exam", "पीड़िता का चिकित्सीय परीक्षण", "Victim's medical examination"),
    ("raid", "दबिश", "Raid"),
    ("escort", "अनुरक्षण", "Escort"),
    ("court", "न्यायालय", "Court"),
    ("statement", "बयान", "Statement"),
    ("other", "अन्य", "Other"),
)
AWARENESS_KIND = choices(
    ("women_safety", "महिला सुरक्षा", "Women safety"),
    ("cyber_safety", "साइबर सुरक्षा", "Cyber safety"),
    ("self_defence", "आत्मरक्षा प्रशिक्षण", "Self-defence training"),
    ("legal_awareness", "विधिक जागरूकता", "Legal awareness"),
    ("helpline_awareness", "हेल्पलाइन (1090, 112, 1098, 181)", "Helplines (1090, 112, 1098, 181)"),
    ("other", "अन्य", "Other"),
)
AWARENESS_AUDIENCE = choices(
    ("students", "छात्राएँ / छात्र", "Students"),
    ("women", "महिलाएँ", "Women"),
    ("villagers", "ग्रामवासी", "Villagers"),
    ("mixed", "मिश्रित", "Mixed"),
)
RANK = choices(
    ("inspector", "निरीक्षक / अतिरिक्त निरीक्षक", "Inspector / additional inspector"),
    ("sub_inspector", "उपनिरीक्षक", "Sub-inspector"),
    ("head_constable", "मुख्य आरक्षी", "Head constable"),
    ("constable", "आरक्षी", "Constable"),
    ("home_guard", "होमगार्ड", "Home guard"),
    ("counsellor", "परामर्शदाता", "Counsellor"),
)
REMOVAL_KIND = choices(
    ("transfer", "स्थानान्तरण", "Transfer"),
    ("de_induction", "डी-इंडक्शन", "De-induction"),
    ("retirement", "सेवानिवृत्ति", "Retirement"),
)
COMPLIANCE_STATUS = choices(
    ("open", "अनुपालन शेष", "Not yet complied"),
    ("partly_complied", "आंशिक अनुपालन", "Partly complied"),
    ("complied", "अनुपालित", "Complied"),
)
PERSON_ROLE = choices(
    ("victim", "पीड़िता / पीड़ित", "Victim"),
    ("complainant", "वादी / शिकायतकर्ता", "Complainant"),
    ("applicant", "आवेदिका", "Applicant"),
    ("party", "पक्षकार", "Party"),
)
