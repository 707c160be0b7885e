"""What citeproc-py (0.6 to 0.11) leaves out of CSL 1.0.2, done around it: each rule is named after the
spec and tested in tests/unit/test_citeproc_fixes.py, where a test also shows citeproc-py alone being wrong.

Two small patches of its name rendering (applied once, before any style renders):
- `initialize="false"` on cs:name is ignored: Chicago's "Einstein, Albert" came out "Einstein, A.";
- hyphenated given names lose their second initial: "Feng-hsiung" became "F.-. hsiung ." (CSL: "F.-h.").

And rules applied to a rendered entry (a marked string, see markers.py):
- punctuation-in-quote (from the locale): `“Title”,` is `“Title,”` in American English;
- duplicate punctuation: a period after "et al." or "?" is not printed twice ("et al..", "Complete?.");
- year-suffix: "2004a", "2004b" for works of the same authors and year (chosen across the whole list
  by `year_suffixes`, written into the item as `year-suffix`, placed here after the year).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from .sentence_case import to_title_case

_MARKERS = "\ue000-\ue02f"
_IN_QUOTE = re.compile(r"(”)()([.,])")  # a quote the style put around a title, nothing between
_AFTER_QUESTION = re.compile(rf"([?!][”’]?[{_MARKERS}]*)[.,]")
_DOUBLE_PERIOD = re.compile(rf"(?<!\.)(\.[{_MARKERS}]*)\.(?!\.)")
_DOUBLE_MARK = re.compile(rf"([,;])([{_MARKERS}]*)\1")
_SPACE_BEFORE_COMMA = re.compile(rf"(\.[{_MARKERS}]*) +(?=,)")  # a suffix ". " before a delimiter ", "
_CALLS = "{https://cvfilter.invalid}calls-variable"
_MARKER_SET = "".join(chr(c) for c in range(0xE000, 0xE030))


@lru_cache(maxsize=1)
def patch_citeproc() -> None:
    """Patch citeproc-py's elements in place; once per process (lru_cache)."""
    from citeproc import model

    get_option = model.Name.get_option

    def name_option(self, name, context=None, sort_options=None):
        value = get_option(self, name, context, sort_options)
        if name == "initialize-with" and value is not None and self.get("initialize") == "false":
            return _KeepGiven(value)
        return value

    def initialize(self, given: str, mark: str, context) -> str:
        if isinstance(mark, _KeepGiven):  # initialize="false": only lone letters get the mark
            return " ".join(word + mark.rstrip() if len(word) == 1 and word.isalpha() else word for word in given.split())
        return initials(given, mark, bool(self.get_option("initialize-with-hyphen", context)))

    model.Name.get_option = name_option
    model.Name.initialize = initialize
    _patch_et_al(model)
    _patch_page_ranges(model)
    _compiled_xpaths(model)
    _patch_volumes_label(model)
    model.Group.calls_variable = _group_calls_variable
    _patch_groups(model)
    _patch_substitute(model)
    _patch_title_case(model)


def _group_calls_variable(self) -> bool:
    """CSL: a group is suppressed when the variables it calls are all empty; a group of terms only
    ("[Online]") calls none. citeproc-py counts every group as calling one. Worked out once per
    group by `mark_groups` (the subtree walk is slow when repeated for every entry)."""
    known = self.get(_CALLS)
    if known is None:
        from citeproc import model

        return model.Parent.calls_variable(self)
    return known == "true"


_FRAMES: list[list[int]] = []  # per cs:group being rendered: [variables called, variables rendered]
_PRINTED: list[list[tuple[str, str]]] = []  # per cs:substitute being rendered: (tag, variable) printed


