"""Suggest a sourcing tag for each sentence of an article, with the words that triggered it.

The suggester reads a sentence the way ``CODEBOOK.md`` tells a reviewer to: skip what is not a
claim (headlines, bylines, credits, promos, notices, questions to the reader), then try quoted,
anonymous-sourced, sourced and unattributed in that order. It looks at the neighbours too:
pronouns and "the paper" resolve to the last source named, a block quotation introduced by
"X continued:" carries X's attribution, and a speaker tag split from its quote stays quoted.

Everything is regular expressions compiled once from the word lists in ``factcheck/lexicons``;
one pass over the sentences, so the cost is linear in the length of the article.
"""

from __future__ import annotations

import json
import re
import re._parser as re_parser
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from operator import attrgetter
from pathlib import Path
from typing import Any

from factcheck.calibration import Calibration, load_calibration
from factcheck.confidence import ConfidenceModel, Evidence, evidence_of, load_model
from factcheck.models import ANONYMOUS, QUOTED, SKIP, SOURCED, UNATTRIBUTED, Sentence
from factcheck.segment import segment

CUE_QUOTATION = "quotation"
CUE_ATTRIBUTION = "attribution"
CUE_ANONYMITY = "anonymity"
CUE_SKIP = "skip"
CUE_KINDS: tuple[str, ...] = (CUE_QUOTATION, CUE_ATTRIBUTION, CUE_ANONYMITY, CUE_SKIP)

LEXICON_NAMES: tuple[str, ...] = ("attribution", "anonymity", "sources", "skip", "grammar")


# Classes made once per sentence or more write out their ``__init__`` (``init=False``): mypyc compiles
# it, where the one ``dataclass`` generates runs as interpreted Python.


@dataclass(frozen=True, slots=True, init=False)
class Cue:
    """Words that triggered a suggestion; offsets point into the article text."""

    start: int
    end: int
    text: str
    kind: str

    def __init__(self, start: int, end: int, text: str, kind: str) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "kind", kind)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind}


@dataclass(frozen=True, slots=True, init=False)
class Suggestion:
    """The suggested tag of one sentence, how sure the suggester is, and why.

    ``source_span`` points into the article text at the words that name the source, which may be
    in an earlier sentence when a pronoun or "the paper" was resolved. ``confidence`` is how often
    this reading (label and reason) was right on gold-tagged pages (see ``factcheck.calibration``),
    blended with the confidence model's estimate for this sentence's words and neighbours (see
    ``factcheck.confidence``); ``rule_confidence`` is the one the rule set, before either.
    """

    index: int
    label: str
    confidence: float
    cues: tuple[Cue, ...]
    source: str | None
    source_span: tuple[int, int] | None
    reason: str
    rule_confidence: float

    def __init__(
        self,
        index: int,
        label: str,
        confidence: float,
        cues: tuple[Cue, ...],
        source: str | None,
        source_span: tuple[int, int] | None,
        reason: str,
        rule_confidence: float,
    ) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "confidence", confidence)
        object.__setattr__(self, "cues", cues)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "source_span", source_span)
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "rule_confidence", rule_confidence)

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "label": self.label,
            "confidence": round(self.confidence, 3),
            "source": self.source,
            "source_span": list(self.source_span) if self.source_span else None,
            "reason": self.reason,
            "cues": [cue.to_dict() for cue in self.cues],
        }


# --------------------------------------------------------------------------------------------
# Lexicons


class LexiconError(ValueError):
    """A newsroom's lexicon folder holds a file the suggester cannot use."""


def check_lexicon_dir(lexicon_dir: Path) -> None:
    """Read a newsroom's lexicon folder as the suggester will (word lists, calibration, confidence
    model), so that a broken file is reported before any article is read; raises LexiconError."""
    for path in sorted(lexicon_dir.glob("*.json")):
        try:
            json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise LexiconError(f"{path}: not a readable JSON file ({exc})") from exc
    extra_dir = str(lexicon_dir)
    try:
        _rules(extra_dir)
        load_calibration(extra_dir)
        load_model(extra_dir)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, re.error) as exc:
        raise LexiconError(f"lexicon folder {lexicon_dir}: {type(exc).__name__}: {exc}") from exc


