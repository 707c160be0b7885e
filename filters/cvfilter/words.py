"""The few words a CV prints that CLDR does not carry, one table per language.

Month names, date patterns, the decimal mark and the writing direction come from CLDR through babel
(`cldr.py`); what is left are CV words: "Present" at the end of a range, "and earlier" after the
last grouped year, the local form of "et al.", the word between page numbers. Every table has every
key (tests/unit/test_languages.py checks it); the CV's own section headings are the author's words.
"""

from __future__ import annotations

# The keys, with the English words and where each is printed.
ENGLISH = {
    "present": "Present",                  # end of an ongoing range: "2019 – Present"
    "last-updated": "Last updated on",     # before the date in the header: "Last updated on March 5, 2024"
    "thesis": "Thesis",                    # "Thesis: <title>" under a degree
    "advisor": "Advisor",                  # "Advisor: <name>"
    "with": "with",                        # "(with A, B and C on <topic>)"
    "and": "and",                          # before the last of several names
    "on": "on",                            # before a topic
    "selected-legend": "Selected publications are highlighted.",
    "and-earlier": "and earlier",          # "2015 and earlier": the last year group
    "stars-total": "GitHub stars across all repositories.",  # after the total count
    "citations": "citations",              # "12.3k+ citations"
    "h-index": "and an h-index of",        # "... and an h-index of 40"
    "no-date": "n.d.",                     # a publication without a year
    "et-al": "et al.",                     # the authors left out of a long list
    "page-of": "of",                       # the PDF footer: "1 of 3"
    "untitled": "untitled",                # a work without a title
    "courses": "Courses",                  # "Courses: <a>, <b>" under a degree
    "on-request": "Available on request.", # references not listed
}