def _patch_groups(model) -> None:
    """CSL: a cs:group is suppressed when it calls variables and all of them are empty. citeproc-py
    decides it by what each child could call in any branch of a cs:choose; this counts what the
    branches taken did call and print, so "[Online]" (a term in a choose beside an empty date) goes."""
    from citeproc.model import Choose, VariableError

    def counted(cls, test):
        render = cls.render

        def render_counted(self, *args, **kwargs):
            if not (_FRAMES or _PRINTED) or not test(self):
                return render(self, *args, **kwargs)
            if _FRAMES:
                _FRAMES[-1][0] += 1
            text = render(self, *args, **kwargs)
            if text and _FRAMES:
                _FRAMES[-1][1] += 1
            if text and _PRINTED:
                _PRINTED[-1].extend((self.tag, variable) for variable in (self.get("variable") or "").split())
            return text

        cls.render = render_counted

    counted(model.Text, lambda element: element.get("variable") not in (None, "year-suffix"))
    for cls in (model.Names, model.Date, model.Number):
        counted(cls, lambda element: True)

    def process(self, item, context=None, **kwargs):
        output = []
        delimiter = self.get("delimiter", "")
        _FRAMES.append([0, 0])
        try:
            for child in self.iterchildren():
                try:
                    if isinstance(child, Choose):
                        text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                    else:
                        text = child.render(item, context=context, **kwargs)
                except VariableError:
                    continue
                if text is not None:
                    output.append(text)
        finally:
            called, rendered = _FRAMES.pop()
        if output and (not called or rendered):
            if _FRAMES:
                _FRAMES[-1][0] += called
                _FRAMES[-1][1] += rendered
            return self.join(output)
        if _FRAMES:
            _FRAMES[-1][0] += called
        raise VariableError

    model.Group.process = process


def mark_groups(style) -> None:
    """Store on every cs:group of a parsed style whether it calls a variable, deepest first."""
    from citeproc import model

    groups = [element for element in style.root.iter() if isinstance(element, model.Group)]
    for group in reversed(groups):
        group.set(_CALLS, "true" if model.Parent.calls_variable(group) else "false")


def _compiled_xpaths(model) -> None:
    """Speed, not a rule: citeproc-py evaluates the same XPath lookups on the style (an element's
    cs:bibliography, its macro, its layout) for every name and text of every entry, about half the
    time of rendering one. The style's tree does not change while entries render, so each lookup is
    made once per element; the cache holds the elements, which keeps lxml's proxies (and so the keys)
    the same objects."""
    from lxml import etree

    compiled: dict[str, etree.XPath] = {}
    found: dict[tuple[str, object], list] = {}
    namespaces = dict(model.CitationStylesElement.nsmap)

    def xpath_search(self, expression):
        key = (expression, self)
        result = found.get(key)
        if result is None:
            xpath = compiled.get(expression)
            if xpath is None:
                xpath = compiled[expression] = etree.XPath(expression, namespaces=namespaces)
            result = found[key] = xpath(self)
        return result

    model.CitationStylesElement.xpath_search = xpath_search


def _patch_volumes_label(model) -> None:
    """CSL: the label of number-of-volumes is the term "volume" ("3 vols.", "Vols. 1–3"), plural when
    the number is above one; citeproc-py looks for a term "number-of-volumes" and prints nothing."""
    label = model.Label.process

    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        if (variable or self.get("variable")) != "number-of-volumes":
            return label(self, item, variable, plural, context, **kwargs)
        try:
            count = str(item.reference["number_of_volumes"])
        except Exception:
            return None
        form = self.get("form", "long")
        many = self.get("plural", "contextual") == "always" or (count.isdigit() and int(count) > 1)
        term = self.get_plural_term if many else self.get_single_term
        return term(name="volume", form=form if form != "long" else None)

    model.Label.process = process


def _patch_page_ranges(model) -> None:
    """page-range-format="chicago-16" (the 16th edition's rule, which citeproc-py treats as the 15th's):
    1496–1504 is 1496–504; only ranges from under 100 or from a multiple of 100 are written in full.
    A style that formats ranges reads an abbreviated one whole first (280–30 is 280–230), as pandoc."""
    last_page = model.FormatNumber._format_last_page

    def format_last_page(self, first, last):
        style = self.get_root().get_option("page-range-format")
        if style and first.isdigit() and last.isdigit() and len(last) < len(first):
            last = first[: len(first) - len(last)] + last  # a style that formats ranges reads 280–30 as 280–230
        if style != "chicago-16":
            return last_page(self, first, last)
        found = re.fullmatch(r"\d+", first)
        if not found or not re.fullmatch(r"\d+", last) or len(last) != len(first):
            return last
        number = int(first)
        if number < 100 or number % 100 == 0:
            return last
        common = next((i for i, (a, b) in enumerate(zip(first, last)) if a != b), len(first))
        keep = 1 if number % 100 < 10 else 2
        return last[min(common, len(first) - keep):]

    model.FormatNumber._format_last_page = format_last_page


