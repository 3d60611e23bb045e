"""Dependency shapes kept as data, in spaCy's DependencyMatcher format, matched from an anchor.

spaCy validates the patterns (a `DependencyMatcher` is built from them once), but the components
match them here: spaCy's matcher runs every node's token pattern over every token of the doc,
which made reported speech cost 7% of the base model's time (and one passive-agent pattern half
of the speaker attributor's); starting from the tokens that can be
a pattern's first node (a cue verb, "according") and walking the tree from there costs a tenth
of that and finds the same matches. Supported: relations `>` (a child) and `<` (the head), and
token attributes LEMMA, LOWER, POS, TAG, DEP and ENT_TYPE, each a value or {"IN": [...]} /
{"NOT_IN": [...]}; anything else is refused when the patterns are loaded. Token patterns
(spaCy's `Matcher` format, one test per token, no operators) are matched the same way: from
the tokens that can start them.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy
from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, POS, TAG
from spacy.matcher import DependencyMatcher, Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

# Token attribute -> how to read it.
ATTRIBUTES: dict[str, Callable[[Token], str]] = {
    "LEMMA": operator.attrgetter("lemma_"),
    "LOWER": operator.attrgetter("lower_"),
    "POS": operator.attrgetter("pos_"),
    "TAG": operator.attrgetter("tag_"),
    "DEP": operator.attrgetter("dep_"),
    "ENT_TYPE": operator.attrgetter("ent_type_"),
}
RELATIONS: frozenset[str] = frozenset({">", "<"})
# Each attribute's column in `doc.to_array`: the string's hash (POS: its symbol, which is also
# what the string store gives for a POS name), so a test compares hashes, not strings.
_ATTRIBUTE_IDS: dict[str, int] = {
    "LEMMA": LEMMA,
    "LOWER": LOWER,
    "POS": POS,
    "TAG": TAG,
    "DEP": DEP,
    "ENT_TYPE": ENT_TYPE,
}

# The attributes whose values are words (a lexicon), not a closed set of labels.
_WORDS = frozenset({"LEMMA", "LOWER"})

Test = Callable[[Token], bool]


@dataclass(frozen=True, slots=True)
class ColumnCheck:
    """One attribute test on a doc's column: the value is one of `inside` (None: any value)
    and none of `outside`."""

    attribute: str
    inside: frozenset[str] | None
    outside: frozenset[str]


@dataclass(frozen=True, slots=True)
class Node:
    name: str
    parent: str | None  # the node it relates to (None for the anchor)
    relation: str | None  # ">" (a child of parent) or "<" (the head of parent)
    test: Test


@dataclass(frozen=True, slots=True)
class Shape:
    label: str
    nodes: tuple[Node, ...]
    anchor_checks: tuple[ColumnCheck, ...] = ()  # the anchor's test, on the doc's columns
    prefilter: ColumnCheck | None = None  # see `_with_prefilters`


def compile_shapes(vocab: Vocab, patterns: Sequence[dict[str, Any]]) -> list[Shape]:
    """Validate the patterns with spaCy, then compile them; raises ValueError on a pattern this
    matcher does not support, naming it."""
    checker = DependencyMatcher(vocab, validate=True)
    shapes = []
    for entry in patterns:
        label = entry["label"]
        checker.add(label, [entry["pattern"]])
        nodes = []
        for k, spec in enumerate(entry["pattern"]):
            relation = spec.get("REL_OP")
            if k > 0 and relation not in RELATIONS:
                raise ValueError(f"pattern {label!r}: relation {relation!r} is not supported")
            nodes.append(
                Node(
                    name=spec["RIGHT_ID"],
                    parent=spec.get("LEFT_ID"),
                    relation=relation,
                    test=_test(label, spec.get("RIGHT_ATTRS", {})),
                )
            )
        first = entry["pattern"][0]
        shapes.append(Shape(label, tuple(nodes), _column_checks(first.get("RIGHT_ATTRS", {}))))
    return _with_prefilters(shapes)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A token pattern (spaCy `Matcher` format) of one test per token, no operators."""

    label: str
    tests: tuple[Test, ...]
    anchor_checks: tuple[ColumnCheck, ...] = ()  # the first token's test, on the doc's columns
    prefilter: ColumnCheck | None = None  # see `_with_prefilters`


Anchored = TypeVar("Anchored", Shape, Phrase)