def load_lexicons(extra_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Read the packaged lexicons, extended by same-named ``*.json`` files in ``extra_dir``.

    Lists in an extra file are appended to the packaged ones, objects are merged key by key and
    other values replace the packaged value, so a newsroom file need only hold its additions.
    """
    package_dir = resources.files("factcheck") / "lexicons"
    lexicons: dict[str, dict[str, Any]] = {}
    for name in LEXICON_NAMES:
        data = json.loads((package_dir / f"{name}.json").read_text(encoding="utf-8"))
        if extra_dir is not None and (extra_dir / f"{name}.json").is_file():
            extra = json.loads((extra_dir / f"{name}.json").read_text(encoding="utf-8"))
            data = _merged(data, extra)
        lexicons[name] = data
    return lexicons


def _merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        old = merged.get(key)
        if isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [item for item in value if item not in old]
        elif isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merged(old, value)
        else:
            merged[key] = value
    return merged


def _phrase_pattern(phrases: Iterable[str], *, capitalised: bool = False) -> str:
    """Alternation of phrases as whole words, longest first; spaces match any whitespace."""
    body = "|".join(
        r"\s+".join(re.escape(word) for word in phrase.split())
        for phrase in sorted(_variants(phrases, capitalised), key=len, reverse=True)
    )
    return rf"(?<![\w'’-])(?:{body})(?![\w'’-])"


def _label_introducer(phrases: Sequence[str]) -> re.Pattern[str]:
    """Words that end right before a name or label in quotation marks: "the so-called", "dubbed",
    or a verb of naming with an article ("called the", "dubbed a"; not "the bill a")."""
    naming_verbs = [p for p in phrases if p.split()[0] not in {"the", "a", "an"}]
    return re.compile(
        rf"(?:{_phrase_pattern(phrases, capitalised=True)}"
        rf"|{_phrase_pattern(naming_verbs, capitalised=True)}\s+(?:the|a|an))\s*[,:]?\s*$"
    )


def _characterised_by(verbs: Sequence[str], auxiliaries: Sequence[str]) -> re.Pattern[str]:
    """'what police called a', 'what Obama calls the': a speaker's word for something, right before
    it in quotation marks; not 'what has been called the' or 'what I call the' (the writer's)."""
    not_subject = _phrase_pattern([*auxiliaries, "I", "we", "you"])
    return re.compile(
        rf"\bwhat\s+(?:(?!{not_subject}\b)[\w.'’&-]+\s+){{1,5}}{_phrase_pattern(verbs)}(?:\s+(?:the|a|an))?\s*$"
    )


def _variants(phrases: Iterable[str], capitalised: bool) -> set[str]:
    """The phrases, plus each with a capital first letter when ``capitalised``."""
    variants = set(phrases)
    if capitalised:
        variants |= {phrase[:1].upper() + phrase[1:] for phrase in variants}
    return variants


_WORD_RUN = re.compile(r"[\w'’-]+")
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+(?:\w+ly\s+)?$")
_BETWEEN_WORDS = r"\s+(?:\w+ly\s+)?"  # "did not (immediately) respond": one adverb may come between words


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, with shared prefixes factored out (fast to search)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


class _PhraseIndex:
    """Finds the phrases of several lexicons in one pass.

    Each phrase is indexed under its first content word ("did not respond" under "respond"), one
    regular expression finds those key words in a sentence, and only around them are the phrases
    tried. That is much faster than alternations of hundreds of phrases tried at every position,
    and lets lexicon phrases start with any word. Within a lexicon matches do not overlap; groups
    rank in the order they were added, longer phrases before shorter ones.
    """

    def __init__(self, stop_words: frozenset[str]) -> None:
        self.stop_words = stop_words  # words never used as a key ("did not respond" is found by "respond")
        # key word -> [(lexicon, rank, -length, regex source, group, characters before the key word)]
        self._entries: dict[str, list[tuple[str, int, int, str, str, int, str]]] = {}
        # key word -> [(lexicon, one alternation of its phrases, group of each alternative, reach back,
        #               the words that come just before the key word in phrases that do not start with it)]
        self._patterns: dict[
            str, list[tuple[str, re.Pattern[str], tuple[str, ...], int, frozenset[str]]]
        ] = {}
        self._keys = re.compile("(?!)")
        self.lexicons: list[str] = []

    def add(
        self,
        lexicon: str,
        group: str,
        phrases: Iterable[str],
        *,
        capitalised: bool = False,
        ignore_case: bool = False,
    ) -> None:
        """Add phrases under a group name; ``capitalised`` also accepts a capital first letter."""
        if lexicon not in self.lexicons:
            self.lexicons.append(lexicon)
        rank = sum(1 for entries in self._entries.values() for entry in entries if entry[0] == lexicon)
        phrases = set(phrases)
        for phrase in phrases | {p.replace("'", "’") for p in phrases if "'" in p}:  # "didn’t" as "didn't"
            words = phrase.split()
            position = next((i for i, w in enumerate(words) if w.lower() not in self.stop_words), 0)
            key = _WORD_RUN.match(words[position])
            if key is None:
                continue
            first = re.escape(words[0])
            if capitalised and words[0][:1].isalpha():
                first = f"[{words[0][0].upper()}{words[0][0].lower()}]{re.escape(words[0][1:])}"
            body = _BETWEEN_WORDS.join([first, *(re.escape(w) for w in words[1:])])
            source = f"(?i:{body})" if ignore_case else body
            before = len(" ".join(words[:position])) + (1 if position else 0)
            previous = words[position - 1].lower() if position else ""
            self._entries.setdefault(key.group().lower(), []).append(
                (lexicon, rank, -len(phrase), source, group, before, previous)
            )

    def freeze(self) -> _PhraseIndex:
        """Compile, for each key word and lexicon, one alternation of its phrases in rank order."""
        for key, entries in self._entries.items():
            entries.sort(key=lambda entry: (entry[1], entry[2]))
            compiled = []
            for lexicon in self.lexicons:
                mine = [entry for entry in entries if entry[0] == lexicon]
                if mine:
                    alternation = "|".join(f"({entry[3]})" for entry in mine)
                    pattern = re.compile(rf"(?<![\w'’-])(?:{alternation})(?![\w'’-])")
                    previous = frozenset(e[6] for e in mine)
                    compiled.append(
                        (lexicon, pattern, tuple(e[4] for e in mine), max(e[5] for e in mine), previous)
                    )
            self._patterns[key] = compiled
        self._keys = re.compile(rf"(?<![\w'’-]){_trie_pattern(self._entries)}(?![\w'’-])")
        return self

    def scan(self, text: str, lowered: str) -> dict[str, list[tuple[int, int, str]]]:
        """Every lexicon's phrases in ``text`` as (start, end, group), left to right.

        ``lowered`` is ``text`` in lower case, of the same length (see ``_lower_case``).
        """
        found: dict[str, list[tuple[int, int, str]]] = {lexicon: [] for lexicon in self.lexicons}
        for key in self._keys.finditer(lowered):
            at = key.start()
            word_before = None
            for lexicon, pattern, groups, reach, previous in self._patterns[key.group()]:
                if not reach:  # every phrase starts with the key word
                    hit = pattern.match(text, at)
                    if hit and hit.lastindex:
                        found[lexicon].append((at, hit.end(), groups[hit.lastindex - 1]))
                    continue
                if "" not in previous:  # every phrase has words before the key: is one of them there?
                    if word_before is None:
                        before = _WORD_BEFORE.search(lowered, max(0, at - 30), at)
                        word_before = before.group(1) if before else ""
                    if word_before not in previous:
                        continue
                position = max(0, at - 2 * reach - 1)
                while (hit := pattern.search(text, position, key.end() + 80)) and hit.start() <= at:
                    if hit.end() > at and hit.lastindex:
                        found[lexicon].append((hit.start(), hit.end(), groups[hit.lastindex - 1]))
                        break
                    position = hit.start() + 1
        for lexicon, hits in found.items():
            if len(hits) > 1:
                found[lexicon] = _without_overlaps(hits)
        return found


def _lower_case(text: str) -> str:
    """``text`` in lower case with its offsets unchanged (a few characters grow when lowered)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(char if len(char.lower()) != 1 else char.lower() for char in text)
    return lowered


def _without_overlaps(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the leftmost (then longest) of overlapping matches."""
    kept: list[tuple[int, int, str]] = []
    for hit in sorted(hits, key=lambda h: (h[0], -h[1])):
        if not kept or hit[0] >= kept[-1][1]:
            kept.append(hit)
    return kept


@dataclass(slots=True)
class _GuardedPattern:
    """A regular expression worth trying only when the text contains a given word."""

    requires: str
    pattern: re.Pattern[str]


_ASCII = tuple(chr(code) for code in range(128))
_NEVER = re.compile(r"(?!)")
_ANY_ASCII = re.compile(r"[\x00-\x7f]", re.IGNORECASE)  # also "K" (the Kelvin sign), "ſ" ...


def _first_characters(pattern: str, *, ascii_only: bool = True) -> frozenset[str] | None:
    """The ASCII characters a match of ``pattern`` can start with; None when it may start with any
    (the reading gives up, safely, on anything but literals, sets of them, groups and alternatives).

    With ``ascii_only`` False, also those that are not ASCII, and None for a start with ``\\d``, ``\\w``
    or ``\\s``; but when case is ignored, still only ASCII ones (and "ſ", "K" match some of them).
    """
    try:
        parsed = re_parser.parse(pattern)
    except Exception:  # the parser is CPython's own, not a public interface: if it changes, no shortcut
        return None
    return _starts(list(parsed), bool(parsed.state.flags & re.IGNORECASE), ascii_only)


_CATEGORIES = {  # the ASCII characters of \d, \w and \s (others are not ASCII: no shortcut for them)
    "CATEGORY_DIGIT": frozenset(char for char in _ASCII if char.isdigit()),
    "CATEGORY_WORD": frozenset(char for char in _ASCII if char.isalnum() or char == "_"),
    "CATEGORY_SPACE": frozenset(char for char in _ASCII if char.isspace()),
}


def _starts(items: list[tuple[Any, Any]], ignore_case: bool, ascii_only: bool) -> frozenset[str] | None:
    """First characters of a parsed pattern's items (see ``_first_characters``)."""
    for at, (op, value) in enumerate(items):
        kind = str(op)
        if kind == "AT":  # "^" matches no character
            continue
        if kind == "LITERAL":
            return _either_case({chr(value)}, ignore_case, ascii_only)
        if kind == "IN":
            chars: set[str] = set()
            for member, argument in value:
                if str(member) == "LITERAL":
                    chars.add(chr(argument))
                elif str(member) == "RANGE" and argument[1] - argument[0] < 128:
                    chars.update(chr(code) for code in range(argument[0], argument[1] + 1))
                elif str(member) == "CATEGORY" and ascii_only and str(argument) in _CATEGORIES:
                    chars.update(_CATEGORIES[str(argument)])
                else:  # a negation, or a category such as \W
                    return None
            return _either_case(chars, ignore_case, ascii_only)
        if kind == "SUBPATTERN":
            _, added, removed, body = value
            inner = (ignore_case or bool(added & re.IGNORECASE)) and not removed & re.IGNORECASE
            return _starts(list(body), inner, ascii_only)
        if kind == "BRANCH":
            found: set[str] = set()
            for branch in value[1]:
                first = _starts(list(branch), ignore_case, ascii_only)
                if first is None:
                    return None
                found |= first
            return frozenset(found)
        if kind in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
            first = _starts(list(value[2]), ignore_case, ascii_only)
            if value[0] >= 1 or first is None:
                return first
            rest = _starts(items[at + 1 :], ignore_case, ascii_only)  # "(?:\d\d:\d\d )?More from": either
            return None if rest is None else first | rest
        return None  # may match nothing, a lookahead, any character ...
    return None


def _either_case(chars: set[str], ignore_case: bool, ascii_only: bool) -> frozenset[str] | None:
    """The ASCII characters among ``chars`` (all when not ``ascii_only``), with their other case
    when case is ignored."""
    if not ignore_case:  # a character that is not ASCII matches only itself, never an ASCII key
        return frozenset(char for char in chars if char.isascii() or not ascii_only)
    if not all(char.isascii() for char in chars):
        return None  # "ſ" matches "s" when case is ignored: no shortcut past such characters
    return frozenset(chars | {char.lower() for char in chars} | {char.upper() for char in chars})


_PREFIX_LENGTH = 3  # the characters of a line start that choose the alternatives to try
_MAX_PREFIXES = 256  # per pattern; past that, a pattern's prefixes stay shorter


def _prefixes(pattern: str) -> frozenset[str] | None:
    """The ASCII strings of ``_PREFIX_LENGTH`` characters a match of ``pattern`` can start with, or
    shorter ones where the reading stops (what follows is not known); None when it may start with
    anything. They tell about lines that start with ASCII characters only: a line "It’s" may match
    "^It’s", which has no such prefix (and with case ignored, "K", the Kelvin sign, matches "k")."""
    try:
        parsed = re_parser.parse(pattern)
    except Exception:  # the parser is CPython's own, not a public interface: if it changes, no shortcut
        return None
    done: set[str] = set()
    done |= _extend({""}, list(parsed), bool(parsed.state.flags & re.IGNORECASE), done)
    return None if "" in done else frozenset(done)


def _extend(prefixes: set[str], items: list[tuple[Any, Any]], ignore_case: bool, done: set[str]) -> set[str]:
    """The ``prefixes`` extended by what the parsed ``items`` match first, for ``_prefixes``; those
    that reach ``_PREFIX_LENGTH``, or that the reading cannot extend further, are put in ``done``."""
    for op, value in items:
        if not prefixes:
            break
        kind = str(op)
        if kind == "AT":  # "^", "\b", "$": no character (a prefix may then allow more than the pattern)
            continue
        if kind in {"LITERAL", "IN"}:
            chars = _starts([(op, value)], ignore_case, True)  # none: only other characters match
            if chars is None or len(prefixes) * len(chars) > _MAX_PREFIXES:
                done |= prefixes
                return set()
            longer = {prefix + char for prefix in prefixes for char in chars}
            done |= {prefix for prefix in longer if len(prefix) == _PREFIX_LENGTH}
            prefixes = {prefix for prefix in longer if len(prefix) < _PREFIX_LENGTH}
        elif kind == "SUBPATTERN":
            _, added, removed, body = value
            inner = (ignore_case or bool(added & re.IGNORECASE)) and not removed & re.IGNORECASE
            prefixes = _extend(prefixes, list(body), inner, done)
        elif kind == "BRANCH":
            prefixes = set().union(
                *(_extend(set(prefixes), list(branch), ignore_case, done) for branch in value[1])
            )
        elif kind in {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}:
            done |= _extend(set(prefixes), list(value[2]), ignore_case, done)  # then another, or what follows
            if value[0] >= 1:
                return set()
        else:  # a lookahead, any character ...: what follows is not known
            done |= prefixes
            return set()
    return prefixes


class _ByFirstCharacters:
    """Anchored (name, pattern) alternatives, tried by how a line starts: for its first three
    characters, the alternation of only those alternatives whose match can start with them (see
    ``_prefixes``), in their order, compiled when first needed. A line whose start is not ASCII is
    tried by its first character: an ASCII one, as ``_first_characters`` reads the alternatives;
    another ("“", "—"), by those that can start with it, unless it is a letter or matches an ASCII
    character when case is ignored: then by the whole alternation. It finds what the whole
    alternation finds, trying fewer alternatives."""

    def __init__(self, alternatives: Sequence[tuple[str, str]]) -> None:
        self.alternatives = list(alternatives)
        self.whole = _named_alternatives(self.alternatives)
        starts = [_first_characters(pattern) for _, pattern in self.alternatives]
        self.chosen = {  # character -> the alternatives to try, by position
            char: tuple(i for i, first in enumerate(starts) if first is None or char in first)
            for char in _ASCII
        }
        self.any_starts = [_first_characters(pattern, ascii_only=False) for _, pattern in self.alternatives]
        self.prefixes = [_prefixes(pattern) for _, pattern in self.alternatives]
        self.chosen_by_start: dict[str, tuple[int, ...]] = {}  # line start -> the alternatives to try
        self.compiled: dict[tuple[int, ...], re.Pattern[str]] = {}

    def pattern(self, line: str) -> re.Pattern[str]:
        start = line[:_PREFIX_LENGTH]
        if start and start.isascii():
            chosen = self.chosen_by_start.get(start)
            if chosen is None:
                chosen = self.chosen_by_start[start] = tuple(
                    i
                    for i, prefixes in enumerate(self.prefixes)
                    if prefixes is None or any(start[:n] in prefixes for n in range(1, len(start) + 1))
                )
        else:
            first_char = line[:1]
            found = self.chosen.get(first_char)
            if found is None:
                if not first_char or first_char.isalnum() or _ANY_ASCII.match(first_char):
                    return self.whole
                found = self.chosen[first_char] = tuple(
                    i for i, first in enumerate(self.any_starts) if first is None or first_char in first
                )
            chosen = found
        pattern = self.compiled.get(chosen)
        if pattern is None:
            alternatives = [self.alternatives[i] for i in chosen]
            pattern = self.compiled[chosen] = _named_alternatives(alternatives) if chosen else _NEVER
        return pattern

    def match(self, line: str) -> re.Match[str] | None:
        return self.pattern(line).match(line)


def _named_alternatives(patterns: Sequence[tuple[str, str]]) -> re.Pattern[str]:
    """Join (name, pattern) pairs with ``|``, each in a group of that name; a leading ``(?i)`` is scoped."""
    return re.compile(
        "|".join(
            f"(?P<{name}>(?i:{pattern[4:]}))" if pattern.startswith("(?i)") else f"(?P<{name}>{pattern})"
            for name, pattern in patterns
        )
    )


@dataclass(frozen=True, eq=False)
class _Rules:
    """Everything the suggester matches, compiled once from the lexicons."""

    phrases: (
        _PhraseIndex  # lexicons: attribution, false_attribution, anonymity, weak_anonymity, group, outlet
    )
    complement: re.Pattern[str]
    plain_verbs: frozenset[str]  # "said", "according to": attribution and nothing else
    plainest_verbs: frozenset[str]  # "said", "says", "according to": the plain verbs most often right
    action_before_to: frozenset[str]  # "continued", "agreed": an act, not words, before "to"
    needing_that: frozenset[str]  # "agreed", "testified": attribute only with "that" close after
    reporting_markers: frozenset[str]  # "it was learned": unnamed sources, no one to point at
    narrated_belief: frozenset[str]  # "thought": what a named person once thought, in the writer's words
    action_before_quantity: frozenset[str]  # "added": an act, not words, before "about 80 jobs"
    action_before_possessive: frozenset[str]  # "added his seventh goal", "claimed her first title"
    action_before_article: frozenset[str]  # "added a goal"
    action_before_media: frozenset[str]  # "posted a picture"
    expert_nouns: frozenset[str]  # "researchers", "analysts": unnamed, but often named before
    study_teams: frozenset[str]  # "the researchers" of a study mentioned before are on the record
    study_team_noun: re.Pattern[str]  # one of study_teams, in lower-case text
    press: re.Pattern[str]  # "told reporters", "told CNN": a listener from the press
    max_block_paragraphs: int
    speech_headers: tuple[
        re.Pattern[str], ...
    ]  # "Remarks of Vice President Joe Biden": the rest is the speech
    listing_verbs: frozenset[str]  # "The bill includes:": the document's content follows, not its words
    anon_patterns: tuple[_GuardedPattern, ...]
    group_nouns: frozenset[str]
    unnamed_bodies: frozenset[str]
    group_pronouns: frozenset[str]
    unnamed_findings: frozenset[str]
    earlier_work: frozenset[str]
    indefinite: frozenset[str]
    spokesperson: frozenset[str]
    spokesperson_phrases: tuple[str, ...]
    spokesperson_starts: frozenset[str]  # first words of the phrases ("press" of "press secretary")
    documents: frozenset[str]
    verbatim_documents: frozenset[str]  # "statement", "excerpt": introduced with a colon, their words follow
    document_noun: re.Pattern[str]  # finds a document noun in lower-case text
    own_document: re.Pattern[str]  # "in its October outlook": the subject's own document, after the verb
    institutions: frozenset[str]
    institution_heads: frozenset[str]
    bare_institutions: frozenset[str]
    roles: frozenset[str]
    outlet_names: dict[str, str]
    outlet_anaphors: tuple[str, ...]
    report_anaphors: tuple[str, ...]
    outlet_anaphor: re.Pattern[str]
    report_anaphor: re.Pattern[str]
    pronouns: dict[str, str]
    abbreviations: frozenset[str]
    honorifics: frozenset[str]  # "Lord", "Sir": before a surname, like a title
    org_words: frozenset[str]
    not_name_words: frozenset[str]
    anchored_skip_lines: _ByFirstCharacters  # alternatives named k0, k1, ... (see skip_kinds)
    floating_skip_lines: tuple[tuple[tuple[str, ...], str, re.Pattern[str]], ...]  # (hints, kind, pattern)
    floating_hints: tuple[str, ...]  # lower-case words one of which a floating pattern needs
    skip_kinds: dict[str, str]  # group name -> kind of line ("byline", "credit", ...)
    dateline: re.Pattern[str]
    comments_heading: re.Pattern[str]  # "Comments", "12 Reader Comments": the readers' comments follow
    comment_marker: re.Pattern[str]  # "Jane said...", "Posted by", a time stamp: a line of a comment
    label_introducer: re.Pattern[str]
    characterised_by: re.Pattern[str]  # "what police called a": someone's words for a thing, not its name
    headline_labels: frozenset[str]
    minor_title_words: frozenset[str]
    max_subhead_words: int
    question_opening: re.Pattern[str]  # "Why ...", "Is it ...", "And what ...": a question, as written
    reader_instruction: re.Pattern[str]  # "Make sure you …", "Grab a …": the writer tells the reader
    reader_pointer: re.Pattern[str]  # "here", "more": an instruction that points to more of the page
    determiners: frozenset[str]
    definite: frozenset[str]
    prepositions: frozenset[str]
    relatives: frozenset[str]
    auxiliaries: frozenset[str]
    irregular_past: frozenset[str]  # "put", "built": a verb, where a noun phrase ends
    clause_stops: frozenset[str]
    clause_openers: frozenset[str]
    subordinate: re.Pattern[str]  # a subordinating conjunction a few words before a subject
    subordinators: tuple[str, ...]
    saying_verbs: frozenset[str]  # "said", "told": a subject read backwards stops there
    leading_words: frozenset[str]  # "and", "perhaps": not part of the subject that follows
    adverbs_before_verb: frozenset[str]
    name_joiners: frozenset[str]
    modifier_stops: frozenset[str]  # words that end the modifiers before "officials" going backwards

    def anonymity_markers(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """Anonymity markers ("on condition of anonymity", "people familiar with") in [start, end)."""
        end = len(text) if end is None else end
        return [(s, e) for s, e in _lexicon_hits(text, self).anonymity if start <= s and e <= end]


@dataclass(slots=True, init=False)
class _Hits:
    """Every lexicon phrase found in one sentence."""

    lowered: str
    attribution: list[tuple[int, int, str]]
    false_attribution: list[tuple[int, int, str]]
    anonymity: list[tuple[int, int]]
    weak_anonymity: list[tuple[int, int, str]]
    groups: list[tuple[int, int, str]]  # nouns of unnamed people ("officials", "sources")
    outlets: list[tuple[int, int, str]]  # start, end, canonical name

    def __init__(
        self,
        lowered: str,
        attribution: list[tuple[int, int, str]],
        false_attribution: list[tuple[int, int, str]],
        anonymity: list[tuple[int, int]],
        weak_anonymity: list[tuple[int, int, str]],
        groups: list[tuple[int, int, str]],
        outlets: list[tuple[int, int, str]],
    ) -> None:
        self.lowered = lowered
        self.attribution = attribution
        self.false_attribution = false_attribution
        self.anonymity = anonymity
        self.weak_anonymity = weak_anonymity
        self.groups = groups
        self.outlets = outlets


@lru_cache(maxsize=64)
def _lexicon_hits(text: str, rules: _Rules) -> _Hits:
    """Match the phrase lexicons against a sentence once; the reader asks about it many times."""
    lowered = _lower_case(text)
    found = rules.phrases.scan(text, lowered)
    anonymity = [(s, e) for s, e, _ in found["anonymity"]]
    for guarded in rules.anon_patterns:
        if guarded.requires in lowered:
            anonymity += [m.span() for m in guarded.pattern.finditer(text)]
            anonymity.sort()
    return _Hits(
        lowered=lowered,
        attribution=found["attribution"],
        false_attribution=found["false_attribution"],
        anonymity=anonymity,
        weak_anonymity=found["weak_anonymity"],
        groups=found["group"],
        outlets=found["outlet"],
    )


def _outlet_in(text: str, start: int, end: int, rules: _Rules) -> tuple[int, int, str] | None:
    """The first outlet named in ``text[start:end]``, as (start, end, canonical name)."""
    return next(
        ((s, e, name) for s, e, name in _lexicon_hits(text, rules).outlets if start <= s and e <= end), None
    )


@cache
def _rules(extra_dir: str | None = None) -> _Rules:
    """Compile the lexicons (cached: once per process and lexicon folder)."""
    lex = load_lexicons(Path(extra_dir) if extra_dir else None)
    attribution, anonymity, sources, skip, grammar = (lex[name] for name in LEXICON_NAMES)
    outlet_names: dict[str, str] = {}
    for canonical, aliases in sources["outlets"].items():
        for alias in [canonical, *aliases]:
            outlet_names[alias.lower()] = canonical
            if alias.startswith("The "):
                outlet_names[alias[4:].lower()] = canonical
    outlet_aliases = {
        alias for canonical, aliases in sources["outlets"].items() for alias in [canonical, *aliases]
    }
    object_word = (
        r"(?!(?:about|of|to|for|with|into|over|on|in|at|by|from|after|before)\b)"
        r"[\w'’-]+(?:\.[\w'’-]+)*(?:\.(?=\s))?"
    )
    settings = f"(?:{_phrase_pattern(attribution['complement_settings'])}|{_DATE_SETTING})"
    complementizers = _phrase_pattern(attribution["complementizers"])
    told_objects = r"(?:[Tt]he\s+)?" + _phrase_pattern(attribution["told_objects"] + sorted(outlet_aliases))
    skip_lines = [
        (f"k{number}", kind, pattern)
        for number, (kind, pattern) in enumerate(
            (kind, pattern) for kind, patterns in skip["line_patterns"].items() for pattern in patterns
        )
    ]
    anchored = [
        (name, pattern) for name, _, pattern in skip_lines if pattern.removeprefix("(?i)").startswith("^")
    ]
    hints = [hint.lower() for hint in skip["floating_pattern_hints"]]
    floating = tuple(  # each tried only where one of the hints its text contains is in the sentence
        (
            tuple(hint for hint in hints if hint in pattern.lower().replace("\\", "")) or ("",),  # or always
            kind,
            re.compile(pattern),
        )
        for _, kind, pattern in skip_lines
        if not pattern.removeprefix("(?i)").startswith("^")
    )
    phrases = _PhraseIndex(frozenset(grammar["index_stop_words"]))
    for group, key, capitalised in [
        ("nocomment", "no_comment_phrases", True),
        ("phrase", "source_phrases", True),
        ("participle", "participles", False),
        ("speechact", "speech_act_verbs", False),
        ("framing", "quote_framing_verbs", False),
        ("complement", "complement_verbs", False),
        ("object", "object_verbs", False),
        ("speech", "speech_verbs", False),
        ("belief", "belief_verbs", False),
        ("document", "document_verbs", False),
    ]:
        phrases.add("attribution", group, attribution[key], capitalised=capitalised)
    phrases.add("false_attribution", "false", attribution["false_attribution_phrases"], capitalised=True)
    markers = anonymity["markers"] + anonymity["reporting_markers"]
    phrases.add("anonymity", "marker", markers, ignore_case=True)
    phrases.add("weak_anonymity", "weak", anonymity["weak_markers"], capitalised=True)
    phrases.add("group", "group", anonymity["group_nouns"], ignore_case=True)
    for alias in sorted(outlet_aliases):
        phrases.add("outlet", outlet_names[alias.lower()], [alias])
    return _Rules(
        phrases=phrases.freeze(),
        press=re.compile(rf"\s*{told_objects}"),
        complement=re.compile(
            rf"\s*(?:[,:;.!?“”\"—–]|$|(?:{told_objects})|[^.!?“”\"]*:\s*$"
            rf"|(?:{object_word}\s+){{0,5}}?(?:{settings}\s*,?\s*)?(?:{complementizers})"
            rf"|(?:{object_word}\s+){{0,5}}?(?:{settings}|{object_word})\s*[,:.“\"])"
        ),
        max_block_paragraphs=int(attribution["max_block_paragraphs"]),
        speech_headers=tuple(re.compile(pattern) for pattern in attribution["speech_headers"]),
        listing_verbs=frozenset(attribution["listing_verbs"]),
        anon_patterns=tuple(
            _GuardedPattern(entry["requires"], re.compile(entry["pattern"], re.IGNORECASE))
            for entry in anonymity["marker_patterns"]
        ),
        group_nouns=frozenset(anonymity["group_nouns"]),
        study_teams=frozenset(anonymity["study_teams"]),
        study_team_noun=re.compile(rf"\b{_trie_pattern(anonymity['study_teams'])}\b"),
        expert_nouns=frozenset(anonymity["expert_nouns"]),
        plain_verbs=frozenset(attribution["plain_verbs"]),
        plainest_verbs=frozenset(attribution["plainest_verbs"]),
        action_before_to=frozenset(attribution["verbs_of_action_before_to"]),
        narrated_belief=frozenset(attribution["narrated_belief_verbs"]),
        reporting_markers=frozenset(anonymity["reporting_markers"]),
        needing_that=frozenset(attribution["verbs_needing_that"]),
        action_before_quantity=frozenset(attribution["verbs_of_action_before_quantity"]),
        action_before_possessive=frozenset(attribution["verbs_of_action_before_possessive"]),
        action_before_article=frozenset(attribution["verbs_of_action_before_article"]),
        action_before_media=frozenset(attribution["verbs_of_action_before_media"]),
        unnamed_bodies=frozenset(anonymity["unnamed_bodies"]),
        group_pronouns=frozenset(anonymity["group_pronouns"]),
        unnamed_findings=frozenset(anonymity["unnamed_findings"]),
        earlier_work=frozenset(anonymity["earlier_work"]),
        indefinite=frozenset(anonymity["indefinite_determiners"]),
        spokesperson=frozenset(sources["spokesperson_nouns"]),
        spokesperson_phrases=tuple(noun for noun in sources["spokesperson_nouns"] if " " in noun),
        spokesperson_starts=frozenset(
            noun.split()[0] for noun in sources["spokesperson_nouns"] if " " in noun
        ),
        documents=frozenset(sources["document_nouns"]),
        verbatim_documents=frozenset(sources["verbatim_documents"]),
        document_noun=re.compile(rf"\b{_trie_pattern(w.lower() for w in sources['document_nouns'])}\b"),
        own_document=re.compile(
            r"\b(?:in|on)\s+(?:its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?"
            rf"{_trie_pattern(w.lower() for w in sources['document_nouns'])}\b"
        ),
        institutions=frozenset(word.lower() for word in sources["institution_nouns"]),
        institution_heads=frozenset(
            word.lower().split()[-1]
            for word in sources["institution_nouns"]
            if word.lower().startswith("the ")
        ),
        bare_institutions=frozenset(word.lower() for word in sources["institution_nouns"] if " " not in word),
        roles=frozenset(sources["role_nouns"]),
        outlet_names=outlet_names,
        outlet_anaphors=tuple(a.lower() for a in sources["outlet_anaphors"]),
        report_anaphors=tuple(a.lower() for a in sources["report_anaphors"]),
        outlet_anaphor=_anaphor_pattern(sources["outlet_anaphors"]),
        report_anaphor=_anaphor_pattern(sources["report_anaphors"]),
        pronouns=dict(sources["pronouns"]),
        abbreviations=frozenset(sources["name_titles"])
        | frozenset(w for w in sources["not_name_words"] if w.endswith(".")),
        honorifics=frozenset(sources["honorifics"]),
        org_words=frozenset(sources["org_words"]),
        not_name_words=frozenset(sources["not_name_words"]),
        anchored_skip_lines=_ByFirstCharacters(anchored),
        floating_skip_lines=floating,
        floating_hints=tuple({hint for pattern_hints, _, _ in floating for hint in pattern_hints}),
        skip_kinds={name: kind for name, kind, _ in skip_lines},
        dateline=re.compile(skip["dateline_pattern"]),
        comments_heading=re.compile(skip["comments_heading"]),
        comment_marker=re.compile(skip["comment_marker"]),
        label_introducer=_label_introducer(skip["label_introducers"]),
        characterised_by=_characterised_by(attribution["quote_framing_verbs"], grammar["auxiliaries"]),
        headline_labels=frozenset(skip["headline_label_prefixes"]),
        minor_title_words=frozenset(skip["minor_title_words"]),
        max_subhead_words=int(skip["max_subhead_words"]),
        question_opening=re.compile(
            r"(?:(?:And|But|So|Or|Then|Yet),?\s+)?(?:"
            + "|".join(_variants([*grammar["question_words"], *grammar["auxiliaries"]], capitalised=True))
            + r")(?:n?['’]t)?\b"  # "Isn't", "Can’t"
        ),
        reader_pointer=re.compile(_phrase_pattern(skip["reader_pointer_words"])),
        reader_instruction=re.compile(
            r"(?:(?:So|And|But|Now|First|Then|Next|Finally|Instead|Just|Also|Simply|Please),?\s+)?"
            + _phrase_pattern(skip["reader_instruction_verbs"], capitalised=True)
            + r"(?!\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|should)\b)"
        ),
        determiners=frozenset(grammar["determiners"]),
        definite=frozenset(grammar["determiners"]) - frozenset(anonymity["indefinite_determiners"]),
        prepositions=frozenset(grammar["prepositions"]),
        relatives=frozenset(grammar["relative_pronouns"]),
        auxiliaries=frozenset(grammar["auxiliaries"]),
        irregular_past=frozenset(grammar["irregular_past_verbs"]),
        clause_stops=frozenset(grammar["clause_stops"]),
        clause_openers=frozenset(grammar["clause_openers"]),
        subordinators=tuple(grammar["subordinators"]),
        saying_verbs=frozenset(
            verb for verb in attribution["speech_verbs"] + attribution["complement_verbs"] if " " not in verb
        ),
        subordinate=re.compile(
            rf"(?i:{_phrase_pattern(grammar['subordinators'])})\s+(?:[\w'’.$%-]+\s+){{0,5}}$"
        ),
        leading_words=frozenset(grammar["leading_conjunctions"] + grammar["leading_adverbs"]),
        adverbs_before_verb=frozenset(grammar["adverbs_before_verb"]),
        name_joiners=frozenset(grammar["name_joiners"]),
        modifier_stops=frozenset(
            grammar["clause_stops"]
            + grammar["prepositions"]
            + grammar["determiners"]
            + grammar["adverbs_before_verb"]
            + attribution["speech_verbs"]
            + attribution["complement_verbs"]
        ),
    )


# --------------------------------------------------------------------------------------------
# Words and noun phrases

_WORD = re.compile(r"\w[\w'’.&-]*")
_ASIDE = re.compile(r"\([^()]{1,40}\)")  # "(R-Ky.)", "(AP)": left out of the words of a sentence
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_CONTRACTION = re.compile(r"(?:n['’]t|['’](?:m|re|ll|ve|d))$", re.IGNORECASE)  # "Don't", "I'm": no name
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+(?:-[\w.]+)?$")
_CLOSING_AFTER = ".,!?"  # a closing quotation mark right after these ends someone's words
_QUOTE_MARK = re.compile(r"[“”\"‘’«»„]")
_CUE_ORDER = attrgetter("start", "end")
_CLOSING_MARKS = "”\"’'»)]"  # may follow the full stop that ends a sentence
_TERMINAL_MARKS = ".!?…"
_WRITTEN_WORDS = re.compile(r"[A-Za-z][\w'’-]*")
# Six _WRITTEN_WORDS at most, without listing them (fullmatch)
_SIX_WORDS_AT_MOST = re.compile(r"[^A-Za-z]*(?:[A-Za-z][\w'’-]*+[^A-Za-z]*+){0,6}")
_ALPHANUMERIC = re.compile(r"[^\W_]")
_RULE_WIDTH = 80  # at most, in characters, a line of punctuation alone (a separator, a stray mark)

_SENTENCE_LIKE = re.compile(r"[.!?,;]$|[.!?;]\s")
_INVERTED_START = re.compile(r"\s+\w")
_APPOSITION_BEFORE = re.compile(
    r"[A-Z][\w.'’-]*,\s+(?:a|an|the)\s[^,]*$"
)  # "Lucas Paganini, a NASA scientist"
_EXCERPT_FROM = re.compile(r"From (?P<who>[A-Z][^:]{1,80}?)(?: (?:at|of|in|for) [A-Z][^:]{1,60})?:")
_HAS_DASH = re.compile(r"[—–]|\s-")  # cheaper to ask first than _DASH_ASIDE
_DASH_ASIDE = re.compile(
    r"(?<=\w)\s+(?P<dash>--|[—–-])\s[^—–;:]{3,150}?\s(?P=dash)\s*$"
)  # " – a former teacher – "
_SUBJECT_BOUNDARY = re.compile(r"[;:—–]|\s-\s|\((?![^()]*\))")  # a parenthesis counts only while open
_ACQUAINTANCES = re.compile(  # "people who know her say", "some who work at British newspapers say",
    # "those around Trump admit"
    r"(?i:\b(?P<group>(?:many\s+|some\s+|several\s+)?(?:those|people|others|friends|colleagues|associates)"
    r"|some|many|several))\s+(?:who\s+(?:have\s+|had\s+)?(?:know|knew|known|work|worked|serve|served)"
    r"(?:\s+(?:with|for|under|alongside|at|in))?|around|close\s+to)(?:\s+[\w'’-]+){1,4}\s*$"
)
_DIGIT = re.compile(r"\d")
_TAG_TAIL_WORDS = 4  # words after the verb of a speaker tag at most ("Rothman recalls thinking at the time.")
_SHORT_QUOTATION_WORDS = 10  # a quotation alone shorter than this is as often a pull quote or a title
_QUESTION_JOINED = re.compile(r"[:;]\s|,\s+(?:but|so|and|or)\s|\s[—–-]\s")  # a clause joined to the question
_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d\d\b")  # "8:05 PM", "T07:23:12"
_RAGGED_SHARE = 0.1  # of a page's lines not ending like sentences, from which its plain lines are less sure
_FIGURES_LINE = "line of figures with no full stop (an amount, a score, a result)"
_CURRENCY_SIGNS = "$£€¥"  # a line that opens with an amount is an entry of a list, not a subhead
_INTERVIEWED_BY_THE_WRITER = re.compile(  # "Several analysts we spoke to said": the writer's interviewees
    r"\s+(?:I|we)\s+(?:have\s+|had\s+)?(?:spoke|spoken|talked|interviewed|surveyed|contacted|consulted|polled)"
    r"(?:\s+(?:to|with))?\s*$"
)
_COMMA_SEGMENT = re.compile(r"[^,]+")
_PLACE_PART = re.compile(r"\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*")  # "Oregon", "Calif."
_ENDS_CAPITALISED = re.compile(r"\b[A-Z][\w.'’-]*\s*$")  # "... from Portland"
_CLAUSE_IN_TAG = re.compile(r"\b(?:that|what|whether)\b|:")
_NEGATED = re.compile(r"\b(?:not|never|n['’]t)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+([\w'’]+)")
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+ly\s+|also\s+|now\s+)?$", re.IGNORECASE)
_APPOSITION_END = re.compile(r"[,”\"]\s*,?[”\"]?$")  # the comma (or quote) that closes an apposition
_ADVERB = re.compile(r"[A-Z][a-z]+ly")
_COORDINATORS = frozenset({"and", "but", "so", "yet", "or"})  # may open a sentence before its subject
_TIME_WORD = re.compile(  # words of a time that may stand before the subject: "late last week", "In October"
    r"in|on|at|late|early|earlier|last|this|next|week|weekend|month|year|morning|afternoon|evening|night"
    r"|today|yesterday|\d+|(?:jan|febr)uary|march|april|may|june|july|august|september|october|november"
    r"|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
# "Smith and his team", "Blanco and others": the named person leads who speaks
_COMPANIONS = frozenset({"his", "her", "their", "colleagues", "co-authors", "others", "other"})
_THAT_SOON = re.compile(r"(?:\s+[^\s,.;:!?“”\"]+){0,5}?\s+that\b")  # "testified on Tuesday that"
_FORMER = frozenset({"former", "ex", "onetime", "one-time"})  # before a noun, a person who once was one
_PEOPLE_NOUNS = frozenset({"men", "women", "children", "people"})  # plural, though not in "-s"
# plural in meaning, though not in "-s": "Both men", "The couple revealed"
_PLURAL_IN_MEANING = _PEOPLE_NOUNS | {"couple", "pair", "duo", "trio"}
_DEMONYM = re.compile(r"(?:an|ian|ese|ish|i|crat)$")  # "Republican", "Syrian", "Democrat", "Iraqi"
_PEOPLE_PLURAL = re.compile(r"(?:ers|ors|ists|ians|ants|ents)$")  # "oceanographers", "donors", "residents"
_WORK_BEFORE = re.compile(  # a title in quotation marks may run long after the work it names
    r"\b(?i:book|novel|memoir|film|movie|documentary|album|song|show|series|play|poem|essay)s?\b\W{0,3}$"
)
_NO_ATTRIBUTION = "no attribution in the sentence"
_SAYING_FORMS = frozenset({"speech", "complement", "framing", "speechact"})
_NAMED_FURTHER_DOWN = 1500  # characters after a lede's "A California sheriff says" to look for his name
_LONGEST_COMMENTS_HEADING = 60  # longer lines are not read as a comments heading
_CITED_THING_DETERMINERS = frozenset({"the", "a", "an", "her", "his", "its", "their", "our", "this", "that"})
_PERSON_SINGULAR = re.compile(r"(?:er|or|ist|ian|ant|ent|man|woman|wife|ee)$")  # "jailer", "housewife"
_PARENTHETICAL_TAG = re.compile(r"\s+[^,;:.!?“”\"]{2,40},")  # " say oceanographers," + the sentence goes on
_AGENT_NEXT = re.compile(r"\s+by\s+(?=\S)")  # "was criticized by ..."
_SAID_BY_AN_AGENT = frozenset({"speechact", "framing", "complement"})  # forms whose passive names the speaker
_AGENT = re.compile(r"[”\"’]?,?\s+by\s+")  # 'described as "heartbreaking" by the department'
_GLOSS = re.compile(r"\s*,?\s*(?:or|meaning|i\.e\.)\s*", re.IGNORECASE)
_QUANTITY = re.compile(
    r"\s+(?:about|nearly|almost|roughly|some|more|over|another|at least|[$£€\d]"
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens|hundreds|thousands)\b)"
)
_POSSESSIVE_OBJECT = re.compile(r"\s+(?:his|her|their|its|our)\s")
_ACT_OBJECT = re.compile(  # "added a goal"; "added smaller landers to the contract": an act
    r"\s+(?:a|an)\s|(?:\s+(?!that\b)[\w'’-]+){1,5}\s+to\s+(?:the|his|her|its|their)\b"
)
_MEDIA_OBJECT = re.compile(  # "posted a picture", "wrote a biography of": making or sharing a work is an act
    r"\s+(?:(?:a|an|the|his|her|its|their|two|three|several|new|recent|first|second)\s+)*"
    r"(?:picture|photo|photograph|image|video|selfie|clip|snapshot|book|biography|novel|memoir|song|script"
    r"|screenplay|poem)s?\b"
)
_NOT_AFTER_VERB = frozenset({"by", "which"})  # words that follow a noun or a passive, not a verb of saying
_SINGULAR_VERB = re.compile(r"[^s]s$")  # "says", "forecasts": a verb in the third person singular
_TEASER_WORDS = 15  # a cut-off paragraph shorter than this may be a subhead or a list item
# "Con Edison officials", "agency officials", "the officials" (those named before)
_NAMED_BODY_GROUP = re.compile(
    r"(?:\b[A-Z][\w.&'’-]*\s+(?:[\w.&'’-]+\s+)?|\b(?:the|agency|company|department|ministry|city|county)\s+)"
    r"(?:officials|executives|staff|employees)\b"
)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|these|those)\s*$", re.IGNORECASE)
_INTRO_TAIL = 20  # characters after the verb of a line that introduces the next paragraph ("said of them,")
_CLOSING_TAG_WIDTH = 50  # characters after the verb of a closing tag (", says Maura McLaughlin.")
_PHRASE_REACH = 24  # characters after "based on" in which its source must begin
_SUBJECT_WIDTH = 90  # characters before a verb in which its subject is looked for
_FORM_RANK = {"speechact": 1, "framing": 1, "participle": 1, "belief": 2}  # weaker evidence sorts later
_FUTURE = re.compile(r"\b(?:will|shall)\s+(?:\w+ly\s+)?(?:also\s+)?$")  # "HP will explain more next week"
_MODAL = re.compile(r"\b(?:would|will|could|might|may|should|can)\s+(?:\w+ly\s+)?(?:also\s+)?$")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+|now\s+|also\s+)?$", re.IGNORECASE)
_DATE_SETTING = (  # "announced on Sept. 30 that": a date between a verb and what it reports
    r"(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
)
_TOLD_CLAUSE = re.compile(
    r"\s+(?:(?!about\b|of\b|to\b)[\w.'’-]+\s+){1,5}(?!about\b|of\b|to\b)[\w'’-]+\s+"
    r"(?:is|are|was|were|had|has|have|would|will|could|did|do|does|should|might|can|may)\b"
    # "told Ailes he wanted", "told WeWork executives he wants": a listener, then a clause
    r"|\s+(?:(?!about\b|of\b|to\b)[\w'’.-]+\s+){1,4}(?:he|she|they|it|we|I)\s+(?!to\b)[\w'’]"
)
_TOLD_TO = re.compile(  # "told WeWork executives to look for", "told the man to remove": an order, reported
    r"\s+(?:(?!about\b|of\b|to\b)[\w'’.-]+\s+){1,4}to\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b)[a-z]+\b"
)
# "told lawyers at Paul, Weiss that Ailes", "told a room full of employees that their"
_TOLD_AT_LENGTH = re.compile(
    r"\s+(?!about\b|of\b|to\b)(?:[\w.'’&-]+,?\s+){1,10}that\s+"
    r"(?:the|a|an|his|her|their|its|our|my|he|she|they|it|we|I|there|[A-Z][\w'’-]*)\b"
)
_NAMED_LISTENER_THAT = re.compile(r"\s+(?:[A-Z0-9][\w'’.&-]*\s+){1,3}that\b")  # "told ESPN that"
_SPEAKER_AFTER_QUOTE = re.compile(r"[,!?][”\"]\s+(?:[\w.'’-]+\s+){1,5}$")  # '“…,” Treasury Secretary Yellen '
# "which EMarketer says will": the relative clause has its own speaker
_SPEAKER_IN_RELATIVE = re.compile(
    r"\b(?:which|who|that)\s+(?:the\s+)?(?:[A-Za-z][\w.'’-]*\s+){0,2}[A-Za-z][\w.'’-]*\s*$"
)
_RELATIVE_OPEN = re.compile(r",\s*(?:which|who|whose)\b[^,;:]*$")  # ", which tracks outages based on ..."
_LIST_NUMBER = re.compile(r"\W*\d+[.)]\s*")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$")  # "p.m.", "U.S.": may end a sentence or not
_RELATIVE_AFTER_SUBJECT = re.compile(r",\s*(?:who|whose|which)\b")
_CLOSING_TAG = re.compile(
    r"(?:\s+[\w.'’&-]+){1,6}[.!?]?[”\"’]?\s*$"
)  # "..., an official told local station KTLA."
_BENCHMARK = re.compile(r"\b(?:than|as)\s+$", re.IGNORECASE)  # "than analysts expected"
_OBJECT = re.compile(  # "reported a loss", "reported seeing smoke", "reported gross revenues of"
    r"\s+(?:(?:a|an|the|its|his|her|their|this|these|that|new)\b|\$|\d|\w+ing\b"
    r"|(?:about|nearly|almost|more\s+than|over|up\s+to|some|at\s+least)\s+[\d$]"  # "reported at least 5,000"
    r"|(?:in|at)\s+[\w“\"]"  # "wrote in the paper", "announced at CES", "reported at 1:30 p.m."
    # a bare noun and what it is of: not a preposition, conjunction or auxiliary ("reported to police")
    r"|(?!(?:to|for|by|on|in|at|from|with|into|over|about|after|before|as|and|or|but|which|who|when"
    r"|is|was|were|are)\b)[a-z][\w-]*\s+(?:of|on|in|that)\b"
    r"|(?:[a-z][\w-]*\s+)?(?:plans?|details|figures|results)\b"  # "announced plans", "revealed lofty plans"
    # a clause with no "that": "announced it was going to", "announced Friday it will"
    r"|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?(?:he|she|it|they|we|I)\s+"
    r"(?:would|will|was|is|were|are|had|has|have|could|can|did|plans|planned|intends)\b)"
)
_PHRASE_END = re.compile(
    r"[,;:!?“”\"()—–]|(?<![A-Z])"
    + "".join(
        rf"(?<!\b{title})" for title in ("Dr", "Mr", "Ms", "Mrs", "Sen", "Rep", "Gov", "Gen", "Prof", "St")
    )
    + r"\.(?=\s|$)|\.$|\s(?:that|who|which|when|on\s+[A-Z][a-z]+day)\b"
)
_CAPITALISED_RUN = re.compile(  # two or more capitalised words: a name, perhaps
    r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|da|del|van|von|bin|al|la|le)\s+)?[A-Z][\w'’.-]*)+"
)
_READER_ADDRESS = re.compile(
    r"\b(?:you|your|we|our|us)\b|\bthis (?:story|article|report|piece|post|page)\b", re.IGNORECASE
)
_PUNCTUATION = re.compile(r"[^\w\s]")
_LABEL_PREFIX = re.compile(r"[A-Z][\w'’-]*(?: [A-Z&][\w'’-]*){0,3}: ")
_CAPITALS_FIRST = re.compile(r"[A-Z][A-Z'’-]{2,}\b(?! [A-Z]{2,}\b[^a-z]*$)")
# The speaker's own voice: "I", "we", "our" ("US" in capitals is the country, not "us"). Each word is
# checked to start a word after its first letter, "(?<!\w.)" for "\b" before it: so written, the
# search skips to those letters instead of trying every position.
_FIRST_PERSON = re.compile(
    "|".join(
        rf"{word[0]}(?<!\w.){word[1:]}\b"
        for word in (
            "I",
            "I['’](?:m|ve|d|ll)",
            "We",
            "we",
            "We['’](?:re|ve|d|ll)",
            "we['’](?:re|ve|d|ll)",
            "Ours?",
            "ours?",
            "us",
            "My",
            "my",
            "me",
        )
    )
)