def _patch_et_al(model) -> None:
    """The owner is never hidden by the style's et al.: when the names would be cut before the owner,
    they are cut right after the owner instead ("A, B, Owner, et al."), or not at all when the owner
    comes last. An owner marked OWNER_HIDEABLE (option hide-owner) keeps the style's cut."""
    from .markers import OWNER, OWNER_HIDEABLE

    process = model.Name.process

    def owner_shown(self, item, variable, context=None, sort_options=None, **kwargs):
        names = item.reference.get(variable, [])
        shown = [_name_text(name) for name in names]
        owner = next((index for index, text in enumerate(shown) if OWNER in text and OWNER_HIDEABLE not in text), None)
        if owner is None or self.get_option("form", context, sort_options) == "count":
            return process(self, item, variable, context, sort_options, **kwargs)
        minimum = self.get_option("et-al-min", context, sort_options)
        first = self.get_option("et-al-use-first", context, sort_options)
        if not minimum or len(names) < minimum or owner < first:
            return process(self, item, variable, context, sort_options, **kwargs)
        saved = {key: self.get(key) for key in ("et-al-min", "et-al-use-first", "et-al-use-last")}
        if owner == len(names) - 1:
            self.set("et-al-min", str(len(names) + 1))
        else:
            self.set("et-al-use-first", str(owner + 1))
        self.set("et-al-use-last", "false")
        try:
            return process(self, item, variable, context, sort_options, **kwargs)
        finally:
            for key, value in saved.items():
                if value is None:
                    self.attrib.pop(key, None)
                else:
                    self.set(key, value)

    model.Name.process = owner_shown


def _name_text(name) -> str:
    """A citeproc-py name's family (or literal) name; its parts are looked up, never assumed."""
    try:
        return str(name.get("family") or name.get("literal") or "")
    except Exception:
        return ""


class _KeepGiven(str):
    """An initialize-with mark under initialize="false"."""


def _patch_substitute(model) -> None:
    """CSL: a variable that stood in for the author (cs:substitute) is not printed again in the entry.
    citeproc-py remembers only a cs:text's own variable, never the ones a macro, a cs:choose or a
    cs:names printed; here every variable printed inside the substitute is remembered (`counted`)."""
    substitute = model.Substitute.render

    def render(self, item, context=None, **kwargs):
        _PRINTED.append([])
        try:
            text = substitute(self, item, context=context, **kwargs)
        finally:
            printed = _PRINTED.pop()
        if text and context is not None:
            repressed = context.get_layout().repressed
            for tag, variable in printed:
                repressed.setdefault(tag, []).append(variable)
        if _PRINTED:
            _PRINTED[-1].extend(printed)
        return text

    names_process = model.Names.process

    def process(self, item, names_context=None, context=None, **kwargs):
        if names_context is None and self.name is None:  # a cs:names in a cs:choose of a cs:substitute
            outer = self.xpath_search("./ancestor::cs:substitute[1]/parent::cs:names[1]")
            names_context = outer[0] if outer else None
        repressed = (context if context is not None else self).get_layout().repressed.get(self.tag, [])
        roles = self.get("variable", "").split()
        kept = [role for role in roles if role not in repressed]
        if len(kept) == len(roles):
            return names_process(self, item, names_context, context, **kwargs)
        if not kept:
            return None
        self.set("variable", " ".join(kept))
        try:
            return names_process(self, item, names_context, context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))

    model.Substitute.render = render
    model.Names.process = process


def _patch_title_case(model) -> None:
    """text-case="title" as citeproc-js and pandoc do it: after a hyphen too ("Zero-Shot"), the last
    word always, stop words only inside; citeproc-py splits words at protected parts ("I Nternational")."""
    case = model.TextCased.case

    def patched(self, text, language=None):
        if self.get("text-case") != "title" or (language or "en") != "en":
            return case(self, text, language)
        return title_case(text)

    model.TextCased.case = patched


