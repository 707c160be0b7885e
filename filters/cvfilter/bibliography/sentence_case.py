"""BibTeX's Title Case to the sentence case CSL styles expect, as pandoc does when it reads a .bib.

CSL data holds titles in sentence case; a style that wants Title Case makes it (text-case="title").
pandoc converts an English entry's titles on reading (citeproc's withSentenceCase under its
caseTransform): a word that is only capitalised ("Learning") is lowered unless it starts the title
or a sentence (after . ? ! or :), a word in lower case there is capitalised, and anything else,
"MPC", "TensorFlow", "iPhone", is kept. A braced part ({Bayesian}) is never changed.
"""

from __future__ import annotations

import re
from enum import Enum

Run = tuple[str, bool]  # text, and whether braces protect it


class _State(Enum):
    START = 0
    START_SENTENCE = 1
    AFTER_WORD_END = 2
    AFTER_WORD_CHAR = 3
    AFTER_SENTENCE_END = 4
    BEFORE_LAST_WORD = 5


_TOKENS = re.compile(r"\w+|\s+|.", re.DOTALL)
_WORD_BREAK = set("-/\u2013\u2014")
# What may follow a title's last word: closing punctuation, and our markers (markers.py).
_CLOSING = set("”’\"'.,;:!?)]") | {chr(c) for c in range(0xE000, 0xE030)}


def sentence_case(runs: tuple[Run, ...] | list[Run]) -> list[Run]:
    """The runs with their unprotected words in sentence case; protected runs as they were."""
    return _transform(runs, _word)


def to_title_case(runs: tuple[Run, ...] | list[Run]) -> list[Run]:
    """The runs in CSL title case (citeproc's withTitleCase): words capitalised but stop words inside,
    mixed-case and upper-case words kept; protected runs as they were."""
    return _transform(runs, _title_word, last_word=True)


def _transform(runs, word_case, last_word: bool = False) -> list[Run]:
    tokens = [(index, token) for index, (text, protected) in enumerate(runs) if not protected
              for token in _TOKENS.findall(text)]
    last = max((n for n, (_i, token) in enumerate(tokens) if _alnum(token)), default=-1) if last_word else -1
    if last >= 0 and any(not _alnum(t) and not t.isspace() and t not in _CLOSING for _i, t in tokens[last + 1:]):
        last = -1  # the title does not end in that word
    if last >= 0 and any(ch in _WORD_BREAK for ch in tokens[last - 1][1] if last):
        last = -1  # the last word is a part of a hyphenated one
    if last >= 0 and any(protected and text.strip() for text, protected in runs[tokens[last][0] + 1:]):
        last = -1  # a protected part ends the title
    state = _State.START
    pieces: list[list[str]] = [[] for _ in runs]
    position = 0
    for index, (text, protected) in enumerate(runs):
        if protected:
            state = _next(state, text)
            pieces[index].append(text)
            continue
        while position < len(tokens) and tokens[position][0] == index:
            token = tokens[position][1]
            if position == last and state in (_State.AFTER_WORD_END, _State.START_SENTENCE, _State.START):
                state = _State.BEFORE_LAST_WORD
            pieces[index].append(word_case(token, state) if _alnum(token) else token)
            state = _next(state, token)
            position += 1
    return [("".join(piece), protected) for piece, (_text, protected) in zip(pieces, runs)]


def _alnum(token: str) -> bool:
    return all(ch.isalnum() for ch in token)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and all(ch.islower() for ch in word[1:])


def _word(word: str, state: _State) -> str:
    starts = state in (_State.START, _State.START_SENTENCE)
    if _capitalised(word) and not starts:
        return word.lower()
    if starts and (_capitalised(word) or all(ch.islower() for ch in word)):
        return word[:1].upper() + word[1:].lower()
    return word


_STOP_WORDS = set("a an and as at but by down for from in into nor of on onto or over so the till to up via with yet "
                  "about van von de d l".split())


def _title_word(word: str, state: _State) -> str:
    mixed = any(ch.isupper() for ch in word) and any(ch.islower() for ch in word)
    if mixed or all(ch.isupper() for ch in word if ch.isalpha()) and any(ch.isalpha() for ch in word):
        return word
    if state in (_State.START, _State.START_SENTENCE):
        return word[:1].upper() + word[1:].lower()
    if state == _State.AFTER_WORD_END and word.lower() not in _STOP_WORDS and len(word) > 1:
        return word[:1].upper() + word[1:].lower()
    if state == _State.BEFORE_LAST_WORD and len(word) > 1:
        return word[:1].upper() + word[1:].lower()
    return word


def _next(state: _State, text: str) -> _State:
    if not text:
        return state
    last = text[-1]
    if last in ".?!:":
        return _State.AFTER_SENTENCE_END
    if last.isalnum():
        return _State.AFTER_WORD_CHAR
    if last.isspace() and state == _State.AFTER_SENTENCE_END:
        return _State.START_SENTENCE
    if last.isspace() or last in _WORD_BREAK:
        return _State.AFTER_WORD_END
    return state
