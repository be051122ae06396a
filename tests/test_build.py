"""The suggester's speed: compiled by ``pip install .`` with mypyc (see setup.py), and shortcuts
that must not change what it finds."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.suggest import _FIRST_PERSON, _first_characters, _prefixes, _rules

ROOT = Path(__file__).resolve().parent.parent
COMPILED = ["factcheck/suggest.py", "factcheck/confidence.py"]  # as setup.py compiles them


def test_the_suggester_type_checks_so_an_install_can_compile_it(tmp_path, monkeypatch) -> None:
    """mypyc compiles only code mypy accepts; setup.py falls back to pure Python otherwise, silently
    losing the speed, so a type error in the suggester fails here instead."""
    api = pytest.importorskip("mypy.api")
    monkeypatch.chdir(ROOT)  # mypy reads its settings from pyproject.toml, as the build does
    report, errors, status = api.run([*COMPILED, "--cache-dir", str(tmp_path)])
    assert status == 0, report + errors


def test_mypyc_accepts_the_suggester(tmp_path, monkeypatch, capsys) -> None:
    """mypyc is stricter than mypy ("Local variable has inferred type None" passes mypy): generate
    the C code the install would compile (no C compiler needed), so a rejection fails here instead
    of the install quietly falling back to pure Python."""
    build = pytest.importorskip("mypyc.build")
    monkeypatch.chdir(ROOT)
    try:
        build.mypycify(COMPILED, target_dir=str(tmp_path))
    except SystemExit as stop:  # mypyc reports its errors on stdout and exits
        pytest.fail(f"mypyc rejects {COMPILED} ({stop}):\n{capsys.readouterr().out}")


# -- the byline/credit patterns are tried by a line's first characters (a speed-up that must not
#    change what is found) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^By\s+\w+", {"B"}),
        (r"(?i)^by\s+\w+", {"B", "b"}),
        (r"^(?:More from|The latest on)\b", {"M", "T"}),
        (r"^(?:\d{1,2}:\d{2}\s+)?More from", set("0123456789M")),
        (r"^[—–-]\s*\w+", {"-"}),  # the dashes that are not ASCII are tried whole, never skipped
        (r"^[A-C]x", {"A", "B", "C"}),
    ],
)
def test_first_characters_of_a_pattern(pattern: str, expected: set[str]) -> None:
    assert _first_characters(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [r"^(?=[^|]*\|)\w", r"^[^a]b", r"^(?:x?)y?", r"(?i)^©", r"(?i)^ſ", r"^.x", r"^\W"],
)
def test_a_pattern_that_may_start_with_anything_is_always_tried(pattern: str) -> None:
    assert _first_characters(pattern) is None


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"^[—–-]\s*\w+", {"—", "–", "-"}),
        (r"^[“\"]\w+", {"“", '"'}),
        (r"(?i)^by\s+\w+", {"B", "b"}),  # case ignored: still ASCII only ("K" is tried whole)
        (r"^\w+", None),  # "\w" and "\s" hold characters that are not ASCII
        (r"^\s*“", None),
    ],
)
def test_first_characters_that_are_not_ascii(pattern: str, expected: set[str] | None) -> None:
    assert _first_characters(pattern, ascii_only=False) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?i)^to (?:join|learn)", {"TO ", "To ", "tO ", "to "}),
        (r"^(?:\d{1,2}:\d{2}\s+)?More", {*"0123456789", "Mor"}),  # "1" and what follows: not read
        (r"^By\b|^PTI$", {"By", "PTI"}),
        (r"^It’s", set()),  # no line that starts with ASCII characters only
        (r"^(?=x)y", None),
    ],
)
def test_prefixes_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    assert _prefixes(pattern) == expected


LINE_START = st.sampled_from(
    [
        "By ",
        "BY ",
        "by ",
        "Photo: ",
        "Getty Images",
        "(AP) ",
        "— ",
        "- ",
        "More from ",
        "12:30 More on ",
        "This article ",
        "THIS STORY ",
        "To join, contact ",
        "It’s ",
        "Copyright ",
        "© ",
        "ſ",
        "K",
        "“",
        "‘",
        "•",
        "\u00a0",
        "Reuters/",
        "Jane Doe is a reporter ",
        "",
    ]
)


@settings(max_examples=400, deadline=None)
@given(LINE_START, st.text(alphabet="ABab cdeK|.,:()@-—'’“”0123ſ\n", max_size=40))
def test_the_first_character_shortcut_finds_what_the_whole_alternation_finds(start: str, rest: str) -> None:
    rules = _rules(None)
    line = start + rest
    whole = rules.anchored_skip_lines.whole.match(line)
    quick = rules.anchored_skip_lines.match(line)
    assert (whole and (whole.lastgroup, whole.span())) == (quick and (quick.lastgroup, quick.span()))


# -- "I", "we", "our" are searched by their first letter (a speed-up that must not change what is found)

PLAIN_FIRST_PERSON = re.compile(
    r"\b(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]urs?|us|[Mm]y|me)\b"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="IiWwOoUuMmYyesrdlv'’ .,\n_9é", max_size=30))
def test_the_first_person_pattern_finds_what_the_plain_one_finds(text: str) -> None:
    assert [m.span() for m in _FIRST_PERSON.finditer(text)] == [
        m.span() for m in PLAIN_FIRST_PERSON.finditer(text)
    ]