WORDS: dict[str, dict[str, str]] = {
    "en": ENGLISH,
    "de": {
        "present": "heute", "last-updated": "Zuletzt aktualisiert am", "thesis": "Dissertation",
        "advisor": "Betreuer", "with": "mit", "and": "und", "on": "zu",
        "selected-legend": "Ausgewählte Publikationen sind hervorgehoben.", "and-earlier": "und früher",
        "stars-total": "GitHub-Sterne über alle Repositorys.", "citations": "Zitationen",
        "h-index": "und ein h-Index von", "no-date": "o. J.", "et-al": "u. a.", "page-of": "von",
        "untitled": "ohne Titel",
        "courses": "Kurse", "on-request": "Auf Anfrage.",
    },
    "fr": {
        "present": "présent", "last-updated": "Mis à jour le", "thesis": "Thèse", "advisor": "Directeur",
        "with": "avec", "and": "et", "on": "sur",
        "selected-legend": "Les publications sélectionnées sont mises en évidence.", "and-earlier": "et avant",
        "stars-total": "étoiles GitHub sur l’ensemble des dépôts.", "citations": "citations",
        "h-index": "et un indice h de", "no-date": "s. d.", "et-al": "et al.", "page-of": "sur",
        "untitled": "sans titre",
        "courses": "Cours", "on-request": "Sur demande.",
    },
    "es": {
        "present": "actualidad", "last-updated": "Última actualización:", "thesis": "Tesis",
        "advisor": "Director", "with": "con", "and": "y", "on": "sobre",
        "selected-legend": "Las publicaciones seleccionadas están resaltadas.", "and-earlier": "y anteriores",
        "stars-total": "estrellas de GitHub en todos los repositorios.", "citations": "citas",
        "h-index": "y un índice h de", "no-date": "s. f.", "et-al": "et al.", "page-of": "de",
        "untitled": "sin título",
        "courses": "Cursos", "on-request": "Disponibles a petición.",
    },
    "it": {
        "present": "oggi", "last-updated": "Ultimo aggiornamento:", "thesis": "Tesi", "advisor": "Relatore",
        "with": "con", "and": "e", "on": "su",
        "selected-legend": "Le pubblicazioni selezionate sono evidenziate.", "and-earlier": "e precedenti",
        "stars-total": "stelle GitHub in tutti i repository.", "citations": "citazioni",
        "h-index": "e un indice h di", "no-date": "s.d.", "et-al": "et al.", "page-of": "di",
        "untitled": "senza titolo",
        "courses": "Corsi", "on-request": "Disponibili su richiesta.",
    },
    "pt": {
        "present": "atual", "last-updated": "Última atualização em", "thesis": "Tese", "advisor": "Orientador",
        "with": "com", "and": "e", "on": "sobre",
        "selected-legend": "As publicações selecionadas estão destacadas.", "and-earlier": "e anteriores",
        "stars-total": "estrelas no GitHub em todos os repositórios.", "citations": "citações",
        "h-index": "e um índice h de", "no-date": "s.d.", "et-al": "et al.", "page-of": "de",
        "untitled": "sem título",
        "courses": "Disciplinas", "on-request": "Disponíveis mediante pedido.",
    },
    "nl": {
        "present": "heden", "last-updated": "Laatst bijgewerkt op", "thesis": "Proefschrift",
        "advisor": "Promotor", "with": "met", "and": "en", "on": "over",
        "selected-legend": "Geselecteerde publicaties zijn gemarkeerd.", "and-earlier": "en eerder",
        "stars-total": "GitHub-sterren over alle repository’s.", "citations": "citaties",
        "h-index": "en een h-index van", "no-date": "z.d.", "et-al": "e.a.", "page-of": "van",
        "untitled": "zonder titel",
        "courses": "Vakken", "on-request": "Op aanvraag beschikbaar.",
    },
    "pl": {
        "present": "obecnie", "last-updated": "Ostatnia aktualizacja:", "thesis": "Rozprawa",
        "advisor": "Promotor", "with": "z", "and": "i", "on": "na temat",
        "selected-legend": "Wybrane publikacje są wyróżnione.", "and-earlier": "i wcześniej",
        "stars-total": "gwiazdek GitHub we wszystkich repozytoriach.", "citations": "cytowań",
        "h-index": "i indeks h równy", "no-date": "b.d.", "et-al": "i in.", "page-of": "z",
        "untitled": "bez tytułu",
        "courses": "Kursy", "on-request": "Dostępne na życzenie.",
    },
    "cs": {
        "present": "současnost", "last-updated": "Naposledy aktualizováno", "thesis": "Práce",
        "advisor": "Vedoucí", "with": "s", "and": "a", "on": "na téma",
        "selected-legend": "Vybrané publikace jsou zvýrazněny.", "and-earlier": "a dříve",
        "stars-total": "hvězd na GitHubu ve všech repozitářích.", "citations": "citací",
        "h-index": "a h-index", "no-date": "b. r.", "et-al": "a kol.", "page-of": "z",
        "untitled": "bez názvu",
        "courses": "Kurzy", "on-request": "Na vyžádání.",
    },
    "sv": {
        "present": "nu", "last-updated": "Senast uppdaterad", "thesis": "Avhandling", "advisor": "Handledare",
        "with": "med", "and": "och", "on": "om",
        "selected-legend": "Utvalda publikationer är markerade.", "and-earlier": "och tidigare",
        "stars-total": "GitHub-stjärnor i alla repon.", "citations": "citeringar",
        "h-index": "och ett h-index på", "no-date": "u.å.", "et-al": "m.fl.", "page-of": "av",
        "untitled": "utan titel",
        "courses": "Kurser", "on-request": "Lämnas på begäran.",
    },
    "da": {
        "present": "nu", "last-updated": "Senest opdateret", "thesis": "Afhandling", "advisor": "Vejleder",
        "with": "med", "and": "og", "on": "om",
        "selected-legend": "Udvalgte publikationer er fremhævet.", "and-earlier": "og tidligere",
        "stars-total": "GitHub-stjerner på tværs af alle repositorier.", "citations": "citationer",
        "h-index": "og et h-indeks på", "no-date": "u.å.", "et-al": "m.fl.", "page-of": "af",
        "untitled": "uden titel",
        "courses": "Kurser", "on-request": "Gives på anmodning.",
    },
    "fi": {
        "present": "nykyään", "last-updated": "Päivitetty viimeksi", "thesis": "Opinnäyte",
        "advisor": "Ohjaaja", "with": "yhdessä:", "and": "ja", "on": "aiheena",
        "selected-legend": "Valitut julkaisut on korostettu.", "and-earlier": "ja aiemmin",
        "stars-total": "GitHub-tähteä kaikissa repositorioissa.", "citations": "viittausta",
        "h-index": "ja h-indeksi", "no-date": "s.a.", "et-al": "ym.", "page-of": "/",
        "untitled": "nimetön",
        "courses": "Kurssit", "on-request": "Saatavilla pyynnöstä.",
    },
    "nb": {
        "present": "nå", "last-updated": "Sist oppdatert", "thesis": "Avhandling", "advisor": "Veileder",
        "with": "med", "and": "og", "on": "om",
        "selected-legend": "Utvalgte publikasjoner er uthevet.", "and-earlier": "og tidligere",
        "stars-total": "GitHub-stjerner i alle repositorier.", "citations": "siteringer",
        "h-index": "og en h-indeks på", "no-date": "u.å.", "et-al": "mfl.", "page-of": "av",
        "untitled": "uten tittel",
        "courses": "Emner", "on-request": "Oppgis på forespørsel.",
    },
    "tr": {
        "present": "günümüz", "last-updated": "Son güncelleme:", "thesis": "Tez", "advisor": "Danışman",
        "with": "birlikte:", "and": "ve", "on": "konu:",
        "selected-legend": "Seçilmiş yayınlar vurgulanmıştır.", "and-earlier": "ve öncesi",
        "stars-total": "GitHub yıldızı (tüm depolar).", "citations": "atıf",
        "h-index": "ve h-indeksi", "no-date": "t.y.", "et-al": "vd.", "page-of": "/",
        "untitled": "başlıksız",
        "courses": "Dersler", "on-request": "İstek üzerine verilir.",
    },
    "ru": {
        "present": "настоящее время", "last-updated": "Последнее обновление:", "thesis": "Диссертация",
        "advisor": "Научный руководитель", "with": "совместно с", "and": "и", "on": "по теме",
        "selected-legend": "Избранные публикации выделены.", "and-earlier": "и ранее",
        "stars-total": "звёзд GitHub во всех репозиториях.", "citations": "цитирований",
        "h-index": "и индекс Хирша", "no-date": "б. г.", "et-al": "и др.", "page-of": "из",
        "untitled": "без названия",
        "courses": "Курсы", "on-request": "Предоставляются по запросу.",
    },
    "uk": {
        "present": "теперішній час", "last-updated": "Останнє оновлення:", "thesis": "Дисертація",
        "advisor": "Науковий керівник", "with": "спільно з", "and": "і", "on": "на тему",
        "selected-legend": "Вибрані публікації виділено.", "and-earlier": "і раніше",
        "stars-total": "зірок GitHub у всіх репозиторіях.", "citations": "цитувань",
        "h-index": "та індекс Гірша", "no-date": "б. р.", "et-al": "та ін.", "page-of": "з",
        "untitled": "без назви",
        "courses": "Курси", "on-request": "Надаються на запит.",
    },
    "el": {
        "present": "σήμερα", "last-updated": "Τελευταία ενημέρωση:", "thesis": "Διατριβή",
        "advisor": "Επιβλέπων", "with": "με", "and": "και", "on": "σχετικά με",
        "selected-legend": "Οι επιλεγμένες δημοσιεύσεις επισημαίνονται.", "and-earlier": "και παλαιότερα",
        "stars-total": "αστέρια GitHub σε όλα τα αποθετήρια.", "citations": "αναφορές",
        "h-index": "και δείκτη h", "no-date": "χ.χ.", "et-al": "κ.ά.", "page-of": "από",
        "untitled": "χωρίς τίτλο",
        "courses": "Μαθήματα", "on-request": "Διαθέσιμες κατόπιν αιτήματος.",
    },
    "ar": {
        "present": "حتى الآن", "last-updated": "آخر تحديث:", "thesis": "الأطروحة", "advisor": "المشرف",
        "with": "مع", "and": "و", "on": "حول",
        "selected-legend": "المنشورات المختارة مميزة.", "and-earlier": "وما قبلها",
        "stars-total": "نجمة على GitHub في جميع المستودعات.", "citations": "اقتباسًا",
        "h-index": "ومؤشر h قدره", "no-date": "د.ت.", "et-al": "وآخرون", "page-of": "من",
        "untitled": "بلا عنوان",
        "courses": "المقررات", "on-request": "متاحة عند الطلب.",
    },
    "he": {
        "present": "היום", "last-updated": "עודכן לאחרונה:", "thesis": "עבודת גמר", "advisor": "מנחה",
        "with": "עם", "and": "ו", "on": "בנושא",
        "selected-legend": "פרסומים נבחרים מודגשים.", "and-earlier": "ומוקדם יותר",
        "stars-total": "כוכבי GitHub בכל המאגרים.", "citations": "ציטוטים",
        "h-index": "ומדד h של", "no-date": "ללא תאריך", "et-al": "ואחרים", "page-of": "מתוך",
        "untitled": "ללא כותרת",
        "courses": "קורסים", "on-request": "יימסרו לפי בקשה.",
    },
    "fa": {
        "present": "اکنون", "last-updated": "آخرین به‌روزرسانی:", "thesis": "پایان‌نامه",
        "advisor": "استاد راهنما", "with": "با", "and": "و", "on": "دربارهٔ",
        "selected-legend": "انتشارات برگزیده برجسته شده‌اند.", "and-earlier": "و پیش از آن",
        "stars-total": "ستارهٔ GitHub در همهٔ مخزن‌ها.", "citations": "ارجاع",
        "h-index": "و شاخص h برابر", "no-date": "بی‌تا", "et-al": "و دیگران", "page-of": "از",
        "untitled": "بی‌عنوان",
        "courses": "دوره‌ها", "on-request": "در صورت درخواست ارائه می‌شود.",
    },
    "ur": {
        "present": "تاحال", "last-updated": "آخری تازہ کاری:", "thesis": "مقالہ", "advisor": "نگران",
        "with": "بمع", "and": "اور", "on": "بموضوع",
        "selected-legend": "منتخب اشاعتیں نمایاں ہیں۔", "and-earlier": "اور اس سے پہلے",
        "stars-total": "GitHub ستارے تمام ریپوزیٹریز میں۔", "citations": "حوالے",
        "h-index": "اور h-اشاریہ", "no-date": "بلا تاریخ", "et-al": "وغیرہ", "page-of": "از",
        "untitled": "بلا عنوان",
        "courses": "کورسز", "on-request": "درخواست پر دستیاب۔",
    },
    "zh": {
        "present": "至今", "last-updated": "最后更新：", "thesis": "论文", "advisor": "导师",
        "with": "合作者", "and": "和", "on": "主题",
        "selected-legend": "精选论文以高亮显示。", "and-earlier": "及更早",
        "stars-total": "颗 GitHub 星标（所有仓库）。", "citations": "次引用",
        "h-index": "，h 指数", "no-date": "无日期", "et-al": "等", "page-of": "/",
        "untitled": "无标题",
        "courses": "课程", "on-request": "可应要求提供。",
    },
    "ja": {
        "present": "現在", "last-updated": "最終更新：", "thesis": "論文", "advisor": "指導教員",
        "with": "共同研究者", "and": "と", "on": "テーマ",
        "selected-legend": "主要論文を強調表示しています。", "and-earlier": "以前",
        "stars-total": "GitHub スター（全リポジトリ合計）。", "citations": "件の被引用",
        "h-index": "、h 指数", "no-date": "日付なし", "et-al": "ほか", "page-of": "/",
        "untitled": "無題",
        "courses": "履修科目", "on-request": "ご要望に応じて提出します。",
    },
    "ko": {
        "present": "현재", "last-updated": "최종 업데이트:", "thesis": "학위 논문", "advisor": "지도 교수",
        "with": "공동 연구자", "and": "및", "on": "주제",
        "selected-legend": "주요 논문은 강조 표시되어 있습니다.", "and-earlier": "이전",
        "stars-total": "GitHub 스타(전체 저장소).", "citations": "회 인용",
        "h-index": "및 h-지수", "no-date": "날짜 없음", "et-al": "외", "page-of": "/",
        "untitled": "제목 없음",
        "courses": "수강 과목", "on-request": "요청 시 제공합니다.",
    },
    "hi": {
        "present": "वर्तमान", "last-updated": "अंतिम अद्यतन:", "thesis": "शोध-प्रबंध", "advisor": "मार्गदर्शक",
        "with": "सहयोगी:", "and": "और", "on": "विषय:",
        "selected-legend": "चयनित प्रकाशन हाइलाइट किए गए हैं।", "and-earlier": "और पहले",
        "stars-total": "GitHub स्टार, सभी रिपॉज़िटरी में।", "citations": "उद्धरण",
        "h-index": "और h-सूचकांक", "no-date": "तिथि नहीं", "et-al": "आदि", "page-of": "/",
        "untitled": "शीर्षकहीन",
        "courses": "पाठ्यक्रम", "on-request": "अनुरोध पर उपलब्ध।",
    },
}