def compile_phrases(vocab: Vocab, patterns: Sequence[dict[str, Any]]) -> list[Phrase]:
    """Validate token patterns with spaCy's Matcher, then compile them; raises ValueError on a
    pattern this matcher does not support (an operator, another attribute), naming it."""
    checker = Matcher(vocab, validate=True)
    phrases = []
    for entry in patterns:
        label, tokens = entry["label"], entry["pattern"]
        checker.add(label, [tokens])
        if not tokens:
            raise ValueError(f"pattern {label!r}: no tokens")
        tests = tuple(_test(label, spec) for spec in tokens)
        phrases.append(Phrase(label, tests, _column_checks(tokens[0])))
    return _with_prefilters(phrases)


def _with_prefilters(patterns: list[Anchored]) -> list[Anchored]:
    """Each pattern whose first check is a word list, with the union of all such lists (of its
    attribute) as its prefilter: one binary search over the doc's column per union, and each
    pattern's own list tested on the few tokens that pass it, not one search per list."""
    unions: dict[str, set[str]] = {}
    for pattern in patterns:
        first = _word_list(pattern)
        if first is not None and first.inside is not None:
            unions.setdefault(first.attribute, set()).update(first.inside)
    prefilters = {
        attribute: ColumnCheck(attribute, frozenset(words), frozenset())
        for attribute, words in unions.items()
    }
    return [
        dataclasses.replace(p, prefilter=prefilters[first.attribute])
        if (first := _word_list(p)) is not None
        else p
        for p in patterns
    ]


def _word_list(pattern: Shape | Phrase) -> ColumnCheck | None:
    """The pattern's first check, when it is a list of words (see `_column_checks`)."""
    first = pattern.anchor_checks[0] if pattern.anchor_checks else None
    if first is None or first.inside is None or first.attribute not in _WORDS:
        return None
    return first


def match_phrases(doc: Doc, phrases: Sequence[Phrase]) -> list[tuple[str, int, int]]:
    """(label, start, end) of every match, by start: spaCy's Matcher tests every token of the
    doc; here only the tokens that can start a phrase are tried."""
    found: list[tuple[int, str, int]] = []
    cache: dict[Any, Any] = {}
    n = len(doc)
    for phrase in phrases:
        length = len(phrase.tests)
        rest = phrase.tests[1:]
        for start in _passing(doc, phrase.anchor_checks, phrase.prefilter, cache):
            if start + length <= n and all(test(doc[start + 1 + k]) for k, test in enumerate(rest)):
                found.append((start, phrase.label, start + length))
    found.sort()
    return [(label, start, end) for start, label, end in found]


def _passing(
    doc: Doc, checks: tuple[ColumnCheck, ...], prefilter: ColumnCheck | None, cache: dict[Any, Any]
) -> list[int]:
    """Indices of the tokens that pass a first node's test, tested on the doc's columns (no
    Token made). The first check (a word list, as `_column_checks` orders them) reads the rows
    its prefilter passed (or the whole column) and its rows are kept in `cache` for the doc
    (most patterns start from the same cue words); the other checks read only those rows."""
    if not checks:
        return list(range(len(doc)))
    first = checks[0]
    rows = cache.get(first)
    if rows is None:
        column = _column(doc, first.attribute, cache)
        if prefilter is None:
            rows = numpy.flatnonzero(_passes(column, first))
        else:
            candidates = cache.get(prefilter)
            if candidates is None:
                candidates = cache[prefilter] = numpy.flatnonzero(_passes(column, prefilter))
            rows = candidates[_passes(column[candidates], first)]
        cache[first] = rows
    for check in checks[1:]:
        if not len(rows):
            break
        rows = rows[_passes(_column(doc, check.attribute, cache)[rows], check)]
    found: list[int] = rows.tolist()
    return found


def _column(doc: Doc, attribute: str, cache: dict[Any, Any]) -> numpy.ndarray:
    column = cache.get(attribute)
    if column is None:
        column = cache[attribute] = doc.to_array(_ATTRIBUTE_IDS[attribute])
    return column


def _passes(values: numpy.ndarray, check: ColumnCheck) -> numpy.ndarray:
    passed: numpy.ndarray = ~in_sorted(values, hashes_of(check.outside))
    if check.inside is not None:
        passed &= in_sorted(values, hashes_of(check.inside))
    return passed


def _column_checks(attrs: dict[str, Any]) -> tuple[ColumnCheck, ...]:
    """A token pattern's attribute tests as column checks (`_test` has refused the rest)."""
    checks = []
    for name, value in attrs.items():
        if isinstance(value, str):
            checks.append(ColumnCheck(name, frozenset({value}), frozenset()))
        else:
            inside = frozenset(value["IN"]) if "IN" in value else None
            checks.append(ColumnCheck(name, inside, frozenset(value.get("NOT_IN", ()))))
    # a word list first: it passes the fewest tokens, and the other checks read only those
    return tuple(sorted(checks, key=lambda c: (c.inside is None, c.attribute not in _WORDS)))