class _Token:
    """A word: its text, offsets into the sentence, lower-case form without possessive, and case."""

    __slots__ = ("capitalised", "end", "norm", "start", "text")

    def __init__(self, text: str, start: int, end: int, norm: str, capitalised: bool) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.norm = norm
        self.capitalised = capitalised


def _tokens(text: str, start: int, end: int, rules: _Rules) -> list[_Token]:
    """Words of ``text[start:end]`` with offsets into ``text`` and a normalised lower-case form.

    Words inside a short aside in parentheses ("(R-Ky.)", "(AP)") are left out.
    """
    tokens = []
    abbreviations = rules.abbreviations
    asides = [m.span() for m in _ASIDE.finditer(text)] if "(" in text else []
    for match in _WORD.finditer(text, start, end):
        word, first = match.group(), match.start()
        if asides and _inside(asides, first):
            continue
        if word[-1] == "." and word not in abbreviations and not _INITIALS.match(word):
            word = word.rstrip(".")
        norm = word.lower()
        if "'" in norm or "’" in norm:
            norm = _POSSESSIVE.sub("", norm) or norm
        tokens.append(_Token(word, first, first + len(word), norm, word[0].isupper()))
    return tokens


def _word_touches(text: str, position: int, extra: str) -> bool:
    """True when ``text[position]`` is a word character (as regex ``\\w``) or one of ``extra``."""
    if not 0 <= position < len(text):
        return False
    char = text[position]
    return char.isalnum() or char == "_" or char in extra


def _window_start(text: str, start: int, end: int, width: int) -> int:
    """``start``, or a later word boundary leaving about ``width`` characters before ``end``."""
    if end - start <= width:
        return start
    space = text.find(" ", end - width)
    return space + 1 if 0 <= space < end else start


@dataclass(slots=True, init=False)
class _Guess:
    """Who a noun phrase names, before pronouns and "the paper" are resolved.

    ``kind`` is one of: named, anonymous, pronoun, outlet_anaphor, report_anaphor, document,
    spokesperson, institution, role.
    """

    kind: str
    text: str
    start: int  # offsets into the sentence text
    end: int
    certainty: float
    person: bool = False
    pronoun: str = ""
    document: bool = False  # the phrase names a document ("a court filing"), so "shows" can attribute

    def __init__(
        self,
        kind: str,
        text: str,
        start: int,
        end: int,
        certainty: float,
        person: bool = False,
        pronoun: str = "",
        document: bool = False,
    ) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.certainty = certainty
        self.person = person
        self.pronoun = pronoun
        self.document = document


