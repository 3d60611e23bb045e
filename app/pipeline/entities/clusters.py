"""Which names of an article are one entity: a multi-word name is its own cluster, a one-word
name joins the multi-word name it abbreviates (by last word, then any later word, then a
person's first name, a surname misspelt by one letter, or an organisation's acronym), a
shorter multi-word name joins a longer one that holds its words; each cluster gets its
canonical name (the fullest form), kind and role."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Mapping, Sequence

from app.pipeline.entities.first_names import (
    FIRST_NAME_ANSWERS,
    UNKNOWN_ANSWER,
    Gender,
    GenderLexicon,
)
from app.pipeline.entities.named import Cluster, Name

# The kind of organisation whose name words (models/org_kind_words.tsv) may trail a short form.
COMPANY_KIND = "company"
# A company's legal form at the end of its name.
LEGAL_FORMS: frozenset[str] = frozenset(
    "inc. inc ltd. ltd corp. corp co. llc plc limited corporation incorporated".split()
)


def cluster_names(
    names: Sequence[Name],
    genders: GenderLexicon,
    org_kinds: Mapping[str, frozenset[str]] | None = None,
) -> dict[str, Cluster]:
    """Group names by their last word; a multi-word name is its own cluster. `org_kinds`
    (noun: name words that show it, models/org_kind_words.tsv) lets a capitalised noun alone
    (`Company says ...` in a deck) join the organisation of that kind."""
    full: dict[tuple[str, ...], Cluster] = {}
    for name in names:
        if len(name.words) > 1:
            cluster = full.get(name.words)
            if cluster is None:
                full[name.words] = Cluster([name], name, name.kind)
            else:
                cluster.names.append(name)
    # indexes over the multi-word names, so that each lookup below is O(matches), not O(names)
    by_last: dict[str, list[Cluster]] = {}
    by_inner: dict[str, list[Cluster]] = {}
    by_first: dict[str, list[Cluster]] = {}  # first names of people ("Chris" Anderson)
    by_first_unknown: dict[str, list[Cluster]] = {}  # ... the lexicon does not know ("Manvir")
    # words the article writes after an honorific (`Mr. Obama`): surnames, never first names
    surnames = {n.words[0] for n in names if len(n.words) == 1 and n.gender is not None}
    for words, cluster in full.items():
        by_last.setdefault(words[-1], []).append(cluster)
        for word in dict.fromkeys(words[1:]):
            by_inner.setdefault(word, []).append(cluster)
        if cluster.kind == "person":
            answer = genders.answer(words[0])
            if answer in FIRST_NAME_ANSWERS:
                by_first.setdefault(words[0], []).append(cluster)
            elif answer == UNKNOWN_ANSWER and words[0] not in surnames:
                by_first_unknown.setdefault(words[0], []).append(cluster)
    name_starts = {id(c): [n.start for n in c.names] for c in full.values()}
    singles: dict[tuple[str, ...], Cluster] = {}
    for name in names:
        if len(name.words) > 1:
            continue
        target = (
            None
            if name.qualifier  # (`the Port of Montreal`: a whole name, no one's surname)
            else _best_full(
                name, (by_last, by_inner, by_first, by_first_unknown), name_starts, genders
            )
            or _of_kind(name, full.values(), org_kinds or {}, name_starts)
        )
        if target is not None:
            target.names.append(name)
            if _names_organisation(target, name, genders):
                target.kind = "organization"
            insort(name_starts[id(target)], name.start)
            continue
        cluster = singles.get(name.key_words)
        if cluster is None:
            singles[name.key_words] = Cluster([name], name, name.kind)
        else:
            cluster.names.append(name)
    # a shorter multi-word name inside a longer one ("Maria Lopez" in "Maria Elena
    # Lopez") joins it
    merged: set[int] = set()
    for words, cluster in list(full.items()):
        for other in by_last[words[-1]]:
            other_words = other.canonical.words
            if other is cluster or id(other) in merged or len(other_words) <= len(words):
                continue
            if set(words) <= set(other_words) and not _qualified_apart(cluster, other):
                other.names.extend(cluster.names)
                merged.add(id(cluster))
                del full[words]
                break
    _join_company_short_forms(full, singles, org_kinds or {})
    clusters: dict[str, Cluster] = {}
    for cluster in list(full.values()) + list(singles.values()):
        cluster.names.sort(key=lambda n: n.start)
        _describe(cluster)
        clusters[" ".join(cluster.canonical.key_words)] = cluster
    return clusters


def _join_company_short_forms(
    full: dict[tuple[str, ...], Cluster],
    singles: dict[tuple[str, ...], Cluster],
    org_kinds: Mapping[str, frozenset[str]],
) -> None:
    """A company's name without its trailing words of kind (`Prairie Crown` for `Prairie Crown
    Potash Corp.`, `Loblaw` for `Loblaw Companies Ltd.`: the words after the short form all say
    "company") joins the one organisation whose name it starts; not a name that goes on with
    other words (`Prairie Crown Workers Union` is another organisation)."""
    suffixes = org_kinds.get(COMPANY_KIND, frozenset())
    if not suffixes:
        return
    for group in (full, singles):
        _join_short_forms(group, full, suffixes)


def _join_short_forms(
    group: dict[tuple[str, ...], Cluster],
    full: dict[tuple[str, ...], Cluster],
    suffixes: frozenset[str],
) -> None:
    for words, cluster in list(group.items()):
        # (the NER may call a company's bare name a person: then only a legal form, `Inc.`,
        # shows the longer name is a company's)
        person = cluster.kind == "person"
        starting = [
            (other_words[len(words) :], other)
            for other_words, other in full.items()
            if len(other_words) > len(words) and other_words[: len(words)] == words
        ]
        longer = [
            other
            for rest, other in starting
            if other.kind == "organization"
            and all(w in suffixes for w in rest)
            and not (person and LEGAL_FORMS.isdisjoint(rest))
        ]
        if len(longer) == 1 and len(starting) == 1:
            longer[0].names.extend(cluster.names)
            del group[words]


def _qualified_apart(shorter: Cluster, longer: Cluster) -> bool:
    """The shorter name's qualifier says it is another organisation (`Supreme Court of Canada`
    is not `B.C. Supreme Court`): a word past its head the longer name does not hold."""
    qualifiers = {w for n in shorter.names for w in n.qualifier}
    held = set(longer.canonical.words).union(*(n.qualifier for n in longer.names))
    return not qualifiers <= held


def _stated_gender(cluster: Cluster, genders: GenderLexicon) -> Gender | None:
    """The gender a multi-word name's own words state: an honorific, else its first name."""
    for name in cluster.names:
        if name.gender is not None:
            return name.gender
    return genders.gender(cluster.canonical.words[0])


def _describe(cluster: Cluster) -> None:
    """Canonical name (the fullest form), kind and role of a cluster (its gender is weighed
    from the whole article's evidence, in `gender.py`)."""
    cluster.canonical = max(cluster.names, key=lambda n: (len(n.words), len(n.qualifier), -n.start))
    kinds = {n.kind for n in cluster.names}
    cluster.kind = "organization" if kinds == {"organization"} else "person"
    if kinds == {"group"}:
        cluster.kind = "group"
    if "organization" in kinds and cluster.canonical.kind == "organization":
        # unless a title or an honorific calls one of its names a person (`Dr. Griffith` or
        # `Mr. Griffith` beside a `Parker Griffith` the tagger took for an organisation)
        titled = any(
            n.kind == "person" and (n.role is not None or n.gender is not None)
            for n in cluster.names
        )
        cluster.kind = "person" if titled else "organization"
    cluster.maybe_person = cluster.kind == "organization" and all(
        n.maybe_person or n.kind == "person" for n in cluster.names
    )
    for name in cluster.names:
        if name.role and cluster.role is None:
            cluster.role = name.role
        cluster.role_words = cluster.role_words | name.role_words


def _best_full(
    name: Name,
    indexes: tuple[dict[str, list[Cluster]], ...],
    name_starts: dict[int, list[int]],
    genders: GenderLexicon,
) -> Cluster | None:
    """The multi-word name a one-word name abbreviates, looked up by last word, then by any
    later word, then (for a person) by first name: the one mentioned most recently before it,
    else the first one after it (`name_starts`: each cluster's name starts, sorted). A name
    with a gendered honorific never joins a name of the other gender (`Ms. Quinn` is not Peter
    Quinn; `Mrs. Hale` is not Victor Hale), and a place never stands for an organisation
    (`Canada` is not Statistics Canada)."""
    word = name.words[0]
    by_last, by_inner, by_first, by_first_unknown = indexes
    matches = by_last.get(word) or by_inner.get(word) or []
    if not matches and name.kind == "person":
        matches = by_first.get(word, []) or _misspelt(word, by_last, genders)
        if not matches and len(by_first_unknown.get(word, [])) == 1:
            # `His son, Manvir, ...` then `Manvir Dhaliwal says`: a first name the lexicon does
            # not know, which starts one person's name only
            matches = by_first_unknown[word]
    elif not matches and (name.maybe_person or genders.answer(word) in FIRST_NAME_ANSWERS):
        # `Janelle Kuziak ... Janelle, who keeps the books, said`: a first name the tagger
        # called an organisation
        matches = by_first.get(word, [])
    if not matches:
        matches = _abbreviated(name, by_last, name_starts, genders)
    if name.place:
        matches = [c for c in matches if c.kind != "organization"]
    if name.gender is not None:
        matches = [c for c in matches if _stated_gender(c, genders) in (None, name.gender)]
    elif name.bound_gender is not None:
        # `Tom Ebeling` and `Betsy Ebeling`, then `Ebeling ... her`: the one of that gender, else
        # one of unknown gender; a pronoun is weaker evidence than an honorific, so if no name
        # fits, it does not keep the surname apart
        fits = [c for c in matches if _stated_gender(c, genders) == name.bound_gender]
        matches = fits or [c for c in matches if _stated_gender(c, genders) is None] or matches
    if not matches:
        return None
    if len(matches) > 1 and name.role_words:
        # `Chief Marlene Okimaw ... Coun. Vernon Okimaw ... Chief Okimaw said`: of two who
        # share the surname, the one the article gave the same title
        titled = [c for c in matches if any(n.role_words & name.role_words for n in c.names)]
        if len(titled) == 1:
            return titled[0]
    if len(matches) > 1:
        # `Margaret Olsen ... Olsen said ... Tina Olsen said ... Olsen said`: two people share
        # the surname, and the article calls one of them by it alone; the other it names in full
        called = [
            c for c in matches if any(n.words == name.words and _names_one(n) for n in c.names)
        ]
        if len(called) == 1:
            return called[0]
    if len(matches) == 1:
        return _latest_before(name.start, matches, lambda c: name_starts[id(c)], name_starts)
    # `Rosalind Beaulieu and her husband, Clément, ... Beaulieu told reporters`: of two who
    # share the word, the one last called by it, not by a first name alone
    return _latest_before(
        name.start,
        matches,
        lambda c: [n.start for n in c.names if word in n.words],
        name_starts,
    )


def _latest_before(
    at: int,
    matches: Sequence[Cluster],
    starts_of: Callable[[Cluster], list[int]],
    name_starts: dict[int, list[int]],
) -> Cluster:
    """Of `matches`, the one named last before token `at` (`starts_of`: the sorted starts that
    count for a cluster), else the one named first after it."""
    latest: tuple[int, Cluster] | None = None
    for cluster in matches:
        starts = starts_of(cluster)
        k = bisect_left(starts, at)
        if k > 0 and (latest is None or starts[k - 1] > latest[0]):
            latest = (starts[k - 1], cluster)
    if latest is not None:
        return latest[1]
    return min(matches, key=lambda c: name_starts[id(c)][0])


def _of_kind(
    name: Name,
    clusters: Iterable[Cluster],
    org_kinds: Mapping[str, frozenset[str]],
    name_starts: dict[int, list[int]],
) -> Cluster | None:
    """The organisation a one-word noun of its kind stands for (`Union says warnings went
    unanswered` over `United Steelworkers Local 9344`): the one named last before it, else the
    first one named after it."""
    if name.kind != "organization" or name.words[0] not in org_kinds:
        return None
    kinds = org_kinds[name.words[0]]
    found = [
        c
        for c in clusters
        if c.kind == "organization" and any(w in kinds for w in c.canonical.words)
    ]
    if not found:
        return None
    return _latest_before(name.start, found, lambda c: name_starts[id(c)], name_starts)


def _names_one(name: Name) -> bool:
    """The name stands for one person, not a modifier of a family's or a firm's noun (`the Bush
    family`, `the Bush presidency`)."""
    return name.dep != "compound"


# Words an acronym leaves out (`IMF`: International Monetary Fund; `FBI`: Federal Bureau of
# Investigation; `CMHC`: Canada Mortgage and Housing Corporation; `STM`: Société de transport de
# Montréal).
ACRONYM_SKIPPED: frozenset[str] = frozenset(
    {"of", "and", "the", "for", "&", "on", "in", "de", "du", "des", "la", "le", "les", "et"}
)
# How long an acronym is, in letters.
ACRONYM_LENGTHS = range(2, 7)


def _abbreviated(
    name: Name,
    by_last: dict[str, list[Cluster]],
    name_starts: dict[int, list[int]],
    genders: GenderLexicon,
) -> list[Cluster]:
    """The organisation an acronym abbreviates (`the IMF` after `the International Monetary
    Fund`, `the SIU` after a `Special Investigations Unit` the tagger took for a person): its
    name's initials, the small words left out, spell it; only when exactly one named before it
    does (`AP` in a dateline is not the Arbor Partnership named later)."""
    letters = name.text.replace(".", "")
    if not (letters.isupper() and letters.isalpha() and len(letters) in ACRONYM_LENGTHS):
        return []
    acronym = letters.lower()
    found = [
        cluster
        for clusters in by_last.values()
        for cluster in clusters
        if (cluster.kind == "organization" or _unnamed_person(cluster.canonical.words, genders))
        and _initials(cluster.canonical.words) == acronym
        and name_starts[id(cluster)][0] < name.start
    ]
    return found if len(found) == 1 else []


def _names_organisation(cluster: Cluster, acronym: Name, genders: GenderLexicon) -> bool:
    """An organisation's acronym joined a name the tagger took for a person's, and that name
    opens with no first name (`Special Investigations Unit` ... `the SIU`): an organisation."""
    return (
        cluster.kind == "person"
        and acronym.kind == "organization"
        and acronym.text.replace(".", "").isupper()
        and _unnamed_person(cluster.canonical.words, genders)
    )


def _unnamed_person(words: tuple[str, ...], genders: GenderLexicon) -> bool:
    """A "person's" name of three or more words that opens with no first name (`Special
    Investigations Unit`, not `Ivan Moreno Finch`): likely an organisation's."""
    return len(words) > 2 and genders.answer(words[0]) not in FIRST_NAME_ANSWERS


def _initials(words: tuple[str, ...]) -> str:
    """The first letters of a name's words, the words an acronym leaves out left out."""
    return "".join(word[0] for word in words if word not in ACRONYM_SKIPPED and word[0].isalpha())


MIN_MISSPELT_LENGTH = 6  # shorter surnames differ by one letter too often (Rubio, Rubin)


def _misspelt(
    word: str, by_last: dict[str, list[Cluster]], genders: GenderLexicon
) -> list[Cluster]:
    """The person whose surname `word` misspells by one letter (`McKinnen` for Darla
    McKinnon): only when exactly one surname of the article is that close, and `word` is no
    first name (`Osama` is not a misspelt Obama)."""
    if len(word) < MIN_MISSPELT_LENGTH or genders.answer(word) in FIRST_NAME_ANSWERS:
        return []
    close = [
        last
        for last, clusters in by_last.items()
        if last[0] == word[0]
        and _one_edit_apart(word, last)
        and any(c.kind == "person" for c in clusters)
    ]
    if len(close) != 1:
        return []
    return [c for c in by_last[close[0]] if c.kind == "person"]


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped; not a plural (`Hales` names the family)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    if b == a + "s":
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]