def title_case(text):
    """citeproc-py rich text (a String, or a MixedString of String and NoCase parts) in title case."""
    from citeproc.string import MixedString, NoCase

    parts = list(text) if isinstance(text, MixedString) else [text]
    runs = [(str(part), isinstance(part, NoCase)) for part in parts]
    cased = to_title_case(runs)
    out = [part if protected else type(part)(new) for part, (new, protected) in zip(parts, cased)]
    return MixedString(out) if isinstance(text, MixedString) else out[0]


def initials(given: str, mark: str, keep_hyphen: bool = True) -> str:
    """CSL initials as pandoc makes them: "Jean-Luc" -> "J.-L.", "Feng-hsiung" -> "F." (a lower-case
    part after a hyphen is no name of its own); a particle ("van") is kept."""
    parts = given.split("-") if keep_hyphen else [given.replace("-", " ")]
    out = []
    for number, part in enumerate(parts):
        if number and part[:1].islower():
            continue
        pieces = []
        for word in part.replace(".", " ").split():
            pieces.append(word[0] + mark if word[0].isupper() else " " + word + " ")
        out.append(" ".join("".join(pieces).split()))
    return "-".join(piece for piece in out if piece)


def punctuation_in_quote(marked: str) -> str:
    """`”,` and `”.` as `,”` and `.”` (the locale's punctuation-in-quote); a quote that ends in its own
    period ("... data.”") takes no second mark."""
    def moved(found: re.Match[str]) -> str:
        before = marked[:found.start()].rstrip(_MARKER_SET)
        mark = "" if before[-1:] in (".", "?", "!") else found.group(3)
        return mark + found.group(1) + found.group(2)

    return _IN_QUOTE.sub(moved, marked)


def collapse_punctuation(marked: str) -> str:
    """No second period after an abbreviation's, none after ? or !: "et al.." -> "et al.", "Complete?." -> "Complete?"."""
    marked = _AFTER_QUESTION.sub(r"\1", marked)
    marked = _DOUBLE_MARK.sub(r"\1\2", marked)
    marked = _SPACE_BEFORE_COMMA.sub(r"\1", marked)
    return _DOUBLE_PERIOD.sub(r"\1", marked)


def finish(marked: str, item: dict, in_quote: bool, prints_suffix: bool = False) -> str:
    """A rendered entry with the rules above applied; `prints_suffix`: the style prints year-suffix itself."""
    suffix = item.get("year-suffix")
    if suffix and not prints_suffix:
        marked = _with_suffix(marked, item, str(suffix))
    if in_quote:
        marked = punctuation_in_quote(marked)
    return collapse_punctuation(marked)


def _with_suffix(marked: str, item: dict, suffix: str) -> str:
    """The suffix after the first year printed (an author-date style prints it right after the names)."""
    year = _year(item)
    if year is not None:
        return re.sub(rf"(?<!\d){year}(?!\d)", f"{year}{suffix}", marked, count=1)
    return re.sub(r"n\.d\.", f"n.d.-{suffix}", marked, count=1)


def _year(item: dict) -> int | None:
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    return parts[0][0] if parts and parts[0] else None


def year_suffixes(items: Sequence[dict]) -> dict[str, str]:
    """id -> "a", "b"... for items whose authors (or editors, with their initials; the style's
    citations add names until the lists differ, as pandoc does) and year are the same as another's,
    in the order a bibliography sorts them: by date, then title, then key."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for item in items:
        names = item.get("author") or item.get("editor") or []
        key = tuple((n.get("family") or n.get("literal") or "", _initials_of(n.get("given") or "")) for n in names)
        groups[(key, _year(item))].append(item)
    suffixes: dict[str, str] = {}
    for (names, _year_), members in groups.items():
        if len(members) < 2 or not names:
            continue
        members.sort(key=_order)
        for index, item in enumerate(members):
            suffixes[str(item["id"])] = _letters(index)
    return suffixes


def _order(item: dict) -> tuple:
    parts = ((item.get("issued") or {}).get("date-parts") or [[]])[0]
    padded = [*parts, 0, 0, 0][:3]
    title = re.sub(r"<[^>]+>|[\ue000-\ue02f]", "", str(item.get("title", "")))
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", title) if not unicodedata.combining(ch))
    return (*padded, bare.casefold(), str(item.get("id", "")))


def _initials_of(given: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s.\-]+", given) if word)


def _letters(index: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa (as citeproc-js and pandoc count)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(ord("a") + rest) + out
    return out