def _name_runs(tokens: Sequence[_Token], rules: _Rules) -> list[tuple[int, int]]:
    """Index ranges [i, j) of runs of capitalised words that can be names."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            not token.capitalised
            or token.text in rules.not_name_words
            or token.norm in rules.pronouns
            or _CONTRACTION.search(token.text)
        ):
            i += 1
            continue
        j = i + 1
        while j < len(tokens):
            nxt = tokens[j]
            if nxt.capitalised and nxt.text not in {"The", "A", "An"}:
                j += 1
            elif nxt.norm in rules.name_joiners and j + 1 < len(tokens) and tokens[j + 1].capitalised:
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def _is_organisation(words: Sequence[_Token], rules: _Rules) -> bool:
    return any(
        t.text in rules.org_words or (len(t.text) > 1 and t.text.isupper()) or t.norm in rules.outlet_names
        for t in words
    )


def _core(tokens: Sequence[_Token], rules: _Rules) -> list[_Token]:
    """The head part of a noun phrase: its words up to a preposition, relative pronoun or participle.

    After a quantifier and "of" ("one of the officials") the words that follow are the head.
    """
    core: list[_Token] = []
    after_quantifier = False
    for token in tokens:
        lowered = token.text.lower()
        if core and lowered == "of" and core[-1].norm in rules.indefinite:
            after_quantifier = True
        elif (
            core
            and not after_quantifier
            and (
                lowered in rules.prepositions
                or lowered in rules.relatives
                or (
                    lowered.endswith(("ing", "ed"))
                    and not token.capitalised
                    and lowered not in rules.documents
                    and _is_noun(core[-1], rules)
                    and not core[-1].text.endswith(("'s", "’s", "'", "’"))
                )
            )
        ):
            break
        core.append(token)
    return core


def _is_noun(token: _Token, rules: _Rules) -> bool:
    """True for a word the lexicons know as a noun of people, bodies or documents, or a name."""
    norm = token.norm
    if norm in rules.determiners or token.text in rules.not_name_words:
        return False
    return (
        token.capitalised
        or norm in rules.group_nouns
        or norm in rules.unnamed_bodies
        or norm in rules.roles
        or norm in rules.documents
        or norm in rules.institution_heads
    )


def _classify(
    text: str,
    start: int,
    end: int,
    rules: _Rules,
    appositive: tuple[int, int] | None = None,
    tokens: list[_Token] | None = None,
) -> _Guess | None:
    """Say who the noun phrase ``text[start:end]`` names, or None when it names no one.

    ``appositive`` is an optional span that describes the same source ("Liu Pengyu, *the embassy
    spokesman*,"): it can supply a name or an anonymity marker. ``tokens`` are the words of the
    phrase when the caller has them already.
    """
    if tokens is None:
        tokens = _tokens(text, start, end, rules)
    while tokens and tokens[0].norm in rules.leading_words:
        tokens = tokens[1:]
    if not tokens:
        return None
    span_start, span_end = tokens[0].start, tokens[-1].end
    phrase = text[span_start:span_end]
    lowered = phrase.lower()
    extra = _tokens(text, *appositive, rules) if appositive else []
    if rules.anonymity_markers(text, start, end) or (
        appositive and rules.anonymity_markers(text, *appositive)
    ):
        return _Guess("anonymous", phrase, span_start, span_end, 0.95)
    core = _core(tokens, rules)
    core_norms = [t.norm for t in core]
    head = core[-1]
    determiner = core[0].norm
    if determiner == "no":
        return None  # "no group claimed responsibility": nobody is cited
    if len(core) == 1 and head.norm in rules.group_pronouns:  # "Those in favour of the ban have said"
        if _is_name(extra, rules):
            return _named(extra, rules)  # "Another, Pelco, announced": the apposition names it
        return _Guess("anonymous", phrase, span_start, span_end, 0.8)
    if not rules.spokesperson.isdisjoint(core_norms) or (
        not rules.spokesperson_starts.isdisjoint(core_norms)
        and any(_has_phrase(core_norms, noun) for noun in rules.spokesperson_phrases)
    ):
        return _spokesperson(tokens + extra, phrase, span_start, span_end, rules)
    if rules.report_anaphor.match(phrase):
        return _Guess("report_anaphor", phrase, span_start, span_end, 0.88, document=True)
    if rules.outlet_anaphor.match(phrase):
        return _Guess("outlet_anaphor", phrase, span_start, span_end, 0.9)
    group = next(
        (
            t
            for i, t in enumerate(core)
            if t.norm in rules.group_nouns
            and _heads_group(core, i, rules)
            and not (t.capitalised and i > 0 and core[i - 1].capitalised)  # "Break Media": a name
        ),
        None,
    )
    named_after = [*core, *extra]  # "an official, Jane Doe," names the official after all
    if group is not None and _leads_companions(core, rules):
        group = None  # "Lena Ortiz and her colleagues": the named person speaks for them
    if group is not None and not any(
        named_after[i].start > group.end and not _is_organisation(named_after[i:j], rules)
        for i, j in _name_runs(named_after, rules)
    ):
        affiliation = _expert_affiliation(tokens, group, rules) if group.norm in rules.expert_nouns else None
        if affiliation is not None:  # "NASA scientists", "researchers at the University of Oxford"
            return _named(affiliation, rules)
        group_end = group.start + len(group.text.rstrip("'’"))
        return _Guess(
            "anonymous",
            text[span_start:group_end],
            span_start,
            group_end,
            0.9 if group.norm not in {"reports", "media"} else 0.8,
        )
    if _is_name(extra, rules) and not _is_organisation(extra, rules):
        named = _named(extra, rules)
        if named.person and " " in named.text:
            return named  # "Another witness, Polly Sheppard, told …": the apposition names the source
    if determiner in rules.indefinite and any(t.norm in _FORMER for t in core):  # "a former model told me"
        return _Guess("anonymous", phrase, span_start, span_end, 0.8)
    is_document = head.norm in rules.documents
    outlet = _outlet_in(text, span_start, span_end, rules)
    if outlet:
        staff = _outlet_staff(tokens, outlet[1], rules)
        if staff is not None:
            return staff
        return _Guess("named", outlet[2], outlet[0], outlet[1], 0.95, document=is_document)
    if len(core) <= 2 and head.norm in rules.pronouns and determiner in rules.pronouns:
        return _Guess("pronoun", head.text, head.start, head.end, 0.8, pronoun=rules.pronouns[head.norm])
    if is_document:
        author = _document_author(text, tokens, len(core), rules)
        if author is not None and author.kind == "anonymous":
            return _Guess("anonymous", phrase, span_start, span_end, 0.75, document=True)
        if author is not None and author.kind == "named":
            return replace(author, document=True)
        if author is not None and author.kind == "institution":  # "estimates by the US government"
            return replace(author, kind="document", document=True)
        openers = (rules.documents, rules.earlier_work, rules.indefinite)
        unnamed = not any(  # a capital only because the sentence starts there: "Polls show"
            t.capitalised and (i > 0 or not any(t.norm in words for words in openers))
            for i, t in enumerate(core)
        )
        if unnamed and (
            (determiner in rules.indefinite and _plural(head.norm))  # "several studies", not "an analysis"
            or (determiner not in rules.determiners and head.norm in rules.unnamed_findings)  # "Polls show"
            or (  # "previous research has found"
                not rules.earlier_work.isdisjoint(t.norm for t in core)
                and (head.norm in rules.unnamed_findings or head.norm == "research")
            )
        ):
            return _Guess("anonymous", phrase, span_start, span_end, 0.75, document=True)
        return _Guess("document", phrase, span_start, span_end, 0.85, document=True)
    runs = _name_runs(tokens, rules)
    head_run: tuple[int, int] | None = next(((i, j) for i, j in runs if tokens[j - 1] is head), None)
    if (
        head_run is not None
        and head_run[1] - head_run[0] == 1
        and determiner in rules.indefinite - {"a", "an", "one"}
        and _PEOPLE_PLURAL.search(head.norm)
    ):  # "Many Tunisians", "some Democrats": people described, not named
        return _Guess("anonymous", phrase, span_start, span_end, 0.75)
    if (
        head_run is not None
        and head_run[1] - head_run[0] == 1
        and determiner in {"a", "an", "one", "another"}
        and _DEMONYM.search(head.norm)
    ):  # "One prominent Republican", "a Syrian": one person described, not named
        return _Guess("anonymous", phrase, span_start, span_end, 0.75)
    if head_run is not None:
        return _named(tokens[head_run[0] : head_run[1]], rules)
    definite = determiner in rules.definite or (
        core[0].capitalised and determiner not in rules.indefinite and determiner not in rules.determiners
    )
    plural_bodies = head.norm in rules.unnamed_bodies and head.norm.endswith("s") and not head.capitalised
    if plural_bodies and determiner not in rules.definite:  # "Advocacy groups": described, not named
        return _Guess("anonymous", phrase, span_start, span_end, 0.8)
    if (
        lowered in rules.institutions
        or head.norm in rules.bare_institutions
        or (definite and (head.norm in rules.unnamed_bodies or head.norm in rules.institution_heads))
    ):
        return _Guess("institution", phrase, span_start, span_end, 0.85)
    if head.norm in rules.roles and determiner in rules.indefinite:
        return _Guess("anonymous", phrase, span_start, span_end, 0.8)
    if head.norm in rules.roles and definite:
        after_head = [t for t in tokens if t.start > head.start]
        for words in (after_head, extra):  # "Secretary of State Antony Blinken"; "the mayor, Dana Price,"
            people = [
                run for run in _name_runs(words, rules) if not _is_organisation(words[run[0] : run[1]], rules)
            ]
            if people:
                return _named(words[people[-1][0] : people[-1][1]], rules)
        return _Guess("role", phrase, span_start, span_end, 0.8, person=True)
    if head.norm in rules.unnamed_bodies and determiner in rules.indefinite:
        return _Guess("anonymous", phrase, span_start, span_end, 0.85)
    one_person = not head.capitalised and bool(_PERSON_SINGULAR.search(head.norm))
    if len(core) <= 4 and determiner == "the" and one_person:  # "the Labour peer", "the researcher"
        return _Guess("role", phrase, span_start, span_end, 0.8, person=True)  # points back to a person
    counted = any(t.text[0].isdigit() for t in core)  # "an overwhelming 70 percent of Americans"
    if (
        runs
        and len(core) <= 4
        and determiner in {"a", "an"}
        and one_person
        and head_run is None
        and not counted
    ):
        return _Guess("anonymous", phrase, span_start, span_end, 0.6)  # "a NIST cryptographer", not named
    if runs:
        first, last = runs[-1]
        people_noun = bool(_PEOPLE_PLURAL.search(head.norm)) or head.norm in rules.group_nouns
        described = determiner in rules.indefinite or (  # the name right before the noun: "Israeli settlers"
            first == 0 and last == len(core) - 1 and determiner not in rules.determiners
        )
        if described and last <= len(core) - 1 and not head.capitalised and people_noun:
            # "two Clinton donors", "Israeli settlers": people described by a name, not named
            return _Guess("anonymous", phrase, span_start, span_end, 0.75)
        if determiner in rules.determiners and last <= len(core) - 1 and not head.capitalised:
            return None  # "these SMS messages": a name that only modifies a common noun
        return _named(tokens[first:last], rules)
    if len(core) == 1 and not head.capitalised and _PEOPLE_PLURAL.search(head.norm):  # "say oceanographers"
        return _Guess("anonymous", phrase, span_start, span_end, 0.6)
    if len(core) <= 3 and determiner in {"a", "an"} and one_person:  # "A housewife said", "a local jailer"
        return _Guess("anonymous", phrase, span_start, span_end, 0.6)
    plural = head.norm.endswith("s") or head.norm in _PLURAL_IN_MEANING or determiner in {"one", "another"}
    if 1 < len(core) <= 3 and determiner == "both" and plural:  # "Both airlines": the two named before
        return _Guess("role", phrase, span_start, span_end, 0.6)
    if 1 < len(core) <= 3 and determiner in rules.indefinite and plural:  # "many users", "one academic"
        of_people = bool(_PEOPLE_PLURAL.search(head.norm))  # "some senators"
        return _Guess("anonymous", phrase, span_start, span_end, 0.8 if of_people else 0.6)
    if 1 < len(core) <= 3 and determiner == "the" and plural:  # "the rebels"
        return _Guess("role", phrase, span_start, span_end, 0.6)
    if extra:  # "Her doctor, Jane Doe, said": the apposition names who speaks
        people = [
            run for run in _name_runs(extra, rules) if not _is_organisation(extra[run[0] : run[1]], rules)
        ]
        apposed = people[0] if people else None
        if apposed and apposed[1] - apposed[0] >= 2 and apposed[0] == 0:  # not ", welcomed by many Texans,"
            return _named(extra[: apposed[1]], rules)
    return None


def _outlet_staff(tokens: Sequence[_Token], outlet_end: int, rules: _Rules) -> _Guess | None:
    """The person an outlet's name introduces: "CNN meteorologist Chad Myers", "CNN’s Jake Tapper"."""
    after = [t for t in tokens if t.start >= outlet_end]
    lower = 0
    while lower < len(after) and not after[lower].capitalised:
        lower += 1
    name = after[lower:]
    if lower > 3 or len(name) < 2 or not all(t.capitalised for t in name) or _is_organisation(name, rules):
        return None
    return _named(name, rules)


def _leads_companions(core: Sequence[_Token], rules: _Rules) -> bool:
    """True for "Lena Ortiz and her colleagues", "Smith and colleagues": a name, "and", a companion."""
    runs = _name_runs(core, rules)
    if not runs or runs[0][0] != 0:
        return False
    after = runs[0][1]
    return after + 1 < len(core) and core[after].norm == "and" and core[after + 1].norm in _COMPANIONS


def _expert_affiliation(tokens: Sequence[_Token], group: _Token, rules: _Rules) -> list[_Token] | None:
    """The named body unnamed experts work for, which puts them on the record: its name just before
    them ("NASA scientists", "Harvard researchers") or after "at" or "from" ("researchers at the
    University of Oxford"), written like a body: an acronym or a word such as "University"."""
    at = tokens.index(group)
    for i, j in _name_runs(tokens, rules):
        run = list(tokens[i:j])
        bare = [t.text.removesuffix("'s").removesuffix("’s") for t in run]  # "NASA’s scientists"
        if not any(word in rules.org_words or (len(word) > 1 and word.isupper()) for word in bare):
            continue
        joined = all(t.norm in {"at", "from", "the"} for t in tokens[at + 1 : i])
        if j == at or (i > at + 1 and tokens[at + 1].norm in {"at", "from"} and joined):
            return run
    return None


def _heads_group(core: Sequence[_Token], index: int, rules: _Rules) -> bool:
    """False when the group noun only modifies a body or document: "the workers' union", "official
    figures" (but "the officials' report" is still theirs)."""
    head = core[-1]
    if index == len(core) - 1 or head.norm in rules.group_nouns:
        return True
    if head.norm in rules.unnamed_bodies or head.norm in rules.institution_heads:
        return False
    possessive = core[index].text.endswith(("'s", "’s", "'", "’"))
    return possessive or head.norm not in rules.documents


def _document_author(text: str, tokens: Sequence[_Token], core_length: int, rules: _Rules) -> _Guess | None:
    """Who wrote a document: "a report *by a coalition of groups*"."""
    if core_length >= len(tokens) or tokens[core_length].norm not in {"by", "from"}:
        return None
    rest = tokens[core_length + 1 :]
    if not rest or (rest[0].norm in {"the", "a", "an"} and len(rest) == 1):
        return None
    return _classify(text, rest[0].start, rest[-1].end, rules)


def _anaphor_pattern(anaphors: Iterable[str]) -> re.Pattern[str]:
    """Matches a phrase that starts with an anaphor ("the paper", "the Times report") and goes on in
    lower case: "the Daily Wire" is a name of its own, not "the daily" pointing back."""
    return re.compile(rf"(?i:{_phrase_pattern(anaphors)})(?:$|['’]|\s+(?![A-Z]))")


def _named(words: Sequence[_Token], rules: _Rules) -> _Guess:
    """A named person or body; titles ("Sen.", "UN Secretary-General") are left out of a person's name."""
    owner = max((i + 1 for i, w in enumerate(words[:-1]) if w.text.endswith(("’s", "'s"))), default=0)
    if owner and not _is_organisation(words[owner:], rules):
        words = words[owner:]  # "CNN’s Jake Tapper", "WSJ’s Theo Francis": the person, not the paper
    organisation = _is_organisation(words, rules)
    if not organisation:
        words = [w for w in words if w.text not in rules.abbreviations] or list(words)
        while len(words) > 2 and (
            words[0].text.isupper() or any(part in rules.roles for part in words[0].norm.split("-"))
        ):
            words = words[1:]
    name = " ".join(w.text for w in words)
    last = words[-1]
    end = last.start + len(last.text)
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            name, end = name[: -len(suffix)], end - len(suffix)
            break
    return _Guess("named", name, words[0].start, end, 0.93, person=not organisation)


def _spokesperson(tokens: Sequence[_Token], phrase: str, start: int, end: int, rules: _Rules) -> _Guess:
    """A spokesperson: the source is the person's name if given, else the body spoken for; those
    for bodies of a kind ("Spokespeople for utilities") are unnamed."""
    runs = [  # not "Spokespeople" alone, capitalised because it opens the sentence
        (first, last)
        for first, last in _name_runs(tokens, rules)
        if any(token.norm not in rules.spokesperson for token in tokens[first:last])
    ]
    spoken_for = any(token.norm == "for" for token in tokens)
    if not runs and spoken_for and tokens[-1].norm.endswith("s") and tokens[-1].text.islower():
        return _Guess("anonymous", phrase, start, end, 0.85)
    people = [run for run in runs if not _is_organisation(tokens[run[0] : run[1]], rules)]
    candidates = people or runs
    chosen = candidates[-1] if candidates else None
    if chosen is None:
        return _Guess("spokesperson", phrase, start, end, 0.85)
    named = _named(tokens[chosen[0] : chosen[1]], rules)
    return _Guess("spokesperson", named.text, named.start, named.end, 0.92, person=named.person)


def _has_phrase(norms: Sequence[str], phrase: str) -> bool:
    words = phrase.split()
    return any(list(norms[i : i + len(words)]) == words for i in range(len(norms) - len(words) + 1))


# --------------------------------------------------------------------------------------------
# Quotations


@dataclass(slots=True, init=False)
class _Quote:
    start: int  # offsets into the sentence text, marks included
    end: int
    words: int
    is_label: bool
    modifier: bool = False  # a label only because it modifies the noun after it ('a "tip-top" plan')
    spoken: bool = False  # words said, whatever their case: '"Sure," Matie says.', 'he replied, "No Way."'

    def __init__(
        self, start: int, end: int, words: int, is_label: bool, modifier: bool = False, spoken: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.words = words
        self.is_label = is_label
        self.modifier = modifier
        self.spoken = spoken


def _quote_spans(text: str, open_at_start: bool) -> tuple[list[tuple[int, int]], bool]:
    """Spans of quoted text and whether a quotation is still open at the end of the sentence."""
    spans: list[tuple[int, int]] = []
    double_open: int | None = 0 if open_at_start else None
    single_open: int | None = None
    for match in _QUOTE_MARK.finditer(text):
        mark, at = match.group(), match.start()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if mark in "“«„":
            if double_open is None:
                double_open = at
        elif mark in "”»":
            if double_open is not None:
                spans.append((double_open, at + 1))
                double_open = None
            elif not spans and before in _CLOSING_AFTER:  # its opening mark was lost: quoted from the start
                spans.append((0, at + 1))
        elif mark == '"':
            if (double_open is None and (before.isspace() or before in "([—–-")) or at == 0:
                double_open = at
            elif double_open is not None:
                spans.append((double_open, at + 1))
                double_open = None
            elif not spans and before in _CLOSING_AFTER and not after.isalnum():
                spans.append((0, at + 1))
        elif mark == "‘":
            if single_open is None and double_open is None and (before.isspace() or before in "([—–-"):
                single_open = at
        elif mark == "’" and single_open is not None and not after.isalpha():
            spans.append((single_open, at + 1))
            single_open = None
    if double_open is not None:
        spans.append((double_open, len(text)))
    return spans, double_open is not None


_STRAIGHT_SINGLE_OPENING = re.compile(r"'(?=[A-Z])[^\n]*?[\w.!?\]]',?\s+")  # "'The toes are dry', says"


def _straight_single_quotation(text: str, rules: _Rules) -> list[tuple[int, int]]:
    """The span of a quotation in straight single quotation marks that opens the sentence and is
    followed by its speaker tag ("'The gecko is over-designed', says Stark."); straight single marks
    are apostrophes too often to be read anywhere else."""
    opening = _STRAIGHT_SINGLE_OPENING.match(text)
    if opening is None:
        return []
    tag = text[opening.end() :].split()[:5]
    if not any(word.strip(".,").lower() in rules.saying_verbs for word in tag):
        return []
    return [(0, len(text[: opening.end()].rstrip().rstrip(",")))]


_SAYING_BEFORE_QUOTE = re.compile(r"\b([a-z]+)\s*[,:]\s*$")  # "she responded, " before a quotation


def _whole_sentence_end(text: str, quote_end: int) -> bool:
    """True when the quotation ends the sentence with its own full stop, question or exclamation mark."""
    return not text[quote_end:].strip() and text[:quote_end].rstrip(_CLOSING_MARKS)[-1:] in _TERMINAL_MARKS


def _is_title(words: Sequence[str], rules: _Rules) -> bool:
    """True for words in title case ("The Long Night"), as names and titles are written."""
    significant = [w for w in words if w.lower() not in rules.minor_title_words]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(significant) >= 0.8


def _classify_quotes(text: str, spans: Sequence[tuple[int, int]], rules: _Rules) -> list[_Quote]:
    """Tell quotations from names, titles and labels in quotation marks."""
    quotes: list[_Quote] = []
    for start, end in spans:
        inner = text[start:end].strip('“”"‘’«»„ ').rstrip(".,;:")
        words = _WRITTEN_WORDS.findall(inner)
        before = text[max(0, start - 40) : start]
        characterised = bool(rules.characterised_by.search(before))  # someone's word for it, not its name
        spoken = start == 0 and text[start:end].rstrip()[-2:-1] in ",!?"  # '"Sure," Matie says.'
        answered = _SAYING_BEFORE_QUOTE.search(before)  # 'she responded, “Roger Ailes.”': the words said
        spoken = spoken or bool(
            answered and answered.group(1) in rules.saying_verbs and _whole_sentence_end(text, end)
        )
        introduced = bool(rules.label_introducer.search(before)) and not characterised
        sentence_like = bool(_SENTENCE_LIKE.search(inner))
        longest = 16 if _WORK_BEFORE.search(before) else 8  # 'a new book, "Crossing the Line: The …"'
        title = len(words) <= longest and _is_title(words, rules) and not sentence_like and not spoken
        is_label = bool(words) and ((introduced and len(words) <= 6) or title)
        modifier = False
        if (
            not is_label
            and not characterised
            and not sentence_like
            and len(words) <= 5
            and _DETERMINER_BEFORE.search(before)
        ):
            is_label = modifier = _modifies_next_word(text, end, rules)  # 'the "tip of the iceberg" piece'
        if is_label and not introduced and _whole_sentence(text, _Quote(start, end, len(words), True)):
            is_label = text[start:end].strip('“”"‘’«»„ ')[-1:] not in _TERMINAL_MARKS  # '"Everything."'
        if not is_label and quotes and quotes[-1].is_label and _GLOSS.fullmatch(text, quotes[-1].end, start):
            is_label = True  # 'the nickname "mkono wa damu," or "the man with the bloody hand,"'
        quotes.append(_Quote(start, end, len(words), is_label or not words, modifier and is_label, spoken))
    return quotes


def _modifies_next_word(text: str, quote_end: int, rules: _Rules) -> bool:
    """True when the words in quotation marks modify the noun after them: 'a "tip of the iceberg"
    piece', '"smart" thermostats' (not '"misleading herself" about', '"workable".')."""
    after = _NEXT_WORD.match(text, quote_end)
    return bool(
        after
        and text[quote_end - 2 : quote_end - 1] not in _TERMINAL_MARKS + ","
        and after.group(1).islower()
        and not (len(after.group(1)) > 4 and after.group(1).endswith("ed"))  # 'a "modest step" driven by'
        and after.group(1) not in rules.prepositions
        and after.group(1) not in rules.clause_stops
    )


# --------------------------------------------------------------------------------------------
# Attributions in one sentence


@dataclass(slots=True, init=False)
class _Attribution:
    form: str  # speech, complement, speechact, framing, phrase, participle, document, nocomment, credit
    verb_start: int  # offsets into the sentence text
    verb_end: int
    guess: _Guess | None
    relative: bool = False  # inside "who has said ...": the writer's analysis, not an attribution

    def __init__(
        self, form: str, verb_start: int, verb_end: int, guess: _Guess | None, relative: bool = False
    ) -> None:
        self.form = form
        self.verb_start = verb_start
        self.verb_end = verb_end
        self.guess = guess
        self.relative = relative


def _inside(spans: Iterable[tuple[int, int] | tuple[int, int, str]], at: int) -> bool:
    """True when ``at`` falls in one of the (start, end, ...) spans."""
    return any(span[0] <= at < span[1] for span in spans)


def _find_attributions(
    text: str,
    quote_spans: Sequence[tuple[int, int]],
    rules: _Rules,
    quotations: Sequence[tuple[int, int]] | None = None,
) -> list[_Attribution]:
    """The attributions of a sentence; ``quotations`` are the quote spans that quote someone's words
    (not names or labels), which a framing verb ("called the plan "a disaster"") needs (default: all)."""
    found: list[_Attribution] = []
    framed = quote_spans if quotations is None else quotations
    hits = _lexicon_hits(text, rules)
    for verb_start, verb_end, form in hits.attribution:
        if form == "participle" and text[:verb_start].rstrip()[-1:] not in (",", "—", "–"):
            if not _PROGRESSIVE.search(text, max(0, verb_start - 16), verb_start):
                continue
            form = "speech"  # "researchers are warning of ...": the verb, in the progressive
        if form == "document" and not (
            rules.document_noun.search(hits.lowered, max(0, verb_start - _SUBJECT_WIDTH), verb_start)
            or rules.study_team_noun.search(hits.lowered, max(0, verb_start - _SUBJECT_WIDTH), verb_start)
            or rules.own_document.search(hits.lowered, verb_end)
        ):
            continue  # "shows", "found": only after a document, data set or study team, or "in its report"
        if _inside(quote_spans, verb_start) or _inside(hits.false_attribution, verb_start):
            continue
        if form == "framing" and not _frames(text, verb_start, verb_end, framed, rules):
            continue
        attribution = _read_attribution(text, form, verb_start, verb_end, quote_spans, rules)
        if attribution is not None:
            found.append(attribution)
    credit = _credit_in_parentheses(text, rules)
    if credit is not None:
        found.append(credit)
    return found


_PARENTHESES = re.compile(r"\((?P<credit>[^()]{2,40})\)")
_WEB_ADDRESS = re.compile(r"(?:www\.)?[\w-]+\.(?:com|org|net|gov|edu|co\.uk)")


def _credit_in_parentheses(text: str, rules: _Rules) -> _Attribution | None:
    """A source cited in parentheses: an outlet anywhere ("… ranked 17th (Forbes) among actors"),
    a web address at the end ("… makes $37 million (equilar.com)."); not "(AP)" opening the
    agency's own copy."""
    for match in _PARENTHESES.finditer(text):
        if match.start() == 0 or text[match.end() :].lstrip()[:1] in ("-", "—", "–"):
            continue  # "(AP) …", "JAKARTA (Reuters) - …": the agency's own copy
        start, end = match.span("credit")
        outlet = _outlet_in(text, start, end, rules)
        at_end = not text[match.end() :].strip(" .!")
        if outlet is not None and outlet[:2] == (start, end) and len(match["credit"]) > 3:
            return _Attribution("credit", start, end, _Guess("named", outlet[2], start, end, 0.85))
        if at_end and _WEB_ADDRESS.fullmatch(match["credit"]):
            return _Attribution("credit", start, end, _Guess("named", match["credit"], start, end, 0.8))
    return None


def _according_to_what(text: str, start: int, end: int, rules: _Rules) -> _Guess | None:
    """What "according to" cites when it is no one the lexicons know: a thing with a determiner
    ("her NASA biography", "the station's logs") is a document; "according to plan" cites nothing."""
    tokens = _tokens(text, start, end, rules)
    if not tokens or tokens[0].norm not in _CITED_THING_DETERMINERS or len(tokens) > 6:
        return None
    return _Guess(
        "document",
        text[tokens[0].start : tokens[-1].end],
        tokens[0].start,
        tokens[-1].end,
        0.7,
        document=True,
    )


def _read_attribution(
    text: str,
    form: str,
    verb_start: int,
    verb_end: int,
    quote_spans: Sequence[tuple[int, int]],
    rules: _Rules,
) -> _Attribution | None:
    """Check that a verb or phrase really attributes, and find who it attributes to."""
    if form == "phrase":
        if text[verb_start:verb_end].lower().startswith("per "):
            verb_end = verb_start + 3  # "per the agency": the source keeps its determiner
        end = _phrase_end(text, verb_end)
        relative = bool(_RELATIVE_OPEN.search(text, max(0, verb_start - _SUBJECT_WIDTH), verb_start))
        guess = _classify(text, verb_end, end, rules)
        if guess is None and text[verb_start:verb_end].lower() == "according to":
            guess = _according_to_what(text, verb_end, end, rules)
        if (
            guess is not None
            and guess.start - verb_end > _PHRASE_REACH
            and text[verb_start:verb_end].lower() == "based on"
        ):
            return None  # "a position based on new safeguards ... in Britain": Britain is no source
        return _Attribution(form, verb_start, verb_end, guess, relative)
    if form == "participle":
        return _Attribution(form, verb_start, verb_end, _main_subject(text, verb_start, rules))
    if form == "framing" and not _frames(text, verb_start, verb_end, quote_spans, rules):
        return None
    if form == "complement" and not (
        rules.complement.match(text, verb_end)
        or _TOLD_CLAUSE.match(text, verb_end)
        or (
            text[verb_start:verb_end].lower() in {"told", "tells", "tell"}
            and (_TOLD_TO.match(text, verb_end) or _TOLD_AT_LENGTH.match(text, verb_end))
        )
        or _SPEAKER_AFTER_QUOTE.search(text, 0, verb_start)  # '“…,” Yellen told the FT’s James Politi'
    ):
        return None
    if not text.endswith("ing", verb_start, verb_end) and _PASSIVE.search(
        text, max(0, verb_start - 24), verb_start
    ):
        # 'described as "heartbreaking" by the department': the agent's words
        if form in {"framing", "speechact"}:
            agent = _passive_agent(text, verb_end, quote_spans, rules)
            if agent is not None:
                return _Attribution(form, verb_start, verb_end, agent)
        by = _AGENT_NEXT.match(text, verb_end) if form in _SAID_BY_AN_AGENT else None
        if by is not None:  # "was criticized by the watchdog", "is accused by critics of": the agent's words
            agent = _classify(text, by.end(), _phrase_end(text, by.end()), rules)
            if agent is not None and agent.kind != "document":
                return _Attribution(form, verb_start, verb_end, agent)
        return None  # "was reported", but not "are warning"
    next_word = _NEXT_WORD.match(text, verb_end)
    following = next_word.group(1).lower() if next_word else ""
    if (following in rules.auxiliaries and not _SPEAKER_IN_RELATIVE.search(text, 0, verb_start)) or (
        following in _NOT_AFTER_VERB
    ):
        return None  # "the Treasury note has risen", "pledges which ...", "recalled by": not a verb of saying
    if following == "to" and (form == "belief" or text[verb_start:verb_end] in rules.action_before_to):
        return None  # "expects to release", "continued to fall": an intention or an act, not a claim
    if (form in {"document", "belief"} and _MODAL.search(text, max(0, verb_start - 24), verb_start)) or (
        _FUTURE.search(text, max(0, verb_start - 24), verb_start)
    ):
        return None  # "the bill would require", "visitors can expect": what would be, told by the writer
    if form == "object" and not (
        rules.complement.match(text, verb_end)
        or _OBJECT.match(text, verb_end)
        or _as_source(text, verb_start, verb_end)
        or (text[:verb_start].rstrip().endswith(",") and text[verb_end:].lstrip()[:1].isupper())
    ):  # the last: a speaker after the verb, ", reported Alexandra Olgin of ..."
        return None
    before = text[:verb_start].rstrip()
    after_quote = before.endswith(("”", '"', "’", ",”", ',"'))
    verb = text[verb_start:verb_end]
    if not after_quote and (  # not '"…," added his wife': there the speaker follows
        (verb in rules.action_before_quantity and _QUANTITY.match(text, verb_end))
        or (verb in rules.action_before_possessive and _POSSESSIVE_OBJECT.match(text, verb_end))
        or (verb in rules.action_before_article and _ACT_OBJECT.match(text, verb_end))
        or (verb in rules.action_before_media and _MEDIA_OBJECT.match(text, verb_end))
    ):
        return None  # "has added about 80 jobs", "added his seventh goal": an act, not words
    if not after_quote and verb.lower() in rules.needing_that and not _THAT_SOON.match(text, verb_end):
        return None  # "agreed a deal", "testified before the committee": an act, no claim is reported
    closing = (  # "..., says McLaughlin.": the speaker comes last
        form == "speech"
        and len(text) - verb_end <= _CLOSING_TAG_WIDTH
        and before.endswith((",", "—", "–"))
        and "," not in text[verb_end:]
    )
    parenthetical = (  # "The sea is shallow, say oceanographers, but ...": a tag inside the sentence
        form == "speech" and before.endswith(",") and _PARENTHETICAL_TAG.match(text, verb_end)
    )
    if after_quote or closing or parenthetical:
        inverted = _inverted_subject(text, verb_end, rules)
        if inverted is not None and (after_quote or parenthetical or _TAIL.match(text, inverted.end)):
            return _Attribution(form, verb_start, verb_end, inverted)
    conjoined = form in {"speech", "speechact", "complement"}  # "... and said", "... but urged"
    guess, relative = _subject_before(
        text, verb_start, quote_spans, rules, conjoined=conjoined, framing=form == "framing"
    )
    if (
        guess is not None
        and guess.start
        and _has_hint(
            _lexicon_hits(text, rules).lowered[max(0, guess.start - 60) : guess.start], rules.subordinators
        )
        and rules.subordinate.search(text, max(0, guess.start - 60), guess.start)
    ):
        relative = True  # "shares fell after the company said ...": the writer's claim mentions a statement
    if guess is None and not relative and before.endswith((",", "—", "–", ',"', ",”")):
        # "..., says Smith"; but in "The thaw, ..., worried Tasos Georgelis" he is the object
        guess = _inverted_subject(text, verb_end, rules) if form not in {"belief", "document"} else None
        first_comma = text.find(",")
        if (
            guess is None
            and 0 < first_comma < verb_start
            and (_RELATIVE_AFTER_SUBJECT.match(text, first_comma) or _APPOSITION_END.search(before))
        ):
            # "A former employee, who spoke on ..., said", 'Gilley, author of "The Case," argued'
            guess = _main_subject(text, first_comma, rules)
    if guess is not None and guess.kind == "named" and guess.start == 0 and _ADVERB.fullmatch(guess.text):
        return None  # "Eventually recalled by ...": an adverb that starts the sentence, not a name
    if (
        form == "document"
        and (guess is None or not guess.document)
        and not (guess is not None and guess.text.lower().rsplit(None, 1)[-1] in rules.study_teams)
    ):  # "the researchers found a flint tool": a finding, as a study's would be
        own = rules.own_document.search(_lexicon_hits(text, rules).lowered, verb_end)
        if guess is None or own is None or guess.kind not in {"named", "institution", "spokesperson"}:
            return None  # "the agency put the odds at one in five in its outlook": the agency's document
    if (
        form == "complement"
        and guess is not None
        and guess.kind == "anonymous"
        and not rules.press.match(text, verb_end)
        and not _outlet_in(text, verb_end, min(len(text), verb_end + 40), rules)
        and not _NAMED_LISTENER_THAT.match(text, verb_end)  # "A source told 247Sports that ..."
        and not (
            text[: min(guess.start, verb_start)].rstrip().endswith(",") and _CLOSING_TAG.match(text, verb_end)
        )
    ):
        return None  # "officials told China about ...": unnamed actors in the story, not sources of the press
    if form == "belief" and (
        guess is None
        or guess.kind not in {"named", "anonymous", "pronoun", "role", "institution", "spokesperson"}
        or guess.certainty < 0.8
        or _BENCHMARK.search(text, max(0, guess.start - 12), guess.start)
    ):
        return None  # "than analysts had expected": a yardstick the writer uses, not a source
    if (
        form == "belief"
        and guess is not None
        and guess.kind in {"named", "pronoun", "role"}
        and " ".join(text[verb_start:verb_end].lower().split()) in rules.narrated_belief
    ):
        return None  # "Page thought the role was superfluous": the writer tells what he once thought
    if guess is None and not relative:
        return None
    if (
        guess is not None
        and guess.kind == "anonymous"
        and form in {"speech", "speechact"}
        and _SINGULAR_VERB.search(text, verb_start, _first_word_end(text, verb_start, verb_end))
        and (
            guess.text.lower().endswith("s")
            or guess.text.lower().rsplit(None, 1)[-1] in _PEOPLE_NOUNS
            or guess.text.lower() in rules.group_pronouns - {"another"}
        )
    ):
        return None  # "Officials monitor weather forecasts", "Those estimates": no verb of a plural
    return _Attribution(form, verb_start, verb_end, guess, relative=relative)


def _verb(attribution: _Attribution, text: str) -> str:
    """The attribution's verb or phrase as the lexicons write it ("according to", in lower case)."""
    return " ".join(text[attribution.verb_start : attribution.verb_end].lower().split())


def _first_word_end(text: str, start: int, end: int) -> int:
    """Where the first word of ``text[start:end]`` ends ("voiced" in "voiced concerns")."""
    space = text.find(" ", start, end)
    return end if space < 0 else space


_AS_TAG_END = re.compile(r"(?:\s+(?:for|in|on|to)\s+[^,.;:]{1,40})?\s*,")


def _as_source(text: str, verb_start: int, verb_end: int) -> bool:
    """True for an opening "As Emily Feng reports for NPR, …": the clause names the main claim's source."""
    return text.startswith("As ") and "," not in text[:verb_start] and bool(_AS_TAG_END.match(text, verb_end))


def _whole_sentence(text: str, quote: _Quote) -> bool:
    """True when the quotation is the whole sentence: '"Not once."' is someone's words, not a label."""
    return quote.start <= len(text) - len(text.lstrip()) and len(text[quote.end :].strip(" .,!?")) == 0


def _attribution_span(attribution: _Attribution) -> tuple[int, int]:
    """Where an attribution's verb and its subject lie in the sentence."""
    guess = attribution.guess
    if guess is None:
        return attribution.verb_start, attribution.verb_end
    return min(attribution.verb_start, guess.start), max(attribution.verb_end, guess.end)


_TAIL = re.compile(r"[\s.!?”\"’')\]]*$")
_ADVERB_ASIDE = re.compile(r",\s*[\w-]+(?:\s+[\w-]+)?\s*,\s*")  # ", meanwhile,": only popped adverbs


def _framing_attribution(
    text: str,
    named: Sequence[tuple[_Attribution, _Mention | None]],
    anonymous: Sequence[tuple[_Attribution, _Mention | None]],
) -> tuple[_Attribution, _Mention | None] | None:
    """A named attribution that reports the anonymous ones: "The paper said officials told ...", or
    a tag that closes the sentence after them: "Witnesses told officers ..., the report says."."""
    if any(a.form in {"phrase", "participle"} for a, _ in anonymous):
        return None  # "..., citing Ukrainian officials", "according to officials quoted by X": theirs
    first_anonymous = min(_attribution_span(a)[0] for a, _ in anonymous)
    last_anonymous = max(_attribution_span(a)[1] for a, _ in anonymous)
    if text[:first_anonymous].rstrip().endswith(",") and _TAIL.match(text, last_anonymous):
        return None  # "Mugabe ... is insisting he stays, a source said.": the closing tag covers it all
    for attribution, mention in named:
        if attribution.form not in {"speech", "complement", "phrase", "object", "document"}:
            continue
        start, end = _attribution_span(attribution)
        if end <= first_anonymous and attribution.verb_end <= first_anonymous:
            return attribution, mention
        if start >= last_anonymous and text[:start].rstrip().endswith(",") and _TAIL.match(text, end):
            return attribution, mention
    return None


def _passive_agent(
    text: str, verb_end: int, quote_spans: Sequence[tuple[int, int]], rules: _Rules
) -> _Guess | None:
    """Who is named after "by" right after the quotation a passive verb frames."""
    quote_end = next((end for start, end in quote_spans if start >= verb_end), None)
    agent = _AGENT.match(text, quote_end) if quote_end is not None else None
    if agent is None:
        return None
    return _classify(text, agent.end(), _phrase_end(text, agent.end()), rules)


def _frames(
    text: str, verb_start: int, verb_end: int, quote_spans: Sequence[tuple[int, int]], rules: _Rules
) -> bool:
    """True when a framing verb frames someone's words: a quotation after its object ('called the
    plan "a disaster"'), or, for "describe", what it is described as ("described the video as
    satire"), which is the subject's characterisation even without quotation marks."""
    if _frames_quotation(text, verb_end, quote_spans):
        return True
    quote_at = next((start for start, _ in quote_spans if start >= verb_end), None)
    if quote_at is not None and rules.characterised_by.search(text, 0, quote_at):
        return True  # 'what Sheriff Hale called “three illegal ponds”': "what" is the object
    return text[verb_start:verb_end].lower() in _DESCRIBE and bool(_DESCRIBED_AS.match(text, verb_end))


_DESCRIBE = frozenset({"describe", "describes", "described"})
_DESCRIBED_AS = re.compile(r"[^.;:!?“”\"]{1,80}?\bas\b")


def _frames_quotation(text: str, verb_end: int, quote_spans: Sequence[tuple[int, int]]) -> bool:
    """True for "called the plan "a disaster"": an object, then a quotation, in the same clause."""
    quote_at = next((start for start, _ in quote_spans if start >= verb_end), None)
    if quote_at is None or quote_at - verb_end > 80:
        return False
    between = text[verb_end:quote_at]
    return bool(between.strip()) and "." not in between and ";" not in between


def _phrase_end(text: str, start: int) -> int:
    """End of the noun phrase after "according to": the next comma, semicolon or sentence end."""
    match = _PHRASE_END.search(text, start)
    return match.start() if match else len(text)


def _noun_phrase_like(text: str, start: int, end: int, rules: _Rules) -> bool:
    """True when ``text[start:end]`` reads as a short noun phrase rather than a clause."""
    tokens = _tokens(text, start, end, rules)
    while tokens and tokens[0].norm in _COORDINATORS:  # "But Trip Chowdhry, an analyst, said"
        tokens = tokens[1:]
    if not tokens or len(tokens) > 9 or tokens[0].norm in rules.clause_openers - {"the"}:
        return False
    return not any(
        t.norm in rules.auxiliaries
        or t.norm == "that"
        or (t.norm.endswith("ed") and not t.capitalised and t.norm not in rules.roles)
        for t in tokens
    )


def _inverted_subject(text: str, verb_end: int, rules: _Rules) -> _Guess | None:
    """The speaker after the verb: '"…," said Jane Doe.' or '…, said one official.'"""
    if not _INVERTED_START.match(text, verb_end):
        return None
    end = _phrase_end(text, verb_end)
    if not _noun_phrase_like(text, verb_end, end, rules):
        return None
    return _classify(text, verb_end, end, rules, appositive=(end, len(text)))


def _subject_before(
    text: str,
    verb_start: int,
    quote_spans: Sequence[tuple[int, int]],
    rules: _Rules,
    *,
    conjoined: bool = False,
    framing: bool = False,
) -> tuple[_Guess | None, bool]:
    """The subject of a verb, read backwards from it; True as well when the verb is in a relative clause.
    A framing verb's subject may follow "what" ("what police called a “pumping party”")."""
    aside = _DASH_ASIDE.search(text, 0, verb_start) if _HAS_DASH.search(text, 0, verb_start) else None
    if aside is not None:  # "The mayor – a former teacher – told": read as if the aside were not there
        # (what is found lies before the aside, where offsets into both texts agree)
        without = text[: aside.start()] + " " + text[verb_start:]
        spans = [span for span in quote_spans if span[1] <= aside.start()]
        return _subject_before(without, aside.start() + 1, spans, rules, conjoined=conjoined, framing=framing)
    clause_start = 0  # after the last quotation, dash or colon before the verb
    for _, quote_end in quote_spans:
        if clause_start < quote_end <= verb_start:
            clause_start = quote_end
    for boundary in _SUBJECT_BOUNDARY.finditer(text, clause_start, verb_start):
        clause_start = max(clause_start, boundary.end())
    left = max(clause_start, _window_start(text, 0, verb_start, _SUBJECT_WIDTH))
    acquaintances = _ACQUAINTANCES.search(text, left, verb_start)
    if acquaintances:
        start, end = acquaintances.start("group"), len(text[:verb_start].rstrip())
        return _Guess("anonymous", text[start:end], start, end, 0.85), False
    interviewed = _INTERVIEWED_BY_THE_WRITER.search(text, left, verb_start)
    if interviewed:  # people the writer spoke to are unnamed sources, whatever the noun
        guess, _ = _subject_before(text, interviewed.start(), quote_spans, rules)
        if guess is not None and guess.kind in {"anonymous", "role"}:
            return replace(guess, kind="anonymous", certainty=max(guess.certainty, 0.85)), False
        return guess, False  # "the police we talked to": still the police
    tokens = _tokens(text, left, verb_start, rules)
    while tokens and (tokens[-1].norm in rules.adverbs_before_verb or _adverb_after_subject(tokens, rules)):
        tokens.pop()
    if not tokens:
        return None, False
    aside = _ADVERB_ASIDE.fullmatch(text, tokens[-1].end, verb_start)  # "Clark, meanwhile, told"
    if tokens[-1].norm in {"that", "which"} and len(tokens) > 1 and tokens[-2].norm in rules.documents:
        # "published a blog post that said …", "a ruling which says …": the document is the source
        first = len(tokens) - 2
        while first > 0 and len(tokens) - 2 - first < 3 and tokens[first - 1].norm not in rules.prepositions:
            first -= 1
            if tokens[first].norm in rules.determiners:
                break
        return _classify(text, tokens[first].start, tokens[-2].end, rules), False
    who = next((i for i in range(len(tokens) - 2, max(0, len(tokens) - 9), -1) if tokens[i].norm == "who"), 0)
    verb = _WORD_RUN.match(text, verb_start)
    if (
        who
        and verb is not None
        and verb.group().lower() in rules.plain_verbs  # not "an original estimate"
        and "," not in text[tokens[who].end : verb_start]
        and not _APPOSITION_BEFORE.search(text, 0, tokens[who].start)  # not "X, a scientist who led it said"
    ):
        rest = tokens[who + 1 :]
        if _clause_of_its_own(rest, rules) and _classify(text, rest[0].start, rest[-1].end, rules) is None:
            # "people who attended the meeting said": the clause describes the speakers
            return _subject_before(text, tokens[who].start, quote_spans, rules)
    if tokens[-1].norm in {"who", "which"}:
        return None, True
    if (
        conjoined and tokens[-1].norm in {"and", "but"} and len(tokens) > 1
    ):  # "X welcomed it but urged caution"
        return _main_subject(text, tokens[-1].start, rules), False
    if "," in text[tokens[-1].end : verb_start] and aside is None:
        # read from the start of the clause: a long apposition may begin before the window
        return _appositive_subject(text, clause_start, tokens[-1].end, rules), False
    last = tokens[-1]
    if last.norm in rules.group_pronouns and (
        len(tokens) == 1 or tokens[-2].norm in {"and", "but"} or "," in text[tokens[-2].end : last.start]
    ):
        return _Guess("anonymous", last.text, last.start, last.end, 0.85), False  # "Some said ..."
    if (
        last.norm in rules.prepositions
        or last.norm in rules.determiners
        or last.text[0].isdigit()
        or last.text.endswith(("'s", "’s", "'", "’"))
    ):
        return None, False  # "in 18 states", "the company's claim": the word is a noun here, not a verb
    walk_start = len(tokens)
    for index in range(len(tokens) - 1, max(-1, len(tokens) - 11), -1):
        token = tokens[index]
        if index + 1 < len(tokens) and "," in text[token.end : tokens[index + 1].start]:
            break
        if token.norm in {"who", "which"} or (framing and token.norm == "what"):
            if index + 1 < len(tokens):  # "which EMarketer says will": the clause's subject follows
                rest = tokens[index + 1 :]
                guess = _classify(text, rest[0].start, rest[-1].end, rules, tokens=rest)
                if guess is not None:
                    return guess, False
            return None, True
        next_word = tokens[index + 1] if index + 1 < len(tokens) else None
        joins_names = (  # "Smith and Jones", "Bank of England", "Parata and his family"
            token.norm in {"and", "&", "of"}
            and index > 0
            and tokens[index - 1].capitalised
            and next_word is not None
            and (next_word.capitalised or (token.norm == "and" and next_word.norm in _COMPANIONS))
        ) or (  # "one of the managers"
            token.norm == "of" and index > 0 and tokens[index - 1].norm in rules.indefinite
        )
        if (token.norm in rules.clause_stops and not joins_names) or (
            token.norm in rules.saying_verbs and index < len(tokens) - 1  # "the ransom note warns": a noun
        ):
            break
        walk_start = index
    if walk_start >= len(tokens):
        return None, False
    phrase = tokens[walk_start:]
    guess = _classify(text, phrase[0].start, phrase[-1].end, rules, tokens=phrase)
    if guess is None and walk_start >= 2 and tokens[walk_start - 1].norm in {"and", "or"}:
        return _coordinated_subject(text, tokens[: walk_start - 1], phrase[-1].end, rules), False
    if guess is None:  # "late last week the company", "In October he": a time before the subject
        for index in range(1, len(phrase)):
            if not _TIME_WORD.fullmatch(phrase[index - 1].norm):
                break
            if phrase[index].norm in rules.determiners or phrase[index].norm in rules.pronouns:
                rest = phrase[index:]
                return _classify(text, rest[0].start, rest[-1].end, rules, tokens=rest), False
    return guess, False


def _clause_of_its_own(tokens: Sequence[_Token], rules: _Rules) -> bool:
    """True when the words after "who" open a clause with its own verb ("who spoke with her",
    "who asked not to be named"), so that the verb after them is the main clause's."""
    first = tokens[0].norm
    return (
        first in rules.auxiliaries
        or first in rules.irregular_past
        or (first.endswith("ed") and not tokens[0].capitalised)
    )


def _coordinated_subject(text: str, before: Sequence[_Token], end: int, rules: _Rules) -> _Guess | None:
    """The subject "Black voters, campaign organizers and veteran volunteers" when its last member
    names no one the lexicons know: a member before "and" that describes unnamed people, in a list
    that starts the clause."""
    members: list[list[_Token]] = [[]]
    for token in before:
        if members[-1] and "," in text[members[-1][-1].end : token.start]:
            members.append([])
        members[-1].append(token)
    if any(len(member) > 4 or any(t.norm in rules.clause_stops for t in member) for member in members):
        return None  # a clause before the list, not a list of who speaks
    for member in reversed(members):
        guess = _classify(text, member[0].start, member[-1].end, rules, tokens=member)
        if guess is not None and guess.kind == "anonymous":
            start = before[0].start
            return replace(guess, text=text[start:end], start=start, end=end)
    return None


def _plural(noun: str) -> bool:
    """True when a noun reads as a regular plural ("studies", "polls"), not a singular in "-s"
    ("analysis", "census", "address")."""
    return noun.endswith("s") and not noun.endswith(("ss", "sis", "us"))


def _singular(plural: str) -> str:
    """The singular of a regular plural noun ("companies" -> "company", "firms" -> "firm"); other
    words come back unchanged."""
    if plural.endswith("ies"):
        return plural[:-3] + "y"
    return plural[:-1] if plural.endswith("s") and not plural.endswith("ss") else plural


def _adverb_after_subject(tokens: Sequence[_Token], rules: _Rules) -> bool:
    """True when the last word is an adverb in "-ly" between the subject or an auxiliary and the
    verb ("Gaga has continually insisted", "Ailes vehemently denied"), not a noun ("the family")."""
    last = tokens[-1]
    if len(tokens) < 2 or last.capitalised or len(last.norm) < 5 or not last.norm.endswith("ly"):
        return False
    before = tokens[-2]
    return before.norm in rules.auxiliaries or (before.capitalised and before.norm not in rules.determiners)


def _appositive_subject(text: str, left: int, end: int, rules: _Rules) -> _Guess | None:
    """Subject of "X, the spokesman, said" or "X, who …, said"; None when the comma ends a clause.

    A place written with its state or country ("a nurse from Portland, Oregon,") is one segment."""
    segments = [m.span() for m in _COMMA_SEGMENT.finditer(text, left, end)]
    while (
        len(segments) >= 3
        and _PLACE_PART.fullmatch(text, *segments[-1])
        and _ENDS_CAPITALISED.search(text, *segments[-2])
        and _noun_phrase_like(text, *segments[-3], rules)  # "Dana Price", not "In March"
    ):
        segments[-2:] = [(segments[-2][0], segments[-1][1])]
    while (
        len(segments) >= 3
        and _starts_relative_clause(text, *segments[-1], rules)
        and _first_word(text, *segments[-2]) in {"a", "an", "the"}
        and _is_name(_tokens(text, *segments[-3], rules), rules)
    ):  # "X, a commissioner on the Commission, which has …, said": the clause describes the apposition
        segments.pop()
    if len(segments) < 2 or not _noun_phrase_like(text, *segments[-2], rules):
        return None
    last = segments[-1]
    named = _tokens(text, *last, rules) if text[last[0] : last[1]].lstrip()[:1].isupper() else []
    if len(named) > 1 and _is_name(named, rules) and not _is_name(_tokens(text, *segments[-2], rules), rules):
        # "The mayor of the city, Ana Lin, said": the name comes after what she is (not "in Lima, Peru,")
        return _classify(text, *segments[-1], rules, appositive=segments[-2])
    return _classify(text, *segments[-2], rules, appositive=segments[-1])


def _is_name(tokens: Sequence[_Token], rules: _Rules) -> bool:
    """True when the words are one name and nothing else ("Jane Doe", "Alverson")."""
    return bool(tokens) and _name_runs(tokens, rules) == [(0, len(tokens))]


def _starts_relative_clause(text: str, start: int, end: int, rules: _Rules) -> bool:
    """True when the comma segment opens with "which", "who", "whose" …: it describes, never names."""
    return _first_word(text, start, end) in rules.relatives - {"that"}


def _first_word(text: str, start: int, end: int) -> str:
    """The first word of ``text[start:end]``, in lower case ("" when there is none)."""
    first = _WORD_RUN.search(text, start, end)
    return first.group().lower() if first else ""


def _speaker_before_colon(text: str, quote_start: int, rules: _Rules) -> _Guess | None:
    """The name that introduces a quotation with a colon and no verb: 'WSJ’s Theo Francis: “…”',
    'AP: “…”' (the name must end at the colon)."""
    before = text[:quote_start].rstrip()
    if not before.endswith(":"):
        return None
    start = max(before.rfind(mark) for mark in ("—", "–", ". ", ";")) + 1
    tokens = _tokens(text, start, len(before) - 1, rules)
    runs = _name_runs(tokens, rules) if 0 < len(tokens) <= 8 else []
    if not runs or runs[-1][1] != len(tokens):
        return None
    words = tokens[runs[-1][0] :]
    outlet = _outlet_in(text, words[0].start, words[-1].end, rules)
    if outlet is not None:
        return _Guess("named", outlet[2], outlet[0], outlet[1], 0.9)
    return _named(words, rules)


def _starts_with_name(text: str, rules: _Rules) -> bool:
    """True when the main clause's subject starts with a capitalised word ("NASA", "The Press
    Council"): a cheap test, read like ``_main_subject`` reads it."""
    for part in _COMMA_SEGMENT.finditer(text):
        words = _WORD_RUN.findall(text, part.start(), min(part.end(), part.start() + 40))
        if not words or words[0].lower() in rules.clause_openers:
            continue
        first = words[0]
        if first.lower() in rules.determiners:
            return len(words) > 1 and words[1][:1].isupper()
        return first[:1].isupper() and first.lower() not in rules.pronouns
    return False


def _main_subject(text: str, before: int, rules: _Rules) -> _Guess | None:
    """Subject of the main clause, for ", saying ...": the first noun phrase after any opener."""
    for part in _COMMA_SEGMENT.finditer(text, 0, before):
        tokens = _tokens(text, part.start(), part.end(), rules)
        if not tokens or tokens[0].norm in rules.clause_openers:
            continue
        if part.end() < before and _ADVERB.fullmatch(tokens[0].text):
            continue  # "Shortly before 1 a.m. Wednesday, Romney ...": an opener
        phrase: list[_Token] = []
        for token in tokens:
            nouny = (
                token.norm in rules.group_nouns or token.norm in rules.roles or token.norm in rules.documents
            )
            if phrase and (
                token.norm in rules.clause_stops
                or token.norm in rules.adverbs_before_verb
                or token.norm in rules.prepositions
                or (not token.capitalised and token.norm.endswith("ed"))
                or token.norm in rules.auxiliaries
                or token.norm in rules.irregular_past
                or (
                    not token.capitalised
                    and not nouny
                    and (
                        (phrase[-1].capitalised and phrase[-1].norm not in rules.determiners)
                        or phrase[-1].norm in rules.group_nouns
                    )
                )
            ):
                break
            phrase.append(token)
        return _classify(text, phrase[0].start, phrase[-1].end, rules, tokens=phrase)
    return None


# --------------------------------------------------------------------------------------------
# What is not a claim


@dataclass(slots=True)
class _SkipHit:
    confidence: float
    reason: str
    span: tuple[int, int] | None  # sentence-local span of the cue words
    author: tuple[int, int] | None = None  # who wrote the embedded post this line signs
    kind: str | None = None  # the skip lexicon's kind of line ("credit", "reference"), if it matched one


_INTRODUCER_WORDS = 4  # at most, in a line ending with a colon that introduces what follows
_LINK_LIST_INTRODUCERS = frozenset({"promo line", "notice line"})  # their lists are links, not claims


def _ends_sentence(text: str) -> bool:
    """True when the text ends with a full stop, question or exclamation mark (before any closing quote)."""
    return text.rstrip().rstrip(_CLOSING_MARKS)[-1:] in _TERMINAL_MARKS


def _open_ended(text: str) -> bool:
    """True for a line that ends neither like a sentence nor with a colon: a subhead, a list item, a
    teaser cut off mid-sentence."""
    return not _ends_sentence(text) and not text.rstrip().endswith(":")


def _shifted(span: tuple[int, int] | None, by: int) -> tuple[int, int] | None:
    return (span[0] + by, span[1] + by) if span else None


def _line_pattern_hit(text: str, rules: _Rules) -> _SkipHit | None:
    """Bylines, credits, promos and notices: lines the skip lexicon's patterns recognise, also as
    a footnote after an asterisk ("*This article appears in the May 2 issue …")."""
    if text[:1] in "*†‡":
        body = text.lstrip("*†‡ ")
        hit = _line_pattern_hit(body, rules) if body else None
        if hit is None:
            return None
        shift = len(text) - len(body)
        return replace(hit, span=_shifted(hit.span, shift), author=_shifted(hit.author, shift))
    match = rules.anchored_skip_lines.match(text)
    kind = rules.skip_kinds[match.lastgroup] if match and match.lastgroup else None
    if kind is None:
        lowered = _lexicon_hits(text, rules).lowered
        present = {hint for hint in rules.floating_hints if hint in lowered}
        for hints, floating_kind, pattern in rules.floating_skip_lines if present else ():
            if not present.isdisjoint(hints) and (match := pattern.search(text)):
                kind = floating_kind
                break
    if match and kind:
        words = len(_WRITTEN_WORDS.findall(text))
        if kind == "credit" and words > 12:
            return _SkipHit(0.7, "photo credit in a caption", match.span())
        if kind != "byline" or words <= 14 or not text.startswith(("By", "BY")):  # "By Tuesday, ..." is none
            author = (
                match.span("author") if match.re.groupindex.get("author") and match.group("author") else None
            )
            # a post's signature ("— Jane Doe (@jdoe) May 2, 2024") is a credit to some reviewers and
            # the post's speaker tag (quoted) to others: skipped, but not in bulk
            confidence = 0.85 if kind == "post_signature" else 0.97
            return _SkipHit(confidence, f"{kind.replace('_', ' ')} line", match.span(), author, kind)
    return None


def _skip_hit(
    text: str,
    article: str,
    rules: _Rules,
    *,
    alone_on_line: bool,
    alone_in_paragraph: bool,
    between_sentences: bool,
    in_list: str,
    numbered: bool,
    has_quotation: bool,
    attributed: bool,
) -> _SkipHit | None:
    """Subheads, pull quotes and questions to the reader (line patterns are tried first, apart).

    ``between_sentences``: the lines before and after end like sentences, so a line with no full
    stop between them is a subhead rather than an item of a list of such lines. ``in_list``: "list"
    when the line is one of a run of three or more such lines (a list of links, a menu, a table), and
    "table" when those lines have commas ("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL"):
    rows that some reviewers skip and others read as claims. ``numbered``: the lines before and after
    are list numbers on their own ("1.", "2."), so this line is an item of a numbered list (a ranking,
    say), not the subhead of a numbered section."""
    stripped = text.rstrip()
    if len(stripped) <= _RULE_WIDTH and not _ALPHANUMERIC.search(text):  # "’", "***", "-----------"
        return _SkipHit(0.9, "stray punctuation, no words", None)
    if _LIST_NUMBER.fullmatch(stripped):  # "2." split off the line it numbers: no claim of its own
        return _SkipHit(0.85, "list number on its own", None)
    # a line ending with a comma ("• locate the records,") is an item of a list, and one that quotes
    # someone with a verb of saying ('Ortiz said: "I felt lost"') is a sentence: neither is a subhead
    quoting = has_quotation and attributed
    if alone_on_line and _open_ended(text) and stripped[-1:] not in ",;" and not quoting:
        words = _WRITTEN_WORDS.findall(text)
        if len(words) <= rules.max_subhead_words:
            if in_list == "table":
                return _SkipHit(0.6, "row of a list or table (lines with commas, no full stop)", None)
            if in_list and _CLOCK_TIME.search(stripped):  # "Monday, 11.05.2012 / 8:05 PM / News"
                return _SkipHit(0.85, "time stamp in a list of lines", None)
            if in_list and ":" in stripped:  # "Age: 46", "Position: chief executive": a fact sheet
                return _SkipHit(0.7, "labelled line in a list ('Age: 46')", None)
            # "Palm Bay d. Rockledge 70-44", "$7,500 to Stand For Children": claims to some reviewers
            figures = _DIGIT.search(stripped) is not None
            if in_list and figures:
                return _SkipHit(0.7, _FIGURES_LINE, None)
            if _is_title(words, rules) and stripped[:1] not in _CURRENCY_SIGNS:  # not "$7,500 to Food Share"
                if numbered:
                    return _SkipHit(0.85, "item of a numbered list, its number on the line before", None)
                if in_list:
                    return _SkipHit(0.9, "line in title case in a list of such lines", None)
                return _SkipHit(0.93, "subhead in title case (no full stop)", None)
            if figures:
                return _SkipHit(0.7, _FIGURES_LINE, None)
            if between_sentences:
                return _SkipHit(0.9, "subhead or label line between sentences (no full stop)", None)
            if in_list:
                return _SkipHit(0.8, "line in a list of lines with no full stop", None)
            return _SkipHit(0.82, "subhead, label or list line (no full stop)", None)
    if alone_in_paragraph and stripped[:1] in '“"‘' and stripped[-1:] in '”"’' and has_quotation:
        inner = stripped.strip('“”"‘’ .,')
        if len(inner) > 20 and article.count(inner[:40]) >= 2:
            return _SkipHit(0.85, "pull quote repeating a quotation from the article", None)
    if stripped.endswith("?") and not has_quotation:
        if rules.question_opening.match(stripped):
            return _SkipHit(0.85, "question to the reader", None)
        if _QUESTION_JOINED.search(stripped):  # "Trump's worldview changed: is it malleable?"
            return _SkipHit(0.6, "a statement, then a question after a colon, a dash or 'but'", None)
        return _SkipHit(0.75, "a statement ending in a question mark", None)  # "The model? Not so fast?"
    if (
        stripped.endswith(":")
        and not has_quotation
        and not attributed
        and len(_WRITTEN_WORDS.findall(text)) <= _INTRODUCER_WORDS
    ):  # "For example:", "Among the responses:": it points to what follows and claims nothing
        return _SkipHit(0.8, "short line introducing what follows (ends with a colon)", None)
    if not has_quotation and not attributed and rules.reader_instruction.match(stripped):
        if rules.reader_pointer.search(stripped):  # "Read more here.", "Follow us on Twitter."
            return _SkipHit(0.8, "pointer to more of the page ('Read more here')", None)
        return _SkipHit(0.6, "instruction to the reader", None)
    return None


def _has_hint(lowered: str, hints: tuple[str, ...]) -> bool:
    """True when ``lowered`` contains one of ``hints``."""
    return any(hint in lowered for hint in hints)


def _headline_source(text: str, rules: _Rules) -> tuple[str, tuple[int, int]] | None:
    """The outlet a headline is credited to, as in "NY Times: ..."."""
    match = re.match(r"([^:]{2,40}):\s+\S", text)
    if not match or match.group(1) in rules.headline_labels:
        return None
    prefix = match.group(1).strip()
    outlet = next(iter(rules.phrases.scan(prefix, _lower_case(prefix))["outlet"]), None)
    if outlet is None or outlet[:2] != (0, len(prefix)):
        return None
    return outlet[2], match.span(1)


# --------------------------------------------------------------------------------------------
# Reading the article


@dataclass(slots=True, init=False)
class _Mention:
    """A source met earlier in the article, for pronouns and "the paper" to point back to."""

    text: str
    span: tuple[int, int] | None
    anonymous: bool
    kind: str  # person, group, body, outlet, document

    def __init__(self, text: str, span: tuple[int, int] | None, anonymous: bool, kind: str) -> None:
        self.text = text
        self.span = span
        self.anonymous = anonymous
        self.kind = kind


@dataclass(slots=True)
class _Memory:
    """The sources met so far, the latest of each kind."""

    person: _Mention | None = None
    person_index: int = -1  # the sentence that named it; names in later sentences are read on demand
    group: _Mention | None = None
    group_index: int = -10
    group_sentence: Sentence | None = None  # names unnamed people; read only if "they" needs them
    body: _Mention | None = None
    outlet: _Mention | None = None
    document: _Mention | None = None
    full_names: dict[str, str] = field(default_factory=dict)  # "Putin" -> "Vladimir Putin"

    def remember(self, mention: _Mention, index: int) -> None:
        if mention.kind == "person":
            self.person, self.person_index = mention, index
        elif mention.kind == "group":
            self.group, self.group_index = mention, index
        elif mention.kind == "outlet":
            self.outlet = self.body = mention
        elif mention.kind == "document":
            self.document = mention
        else:
            self.body = mention


@dataclass(slots=True, init=False)
class _Draft:
    """A suggestion being built; later sentences may still fill in the source of a quotation."""

    label: str
    confidence: float
    reason: str
    cues: list[Cue]
    source: _Mention | None = None

    def __init__(
        self, label: str, confidence: float, reason: str, cues: list[Cue], source: _Mention | None = None
    ) -> None:
        self.label = label
        self.confidence = confidence
        self.reason = reason
        self.cues = cues
        self.source = source

    def freeze(
        self,
        index: int,
        calibration: Calibration,
        readings: dict[tuple[str, str, float], tuple[float, float]],
        model: ConfidenceModel | None = None,
        evidence: Evidence | None = None,
    ) -> Suggestion:
        """The suggestion; ``readings`` holds the confidences, calibrated and the rule's, rounded, of
        the readings (label, reason, rule's confidence) met so far: each is worked out once. With a
        ``model``, the reading's calibrated confidence is blended with its estimate for ``evidence``."""
        rule_confidence = min(max(self.confidence, 0.0), 1.0)
        reading = (self.label, self.reason, rule_confidence)
        confidences = readings.get(reading) if rule_confidence else None  # 0.0 and -0.0: one key
        if confidences is None:
            calibrated = calibration.confidence(self.label, self.reason, rule_confidence)
            confidences = readings[reading] = (round(calibrated, 3), round(rule_confidence, 3))
        return Suggestion(
            index=index,
            label=self.label,
            confidence=(
                confidences[0]
                if model is None or evidence is None
                else round(model.confidence(confidences[0], evidence), 3)
            ),
            cues=tuple(sorted(self.cues, key=_CUE_ORDER)),
            source=self.source.text if self.source else None,
            source_span=self.source.span if self.source else None,
            reason=self.reason,
            rule_confidence=confidences[1],
        )


@lru_cache(maxsize=256)
def _resumption_pattern(nouns: frozenset[str], rules: _Rules) -> re.Pattern[str]:
    """The outlet and report anaphors, and "the <noun>" for the documents an introduction names."""
    phrases = [*rules.report_anaphors, *rules.outlet_anaphors, *(f"the {noun}" for noun in sorted(nouns))]
    return re.compile(_phrase_pattern(phrases), re.IGNORECASE)


@dataclass(slots=True, init=False)
class _Reading:
    """What one sentence says by itself, before its neighbours are taken into account."""

    quotes: list[_Quote]  # every pair of quotation marks
    real_quotes: list[_Quote]  # those that quote someone's words
    attributions: list[_Attribution]  # including those inside a relative clause
    live: list[_Attribution]  # the attributions that attribute this sentence's claim
    mentions: list[_Mention | None]  # the source of each live attribution, resolved
    speaker: _Mention | None  # the first source that speaks (not a document)
    cues: list[Cue]
    anonymity_cues: list[Cue]
    weak_anonymity_cues: list[Cue]  # "reportedly"
    opened_inside: bool  # the sentence starts inside a quotation opened before
    block_state: tuple[_Block, int] | None  # the block quotation it belongs to, and the distance

    def __init__(
        self,
        quotes: list[_Quote],
        real_quotes: list[_Quote],
        attributions: list[_Attribution],
        live: list[_Attribution],
        mentions: list[_Mention | None],
        speaker: _Mention | None,
        cues: list[Cue],
        anonymity_cues: list[Cue],
        weak_anonymity_cues: list[Cue],
        opened_inside: bool,
        block_state: tuple[_Block, int] | None,
    ) -> None:
        self.quotes = quotes
        self.real_quotes = real_quotes
        self.attributions = attributions
        self.live = live
        self.mentions = mentions
        self.speaker = speaker
        self.cues = cues
        self.anonymity_cues = anonymity_cues
        self.weak_anonymity_cues = weak_anonymity_cues
        self.opened_inside = opened_inside
        self.block_state = block_state


@dataclass(slots=True)
class _Block:
    """A block quotation introduced by "X continued:", or a passage introduced as what a document
    holds ("Here is the bureau's calendar:"); it covers the following paragraphs."""

    source: _Mention | None
    intro_paragraph: int
    resumption: re.Pattern[str]  # words by which the writer, speaking again, refers to the source
    quoted_opening: bool = False
    list_run: bool = False  # its paragraphs so far are list items ("He also said:" + bullet lines)
    reported: bool = False  # the document's content in the writer's words, not a quotation
    indented: bool = False  # its first paragraph is indented: the first one that is not ends it
    set_off: bool = False  # opened by indenting alone, after a sentence that cites the source
    one_paragraph: bool = False  # introduced by a speaker's line with no colon ("As Lewis said,")


def suggest_text(text: str, *, lexicon_dir: Path | None = None) -> list[Suggestion]:
    """Segment ``text`` and suggest a tag for every sentence."""
    return suggest_article(text, segment(text), lexicon_dir=lexicon_dir)


def suggest_article(
    text: str, sentences: Sequence[Sentence], *, lexicon_dir: Path | None = None
) -> list[Suggestion]:
    """Suggest a tag for each sentence of the article ``text`` (one per sentence, same order).

    ``lexicon_dir`` holds a newsroom's additions to the packaged lexicons (see ``load_lexicons``)
    and, if it has them, its own calibration and confidence model (see ``factcheck.calibration``
    and ``factcheck.confidence``).
    """
    extra_dir = str(lexicon_dir) if lexicon_dir else None
    rules, calibration, model = _rules(extra_dir), load_calibration(extra_dir), load_model(extra_dir)
    # The reader finds neighbours by index: number the sentences by position if a caller did not.
    numbered = [s if s.index == i else replace(s, index=i) for i, s in enumerate(sentences)]
    has_title = bool(sentences) and sentences[0].index == 0  # the article's first line is its headline
    drafts = _ArticleReader(text, numbered, rules, has_title).read()
    readings: dict[tuple[str, str, float], tuple[float, float]] = {}
    evidence: Sequence[Evidence | None] = (
        [None] * len(drafts)
        if model is None
        else evidence_of([s.text for s in sentences], [(draft.label, draft.reason) for draft in drafts])
    )
    return [
        draft.freeze(s.index, calibration, readings, model, its)
        for draft, s, its in zip(drafts, sentences, evidence, strict=True)
    ]


_SPEAKER_LABEL = re.compile(  # "AD She was all in." / "Winfrey: I did it." / "Q: Why now?"
    r"(?P<initials>[A-Z]{2,3})\s+(?=[A-Z(“\"‘])(?![A-Z][\w'’.-]*:)"  # not "JON SIEBEN:", a name in capitals
    r"|(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}):\s+(?=\S)"
)
_INTERVIEW_TURN = re.compile(r"(?P<turn>[QA])[:.]\s+(?=\S)")


@dataclass(frozen=True, slots=True)
class _Turn:
    """A turn of an interview transcript: who speaks, and where the speaker label is."""

    question: bool  # the interviewer's turn ("Q:")
    speaker: _Mention | None  # None when the label names nobody ("A:")
    label: tuple[int, int]  # offsets into the article text


def _transcript_turns(text: str, paragraphs: dict[int, list[Sentence]], rules: _Rules) -> dict[int, _Turn]:
    """Sentences of an interview printed as a transcript, by index: lines that open with a speaker
    label ("AD …", "Winfrey: …", "Q: …", "A: …"), and the lines after one in its paragraph up to
    the next label, when two or more lines have labels. Each answer is its speaker's words.
    Initials and surnames count when they stand for a full name the article prints; a first name
    alone ("Joe: …") when the article also uses it in a sentence (see ``_label_speaker``)."""
    opened: dict[int, tuple[_Turn, str, bool]] = {}  # sentence index -> its turn, label, initials?
    for sentences in paragraphs.values():
        for sentence in sentences:
            if sentence.start > 0 and text[sentence.start - 1] != "\n":
                continue  # a speaker label opens a line
            turn = _INTERVIEW_TURN.match(sentence.text)
            if turn is not None:
                label = (sentence.start, sentence.start + turn.end("turn"))
                opened[sentence.index] = (_Turn(turn["turn"] == "Q", None, label), turn["turn"], False)
                continue
            match = _SPEAKER_LABEL.match(sentence.text)
            if match is not None:
                label_text = match["initials"] or match["name"]
                label = (sentence.start, sentence.start + len(label_text))
                opened[sentence.index] = (_Turn(False, None, label), label_text, bool(match["initials"]))
    labels = Counter(label for _, label, _ in opened.values())
    initials_of = {  # only for labels on two lines or more: one that occurs once may be an acronym
        label: initials
        for _, label, initials in opened.values()
        if label not in ("Q", "A") and labels[label] >= 2
    }  # each label is read once, as its last line writes it
    speakers = {
        label: _label_speaker(text, label, initials=initials, rules=rules)
        for label, initials in initials_of.items()
    }
    kept = {
        index: replace(turn, speaker=speakers.get(label))
        for index, (turn, label, _) in opened.items()
        if labels[label] >= 2 and (label in ("Q", "A") or speakers[label] is not None)
    }
    if len(kept) < 2:
        return {}
    opening_of: dict[int, int] = {}  # sentence index -> the labelled line its turn opens with
    asks: set[int] = set()  # sentences that end with a question mark, in some turn
    last_labelled = max(
        sentence.paragraph
        for sentences in paragraphs.values()
        for sentence in sentences
        if sentence.index in opened
    )
    opening = None
    for number in sorted(paragraphs):  # an answer goes on over the paragraphs up to the next label
        if number > last_labelled or any(s.text.rstrip().endswith("?") for s in paragraphs[number]):
            opening = None  # after the last label, only the rest of its paragraph; a question is no answer
        for sentence in paragraphs[number]:
            if sentence.index in opened:
                opening = sentence.index
            if opening is not None:
                opening_of[sentence.index] = opening
                if sentence.text.rstrip().endswith("?"):
                    asks.add(sentence.index)
    # the interviewers: speakers whose turns ask questions, when another speaker's never do
    asking = {opened[opening_of[index]][1] for index in asks} - {"Q", "A"}
    if asking >= {label for _, label, _ in opened.values()} - {"Q", "A"}:
        asking = set()
    turns: dict[int, _Turn] = {}
    for index, opening in opening_of.items():
        speaking = kept.get(opening)  # None: a line labelled by no speaker
        if speaking is None:
            continue
        if opened[opening][1] not in asking:
            turns[index] = speaking
        elif index in asks:  # the interviewer asks; the rest of the turn is the writer's
            turns[index] = replace(speaking, question=True)
    return turns


def _label_speaker(text: str, label: str, *, initials: bool, rules: _Rules) -> _Mention | None:
    """Who a speaker label names: the full name it stands for, or a first name alone ("Joe: …")
    written inside a sentence too, as a name is ("That's Joe.", "my name is Benjamin"), and never
    in lower case, as a word that labels lines may be ("Note: …" beside "a note"). A word the
    article writes after "the" ("Thunder: …" beside "the Thunder") names a team or a body, not a
    speaker."""
    if not initials and re.search(rf"\bthe {re.escape(label)}\b", text):
        return None
    full = _full_name_for_label(text, label, initials=initials, rules=rules)
    title, _, surname = label.partition(" ")
    if full is None and surname and " " not in surname and _title_before_surname(title, rules):
        full = _full_name_for_label(text, surname, initials=False, rules=rules)  # "Ms Ruiz": "Ana Ruiz"
    if full is not None:
        return _Mention(full.group(), full.span(), False, "person")
    if initials or " " in label or label in rules.not_name_words or label in rules.headline_labels:
        return None
    if re.search(rf"\b{re.escape(label.lower())}\b", text):
        return None
    used = re.search(rf"(?<=[a-z,] ){re.escape(label)}\b(?!:)", text)
    return _Mention(label, used.span(), False, "person") if used else None


def _title_before_surname(word: str, rules: _Rules) -> bool:
    """True for a title that stands before a surname: "Mrs", "Dr.", "Lord", "Captain", "Oceanographer"."""
    abbreviated = word.rstrip(".") + "." in rules.abbreviations
    return abbreviated or word in rules.honorifics or word.lower() in rules.roles


def _full_name_for_label(text: str, label: str, *, initials: bool, rules: _Rules) -> re.Match[str] | None:
    """Where the article prints the full name a speaker label stands for: "AD" or "DuVernay" for
    "Ava DuVernay". A label of two or more words is a full name if printed outside the labels too;
    a label in capitals ("JON SIEBEN") stands for the name as the article prints it ("Jon Sieben")."""
    words = label.split()
    if words[0] in rules.not_name_words or {label, words[-1]} & rules.headline_labels:
        return None
    shouted = not initials and label.isupper()  # "JON SIEBEN: …" stands for "Jon Sieben"
    flags = re.IGNORECASE if shouted else 0
    if initials:
        pattern = r"\s+".join(rf"{letter}[\w'’-]*[a-z][\w'’-]*" for letter in label)
        needle = None
    elif len(words) == 1:  # not "That's Joe": a word with 's is no first name
        pattern = rf"[A-Z][\w'’-]+(?<!['’]s)(?: [A-Z][\w'’.-]+(?<!['’]s))*? {re.escape(label)}"
        needle = f" {re.escape(label)}"
    else:
        pattern = rf"{re.escape(label)}(?!:)"
        needle = re.escape(label)
    first_line = 0
    if needle is not None:  # a name holds its label and no line break: look from the label's first line on
        first = re.search(needle, text, flags)
        if first is None:
            return None
        first_line = text.rfind("\n", 0, first.start()) + 1
    for found in re.compile(rf"\b{pattern}\b", flags).finditer(text, first_line):
        if shouted and found.group().isupper():
            continue  # another label, or a heading in capitals
        tokens = _tokens(text, found.start(), found.end(), rules)
        if _name_runs(tokens, rules) == [(0, len(tokens))] and not _is_organisation(tokens, rules):
            return found
    return None


_SIGNATURE = re.compile(r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}),\s[^.!?:;]{2,150}")  # name, role
_SIGNED_PARAGRAPHS = 6  # the most paragraphs above a signature taken as its signer's words


def _in_first_person(passage: Sequence[int], paragraphs: dict[int, list[Sentence]]) -> bool:
    """True when the paragraphs of a passage say "I", "we" or "our" somewhere: someone's own words."""
    return bool(passage) and any(_FIRST_PERSON.search(s.text) for p in passage for s in paragraphs[p])


def _signed_passages(paragraphs: dict[int, list[Sentence]], rules: _Rules) -> dict[int, _Mention]:
    """First-person paragraphs signed below by their author ("I take the train ..." then "Donna
    Abood, managing director, Avison Young"), when the article has two or more such signatures: a
    roundtable of answers, each its signer's words."""
    order = sorted(paragraphs)
    signed: dict[int, _Mention] = {}
    signatures = 0
    for position, number in enumerate(order):
        line = paragraphs[number]
        match = _SIGNATURE.fullmatch(line[0].text.rstrip()) if len(line) == 1 and position > 1 else None
        if match is None:
            continue
        tokens = _tokens(line[0].text, 0, match.end("name"), rules)
        if (
            _name_runs(tokens, rules) != [(0, len(tokens))]
            or _is_organisation(tokens, rules)
            or _lexicon_hits(line[0].text, rules).attribution  # "Tom Hale, the mayor, said"
        ):
            continue
        start = line[0].start
        signer = _Mention(match["name"], (start, start + match.end("name")), False, "person")
        passage = []
        for earlier in reversed(order[max(1, position - _SIGNED_PARAGRAPHS) : position]):
            sentences = paragraphs[earlier]
            if earlier in signed or not any(_ALPHANUMERIC.search(s.text) for s in sentences):
                break  # the answer before, or a separator line ("=====")
            if sentences[-1].text.rstrip().endswith("?"):
                break  # the question asked of everyone
            passage.append(earlier)
        if _in_first_person(passage, paragraphs):
            signatures += 1
            signed.update(dict.fromkeys(passage, signer))
    return signed if signatures >= 2 else {}


_SALUTATION = re.compile(r"(?:My\s+)?(?:Dear|DEAR|dear)\s+[^,:;!?\n]{1,40}[,:]")  # "DEAR ABBY:"
_DASHED_SIGN_OFF = re.compile(r"(?:--|—|–)\s*(?P<name>[A-Z][^\n]{1,60}?)\s*")  # "-- CONCERNED SISTER"
_CLOSINGS = frozenset(
    {"sincerely", "yours", "yours truly", "yours sincerely", "sincerely yours", "respectfully", "regards"}
    | {"best regards", "kind regards", "love", "with love", "yours faithfully", "faithfully", "cordially"}
)
_LONGEST_LETTER = 80  # sentences from a salutation to its sign-off


@dataclass(frozen=True, slots=True)
class _Letters:
    """Letters printed in full: who wrote each sentence of them, and their signature lines."""

    writers: dict[int, _Mention] = field(default_factory=dict)  # sentence index -> the signer
    signatures: frozenset[int] = frozenset()


def _letters(sentences: Sequence[Sentence]) -> _Letters:
    """Letters from a salutation that opens a paragraph ("My dear Mrs. Hogan:", "DEAR ABBY: My husband
    …") to a sign-off ("-- CONCERNED SISTER", or "Sincerely," over a name): the sentences between
    are the signer's words. A salutation with no sign-off below it (the columnist's reply, a reader's
    comment) is no letter."""
    writers: dict[int, _Mention] = {}
    signatures: set[int] = set()
    for sentence in sentences:
        opening = sentence.index == 0 or sentences[sentence.index - 1].paragraph != sentence.paragraph
        salutation = _SALUTATION.match(sentence.text) if opening else None
        if salutation is None or sentence.index in writers:
            continue
        for end in range(sentence.index + 1, min(len(sentences), sentence.index + _LONGEST_LETTER)):
            line = sentences[end]
            if _SALUTATION.match(line.text):
                break  # another letter, or a reply, before any sign-off
            dashed = _DASHED_SIGN_OFF.fullmatch(line.text)
            closing = line.text.strip().rstrip(",").lower() in _CLOSINGS and end + 1 < len(sentences)
            if dashed is None and not closing:
                continue
            name_line = line if dashed else sentences[end + 1]
            name_start = dashed.start("name") if dashed else 0
            name = dashed["name"] if dashed else name_line.text.strip()
            if len(name.split()) > 6:
                break
            start = name_line.start + name_start
            signer = _Mention(name, (start, start + len(name)), False, "person")
            first = sentence.index if sentence.text[salutation.end() :].strip() else sentence.index + 1
            writers.update(dict.fromkeys(range(first, end), signer))
            signatures.update({end} if dashed else {end, end + 1})
            break
    return _Letters(writers, frozenset(signatures))


def _headed_passages(
    paragraphs: dict[int, list[Sentence]], rules: _Rules
) -> tuple[dict[int, _Mention], set[int]]:
    """First-person paragraphs under their author's name and title ("Eric Lascelles" over "Chief
    economist, RBC Global Asset Management – Toronto"), when the article has two or more such
    headings: a panel of contributors, each passage its author's words. Also the title lines."""
    order = sorted(paragraphs)
    headed: dict[int, _Mention] = {}
    titles: set[int] = set()
    headings = 0
    for position, number in enumerate(order[:-2]):
        name_line, title_line = paragraphs[number], paragraphs[order[position + 1]]
        if position < 2 or len(name_line) != 1 or len(title_line) != 1:
            continue
        name, title = name_line[0].text.strip(), title_line[0].text.strip()
        tokens = _tokens(name, 0, len(name), rules)
        if not (
            2 <= len(tokens) <= 4
            and _name_runs(tokens, rules) == [(0, len(tokens))]
            and not _is_organisation(tokens, rules)
            and _open_ended(title)
            and "," in title
            and any(word.lower() in rules.roles for word in _WRITTEN_WORDS.findall(title.split(",")[0]))
        ):
            continue
        passage = []
        for following in order[position + 2 : position + 2 + _SIGNED_PARAGRAPHS]:
            sentences = paragraphs[following]
            if len(sentences) == 1 and _open_ended(sentences[0].text):
                break  # the next heading, or a subhead
            passage.append(following)
        if _in_first_person(passage, paragraphs):
            headings += 1
            start = name_line[0].start
            author = _Mention(name, (start, start + len(name)), False, "person")
            headed.update(dict.fromkeys(passage, author))
            titles.add(order[position + 1])
    return (headed, titles) if headings >= 2 else ({}, set())


_BRACKETED_CREDIT = re.compile(r"\[(?P<name>[A-Z][\w'’&.! -]{1,40})\]")  # "[Engadget]" below an excerpt


def _credited_excerpts(paragraphs: dict[int, list[Sentence]], rules: _Rules) -> dict[int, _Mention]:
    """Paragraphs credited below with a name in brackets ("[Engadget]", "[PC World]"), as a roundup
    of reviews prints its excerpts, when the article has two or more such credits: each excerpt,
    back to the subhead, question or introduction above it, is the credited source's words; the
    credit line too, as a speaker tag split off its quotation."""
    order = sorted(paragraphs)
    credited: dict[int, _Mention] = {}
    credits = 0
    for position, number in enumerate(order):
        line = paragraphs[number]
        alone = len(line) == 1 and position > 1
        match = _BRACKETED_CREDIT.fullmatch(line[0].text.rstrip()) if alone else None
        if match is None or not _is_title(_WRITTEN_WORDS.findall(match["name"]), rules):
            continue
        start = line[0].start + match.start("name")
        source = _Mention(match["name"], (start, start + len(match["name"])), False, "outlet")
        passage = []
        for earlier in reversed(order[max(1, position - _SIGNED_PARAGRAPHS) : position]):
            sentences = paragraphs[earlier]
            last = sentences[-1].text.rstrip()
            subhead = len(sentences) == 1 and _open_ended(last)
            if earlier in credited or subhead or last.endswith(("?", ":")):
                break  # the excerpt before, a subhead, a question or the introduction ("… reviews say:")
            passage.append(earlier)
        if passage:
            credits += 1
            credited.update(dict.fromkeys([*passage, number], source))
    return credited if credits >= 2 else {}


def _speech(paragraphs: dict[int, list[Sentence]], rules: _Rules) -> tuple[int | None, dict[int, _Mention]]:
    """A speech printed under its header ("Remarks of Vice President Joe Biden"): the header's
    sentence index, and each paragraph after it with the speaker (the name, or "the President")."""
    for number in sorted(paragraphs):
        for sentence in paragraphs[number]:
            line = sentence.text.strip()
            match = next(filter(None, (header.match(line) for header in rules.speech_headers)), None)
            if (
                match is not None and "author" in match.re.groupindex
            ):  # 'From “Superminds” by Thomas W. Malone'
                span = (sentence.start + match.start("author"), sentence.start + match.end("author"))
                author = _Mention(match["author"], span, False, "person")
                return sentence.index, {later: author for later in paragraphs if later > number}
            if match is None or match.group("speaker") is None:
                continue
            start = match.start("speaker")
            tokens = _tokens(sentence.text, start, match.end("speaker"), rules)
            names = [  # a full name, or a surname after a title ("President Obama"), not "the Interview"
                named
                for i, j in _name_runs(tokens, rules)
                if (named := _named(tokens[i:j], rules)).person
                and (" " in named.text or (i > 0 and tokens[i - 1].norm in rules.roles))
            ]
            person = names[0] if names else None
            if person is not None:
                span = (sentence.start + person.start, sentence.start + person.end)
                speaker = _Mention(person.text, span, False, "person")
            elif tokens and tokens[-1].norm in rules.roles:  # "Remarks by the President"
                span = (sentence.start + start, sentence.start + match.end("speaker"))
                speaker = _Mention(match.group("speaker"), span, False, "person")
            else:
                continue  # "Transcript of the Interview": no speaker named
            return sentence.index, {later: speaker for later in paragraphs if later > number}
    return None, {}


_FIELD_LABEL = re.compile(r"\s*(?:\w+\s+){0,2}\w+:\s*")  # "Release Date:": a label with nothing after it
_QUESTION_ANSWER_PAIRS = 3  # paragraphs opening with a question line answered below it, at least
_QUESTION_SENTENCES = 3  # a question paragraph has at most this many sentences


def _question_answer_lines(text: str, paragraphs: dict[int, list[Sentence]]) -> dict[int, bool]:
    """An interview printed as paragraphs of a question line with its answer on the lines below
    ("Is TV a better medium?" / "TV lends itself a bit more to comic books. …"), when at least three
    paragraphs open with a question so answered: the sentences of the run of such paragraphs, by
    index, True for the interviewer's first line and False for the answer."""
    pairs: dict[int, dict[int, bool]] = {}
    asked = []
    for number, sentences in paragraphs.items():
        answer = next((i for i, s in enumerate(sentences) if i > 0 and text[s.start - 1] == "\n"), None)
        if answer is None:
            continue
        pairs[number] = {s.index: i < answer for i, s in enumerate(sentences)}
        if sentences[answer - 1].text.rstrip().endswith("?"):
            asked.append(number)
    if len(asked) < _QUESTION_ANSWER_PAIRS:
        return {}
    first, last = min(asked), max(asked)
    while first - 1 in pairs:  # the run of such paragraphs, some opening with a remark, not a question
        first -= 1
    while last + 1 in pairs:
        last += 1
    run = [number for number in range(first, last + 1) if number in pairs]
    return {index: asks for number in run for index, asks in pairs[number].items()}


def _question_answer_paragraphs(paragraphs: dict[int, list[Sentence]]) -> dict[int, bool]:
    """An interview printed as a question paragraph, then its answer in the paragraphs below it
    ("What would you be doing if you weren’t an artist?" / "I’d probably dive …"), when at least
    three questions are so answered and a speaker label opens one of them ("L.A. WEEKLY: What is
    …?"; a letter's "DEAR ABBY:" is no speaker label). The sentences from the first question to
    the last one's answer, by index, True for a question's."""
    order = sorted(paragraphs)

    def asks(number: int) -> bool:
        sentences = paragraphs[number]
        return len(sentences) <= _QUESTION_SENTENCES and sentences[-1].text.rstrip().endswith("?")

    questions = [number for number, after in pairwise(order) if asks(number) and not asks(after)]
    if len(questions) < _QUESTION_ANSWER_PAIRS:
        return {}
    labels = [_SPEAKER_LABEL.match(paragraphs[number][0].text) for number in questions]
    if not any(label and label["name"] and not label["name"].upper().startswith("DEAR ") for label in labels):
        return {}
    last = order[order.index(questions[-1]) + 1]  # the last question's answer
    return {
        sentence.index: asks(number)
        for number in order
        if questions[0] <= number <= last
        for sentence in paragraphs[number]
    }


_PHOTO_CREDIT = re.compile(  # "(Reuters)", "(TSUNO/AFP/Getty Images)", "(Picture by Jameel Springer)"
    r"\((?:[^()]{0,60}/)?(?:Reuters|AFP|AP|EPA|Getty Images|Shutterstock|Public domain"
    r"|(?:Photo|Picture|Image)s?(?: by|:)\s[^()]{1,50}|Courtesy(?: of)?\s[^()]{1,50})\)\.?",
    re.IGNORECASE,
)
_CAPTION_SENTENCES = 2  # at most, above the photo credit that closes a caption's paragraph


def _caption_sentences(paragraphs: dict[int, list[Sentence]]) -> set[int]:
    """Sentences of a caption: a short paragraph that a photo credit in parentheses closes ("An
    investor watches a stock board in Tokyo. (YOSHIKAZU TSUNO/AFP/Getty Images)")."""
    captions: set[int] = set()
    for sentences in paragraphs.values():
        last = sentences[-1]
        if 1 < len(sentences) <= _CAPTION_SENTENCES + 1 and _PHOTO_CREDIT.fullmatch(last.text.strip()):
            captions.update(sentence.index for sentence in sentences[:-1])
    return captions


_BIO_OPENING = re.compile(  # "Gail Gardner is the Small Business Marketing Strategist who ..."
    r"(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}|[A-Z][\w.'’-]+ (?:&|and) [A-Z][\w.'’-]+)"
    r" (?:(?:is|was|are) (?:also )?(?:an?|the) |(?:writes?|teach(?:es)?|covers?) (?:about|at|for|on) )"
)  # "Grierson & Leitch write about the movies for ...", "Michael Ignatieff teaches at Harvard"
_BIO_PARAGRAPHS = 3  # at most, from the end of the article, where a bio of its author may stand


def _author_bio_sentences(text: str, paragraphs: dict[int, list[Sentence]], rules: _Rules) -> set[int]:
    """Sentences of a bio at the end of the article: a paragraph near the end that opens with a
    person the story never named before ("Zach Hanlon is a marketing and sales expert who ...")
    and reports no one's words with one of the plainest verbs ("said", "according to")."""
    bios: set[int] = set()
    order = sorted(paragraphs)
    last = set(order[-_BIO_PARAGRAPHS:])
    while order and not _ends_sentence(paragraphs[order[-1]][-1].text):
        order.pop()  # "More from AllBusiness.com:" and a list of links may follow the bio
    for number in sorted(last | set(order[-_BIO_PARAGRAPHS:])):
        sentences = paragraphs[number]
        opening = _BIO_OPENING.match(sentences[0].text)
        if (
            opening is not None
            and opening.group("name") not in text[: sentences[0].start]
            and not any(_says_plainly(sentence.text, rules) for sentence in sentences)
        ):
            bios.update(sentence.index for sentence in sentences)
    return bios


def _says_plainly(text: str, rules: _Rules) -> bool:
    """True when one of the plainest verbs of attribution ("said", "according to") stands in the text."""
    hits = _lexicon_hits(text, rules)
    return any(
        " ".join(hits.lowered[start:end].split()) in rules.plainest_verbs
        for start, end, _ in hits.attribution
    )


def _teaser_paragraphs(paragraphs: dict[int, list[Sentence]], rules: _Rules) -> set[int]:
    """Paragraphs of a run of story teasers: two or more paragraphs cut off mid-sentence ("... as a
    writer, producer and"), with any single whole paragraph between them. The headline and lines
    the skip lexicon knows (a photo credit ends with no full stop too) are not cut off."""
    order = sorted(paragraphs)
    cut = [
        position > 0
        and _open_ended(paragraphs[p][-1].text)
        and paragraphs[p][-1].text.rstrip()[-1:] not in _CLOSING_MARKS  # a quotation ends, is not cut off
        and sum(len(_WRITTEN_WORDS.findall(s.text)) for s in paragraphs[p]) >= _TEASER_WORDS
        and _line_pattern_hit(paragraphs[p][-1].text, rules) is None
        for position, p in enumerate(order)
    ]
    teasers: set[int] = set()
    run: list[int] = []  # positions in ``order`` of the current run
    for position, is_cut in enumerate([*cut, False]):
        bridged = (  # one whole teaser of one sentence between two cut off
            not is_cut
            and run
            and position + 1 < len(cut)
            and cut[position + 1]
            and run[-1] == position - 1
            and len(paragraphs[order[position]]) == 1
        )
        if is_cut or bridged:
            run.append(position)
            continue
        if sum(cut[i] for i in run) >= 2:
            teasers.update(order[i] for i in run)
        run = []
    return teasers


def _comments_start(sentences: Sequence[Sentence], rules: _Rules) -> int | None:
    """Where the readers' comments start: a heading line ("Comments", "12 Reader Comments") below
    the article's body (ten sentences down, or past its middle), or anywhere with a commenter's
    line ("Jane said...", "Posted by", a time stamp) in the six sentences after it. A heading near
    the top with none ("Comments (0)" by the byline) is a link to them, not the comments."""
    for position, sentence in enumerate(sentences[1:], 1):
        if len(sentence.text) > _LONGEST_COMMENTS_HEADING or not rules.comments_heading.match(
            sentence.text.strip()
        ):
            continue
        after = sentences[position + 1 : position + 7]
        if position >= min(10, len(sentences) // 2) or any(
            rules.comment_marker.search(line) for s in after for line in s.text.split("\n")
        ):
            return sentence.index
    return None


def _right_after_quotation(
    sentence: Sentence, previous: Sentence | None, previous_draft: _Draft | None
) -> bool:
    """True when the sentence before, in the same paragraph, is a quotation ending in its closing mark."""
    return (
        previous is not None
        and previous_draft is not None
        and previous.paragraph == sentence.paragraph
        and previous_draft.label == QUOTED
        and previous.text.rstrip().endswith(("”", '"', "’"))
    )


class _ArticleReader:
    """One pass over the sentences, carrying what the neighbours tell about each one."""

    def __init__(self, text: str, sentences: Sequence[Sentence], rules: _Rules, has_title: bool) -> None:
        self.text = text
        self.has_title = has_title
        self.sentences = sentences
        self.rules = rules
        self.memory = _Memory()
        self.paragraphs: dict[int, list[Sentence]] = {}
        for sentence in sentences:
            self.paragraphs.setdefault(sentence.paragraph, []).append(sentence)
        self.teasers = _teaser_paragraphs(self.paragraphs, rules)
        self.captions = _caption_sentences(self.paragraphs)
        # a page where many lines are not sentences (menus, lists, captions): its plain lines are less sure
        body = sentences[1:] if has_title else sentences
        self.ragged = sum(not _ends_sentence(s.text) for s in body) >= _RAGGED_SHARE * max(1, len(body))
        self.bios = _author_bio_sentences(text, self.paragraphs, rules)
        self.comments_from = _comments_start(sentences, rules)
        self.turns = _transcript_turns(text, self.paragraphs, rules)
        self.signed = _signed_passages(self.paragraphs, rules)
        self.letters = _letters(sentences)
        self.headed, self.contributor_titles = _headed_passages(self.paragraphs, rules)
        self.credited = _credited_excerpts(self.paragraphs, rules)
        self.speech_header, self.speech = _speech(self.paragraphs, rules)
        self.interview = _question_answer_lines(text, self.paragraphs) or (  # sentence -> the question?
            {} if self.turns else _question_answer_paragraphs(self.paragraphs)
        )
        self.interviewee: _Mention | None = None  # who answers, once read
        self.block: _Block | None = None
        self.reference_paragraphs: set[int] = set()
        self.quote_open = False
        self.last_speaker: _Mention | None = None
        self.pending_quotes: list[_Draft] = []
        self.drafts: list[_Draft] = []
        self._people_cache: dict[int, list[_Mention]] = {}
        self._named_again_cache: dict[str, bool] = {}

    def read(self) -> list[_Draft]:
        drafts = self.drafts
        previous: Sentence | None = None
        for sentence in self.sentences:
            if previous is not None and previous.paragraph != sentence.paragraph:
                if not self.quote_open:  # a quotation left open runs on into the next paragraph
                    self.pending_quotes.clear()
                self.quote_open = False
            drafts.append(self._read_sentence(sentence, previous, drafts[-1] if drafts else None))
            previous = sentence
        return drafts

    # -- one sentence -------------------------------------------------------------------------

    def _read_sentence(
        self, sentence: Sentence, previous: Sentence | None, previous_draft: _Draft | None
    ) -> _Draft:
        rules, base = self.rules, sentence.start
        text = sentence.text
        is_title = sentence.index == 0 and self.has_title
        dateline = None if is_title else rules.dateline.match(text)
        body_from = dateline.end() if dateline else 0
        opened_inside = self.quote_open and previous is not None and previous.paragraph == sentence.paragraph
        spans, self.quote_open = _quote_spans(text, opened_inside)
        if not spans:
            spans = _straight_single_quotation(text, rules)
        if self.comments_from is not None and sentence.index >= self.comments_from:
            return _Draft(SKIP, 0.9, "readers' comments, below their heading ('Comments')", [])
        if sentence.paragraph in self.teasers:
            self.block = None
            return _Draft(SKIP, 0.75, "teaser for another story, cut off mid-sentence", [])
        if sentence.index in self.captions:
            return _Draft(SKIP, 0.85, "caption above its photo credit", [])
        if sentence.index in self.bios:
            return _Draft(SKIP, 0.8, "bio of someone the story never named, at its end", [])
        if sentence.index in self.letters.writers:
            reason = "a letter printed in full, from its salutation to its sign-off"
            return _Draft(QUOTED, 0.85, reason, [], self.letters.writers[sentence.index])
        if sentence.index in self.letters.signatures:
            return _Draft(SKIP, 0.85, "sign-off below a letter", [])
        turn = self.turns.get(sentence.index)
        if turn is not None:
            return self._transcript_turn(sentence, turn)
        author = self.headed.get(sentence.paragraph)
        if author is not None:
            return _Draft(QUOTED, 0.8, "first-person passage under its author's name and title", [], author)
        if sentence.paragraph in self.contributor_titles:
            return _Draft(SKIP, 0.85, "title line under a contributor's name", [])
        signer = self.signed.get(sentence.paragraph)
        if signer is not None:
            return _Draft(QUOTED, 0.75, "first-person passage signed below by its author", [], signer)
        credit = self.credited.get(sentence.paragraph)
        if credit is not None:
            self.block = None
            if credit.span is not None and sentence.start <= credit.span[0] < sentence.end:  # the credit line
                cue = self._cue(*credit.span, CUE_ATTRIBUTION)
                return _Draft(QUOTED, 0.6, "bracketed credit below an excerpt", [cue], credit)
            return _Draft(QUOTED, 0.75, "excerpt credited below it in brackets ('[Engadget]')", [], credit)
        if sentence.paragraph in self.reference_paragraphs:
            return _Draft(SKIP, 0.8, "part of a reference to a published paper", [])
        if not is_title:  # a byline, credit or promo needs no reading of quotations and attributions
            line_hit = _line_pattern_hit(text, rules)
            if line_hit is not None:
                self.block = None
                if line_hit.kind == "reference":  # "Dinwiddie et al. 2014." + the paper's title
                    self.reference_paragraphs.add(sentence.paragraph)
                return self._skip_draft(sentence, text, line_hit)
        if sentence.index == self.speech_header:
            return _Draft(SKIP, 0.85, "header of a speech printed below it", [])
        speaker = self.speech.get(sentence.paragraph)
        if speaker is not None and not _FIELD_LABEL.fullmatch(text) and not text.rstrip().endswith("?"):
            return _Draft(
                QUOTED,
                0.8,
                "a speech or excerpt printed under its header ('Remarks of …', 'From … by …')",
                [],
                speaker,
            )
        asks = self.interview.get(sentence.index)
        if asks is not None and (not asks or text.rstrip().endswith("?")):
            self.block = None
            if asks:
                return _Draft(SKIP, 0.8, "interviewer's question in a transcript", [])
            if self.interviewee is None:
                self.interviewee = self._interviewee(min(self.interview))
            return _Draft(QUOTED, 0.75, "answer below a question, in an interview", [], self.interviewee)
        quotes = _classify_quotes(text, spans, rules)
        quoting = [(q.start, q.end) for q in quotes if not q.is_label or q.modifier]
        attributions = [
            a for a in _find_attributions(text, spans, rules, quoting) if a.verb_start >= body_from
        ]
        live = [a for a in attributions if not a.relative and a.guess is not None]
        if live and any(
            q.modifier for q in quotes
        ):  # 'a "hopelessly unrealistic" prospect, an official said'
            quotes = [_Quote(q.start, q.end, q.words, False) if q.modifier else q for q in quotes]
        real_quotes = [q for q in quotes if not q.is_label]
        if self.block is None:
            self.block = self._indented_block(sentence)
        block_state = self._block_for(sentence, text, live)
        if block_state is not None and self._is_list_item(sentence, text):
            return self._list_item(sentence, text, real_quotes, block_state[0])
        if block_state is not None and block_state[0].list_run:
            self.block = block_state = None  # the list is over: the writer speaks again

        skip = self._skip(sentence, text, real_quotes, opened_inside, block_state, attributed=bool(live))
        if skip is not None:
            self.block = None if skip.label == SKIP and not is_title else self.block
            return skip

        mentions = [self._resolve(a.guess, sentence) for a in live]
        reading = _Reading(
            quotes=quotes,
            real_quotes=real_quotes,
            attributions=attributions,
            live=live,
            mentions=mentions,
            speaker=next(
                (m for a, m in zip(live, mentions, strict=True) if m is not None and a.form != "document"),
                None,
            ),
            cues=[self._cue(base + q.start, base + q.end, CUE_QUOTATION) for q in real_quotes]
            + [self._cue(base + a.verb_start, base + a.verb_end, CUE_ATTRIBUTION) for a in live],
            anonymity_cues=[
                self._cue(base + start, base + end, CUE_ANONYMITY)
                for start, end in rules.anonymity_markers(text)
            ],
            weak_anonymity_cues=[
                self._cue(base + start, base + end, CUE_ANONYMITY)
                for start, end, _ in _lexicon_hits(text, rules).weak_anonymity
                if not _inside(spans, start)
            ],
            opened_inside=opened_inside,
            block_state=block_state,
        )
        draft = self._decide(sentence, reading, previous, previous_draft)
        self._remember(sentence, text, live, mentions, draft)
        if self._introduces_what_follows(sentence, text, live) and not is_title:
            if live:
                listing = all(
                    a.form == "document" and text[a.verb_start : a.verb_end].lower() in rules.listing_verbs
                    for a in live
                )
                source, resumption = mentions[0] or draft.source, self._resumption(text)
                self.block = _Block(
                    source,
                    sentence.paragraph,
                    resumption,
                    reported=listing,
                    one_paragraph=not text.rstrip().endswith(":"),
                )
            else:
                introduced = self._document_introduced(sentence, text)
                if introduced is not None:
                    owner, verbatim = introduced
                    resumption = self._resumption(text)
                    self.block = _Block(owner, sentence.paragraph, resumption, reported=not verbatim)
        return draft

    def _introduces_what_follows(self, sentence: Sentence, text: str, live: Sequence[_Attribution]) -> bool:
        """True for a line ending with a colon, or for a speaker's line that ends its paragraph with no
        full stop ("As C. S. Lewis said of philosophers,"): the next paragraph holds the words."""
        stripped = text.rstrip()
        if stripped.endswith(":"):
            return True
        paragraph = self.paragraphs[sentence.paragraph]
        return (
            paragraph[-1] is sentence
            and sentence.index + 1 < len(self.sentences)
            and (stripped.endswith(",") or stripped[-1:].isalpha())
            and any(a.form == "speech" and len(stripped) - a.verb_end <= _INTRO_TAIL for a in live)
        )

    def _document_introduced(self, sentence: Sentence, text: str) -> tuple[_Mention, bool] | None:
        """Whose document an introduction with no verb of saying announces, and whether its words
        follow as written ("Here's the full statement:", "an excerpt from an interview with C.K.
        Walker:") or in the writer's words ("Here is a Visitors Bureau calendar of events:").

        The owner is a name after "with", "from" or "by", the name before the document noun, or,
        for "Other data points include:", the named source of one of the two sentences before."""
        rules = self.rules
        excerpt = _EXCERPT_FROM.fullmatch(text.strip())
        if excerpt is not None:  # "From Tania Branigan at The Guardian:": her report's words follow
            start, end = excerpt.span("who")
            guess = _classify(text, start, end, rules)
            mention = self._resolve(guess, sentence) if guess is not None else None
            if mention is not None:
                return mention, True
        tokens = _tokens(text, 0, len(text), rules)
        nouns = rules.documents | rules.verbatim_documents
        noun = next((i for i, t in enumerate(tokens) if t.norm in nouns and not t.capitalised), None)
        if noun is None:
            return None
        verbatim = any(t.norm in rules.verbatim_documents for t in tokens[noun:])
        owner = self._document_owner(sentence, text, tokens, noun)
        return (owner, verbatim) if owner is not None else None

    def _document_owner(
        self, sentence: Sentence, text: str, tokens: list[_Token], noun: int
    ) -> _Mention | None:
        """Who wrote or spoke the document an introduction names (see ``_document_introduced``)."""
        rules = self.rules
        for i in range(noun + 1, len(tokens) - 1):
            if tokens[i].norm not in {"with", "from", "by"}:
                continue
            first = i + 2 if tokens[i + 1].norm == "the" else i + 1  # "a statement from the White House"
            run = next(((a, b) for a, b in _name_runs(tokens, rules) if a == first), None)
            if run is not None:
                named = _named(tokens[run[0] : run[1]], rules)
                span = (sentence.start + named.start, sentence.start + named.end)
                return _Mention(named.text, span, False, "person" if named.person else "body")
        runs = _name_runs(tokens[:noun], rules)
        if runs and runs[-1][1] == noun:
            owner = _named(tokens[runs[-1][0] : noun], self.rules)
            span = (sentence.start + owner.start, sentence.start + owner.end)
            return _Mention(text[owner.start : owner.end], span, False, "person" if owner.person else "body")
        for draft in reversed(self.drafts[-2:]):  # the two sentences before the introduction
            if draft.label == SOURCED and draft.source is not None and not draft.source.anonymous:
                return draft.source
        return None

    def _resumption(self, intro: str) -> re.Pattern[str]:
        """What marks the end of a block quotation: the writer naming the document or outlet again,
        or a person the introduction names ("Dorsey's attitude here ...")."""
        tokens = _tokens(intro, 0, len(intro), self.rules)
        nouns = frozenset(t.norm for t in tokens if t.norm in self.rules.documents)
        pattern = _resumption_pattern(nouns, self.rules)
        people = sorted(
            {
                tokens[j - 1].text.rstrip("'’s")
                for i, j in _name_runs(tokens, self.rules)
                if j - i >= 2 and not _is_organisation(tokens[i:j], self.rules)
            }
        )
        if not people:
            return pattern
        names = "|".join(re.escape(name) for name in people)
        return re.compile(rf"{pattern.pattern}|(?-i:\b(?:{names})\b)", re.IGNORECASE)

    def _skip(
        self,
        sentence: Sentence,
        text: str,
        real_quotes: Sequence[_Quote],
        opened_inside: bool,
        block_state: tuple[_Block, int] | None,
        *,
        attributed: bool,
    ) -> _Draft | None:
        rules = self.rules
        if sentence.index == 0 and self.has_title:
            credited = _headline_source(text, rules)
            if credited is not None:
                name, (start, end) = credited
                mention = _Mention(name, (sentence.start + start, sentence.start + end), False, "outlet")
                self.memory.remember(mention, sentence.index)
                return _Draft(
                    SOURCED,
                    0.6,
                    "headline credited to an outlet",
                    [self._cue(sentence.start + start, sentence.start + end, CUE_ATTRIBUTION)],
                    mention,
                )
            return _Draft(SKIP, 0.95, "headline (first line)", [])
        if _open_ended(text) and self._alone_on_line(sentence):
            introducer = self._list_introducer(sentence)
            if introducer is not None and self.drafts[introducer].reason in _LINK_LIST_INTRODUCERS:
                return _Draft(SKIP, 0.9, "item of a list of links or tags ('Related:', 'Filed under:')", [])
        # a subhead, perhaps; but not a line of a list under "Those would be:"
        alone_on_line = (
            not _ends_sentence(text) and self._alone_on_line(sentence) and not self._in_list(sentence)
        )
        hit = _skip_hit(
            text,
            self.text,
            rules,
            alone_on_line=alone_on_line,
            alone_in_paragraph=len(self.paragraphs[sentence.paragraph]) == 1,
            between_sentences=alone_on_line
            and 0 < sentence.index < len(self.sentences) - 1
            and _ends_sentence(self.sentences[sentence.index - 1].text)
            and _ends_sentence(self.sentences[sentence.index + 1].text),
            in_list=self._line_run(sentence) if alone_on_line else "",
            numbered=self._list_number(sentence.index - 1) and self._list_number(sentence.index + 1),
            has_quotation=bool(real_quotes) or opened_inside or block_state is not None,
            attributed=attributed,
        )
        if hit is None and not real_quotes and not attributed and self._bare_words(sentence, text):
            return _Draft(SKIP, 0.6, "a word or two with no verb: not a claim", [])
        if hit is None:
            return None
        return self._skip_draft(sentence, text, hit)

    def _list_number(self, index: int) -> bool:
        """True when sentence ``index`` is a list number on its own ("1."), or the article ends there."""
        if index >= len(self.sentences):
            return True
        return index >= 0 and _LIST_NUMBER.fullmatch(self.sentences[index].text.strip()) is not None

    def _line_run(self, sentence: Sentence) -> str:
        """ "table" for a line with a comma and no full stop in a run of three or more such lines,
        "list" for one in a run of three or more lines with no full stop, else ""."""

        def in_run(row: Callable[[int], bool]) -> bool:
            index = sentence.index
            before, after = row(index - 1), row(index + 1)
            return (before and after) or (before and row(index - 2)) or (after and row(index + 2))

        def line(index: int) -> bool:
            if not 0 <= index < len(self.sentences):
                return False
            other = self.sentences[index]
            return _open_ended(other.text) and self._alone_on_line(other)

        if not in_run(line):
            return ""

        def with_comma(index: int) -> bool:
            return line(index) and "," in self.sentences[index].text

        return "table" if with_comma(sentence.index) and in_run(with_comma) else "list"

    def _single_word(self, index: int) -> bool:
        """True for a sentence of one word, such as "Oil." or "Lovely." (not "1.", not the headline)."""
        if not 0 < index < len(self.sentences):
            return False
        text = self.sentences[index].text
        words = _WRITTEN_WORDS.findall(text)
        if words and words[0] + "." in self.rules.abbreviations:
            return False  # "Ms.": a title the segmenter cut off its name
        return len(words) == 1 and text.rstrip()[-1:] in ".!" and not _LIST_NUMBER.match(text)

    def _in_list(self, sentence: Sentence) -> bool:
        """True for a line of a list introduced with a colon: the lines before it, back to one ending
        with a colon, are all lines with no full stop of their own (a line in title case is a subhead)."""
        if _is_title(_WRITTEN_WORDS.findall(sentence.text), self.rules):
            return False
        return self._list_introducer(sentence) is not None

    def _list_introducer(self, sentence: Sentence) -> int | None:
        """The index of the line ending with a colon that a line with no full stop is listed under
        (the lines between are such lines too), if any."""
        for earlier in reversed(self.sentences[: sentence.index]):
            if not self._alone_on_line(earlier):
                return None
            if earlier.text.rstrip().endswith(":"):
                return earlier.index if earlier.index > 0 else None
            if _ends_sentence(earlier.text):
                return None
        return None

    def _bare_words(self, sentence: Sentence, text: str) -> bool:
        """ "Oil." "Lovely.": a word standing as a sentence, or two in a run of such ("Oil. Russia.
        Interest rates."), unless the segmenter cut them off the sentence before after an
        abbreviation ("... at 6 p.m." + "Eastern.")."""
        if sentence.index == 0:
            return False
        if not self._single_word(sentence.index):
            neighbours = (sentence.index - 1, sentence.index + 1)  # not "Prices fell." alone
            if len(_WRITTEN_WORDS.findall(text)) != 2 or not any(map(self._single_word, neighbours)):
                return False
        previous = self.sentences[sentence.index - 1]
        if self._bare_speaker_tag(sentence, text) is not None:
            return False
        return previous.paragraph != sentence.paragraph or not _ABBREVIATION_END.search(previous.text[-12:])

    def _bare_speaker_tag(self, sentence: Sentence, text: str) -> list[_Token] | None:
        """The name, when the sentence is only a name right after a quotation that the article
        also writes mid-sentence: '"We start somewhere." Kheradpir.' is a speaker tag that lost
        its "said" ("Lovely." is a word of its own)."""
        previous = self.sentences[sentence.index - 1] if sentence.index else None
        if not _right_after_quotation(sentence, previous, self.drafts[-1] if self.drafts else None):
            return None
        tokens = _tokens(text, 0, len(text), self.rules)
        if not 0 < len(tokens) <= 3 or text.rstrip()[-1:] not in ".,":
            return None
        if _name_runs(tokens, self.rules) != [(0, len(tokens))] or _is_organisation(tokens, self.rules):
            return None
        surname = re.escape(tokens[-1].text)
        return tokens if re.search(rf"(?<=[a-z,] ){surname}\b", self.text) else None

    def _transcript_turn(self, sentence: Sentence, turn: _Turn) -> _Draft:
        """A sentence of an interview transcript: the answer is its speaker's words."""
        self.block = None
        cues = [self._cue(*turn.label, CUE_ATTRIBUTION)] if sentence.start <= turn.label[0] else []
        if turn.question:
            return _Draft(SKIP, 0.8, "interviewer's question in a transcript", cues)
        if turn.speaker is None:
            return _Draft(QUOTED, 0.75, "answer in an interview transcript", cues)
        self.last_speaker = turn.speaker
        if not _ends_sentence(sentence.text):  # "Absolutely" or a line cut short: a label as often
            return _Draft(
                QUOTED, 0.8, "line with no full stop in an interview transcript", cues, turn.speaker
            )
        return _Draft(QUOTED, 0.9, "answer in an interview transcript (speaker label)", cues, turn.speaker)

    def _alone_on_line(self, sentence: Sentence) -> bool:
        """True for a sentence that is a line of its own, or all of one after its list number
        ("2. Improve Site Search")."""
        after = self.text[sentence.end : sentence.end + 2]
        if not (after[:1] in ("\n", "") or after.strip() == ""):
            return False
        line_start = self.text.rfind("\n", 0, sentence.start) + 1
        return line_start == sentence.start or bool(
            _LIST_NUMBER.fullmatch(self.text, line_start, sentence.start)
        )

    def _is_list_item(self, sentence: Sentence, text: str) -> bool:
        """A line with no full stop of its own, like the bullet points of a list (not a short title
        such as "Must Read Stories", which closes the list)."""
        words = _WRITTEN_WORDS.findall(text)
        return (
            bool(words)  # not a rule of dashes under the introduction
            and self._alone_on_line(sentence)
            and _open_ended(text)
            and len(words) <= self.rules.max_subhead_words * 2
            and not (len(words) <= 4 and _is_title(words, self.rules))
        )

    def _list_item(
        self, sentence: Sentence, text: str, real_quotes: Sequence[_Quote], block: _Block
    ) -> _Draft:
        """A bullet point under "He also said:": his words, or what he said in the writer's words."""
        block.intro_paragraph, block.list_run = sentence.paragraph, True  # the list may go on
        cues = [
            self._cue(sentence.start + q.start, sentence.start + q.end, CUE_QUOTATION) for q in real_quotes
        ]
        if block.reported:
            return _Draft(
                SOURCED, 0.75, "item of a list from the document introduced before", cues, block.source
            )
        if real_quotes or _FIRST_PERSON.search(text):
            return _Draft(QUOTED, 0.75, "item of a list introduced as someone's words", cues, block.source)
        return _Draft(SOURCED, 0.75, "item of a list of what someone said", cues, block.source)

    def _skip_draft(self, sentence: Sentence, text: str, hit: _SkipHit) -> _Draft:
        if hit.author is not None:
            self._quote_signed_post(sentence, text[slice(*hit.author)], hit.author)
        cues = []
        if hit.span is not None and hit.span[1] > hit.span[0]:
            cues.append(self._cue(sentence.start + hit.span[0], sentence.start + hit.span[1], CUE_SKIP))
        return _Draft(SKIP, hit.confidence, hit.reason, cues)

    def _quote_signed_post(self, signature: Sentence, author: str, span: tuple[int, int]) -> None:
        """The paragraph above a post signature is the embedded post: its author's words."""
        mention = _Mention(author, (signature.start + span[0], signature.start + span[1]), False, "person")
        post_paragraph = signature.paragraph - 1
        for draft, sentence in zip(
            reversed(self.drafts), reversed(self.sentences[: len(self.drafts)]), strict=True
        ):
            if sentence.paragraph < post_paragraph:
                break
            if sentence.paragraph == post_paragraph and (draft.label != SKIP or not draft.cues):
                draft.label, draft.confidence, draft.source = QUOTED, 0.9, mention
                draft.reason = (
                    "text of an embedded post signed below it"
                    if _ends_sentence(sentence.text)
                    else "line of an embedded post signed below it, with no full stop"
                )

    def _block_for(
        self, sentence: Sentence, text: str, live: Sequence[_Attribution]
    ) -> tuple[_Block, int] | None:
        """The block quotation this sentence belongs to, with its distance in paragraphs, if any."""
        block = self.block
        if block is None or sentence.paragraph == block.intro_paragraph:
            return None
        distance = sentence.paragraph - block.intro_paragraph
        first_of_paragraph = (
            sentence.index == 0 or self.sentences[sentence.index - 1].paragraph != sentence.paragraph
        )
        if first_of_paragraph and self.rules.dateline.match(text):  # "13.08 Tony Fernandes ...": a new entry
            self.block = None
            return None
        if first_of_paragraph and distance > 1:
            resumed = bool(block.resumption.search(text)) or any(
                a.guess is not None
                and a.guess.kind in {"outlet_anaphor", "report_anaphor", "pronoun"}
                and a.form != "document"
                for a in live
            )
            # a document's content in the writer's words runs one paragraph, or on as a list
            longest = 1 if block.reported or block.one_paragraph else self.rules.max_block_paragraphs
            outdented = block.indented and not self._indented(sentence)
            if resumed or distance > longest or block.quoted_opening or outdented:
                self.block = None
                return None
        if first_of_paragraph and distance == 1:
            block.quoted_opening = text.lstrip()[:1] in '“"'
            block.indented = self._indented(sentence)
        return block, distance

    def _saying_before(self, text: str, quotes: Sequence[_Quote]) -> bool:
        """True when a verb of saying or framing stands before the first quotation, though it was
        not read as crediting anyone ('insisting she was "misleading herself"', 'call it "ridiculous"')."""
        if not quotes:
            return False
        first = quotes[0].start
        return any(
            end <= first and form in _SAYING_FORMS
            for _, end, form in _lexicon_hits(text, self.rules).attribution
        )

    def _indented_block(self, sentence: Sentence) -> _Block | None:
        """A block quotation set off by indenting: an indented paragraph right after a paragraph
        that is not, whose last sentence cites a source ("CNN Living discusses the trend.", "The
        Pew Research Center notes ...") or ends with a colon ("He also thanked veterans:", the words
        of its subject), unless the paragraph is a question."""
        index = sentence.index
        if index < 2 or not self.drafts or self.sentences[index - 1].paragraph == sentence.paragraph:
            return None
        before, cited = self.sentences[index - 1], self.drafts[-1]
        if not self._indented(sentence) or self._indented(self.paragraphs[before.paragraph][0]):
            return None
        source = cited.source if cited.label in (SOURCED, ANONYMOUS) else None
        introduced = cited.label != SKIP and before.text.rstrip().endswith(":")
        if source is None and introduced and not sentence.text.rstrip().endswith("?"):  # not questions
            source = self._resolve(_main_subject(before.text, len(before.text), self.rules), before)
        if source is None:
            return None
        return _Block(source, before.paragraph, self._resumption(before.text), indented=True, set_off=True)

    def _indented(self, sentence: Sentence) -> bool:
        """True when the sentence's line opens with spaces or a tab (a plain-text block quotation)."""
        line_start = self.text.rfind("\n", 0, sentence.start) + 1
        indent = self.text[line_start : sentence.start]
        return indent.startswith(("  ", "\t")) and not indent.strip()

    # -- the decision -------------------------------------------------------------------------

    def _decide(
        self, sentence: Sentence, reading: _Reading, previous: Sentence | None, previous_draft: _Draft | None
    ) -> _Draft:
        """Try the tags in the codebook's order: quoted, anonymous-sourced, sourced, unattributed."""
        text = sentence.text
        real_quotes, live, mentions, speaker = (
            reading.real_quotes,
            reading.live,
            reading.mentions,
            reading.speaker,
        )
        cues, anon_cues, weak_cues = reading.cues, reading.anonymity_cues, reading.weak_anonymity_cues
        opened_inside, block_state = reading.opened_inside, reading.block_state
        reported = block_state is not None and block_state[0].reported
        if reported:
            block_state = None  # the document's content in the writer's words: not a quotation
        claims = sorted(
            ((a, m) for a, m in zip(live, mentions, strict=True) if a.form != "participle" or m is not None),
            key=lambda claim: _FORM_RANK.get(claim[0].form, 0),
        )
        says = [a for a, _ in claims if a.form != "document"]
        tag = self._speaker_tag(sentence, text, real_quotes, says, previous, previous_draft)
        if (
            previous is not None
            and previous_draft is not None
            and previous_draft.label != SKIP
            and previous.paragraph == sentence.paragraph
            and not real_quotes
            and not live
            and len(text) < 40
            and _ABBREVIATION_END.search(previous.text[-12:])
            and len(_WRITTEN_WORDS.findall(text)) <= 3
        ):  # "... by 6:40 p.m." + "Eastern time.": one sentence the segmenter split after an abbreviation
            reason = "fragment of the sentence before, split after an abbreviation"
            confidence = min(previous_draft.confidence, 0.75)
            return _Draft(previous_draft.label, confidence, reason, [], previous_draft.source)

        # 1. quoted (a short quotation counts when someone, or a document, is credited with it)
        long_quotes = [
            q for q in real_quotes if q.words >= 3 or (q.spoken and q.words > 1) or _whole_sentence(text, q)
        ]
        credited = (
            claims
            or any(a.guess is not None for a in reading.attributions)  # "..., though he said it was "soft.""
            or any(a.relative and a.form == "framing" for a in reading.attributions)  # "in which he called"
            or block_state
            or opened_inside
        )
        only_a_verb_before = not credited and not long_quotes and self._saying_before(text, real_quotes)
        credited = credited or only_a_verb_before  # 'insisting she was "misleading herself"'
        # a word or two in quotation marks with no one credited is a label or the writer's scare quotes
        # more often than someone's words (measured on four rounds of real pages)
        if real_quotes and (credited or long_quotes):
            source = (
                speaker
                or next((m for _, m in claims if m is not None), None)
                or self._quote_source(sentence, text, real_quotes, block_state)
            )
            if long_quotes and says:
                confidence, reason = 0.97, "quotation with its speaker"
            elif long_quotes and all(q.words <= 4 and q.start > 1 for q in long_quotes):
                confidence, reason = 0.8, "a few quoted words in the writer's sentence, no verb of saying"
            elif long_quotes and opened_inside and not self._quote_closes_in_paragraph(sentence):
                # an opening mark never closed: where the speaker stops and the writer resumes is a guess
                confidence, reason = 0.75, "inside a quotation its paragraph never closes"
            elif long_quotes and source:
                confidence, reason = 0.93, "quotation"
            elif long_quotes and _QUOTE_MARK.match(text.lstrip()):
                confidence, reason = 0.88, "quotation, speaker not in sentence"
                if (
                    len(_WRITTEN_WORDS.findall(text)) < _SHORT_QUOTATION_WORDS
                ):  # '“Rude.”': a pull quote, often
                    reason = "short quotation, speaker not in sentence"
            elif long_quotes:  # 'ask yourself, "Will this end up in the picture?"': the writer's, often
                confidence, reason = 0.8, "words in quotation marks inside the sentence, speaker not in it"
            elif only_a_verb_before:
                confidence, reason = 0.6, "a word or two in quotation marks after a verb of saying"
            else:
                confidence, reason = 0.8, "short quotation inside reported speech"
            draft = _Draft(QUOTED, confidence, reason, cues + anon_cues, source)
            if source is None:
                self.pending_quotes.append(draft)
            elif speaker is not None:
                self._credit_pending(speaker)
            return draft
        if opened_inside:
            source = speaker or self.last_speaker
            draft = _Draft(QUOTED, 0.85, "inside a quotation opened in an earlier sentence", cues, source)
            if source is None:
                self.pending_quotes.append(draft)
            return draft
        if tag is not None:
            self._credit_pending(tag)
            return _Draft(QUOTED, 0.88, "speaker tag of the quotation before it", cues, tag)
        if block_state is not None:
            block, distance = block_state
            confidence = {1: 0.85, 2: 0.78}.get(distance, 0.7)
            source = speaker if (speaker is not None and says) else block.source
            if block.set_off:
                reason = "inside a block quotation set off by indenting after its source"
            elif block.one_paragraph:
                reason = "in the paragraph after its speaker's line ('As Lewis said,')"
            else:
                reason = "inside a block quotation introduced with a colon"
            return _Draft(QUOTED, confidence, reason, cues, source)

        # 2. anonymous-sourced; quotation marks that did not make the sentence quoted are labels, not cues
        cues = [cue for cue in cues if cue.kind != CUE_QUOTATION]
        # who declined to comment is on the record when named or speaking for a body; "Officials did
        # not provide details" stay unnamed
        anonymous = [(a, m) for a, m in claims if m is not None and m.anonymous]
        named = [(a, m) for a, m in claims if m is not None and not m.anonymous]
        if anon_cues:
            source = anonymous[0][1] if anonymous else self._anonymous_subject(sentence, text)
            if claims or reading.attributions:
                return _Draft(ANONYMOUS, 0.95, "anonymity marker", cues + anon_cues, source)
            # "One supplier, who asked not to be identified, donated ...": no one is quoted as saying it
            if any(" ".join(cue.text.lower().split()) in self.rules.reporting_markers for cue in anon_cues):
                reason = "unnamed sources behind the story ('it was learned', 'it is understood')"
                return _Draft(ANONYMOUS, 0.85, reason, cues + anon_cues, None)
            reason = "anonymity marker, but no verb of saying"
            return _Draft(ANONYMOUS, 0.8, reason, cues + anon_cues, source)
        outer = _framing_attribution(text, named, anonymous) if anonymous and named else None
        if outer is not None:  # "X said officials ...", "Witnesses told police ..., the report says."
            attribution, mention = outer
            confidence = min(0.85, self._sourced_confidence(attribution, text)[0])
            reason = "a named source reports what unnamed people said"
            return _Draft(SOURCED, confidence, reason, cues, mention)
        if anonymous:
            attribution, source = anonymous[0]
            guess = attribution.guess
            if attribution.form == "participle" and not named:
                reason = "unnamed actors' words reported only as a side remark"
                return _Draft(UNATTRIBUTED, 0.5, reason, cues, None)
            confidence = (  # a pronoun, or a common noun capitalised as the sentence's first word
                0.75
                if guess and guess.kind in {"pronoun", "named"}
                else min(0.92, guess.certainty if guess else 0.7)
            )
            reason = "attributed to sources who are not named"
            if _verb(attribution, text) not in self.rules.plainest_verbs:  # "Builders have complained"
                reason = "attributed to sources who are not named, with a verb other than 'said'"
            if source is not None and _NAMED_BODY_GROUP.search(source.text):
                # "Con Edison officials said": unnamed people, but on the record for a named body
                confidence, reason = min(confidence, 0.75), "unnamed officials of a named body"
            elif source is not None and source.text.lower().split()[-1] in self.rules.expert_nouns:
                # "researchers found": often the team the story named before
                confidence, reason = min(confidence, 0.8), "unnamed experts (perhaps the team named before)"
            return _Draft(ANONYMOUS, confidence, reason, cues, source)
        if weak_cues and not named:
            return _Draft(
                ANONYMOUS,
                0.8,
                "'reportedly': attributed to reports nobody names",
                cues + weak_cues,
                None,
            )

        # 3. sourced
        if named:
            attribution, mention = named[0]
            if self._opens_with_speaker_of_quotation_before(sentence, attribution, previous, previous_draft):
                self._credit_pending(mention)  # '“… do I know?”' + 'Trump said, with a shrug, …'
            confidence, reason = self._sourced_confidence(attribution, text)
            if (
                attribution.guess is not None
                and attribution.guess.kind == "anonymous"
                and mention.kind == "person"
            ):
                confidence, reason = 0.8, "an unnamed source the story names further down"
            if weak_cues:
                confidence -= 0.1
            if attribution.form != "nocomment" and _NEGATED.search(
                text, max(0, attribution.verb_start - 20), attribution.verb_start
            ):  # "the Government does not deny that ...": the writer's inference from a silence
                confidence = min(confidence, 0.75)
            doubt = self._sentence_case_name(sentence, attribution.guess)
            if doubt is not None:
                confidence, reason = min(confidence, doubt), "a capitalised first word taken as a name"
            if self._introduces_what_follows(sentence, text, reading.live):  # "X said:" before a block
                # quotation: some tag it quoted
                confidence, reason = min(confidence, 0.85), "a speaker's line before the words it introduces"
            return _Draft(SOURCED, confidence, reason, cues, mention)
        if any(a.form in {"speech", "complement", "nocomment"} and a.guess is not None for a in live):
            return _Draft(SOURCED, 0.6, "attributed to a source the text does not resolve", cues, None)

        if reported:
            source = reading.block_state[0].source if reading.block_state else None
            return _Draft(SOURCED, 0.7, "inside a passage introduced as a document's content", cues, source)

        # 4. unattributed
        confidence, reason = self._unattributed_confidence(
            text, reading.quotes, reading.attributions, sentence
        )
        return _Draft(UNATTRIBUTED, confidence, reason, cues, None)

    def _quote_closes_in_paragraph(self, sentence: Sentence) -> bool:
        """True when a quotation open at the start of the sentence closes before its paragraph ends."""
        still_open = True
        for later in self.paragraphs[sentence.paragraph]:
            if later.index >= sentence.index:
                _, still_open = _quote_spans(later.text, still_open)
                if not still_open:
                    return True
        return False

    def _sentence_case_name(self, sentence: Sentence, guess: _Guess | None) -> float | None:
        """A lower confidence when the "name" is one word capitalised only because it starts the
        sentence ("Pollsters say ..."), and the article never writes it as a name elsewhere."""
        word = self._sentence_case_word(sentence, guess)
        if word is None:
            return None
        plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))
        return 0.6 if plural else 0.8

    def _sentence_case_word(self, sentence: Sentence, guess: _Guess | None) -> str | None:
        """The guessed name when it is one word at the start of the sentence that the article never
        writes capitalised inside a sentence: a common noun, perhaps ("Environmentalists say")."""
        dateline = self.rules.dateline.match(sentence.text)  # "WASHINGTON — ", "04.00 "
        first = dateline.end() if dateline else 0
        if guess is None or guess.kind != "named" or guess.start != first or " " in guess.text:
            return None
        word = guess.text
        if word.lower() in self.rules.outlet_names or not word[1:].islower():
            return None  # an outlet, or written like "NATO" or "McDonald"
        at = sentence.start + first
        for match in re.finditer(rf"\b{re.escape(word)}\b", self.text):
            before = self.text[max(0, match.start() - 3) : match.start()].rstrip()[-1:]
            if match.start() != at and before and before not in '.!?"“”—–-:(\n':
                return None  # written capitalised inside a sentence too: a name
        return word

    def _credit_pending(self, speaker: _Mention) -> None:
        """Give quotations still waiting for a speaker the one just found."""
        for pending in self.pending_quotes:
            if pending.source is None:
                pending.source = speaker
        self.pending_quotes.clear()
        self.last_speaker = speaker

    def _sourced_confidence(self, attribution: _Attribution, text: str) -> tuple[float, str]:
        guess = attribution.guess
        kind = guess.kind if guess else ""
        if attribution.form == "nocomment":
            return 0.93, "declined to comment / did not respond: sourced to who declined"
        if attribution.form == "credit":
            return 0.8, "source cited in parentheses"
        if kind == "document" and attribution.form == "phrase":
            return 0.9, "according to a document or data set"
        if kind == "document":
            return 0.86, "claim about what a document or data set says"
        verb = _verb(attribution, text)
        if kind == "pronoun" and verb in self.rules.plainest_verbs:
            return 0.8, "pronoun pointing to a source named before"
        if kind == "pronoun":  # "She told him how excited she was": a story told, as often as words
            return 0.75, "pronoun pointing to a source named before, with a verb other than 'said'"
        if attribution.form == "participle":
            return 0.75, "words reported with the action of a named source"
        if kind in {"outlet_anaphor", "report_anaphor"}:
            return 0.9, "attributed to the outlet or report named before"
        if kind == "spokesperson" and guess is not None and guess.certainty < 0.9:
            return 0.8, "spokesperson for a body the sentence does not name"  # "a hospital spokesman"
        if kind == "spokesperson":
            return 0.92, "spokesperson for a named body"
        if kind == "anonymous":
            return 0.8, "a study's authors or experts the story introduced before"
        if attribution.form in {"speechact", "framing"}:
            return 0.8, "statement by a named source"
        certainty = guess.certainty if guess else 0.6
        if verb not in self.rules.plain_verbs:  # "complained", "announced": often the story, not its source
            return min(0.88, certainty), "attributed to a named source (a verb that may report an act)"
        if verb not in self.rules.plainest_verbs:  # "told", "noted": right less often than "said"
            return min(0.93, certainty), "attributed to a named source (told, noted or another plain verb)"
        return min(0.95, certainty), "attributed to a named source"

    def _unattributed_confidence(
        self,
        text: str,
        quotes: Sequence[_Quote],
        attributions: Sequence[_Attribution],
        sentence: Sentence,
    ) -> tuple[float, str]:
        """How sure the sentence is the writer's own claim, and why. A plain sentence names in its
        reason what last lowered its confidence, so that each such reading is measured apart."""
        rules = self.rules
        hits = _lexicon_hits(text, rules)
        confidence, reason = 0.9, _NO_ATTRIBUTION
        if any(a.relative for a in attributions):
            confidence, reason = 0.75, "writer's own claim; a past statement is only mentioned"
        elif any(
            form == "belief" and " ".join(hits.lowered[start:end].split()) in rules.narrated_belief
            for start, end, form in hits.attribution
        ):
            confidence, reason = 0.7, "someone's past thoughts, told in the writer's words"
        elif any(form not in {"document", "belief"} for _, _, form in hits.attribution):
            confidence, reason = 0.7, "attribution-like words that do not attribute this claim"
        if quotes:
            confidence = min(confidence, 0.8)
            reason = "quotation marks around a name, title or label"
        doubts: list[tuple[float, str]] = []  # what may lower the confidence, in order
        if self.ragged:
            doubts.append(
                (0.88, "no attribution in the sentence, on a page where many lines are not sentences")
            )
        if hits.groups:
            doubts.append(
                (0.72, "no attribution in the sentence; people or reports it does not name are mentioned")
            )
        if rules.document_noun.search(hits.lowered, 0, 40):  # "The invoices ... list"
            doubts.append((0.8, "no attribution in the sentence; it opens with a document, which may speak"))
        first_word = _WORD_RUN.match(text)
        if first_word and first_word.group().lower() in rules.pronouns:
            doubts.append((0.72, "no attribution in the sentence; it opens with a pronoun"))
        if _FIRST_PERSON.search(text):  # the writer's voice, or a speaker's whose quotation marks were lost
            doubts.append((0.6, "no attribution in the sentence; in the first person"))
        if (
            _LABEL_PREFIX.match(text)  # "Tech Enabled: ...": a teaser or promo for another story, perhaps
            or _CAPITALS_FIRST.match(text)  # "SUSIE O'BRIEN THE ..."
            # the standfirst under a headline: a summary, or a subhead
            or (sentence.index <= 2 and len(self.paragraphs[sentence.paragraph]) == 1)
            # Lines that may be boilerplate the lexicons do not know: short, speaking to the reader,
            # in parentheses, or among the last lines of the article.
            or _SIX_WORDS_AT_MOST.fullmatch(text)
            or text.startswith("(")
            or sentence.index >= len(self.sentences) - 2
            or _READER_ADDRESS.search(text)
        ):
            doubts.append(
                (0.8, "no attribution in the sentence; a short, first or last line, or one to the reader")
            )
        previous = self.sentences[sentence.index - 1] if sentence.index else None
        if previous is not None and previous.text.rstrip().endswith(":"):
            doubts.append((0.5, "no attribution in the sentence; after a line ending with a colon"))
        if (
            previous is not None
            and previous.paragraph == sentence.paragraph
            and self.drafts
            and self.drafts[-1].label == SOURCED
        ):  # the paragraph may go on with the source's account: reviewers split on such sentences
            doubts.append((0.75, "no attribution in the sentence; after a sourced sentence in its paragraph"))
        if _starts_with_name(text, rules):
            # "NASA released images ...", "ECOWAS has threatened ...": a source acting may be speaking
            doubts.append(
                (0.85, "no attribution in the sentence; it opens with a name, which may be speaking")
            )
        for cap, reading in doubts:
            if cap < confidence:
                confidence = cap
                if reason.startswith(_NO_ATTRIBUTION):
                    reason = reading
        return confidence, reason

    # -- neighbours ---------------------------------------------------------------------------

    def _speaker_tag(
        self,
        sentence: Sentence,
        text: str,
        real_quotes: Sequence[_Quote],
        says: Sequence[_Attribution],
        previous: Sentence | None,
        previous_draft: _Draft | None,
    ) -> _Mention | None:
        """The speaker when the sentence is only a speaker tag split from the quotation before it
        (a name alone, too: "Kheradpir." after '"We have to start somewhere."' lost its "said")."""
        if real_quotes or not _right_after_quotation(sentence, previous, previous_draft):
            return None
        if not says:
            name = self._bare_speaker_tag(sentence, text)
            return None if name is None else self._resolve(_named(name, self.rules), sentence)
        words = _WRITTEN_WORDS.findall(text)
        if len(words) > 12 or _CLAUSE_IN_TAG.search(text):
            return None
        attribution = says[0]
        if attribution.form == "nocomment" or (  # "He declined to say when ...", "had no comment"
            len(_WRITTEN_WORDS.findall(text, attribution.verb_end)) > _TAG_TAIL_WORDS
            and (attribution.guess is None or attribution.guess.start < attribution.verb_start)
        ):  # "He said his lander should be ready in 2023.": a claim of its own, not a tag
            return None
        return self._resolve(attribution.guess, sentence)

    def _opens_with_speaker_of_quotation_before(
        self,
        sentence: Sentence,
        attribution: _Attribution,
        previous: Sentence | None,
        previous_draft: _Draft | None,
    ) -> bool:
        """True for a sentence that opens with who spoke and a verb of saying, right after a quotation
        still waiting for its speaker in the same paragraph: the segmenter cut the speaker tag off
        after "?”" or "!”", and the tag runs on into more of the writer's sentence."""
        guess = attribution.guess
        return (
            bool(self.pending_quotes)
            and _right_after_quotation(sentence, previous, previous_draft)
            and previous_draft is not None
            and previous_draft.source is None
            and attribution.form in {"speech", "complement", "speechact"}
            and guess is not None
            and all(word[:1].isupper() for word in sentence.text[: guess.start].split())  # "Mayor Dana Price"
        )

    def _quote_source(
        self,
        sentence: Sentence,
        text: str,
        real_quotes: Sequence[_Quote],
        block_state: tuple[_Block, int] | None,
    ) -> _Mention | None:
        """Who says a quotation that has no speech verb: a name beside it, the block or the last speaker."""
        last_end = max(q.end for q in real_quotes)
        outlet = _outlet_in(text, last_end, len(text), self.rules)
        if outlet:
            start, end, name = outlet
            return _Mention(name, (sentence.start + start, sentence.start + end), False, "outlet")
        labelled = _speaker_before_colon(text, min(q.start for q in real_quotes), self.rules)
        if labelled is not None:
            mention = self._resolve(labelled, sentence)
            if mention is not None:
                return mention
        if block_state is not None:
            return block_state[0].source
        starts_paragraph = (
            sentence.index == 0 or self.sentences[sentence.index - 1].paragraph != sentence.paragraph
        )
        if text.lstrip()[:1] in '“"' and starts_paragraph:
            return None  # a new quotation: wait for its speaker tag
        return self.last_speaker

    def _anonymous_subject(self, sentence: Sentence, text: str) -> _Mention | None:
        """The unnamed sources of a sentence with an anonymity marker: its own subject or "they"."""
        subject = _main_subject(text, len(text), self.rules)
        if subject is not None:
            mention = self._resolve(subject, sentence)
            if mention is not None:
                return mention
        return self._latest_group()[0]

    def _latest_group(self) -> tuple[_Mention | None, int]:
        """The last group of unnamed people mentioned, and the index of its sentence."""
        memory = self.memory
        pending = memory.group_sentence
        if pending is not None and pending.index > memory.group_index:
            mention = self._group_mention(pending)
            if mention is not None:
                memory.group, memory.group_index = mention, pending.index
        memory.group_sentence = None
        return memory.group, memory.group_index

    def _resolve(self, guess: _Guess | None, sentence: Sentence) -> _Mention | None:
        """Turn a guess into a source, following pronouns and "the paper" back to earlier mentions."""
        if guess is None:
            return None
        memory = self.memory
        span = (sentence.start + guess.start, sentence.start + guess.end)
        if guess.kind == "pronoun":
            if guess.pronoun == "person":
                return self._person_before(sentence.index)
            if guess.pronoun == "group":
                group, index = self._latest_group()
                if group is not None and sentence.index - index <= 3:
                    return group
                return group or memory.body
            return memory.body or memory.document
        if guess.kind == "outlet_anaphor":
            return memory.outlet or _Mention(guess.text, span, False, "outlet")
        if guess.kind == "report_anaphor":
            return memory.outlet or memory.document or _Mention(guess.text, span, False, "document")
        if guess.kind == "anonymous":
            return self._named_further_down(guess, sentence) or _Mention(
                guess.text, span, not self._introduced_team(guess, sentence), "group"
            )
        if guess.kind == "document":
            return _Mention(self._with_owner(guess.text), span, False, "document")
        if guess.kind == "role" and self._introduced_unnamed(guess.text, sentence):
            return _Mention(guess.text, span, True, "person")
        if guess.kind == "role" and guess.certainty >= 0.8:
            person = self._person_before(sentence.index)
            if person is not None:
                return person
        word = self._sentence_case_word(sentence, guess)
        unnamed = word is not None and (
            _PEOPLE_PLURAL.search(word) or _singular(word.lower()) in self.rules.unnamed_bodies
        )
        if word is not None and unnamed and word.lower() not in self.rules.institutions:
            return _Mention(word, span, True, "group")  # "Environmentalists say", "Companies say": not names
        kind = "person" if guess.person else "body"
        name = self._full_name(guess.text, sentence.index) if guess.person else guess.text
        return _Mention(name, span, False, kind)

    def _named_further_down(self, guess: _Guess, sentence: Sentence) -> _Mention | None:
        """The wire-story lede's "A California sheriff says …" when the story names him further
        down ("Shasta County Sheriff Tom Bosenko said"): the sheriff is on the record."""
        words = guess.text.split()
        if (
            len(words) > 4
            or words[0] not in {"A", "An", "a", "an"}
            or words[-1].lower() not in self.rules.roles
        ):
            return None
        later = self.text[sentence.end : sentence.end + _NAMED_FURTHER_DOWN]
        found = re.search(
            rf"\b(?i:{re.escape(words[-1])})\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}})", later
        )
        if found is None:
            return None
        start = sentence.end + found.start("name")
        return _Mention(found["name"], (start, start + len(found["name"])), False, "person")

    def _introduced_unnamed(self, role: str, sentence: Sentence) -> bool:
        """True for "the scientist" when the three sentences before bring in "a scientist working at
        the agency" and give no name after it: the same unnamed person, an anonymous source."""
        words = role.split()
        if len(words) > 4 or any(word.lower() in self.rules.prepositions for word in words):
            return False  # "the chairman of the party": its head is not its last word
        before = self.text[self.sentences[max(0, sentence.index - 3)].start : sentence.start]
        modifier = r"(?!(?i:the|a|an|of|with|to|for|in|on|at|from|by|and|or)\s)[\w'’-]+\s+"
        unnamed = rf"\b(?i:a|an|one|another)\s+(?:{modifier}){{0,3}}{re.escape(words[-1])}\b(?!,\s+[A-Z])"
        return re.search(unnamed, before) is not None

    def _introduced_team(self, guess: _Guess, sentence: Sentence) -> bool:
        """True for "the researchers" once the article has mentioned a study (its authors), and for
        "the doctors" once it has written of doctors before: people identified, not anonymous."""
        words = guess.text.lower().split()
        if len(words) != 2 or words[0] not in {"the", "his", "her", "their"}:
            return False
        study_team = words[0] == "the" and words[1] in self.rules.study_teams
        if not study_team and words[1] not in self.rules.expert_nouns:
            return False
        before = _lower_case(self.text[: sentence.start])
        if study_team and self.rules.document_noun.search(before) is not None:
            return True
        # "The doctors warned": the doctors the story introduced before
        return words[1] in self.rules.expert_nouns and re.search(rf"\b{words[1]}\b", before) is not None

    def _with_owner(self, phrase: str) -> str:
        """'Its figures' -> 'Nigerian Ports Authority' when the owner was named before."""
        first = phrase.split(maxsplit=1)[0].lower()
        if first in {"its", "their"} and self.memory.body is not None:
            return self.memory.body.text
        return phrase

    def _remember(
        self,
        sentence: Sentence,
        text: str,
        live: Sequence[_Attribution],
        mentions: Sequence[_Mention | None],
        draft: _Draft,
    ) -> None:
        memory, rules = self.memory, self.rules
        for start, end, name in _lexicon_hits(text, rules).outlets:
            memory.remember(
                _Mention(name, (sentence.start + start, sentence.start + end), False, "outlet"),
                sentence.index,
            )
        if _lexicon_hits(text, rules).groups:
            memory.group_sentence = sentence
        for attribution, mention in zip(live, mentions, strict=True):
            if mention is None or attribution.guess is None or attribution.guess.kind == "pronoun":
                continue
            if mention is memory.person:
                continue
            memory.remember(mention, sentence.index)
            if attribution.form != "document":
                self.last_speaker = mention
        if draft.source is not None and draft.label == QUOTED:
            self.last_speaker = draft.source

    def _people(self, sentence: Sentence) -> list[_Mention]:
        """The people a sentence names in full ("Vladimir Putin"), in order (cached)."""
        cached = self._people_cache.get(sentence.index)
        if cached is not None:
            return cached
        text, rules = sentence.text, self.rules
        people = []
        for candidate in _CAPITALISED_RUN.finditer(text):
            parts = candidate.group().split()
            while parts and parts[0] in rules.not_name_words:
                parts.pop(0)
            if len(parts) < 2:  # "The Pentagon", "On Monday": not a person's full name
                continue
            tokens = _tokens(text, candidate.start(), candidate.end(), rules)
            for first, last in _name_runs(tokens, rules):
                words = tokens[first:last]
                if len(words) >= 2 and not _is_organisation(words, rules):
                    named = _named(words, rules)
                    span = (sentence.start + named.start, sentence.start + named.end)
                    people.append(_Mention(named.text, span, False, "person"))
        self._people_cache[sentence.index] = people
        return people

    def _interviewee(self, index: int) -> _Mention | None:
        """Who answers in an interview that starts at sentence ``index``: the last person the
        introduction names in full and the article names again by surname ("producer Greg
        Berlanti" … "Berlanti's shows"), or else the last one it names in full."""
        people = [
            person
            for earlier in self.sentences[:index]
            for person in self._people(earlier)
            if " of " not in person.text and person.text.split()[0].lower() not in self.rules.group_nouns
        ]
        known = [person for person in people if self._named_again(person.text)]
        candidates = known or people
        return candidates[-1] if candidates else None

    def _person_before(self, index: int) -> _Mention | None:
        """The last person named or speaking before sentence ``index`` (for "he", "the minister").

        Two capitalised words are not always a person ("the Rocky Mountains", "'Bad Romance'"): a
        name the article also writes by its last word alone ("Taylor said") is preferred to one
        nearer that it never does, which is kept only when no such name comes before it."""
        memory = self.memory
        nearest = None
        for earlier in range(index - 1, memory.person_index, -1):
            if self.drafts[earlier].label == SKIP:  # headlines, bylines, credits name no source
                continue
            people = self._people(self.sentences[earlier])
            if not people:
                continue
            nearest = nearest or people[0]
            known = next((p for p in people if self._named_again(p.text)), None)
            if known is not None:
                memory.person, memory.person_index = known, earlier
                return known
        if nearest is not None and (
            memory.person is None or memory.person.anonymous or not self._named_again(memory.person.text)
        ):  # an unnamed person met before ("the TV executive") gives way to a name
            memory.person = nearest
        memory.person_index = max(memory.person_index, index - 1)
        return memory.person

    def _named_again(self, name: str) -> bool:
        """True when the article writes the last word of ``name`` without the rest of it, and not
        after a preposition or article ("Ms. Haley", "Taylor said" beside "David Taylor"; not "in
        Canada" beside "Statistics Canada"): the way a person is named again."""
        known = self._named_again_cache.get(name)
        if known is None:
            rest = self.text.replace(name, "\0")
            last = name.split()[-1]
            known = False
            at = rest.find(last)
            while at >= 0 and not known:  # the last word as a whole word (str.find: no regex per name)
                end = at + len(last)
                if not _word_touches(rest, at - 1, "'’.-") and not _word_touches(rest, end, "-"):
                    before = _WORD_BEFORE.search(rest, max(0, at - 30), at)
                    word = before.group(1).lower() if before else ""
                    known = word not in self.rules.prepositions and word not in {"the", "a", "an"}
                at = rest.find(last, at + 1)
            self._named_again_cache[name] = known
        return known

    def _full_name(self, name: str, index: int) -> str:
        """The full name an earlier sentence gives a surname or first name ("Putin" -> "Vladimir Putin"),
        also after a title ("Mrs Thatcher" -> "Margaret Thatcher", "Lord Baker" -> "Kenneth Baker")."""
        *titles, key = name.split()
        if not all(_title_before_surname(word, self.rules) for word in titles):
            return name  # a full name already: only a single word is looked up among full names
        full = self.memory.full_names.get(key)
        if full is None:
            for earlier in self.sentences[:index]:
                if key in earlier.text and self.drafts[earlier.index].label != SKIP:
                    people = self._people(earlier)
                    full = next((p.text for p in people if key in p.text.split() and p.text != name), None)
                    if full is not None:
                        self.memory.full_names[key] = full
                        break
        return full or name

    def _group_mention(self, sentence: Sentence) -> _Mention | None:
        """The last plural group of unnamed people in the sentence ("administration officials")."""
        text, rules = sentence.text, self.rules
        plural = [
            (s, e)
            for s, e, _ in _lexicon_hits(text, rules).groups
            if text[e - 1 : e] in "s'’" and text[s:e].lower() not in {"reports", "media"}
        ]
        if not plural:
            return None
        noun_start, noun_end = plural[-1]
        tokens = _tokens(text, _window_start(text, 0, noun_start, 60), noun_start, rules)
        start = len(tokens)
        while start > 0 and len(tokens) - start < 3:
            before = tokens[start - 1]
            gap = text[before.end : tokens[start].start if start < len(tokens) else noun_start]
            if (
                _PUNCTUATION.search(gap)
                or before.norm in rules.modifier_stops
                or before.norm in rules.pronouns
            ):
                break
            start -= 1
        first = tokens[start].start if start < len(tokens) else noun_start
        name = text[first:noun_end].rstrip("'’")
        return _Mention(name, (sentence.start + first, sentence.start + first + len(name)), True, "group")

    def _cue(self, start: int, end: int, kind: str) -> Cue:
        return Cue(start, end, self.text[start:end], kind)