def distinct_string_mask(
    doc: Doc, hashes: numpy.ndarray, rows: numpy.ndarray, test: Callable[[str], bool]
) -> numpy.ndarray:
    """Per token of `doc`: `test` holds for the string whose hash `hashes` gives, asked only
    for the tokens at `rows` and once per distinct string (a string-store lookup costs more
    than most tests); False elsewhere."""
    mask = numpy.zeros(len(doc), dtype=bool)
    if len(rows):
        found, of_row = numpy.unique(hashes[rows], return_inverse=True)
        strings = doc.vocab.strings
        passed = numpy.array([test(strings[int(h)]) for h in found], dtype=bool)
        mask[rows] = passed[of_row.reshape(-1)]
    return mask


def sorted_hashes(values: Iterable[str]) -> Any:
    """The string-store hashes of `values`, sorted, as a numpy array to test a doc's attribute
    column against (fixed: a hash does not depend on the vocab)."""
    return numpy.sort(numpy.fromiter((get_string_id(v) for v in values), dtype="uint64"))


@functools.lru_cache(maxsize=256)
def hashes_of(values: frozenset[str]) -> Any:
    """`sorted_hashes` of a fixed set (a lexicon, a label set), computed once per set."""
    return sorted_hashes(values)


def in_sorted(column: numpy.ndarray, values: numpy.ndarray) -> numpy.ndarray:
    """`numpy.isin(column, values)` for a sorted `values` (as `hashes_of` gives): a binary
    search per row, several times faster than `isin`'s sort of both arrays on a doc's column."""
    if not len(values):
        return numpy.zeros(len(column), dtype=bool)
    at = numpy.searchsorted(values, column)
    at[at == len(values)] = 0
    found: numpy.ndarray = values[at] == column
    return found


def _test(label: str, attrs: dict[str, Any]) -> Test:
    checks: list[Callable[[Token], bool]] = []
    for name, value in attrs.items():
        read = ATTRIBUTES.get(name)
        if read is None:
            raise ValueError(f"pattern {label!r}: attribute {name!r} is not supported")
        checks.append(_check(label, read, value))

    def test(token: Token) -> bool:
        for check in checks:  # (a loop: a generator per test cost more than the checks)
            if not check(token):
                return False
        return True

    return test


def _check(label: str, read: Callable[[Token], str], value: Any) -> Callable[[Token], bool]:
    if isinstance(value, str):
        return lambda t: read(t) == value
    if isinstance(value, dict) and set(value) <= {"IN", "NOT_IN"}:
        inside = frozenset(value.get("IN", ()))
        outside = frozenset(value.get("NOT_IN", ()))
        if "IN" in value:
            return lambda t: (v := read(t)) in inside and v not in outside
        return lambda t: read(t) not in outside
    raise ValueError(f"pattern {label!r}: value {value!r} is not supported")


def match(doc: Doc, shapes: Sequence[Shape]) -> list[tuple[str, dict[str, int]]]:
    """(label, node name -> token index) of every match, in order of the anchor token."""
    cache: dict[Any, Any] = {}
    children: dict[int, list[Token]] = {}  # a token's children, made once for all shapes
    found: list[tuple[int, str, dict[str, int]]] = []
    for shape in shapes:
        anchor, rest = shape.nodes[0], shape.nodes[1:]
        for i in _passing(doc, shape.anchor_checks, shape.prefilter, cache):
            token = doc[i]
            for binding in _extend({anchor.name: token}, rest, children):
                found.append((i, shape.label, {k: t.i for k, t in binding.items()}))
    found.sort(key=lambda f: (f[0], f[1], sorted(f[2].values())))
    return [(label, nodes) for _, label, nodes in found]


def _extend(
    binding: dict[str, Token], rest: Sequence[Node], children: dict[int, list[Token]]
) -> Iterator[dict[str, Token]]:
    if not rest:
        yield binding
        return
    node = rest[0]
    assert node.parent is not None
    parent = binding[node.parent]
    if node.relation == ">":
        options = children.get(parent.i)
        if options is None:
            options = children[parent.i] = list(parent.children)
    else:
        options = [parent.head] if parent.head.i != parent.i else []
    taken = {t.i for t in binding.values()}
    for option in options:
        if option.i not in taken and node.test(option):
            yield from _extend({**binding, node.name: option}, rest[1:], children)
