"""The section names applicant-tracking parsers look for, per language.

A parser files what follows a heading under a standard section (experience, education, skills...)
when the heading contains one of that section's words; a heading without any ("Things I did") is
read as part of the entry before it. The languages are those of the CV's labels (words.py); a
language without a table here is looked up in English, as its labels are.
"""

from __future__ import annotations

import re

from ..cldr import primary

# Standard section -> words (lower case, whole words; a word may end in * for any ending).
STANDARD: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "summary": ("summary", "profile", "about", "objective"),
        "experience": ("experience", "employment", "position*", "work", "career", "appointment*", "research"),
        "education": ("education", "degree*", "qualification*", "academic"),
        "skills": ("skill*", "competenc*", "technolog*", "expertise", "tools"),
        "publications": ("publication*", "papers", "patents", "preprints", "books"),
        "projects": ("project*", "repositor*", "software", "open source"),
        "awards": ("award*", "honor*", "honour*", "prize*", "grant*", "fellowship*", "scholarship*"),
        "talks": ("talk*", "presentation*", "lecture*", "seminar*"),
        "teaching": ("teaching", "courses", "mentoring", "students", "supervision"),
        "service": ("service", "activities", "reviewing", "committee*", "volunteer*", "leadership", "memberships"),
        "languages": ("languages",),
        "certifications": ("certification*", "certificate*", "licen?es"),
        "references": ("references", "referees"),
        "interests": ("interests", "hobbies"),
        "contact": ("contact",),
    },
    "de": {
        "summary": ("profil", "über mich", "zusammenfassung"),
        "experience": ("berufserfahrung", "erfahrung", "beruf*", "werdegang", "position*", "tätigkeit*", "anstellung*"),
        "education": ("ausbildung", "bildung*", "studium", "schulbildung"),
        "skills": ("kenntnisse", "fähigkeiten", "kompetenz*", "fertigkeiten"),
        "publications": ("publikation*", "veröffentlichung*"),
        "projects": ("projekt*", "software"),
        "awards": ("auszeichnung*", "preise", "stipendi*"),
        "talks": ("vorträge", "vortrag"),
        "teaching": ("lehre", "lehrtätigkeit", "betreuung"),
        "service": ("engagement", "ehrenamt*", "gutachter*", "aktivitäten", "mitgliedschaft*"),
        "languages": ("sprachen", "sprachkenntnisse"),
        "certifications": ("zertifi*",),
        "references": ("referenzen",),
        "interests": ("interessen", "hobbys"),
        "contact": ("kontakt",),
    },
    "fr": {
        "summary": ("profil", "résumé", "à propos"),
        "experience": ("expérience*", "parcours", "poste*", "emploi*"),
        "education": ("formation*", "études", "diplômes", "éducation"),
        "skills": ("compétences",),
        "publications": ("publications",),
        "projects": ("projets",),
        "awards": ("prix", "distinctions", "bourses"),
        "talks": ("conférences", "exposés", "présentations"),
        "teaching": ("enseignement*", "encadrement"),
        "service": ("activités", "engagement*", "bénévolat"),
        "languages": ("langues",),
        "certifications": ("certifications",),
        "references": ("références",),
        "interests": ("intérêts", "loisirs", "centres d'intérêt"),
        "contact": ("contact", "coordonnées"),
    },
    "es": {
        "summary": ("perfil", "resumen", "sobre mí"),
        "experience": ("experiencia*", "trayectoria", "puesto*", "empleo*"),
        "education": ("educación", "formación", "estudios"),
        "skills": ("habilidades", "competencias", "conocimientos"),
        "publications": ("publicaciones",),
        "projects": ("proyectos",),
        "awards": ("premios", "distinciones", "becas"),
        "talks": ("charlas", "conferencias", "ponencias"),
        "teaching": ("docencia", "enseñanza"),
        "service": ("actividades", "voluntariado"),
        "languages": ("idiomas",),
        "certifications": ("certificaciones",),
        "references": ("referencias",),
        "interests": ("intereses", "aficiones"),
        "contact": ("contacto",),
    },
    "it": {
        "experience": ("esperienz*", "posizion*", "impiego"),
        "education": ("istruzione", "formazione", "studi"),
        "skills": ("competenze", "capacità"),
        "publications": ("pubblicazioni",),
        "projects": ("progetti",),
        "awards": ("premi", "riconoscimenti", "borse"),
        "talks": ("seminari", "interventi", "presentazioni"),
        "teaching": ("didattica", "insegnamento"),
        "service": ("attività",),
        "languages": ("lingue",),
        "summary": ("profilo",),
        "contact": ("contatti",),
    },
    "pt": {
        "experience": ("experiência*", "cargo*", "emprego*"),
        "education": ("educação", "formação"),
        "skills": ("competências", "habilidades"),
        "publications": ("publicações",),
        "projects": ("projetos", "projectos"),
        "awards": ("prémios", "prêmios", "bolsas"),
        "talks": ("palestras", "apresentações"),
        "teaching": ("ensino", "docência"),
        "service": ("atividades", "actividades"),
        "languages": ("idiomas", "línguas"),
        "summary": ("perfil", "resumo"),
        "contact": ("contacto", "contato"),
    },
    "nl": {
        "experience": ("werkervaring", "ervaring", "loopbaan", "functie*"),
        "education": ("opleiding*", "onderwijs"),
        "skills": ("vaardigheden", "competenties"),
        "publications": ("publicaties",),
        "projects": ("projecten",),
        "awards": ("prijzen", "onderscheidingen"),
        "talks": ("lezingen", "presentaties"),
        "teaching": ("onderwijs", "doceren"),
        "service": ("activiteiten", "nevenactiviteiten"),
        "languages": ("talen",),
        "summary": ("profiel",),
        "contact": ("contact",),
    },
    "pl": {
        "experience": ("doświadczenie*", "zatrudnieni*", "stanowisk*", "praca"),
        "education": ("wykształcenie", "edukacja", "studia"),
        "skills": ("umiejętności", "kompetencje"),
        "publications": ("publikacje",), "projects": ("projekty",),
        "awards": ("nagrody", "wyróżnienia", "stypendia"), "talks": ("wystąpienia", "referaty", "prezentacje"),
        "teaching": ("dydaktyka", "nauczanie"), "service": ("działalność", "aktywności"),
        "languages": ("języki",), "summary": ("profil", "podsumowanie"), "contact": ("kontakt",),
    },
    "cs": {
        "experience": ("zkušenosti", "praxe", "pozice", "zaměstnání"), "education": ("vzdělání", "studium"),
        "skills": ("dovednosti", "znalosti", "kompetence"), "publications": ("publikace",), "projects": ("projekty",),
        "awards": ("ocenění", "ceny", "stipendia"), "talks": ("přednášky", "prezentace"), "teaching": ("výuka",),
        "service": ("aktivity", "činnost"), "languages": ("jazyky", "jazykové znalosti"),
        "summary": ("profil", "shrnutí"), "contact": ("kontakt",),
    },
    "sv": {
        "experience": ("arbetslivserfarenhet", "erfarenhet", "anställning*", "tjänst*"), "education": ("utbildning*",),
        "skills": ("kompetens*", "färdigheter", "kunskaper"), "publications": ("publikationer",), "projects": ("projekt",),
        "awards": ("utmärkelser", "priser", "stipendier"), "talks": ("föredrag", "presentationer"),
        "teaching": ("undervisning",), "service": ("uppdrag", "engagemang"), "languages": ("språk",),
        "summary": ("profil", "sammanfattning"), "contact": ("kontakt",),
    },
    "da": {
        "experience": ("erhvervserfaring", "erfaring", "ansættelse*", "stilling*"), "education": ("uddannelse*",),
        "skills": ("kompetencer", "færdigheder", "kvalifikationer"), "publications": ("publikationer",),
        "projects": ("projekter",), "awards": ("priser", "udmærkelser", "legater"),
        "talks": ("foredrag", "præsentationer"), "teaching": ("undervisning",), "service": ("tillidshverv", "aktiviteter"),
        "languages": ("sprog",), "summary": ("profil", "resumé"), "contact": ("kontakt",),
    },
    "fi": {
        "experience": ("työkokemus", "kokemus", "työ*", "tehtävät"), "education": ("koulutus", "opinnot"),
        "skills": ("taidot", "osaaminen", "osaamis*"), "publications": ("julkaisut",), "projects": ("projektit",),
        "awards": ("palkinnot", "apurahat", "tunnustukset"), "talks": ("esitelmät", "esitykset"),
        "teaching": ("opetus",), "service": ("luottamustehtävät", "toiminta"), "languages": ("kielitaito", "kielet"),
        "summary": ("profiili", "yhteenveto"), "contact": ("yhteystiedot",),
    },
    "nb": {
        "experience": ("arbeidserfaring", "erfaring", "stilling*", "ansettelse*"), "education": ("utdanning*",),
        "skills": ("ferdigheter", "kompetanse", "kunnskaper"), "publications": ("publikasjoner",),
        "projects": ("prosjekter",), "awards": ("priser", "utmerkelser", "stipend*"),
        "talks": ("foredrag", "presentasjoner"), "teaching": ("undervisning",), "service": ("verv", "aktiviteter"),
        "languages": ("språk",), "summary": ("profil", "sammendrag"), "contact": ("kontakt",),
    },
    "tr": {
        "experience": ("deneyim*", "tecrübe", "pozisyon*"), "education": ("eğitim*", "öğrenim"),
        "skills": ("beceriler", "yetkinlikler", "yetenekler"), "publications": ("yayınlar",), "projects": ("projeler",),
        "awards": ("ödüller", "burslar"), "talks": ("konuşmalar", "sunumlar", "seminerler"),
        "teaching": ("öğretim", "dersler"), "service": ("faaliyetler", "etkinlikler"),
        "languages": ("diller", "yabancı dil*"), "summary": ("profil", "özet", "hakkımda"), "contact": ("iletişim",),
    },
    "ru": {
        "experience": ("опыт*", "трудов*", "должност*", "карьера"), "education": ("образование", "обучение"),
        "skills": ("навыки", "компетенции", "умения"), "publications": ("публикации",), "projects": ("проекты",),
        "awards": ("награды", "премии", "стипендии"), "talks": ("доклады", "выступления", "презентации"),
        "teaching": ("преподавание", "педагогическ*"), "service": ("деятельность",), "languages": ("языки", "знание языков"),
        "summary": ("профиль", "обо мне", "резюме"), "contact": ("контакты", "контактная информация"),
    },
    "uk": {
        "experience": ("досвід*", "посад*", "кар'єра"), "education": ("освіта", "навчання"),
        "skills": ("навички", "компетенції", "вміння"), "publications": ("публікації",), "projects": ("проекти", "проєкти"),
        "awards": ("нагороди", "премії", "стипендії"), "talks": ("доповіді", "виступи", "презентації"),
        "teaching": ("викладання",), "service": ("діяльність",), "languages": ("мови", "знання мов"),
        "summary": ("профіль", "про мене"), "contact": ("контакти",),
    },
    "el": {
        "experience": ("εμπειρία", "θέσεις", "θέση"), "education": ("εκπαίδευση", "σπουδές"),
        "skills": ("δεξιότητες", "ικανότητες", "γνώσεις"), "publications": ("δημοσιεύσεις",), "projects": ("έργα",),
        "awards": ("βραβεία", "διακρίσεις", "υποτροφίες"), "talks": ("ομιλίες", "διαλέξεις", "παρουσιάσεις"),
        "teaching": ("διδασκαλία", "διδακτικό"), "service": ("δραστηριότητες",), "languages": ("γλώσσες",),
        "summary": ("προφίλ", "περίληψη"), "contact": ("επικοινωνία",),
    },
    "ar": {
        "experience": ("الخبرة", "الخبرات", "المناصب", "الوظائف"), "education": ("التعليم", "المؤهلات"),
        "skills": ("المهارات",), "publications": ("المنشورات", "الأبحاث"), "projects": ("المشاريع",),
        "awards": ("الجوائز", "التكريمات"), "talks": ("المحاضرات", "العروض"), "teaching": ("التدريس",),
        "service": ("الأنشطة",), "languages": ("اللغات",), "summary": ("الملخص", "نبذة"), "contact": ("الاتصال", "التواصل"),
    },
    "he": {
        "experience": ("ניסיון", "תפקידים"), "education": ("השכלה", "לימודים"), "skills": ("כישורים", "מיומנויות"),
        "publications": ("פרסומים",), "projects": ("פרויקטים",), "awards": ("פרסים", "מלגות"), "talks": ("הרצאות",),
        "teaching": ("הוראה",), "service": ("פעילות",), "languages": ("שפות",), "summary": ("תקציר", "פרופיל"),
        "contact": ("פרטי קשר", "צור קשר"),
    },
    "fa": {
        "experience": ("سوابق", "تجربه", "تجربیات"), "education": ("تحصیلات", "آموزش"),
        "skills": ("مهارت\u200cها", "مهارتها", "مهارت ها"), "publications": ("انتشارات", "مقالات"),
        "projects": ("پروژه\u200cها", "پروژه ها"), "awards": ("جوایز", "افتخارات"),
        "talks": ("سخنرانی\u200cها", "سخنرانی ها"), "teaching": ("تدریس",), "service": ("فعالیت\u200cها", "فعالیت ها"),
        "languages": ("زبان\u200cها", "زبانها"), "summary": ("خلاصه", "درباره من"), "contact": ("تماس",),
    },
    "ur": {
        "experience": ("تجربہ", "ملازمت"), "education": ("تعلیم",), "skills": ("مہارتیں",),
        "publications": ("اشاعتیں", "مطبوعات"), "projects": ("منصوبے",), "awards": ("اعزازات", "انعامات"),
        "talks": ("لیکچرز", "تقاریر"), "teaching": ("تدریس",), "languages": ("زبانیں",), "summary": ("خلاصہ",),
        "contact": ("رابطہ",),
    },
    "hi": {
        "experience": ("अनुभव",), "education": ("शिक्षा",), "skills": ("कौशल",), "publications": ("प्रकाशन",),
        "projects": ("परियोजनाएं", "परियोजनाएँ"), "awards": ("पुरस्कार", "सम्मान"), "talks": ("व्याख्यान",),
        "teaching": ("अध्यापन", "शिक्षण"), "languages": ("भाषाएं", "भाषाएँ"), "summary": ("सारांश", "परिचय"),
        "contact": ("संपर्क",),
    },
    # Written without spaces between words: a heading is known when it holds one of these.
    "zh": {
        "experience": ("经历", "經歷", "经验", "工作"), "education": ("教育", "学历", "學歷"), "skills": ("技能", "专长"),
        "publications": ("论文", "論文", "出版", "发表"), "projects": ("项目", "項目"), "awards": ("奖", "獎", "荣誉"),
        "talks": ("报告", "演讲", "講座"), "teaching": ("教学", "教學"), "service": ("服务", "活动"),
        "languages": ("语言", "語言"), "summary": ("简介", "概述"), "contact": ("联系", "聯絡"),
    },
    "ja": {
        "experience": ("職歴", "経歴", "経験"), "education": ("学歴", "教育"), "skills": ("スキル", "技能", "資格"),
        "publications": ("業績", "論文", "出版"), "projects": ("プロジェクト",), "awards": ("受賞", "表彰"),
        "talks": ("講演", "発表"), "teaching": ("授業", "教歴"), "languages": ("語学", "言語"),
        "summary": ("概要", "自己PR", "プロフィール"), "contact": ("連絡先",),
    },
    "ko": {
        "experience": ("경력", "경험"), "education": ("학력", "교육"), "skills": ("기술", "역량", "스킬"),
        "publications": ("논문", "출판", "연구실적"), "projects": ("프로젝트",), "awards": ("수상", "포상"),
        "talks": ("발표", "강연"), "teaching": ("강의",), "languages": ("어학", "언어"), "summary": ("요약", "자기소개"),
        "contact": ("연락처",),
    },
}
# Chinese, Japanese and Korean headings are matched without word boundaries.
_UNSPACED = {"zh", "ja", "ko"}
# A heading is looked up in English too whatever the language, as CVs mix them.

_COMPILED: dict[str, list[tuple[str, re.Pattern[str]]]] = {}


def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    if lang not in _COMPILED:
        found = []
        for section, words in STANDARD.get(lang, {}).items():
            alternatives = "|".join(re.escape(w).replace(r"\*", r"\w*").replace(r"\?", ".") for w in words)
            bounded = rf"(?:{alternatives})" if lang in _UNSPACED else rf"(?<!\w)(?:{alternatives})(?!\w)"
            found.append((section, re.compile(bounded, re.IGNORECASE)))
        _COMPILED[lang] = found
    return _COMPILED[lang]


def standard_section(heading: str, lang: str) -> str | None:
    """The standard section a parser files `heading` under, in the CV's language or English; or None."""
    for code in dict.fromkeys((primary(lang), "en")):
        for section, pattern in _patterns(code):
            if pattern.search(heading):
                return section
    return None


def known_names(lang: str) -> str:
    """A few of the names a parser knows, for a hint."""
    table = STANDARD.get(primary(lang)) or STANDARD["en"]
    return ", ".join(words[0].rstrip("*").capitalize() for words in list(table.values())[:8])
