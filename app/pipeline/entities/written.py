"""How a name runs in the text around its head word: where an organisation's name as written
ends, the title modifiers before a name, the apposition after it. The name model (`names.py`)
builds a `Name` from these edges."""

from __future__ import annotations

from collections.abc import Callable

from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from app.pipeline.syntax import NP_LEFT_DEPS, ORG_LABEL, ORG_LABELS, strip_punct

# Punctuation that ends an organisation's name inside a longer entity (a hyphen does not:
# `Council on American-Islamic Relations`).
NAME_BREAKS: frozenset[str] = frozenset({",", "(", ")", ":", ";", "\u2014", "\u2013", "--"})
# Labels of the name an agency's noun may open (`Elections BC` tagged an organisation).
AGENCY_NAME_LABELS: frozenset[str] = frozenset({"ORG", "GPE"})
# Words of a union's or a club's name that its number follows (`CUPE Local 79`).
NUMBERED_UNITS: frozenset[str] = frozenset({"local", "lodge", "branch", "chapter", "division"})
# Prepositions inside an organisation's name (`Bank of Canada`, `Council on Foreign Relations`).
ORG_NAME_PREPS: frozenset[str] = frozenset({"of", "for", "on"})
# Longest word a title-case headline may write in lower case (`of`, `and`, `the`, `from`).
LONGEST_HEADLINE_LOWER_WORD = 4
# Labels under which the NER leaves an organisation's name it did not read as one: none, or a
# place (`the Port of Vancouver` tagged LOC).
UNREAD_ORG_LABELS: frozenset[str] = frozenset({"", "LOC"})
# Pronouns the tagger takes for a proper noun when capitalised (`Hers was the first name on
# the permit`): never a name.
PRONOUN_WORDS: frozenset[str] = frozenset(
    "he him his she her hers they them their theirs we us our ours i me my mine".split()
)
# How many tokens of title modifiers may precede a name ("former Deputy Attorney General X").
MAX_TITLE_TOKENS = 6
# Parts of speech of a capitalised word the NER puts inside an organisation's name before its
# proper nouns (`The Canadian Civil ...`).
NAME_WORD_POS: frozenset[str] = frozenset({"ADJ", "NOUN"})
# Lower-case words a name may hold or open with (`de Blasio`, `van Dyk`): any other lower-case
# word is no part of a name (`travailleurs de l'entretien de la STM`: the STM, not a person).
NAME_PARTICLES: frozenset[str] = frozenset(
    {"de", "du", "des", "da", "di", "del", "della", "van", "von", "der", "den", "la", "le"}
    | {"al", "el", "bin", "ibn", "ben", "dos", "das", "ter", "ten"}
)
# How many letters initials written as a first name have (`RJ Barrett`).
INITIALS_LENGTH = 2
# Conjunctions inside one name as the NER marks it (`the Canada Mortgage and Housing Corporation`).
NAME_CONJUNCTIONS: frozenset[str] = frozenset({"and", "&"})


def org_name_end(head: Token, label: str, org_noun: bool) -> int:
    """Where an organisation's name as written ends: past the head, through the rest of the
    NER's entity when a preposition carries it on (`the Bank of Canada`, `the Council on Foreign
    Relations`) or a lower-case word of it follows the head, as French names run (`Fédération
    autonome de l'enseignement`). An organisation's noun (`org_noun`) the NER left untagged
    takes its proper-noun "of" phrase (`the Port of Montreal`). The name's words, which cluster
    it, stay those up to the head."""
    end = head.i + 1
    doc = head.doc
    if end >= len(doc):
        return end
    after = doc[end]
    if head.lower_ in NUMBERED_UNITS and after.text.isdigit():
        return end + 1  # `Unifor Local 4312`, `Royal Canadian Legion Branch 25`
    if label in UNREAD_ORG_LABELS and org_noun:
        return _proper_of_phrase_end(head, after)
    if label not in ORG_LABELS:
        return end
    if (
        after.lower_ not in ORG_NAME_PREPS
        and not (after.ent_iob_ == "I" and after.is_lower and after.is_alpha)
        and not (after.ent_iob_ == "I" and after.is_title and _name_preposition(after))
    ):
        return end
    k = end
    while k < len(doc) and doc[k].ent_iob_ == "I" and doc[k].text not in NAME_BREAKS:
        k += 1
    if k > end + 1:
        return k
    # the NER cut the name at its preposition (`The New Brunswick Office` | `of the Fire
    # Marshal`, `The B.C. Ministry` | `of Attorney General`): its proper-noun phrase goes on
    return _proper_of_phrase_end(head, after)


def _name_preposition(word: Token) -> bool:
    """A capitalised preposition inside a sentence that is not all capitalised words, as a
    headline is: a word of a name (`Hope Across Borders said`), not a headline's (`Board's Move
    Against Mayor Quinn Could Backfire`)."""
    return word.dep_ == "prep" and any(
        t.is_lower and t.is_alpha and len(t) > LONGEST_HEADLINE_LOWER_WORD for t in word.sent
    )


def _proper_of_phrase_end(head: Token, after: Token) -> int:
    """The end of `head`'s "of" phrase when it is all proper nouns after a determiner (`Port of
    Montreal`, `Office of the Fire Marshal`), else the head's own end."""
    end = head.i + 1
    if after.lower_ not in ORG_NAME_PREPS or after.head.i != head.i:
        return end
    objects = [c for c in after.children if c.dep_ == "pobj"]
    if not objects or any(
        t.pos != PROPN and not (t.dep_ == "det" and t.i < objects[0].i) for t in objects[0].subtree
    ):
        return end  # (`the Port of Montreal`, `the Office of the Fire Marshal`)
    return objects[0].right_edge.i + 1


def left_edge(head: Token, floor: int) -> int:
    """Leftmost token of the title modifiers before a name (compound/amod chain), at most
    `MAX_TITLE_TOKENS` before `floor`."""
    left = floor
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS and child.dep_ not in {"poss", "det"}:
            left = min(left, child.left_edge.i)
    return max(left, floor - MAX_TITLE_TOKENS)


def apposition(head: Token) -> Span | None:
    """`X, the city's mayor,` -> "the city's mayor" (without trailing punctuation)."""
    for child in head.rights:
        if child.dep_ == "appos":
            span = head.doc[child.left_edge.i : child.right_edge.i + 1]
            return strip_punct(span)
    return None


# The words of an apposition that say what its person is: the nouns heading it (joined by
# "and") and the words compounding or qualifying them (`the study's lead author`: "lead",
# "author"; not "study", nor the "university" of `a professor at the university`).
ROLE_WORD_DEPS: frozenset[str] = frozenset({"compound", "amod", "conj"})


def role_lemmas(appos: Span) -> frozenset[str]:
    """The lemmas of an apposition's role words (`ROLE_WORD_DEPS` below its root)."""
    root = appos.root
    heads = [root, *(c for c in root.children if c.dep_ == "conj" and c.i < appos.end)]
    words = [t for h in heads for t in (h, *h.children) if t is h or t.dep_ in ROLE_WORD_DEPS]
    return frozenset(t.lemma_.lower() for t in words if t.is_alpha)


def apposed_role(head: Token) -> frozenset[str]:
    """The common noun a name is apposed to, as a role word (`Grewal's sister, Manpreet
    Grewal,` -> "sister": her gender, and what "the sister" later means); empty without."""
    noun = head.head
    if head.dep_ == "appos" and noun.i < head.i and noun.tag_ == "NN":
        return frozenset({noun.lemma_.lower()})
    return frozenset()


def org_apposition(appos: Span | None, org_nouns: frozenset[str]) -> bool:
    """A name's apposition (`apposition`) that says it is an organisation: an organisation's
    noun right after the comma that follows the name's head (`Santé Québec, the agency that
    runs ...`; not `Eddie Griffin, who was a member of X, a group of bloggers`)."""
    if appos is None or appos.root.lemma_.lower() not in org_nouns or appos.start < 2:
        return False
    comma = appos.doc[appos.start - 1]
    return comma.text == "," and comma.i - 1 == appos.root.head.i


def org_word_before(token: Token, label: str) -> bool:
    """A word the NER puts inside an organisation's name before the word after it: a proper
    noun, the "and" or "&" between two (`the Canada Mortgage and Housing Corporation`), or a
    capitalised adjective or noun (`The Canadian Civil Liberties Association`); not its
    determiner, nor a preposition that would bring in a common word the NER swept into the name
    (`Shares of Shopify Inc.`)."""
    return (
        label == "ORG"
        and inside_entity(token.doc[token.i + 1], label)
        and (
            token.pos == PROPN
            or token.lower_ in NAME_CONJUNCTIONS
            or (token.is_title and token.pos_ in NAME_WORD_POS)
        )
    )


def inside_entity(token: Token, label: str) -> bool:
    """The token continues an entity of `label` (the NER put it inside, not at its start)."""
    return token.ent_iob_ == "I" and token.ent_type_ == label


def entity_bounds(token: Token) -> tuple[int, int]:
    """(start, end) of the NER's entity that holds the token (the token alone when in none)."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def coordinated_org(
    token: Token,
    common_nouns: frozenset[str],
    person_word: Callable[[str], bool],
    org_word: Callable[[str], bool],
) -> tuple[int, int] | None:
    """(start, end) of an organisation's name the NER cut or the parse read as a list, from any
    of its words: two organisations' entities the NER split at the "and" it put in the first
    (`Canada Mortgage and` + `Housing Corp.`); or capitalised words joined by commas and an "and"
    or "&" before the entity (`Fisheries and Oceans Canada`, `Immigration, Refugees and
    Citizenship Canada said`), in no entity of their own, the entity of two words or more, or,
    where the NER tagged nothing, a run of two capitalised proper nouns or more that holds a word
    of an organisation's kind (`org_word`: `Environment and Climate Change Canada`). Not when
    the first word is a common noun set in capitals at the start of a sentence (`Tenants and
    ACORN Canada said`: `common_nouns`, by lemma), nor when a word may be a person's
    (`person_word`: a first name, a title: `Premier Doug Ford and Ontario Health`)."""
    split = _split_org(token)
    if split is not None:
        return split
    doc = token.doc
    k = token.i
    while k < len(doc) and not doc[k].ent_type_ and _coordinated_word(doc[k]):
        k += 1
    if k < len(doc) and doc[k].ent_type_ in ORG_LABELS:
        org_start, org_end = entity_bounds(doc[k])
    else:
        org_start, org_end = _untagged_org_run(doc, k, org_word)
    join = org_start - 1
    if join < 1 or doc[join].lower_ not in NAME_CONJUNCTIONS or org_end - org_start < 2:
        return None  # (`Pratt and Hale have leads`: a one-word "organisation" may be anyone)
    start = join
    while start > 0 and not doc[start - 1].ent_type_ and _coordinated_word(doc[start - 1]):
        if doc[start - 1].lower_ in NAME_CONJUNCTIONS:
            return None  # (one "and": `A and B and C Canada` is a list)
        start -= 1
    while start < join and doc[start].text == ",":
        start += 1  # (`On Tuesday, Fisheries and ...`)
    if (
        start == join
        or not start <= token.i < org_end
        or doc[start].lemma_.lower() in common_nouns
        or any(person_word(t.text) for t in doc[start:join])
    ):
        return None
    return start, org_end


def _split_org(token: Token) -> tuple[int, int] | None:
    """(start, end) of two organisations' entities, one holding `token`, where the first ends in
    the "and" or "&" that joins the second's start (`Canada Mortgage and` + `Housing Corp.`): the
    NER read one name, then started another at its next word."""
    if token.ent_type_ != "ORG":
        return None
    doc = token.doc
    start, end = entity_bounds(token)
    if doc[end - 1].lower_ in NAME_CONJUNCTIONS and end < len(doc) and _starts_org(doc[end]):
        first, last = start, entity_bounds(doc[end])[1]
    elif start > 0 and doc[start - 1].lower_ in NAME_CONJUNCTIONS and _starts_org(doc[start]):
        if not inside_entity(doc[start - 1], "ORG"):
            return None
        first, last = entity_bounds(doc[start - 1])[0], end
    else:
        return None
    while doc[first].dep_ == "det":
        first += 1  # (`the Department of Fisheries and` + `Oceans`: the name without "the")
    return (first, last) if first <= token.i else None


def _starts_org(token: Token) -> bool:
    return token.ent_iob_ == "B" and token.ent_type_ == "ORG"


def _untagged_org_run(doc: Doc, stop: int, org_word: Callable[[str], bool]) -> tuple[int, int]:
    """(start, end) of the capitalised proper nouns in no entity that end at `stop`, when they
    are two or more and one is a word of an organisation's kind; else an empty range."""
    start = stop
    while (
        start > 0
        and doc[start - 1].pos == PROPN
        and doc[start - 1].is_title
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    if stop - start < 2 or not any(org_word(t.lower_) for t in doc[start:stop]):
        return stop, stop
    return start, stop


def _coordinated_word(token: Token) -> bool:
    """A word of a name read as a list: a capitalised noun or adjective, a comma, "and"."""
    return (
        (token.is_title and (token.pos == PROPN or token.pos_ in NAME_WORD_POS))
        or token.text == ","
        or token.lower_ in NAME_CONJUNCTIONS
    )


def family_name(head: Token, before: Token) -> bool:
    """`the Hales`, `the Khans`: a plural surname after "the" names a family."""
    return head.tag_ == "NNPS" and before.lower_ == "the" and head.lower_.endswith("s")


def heads_its_entity(token: Token) -> bool:
    """The token is the root of the NER's entity that holds it (`Sen. Burton`: "Burton"; not
    "Commons" in `the House of Commons`), or in none."""
    start, end = entity_bounds(token)
    return token.doc[start:end].root.i == token.i


def one_entity(doc: Doc, start: int, head_i: int) -> bool:
    """The words from `start` to `head_i` are one entity of the NER's (whatever its label: a
    person it called a place, `Beverly Romeo-Beehler`, keeps all her names)."""
    return doc[start].ent_iob_ == "B" and entity_bounds(doc[head_i])[0] == start


def quoted_alone(doc: Doc, start: int, end: int) -> bool:
    """The name [start, end) is all a quotation holds (`identified only as "J.T.," had struck`):
    a label given to someone, whatever grammatical role the parse gave it."""
    if start == 0 or not doc[start - 1].is_quote:
        return False
    k = end
    while k < len(doc) and doc[k].is_punct and not doc[k].is_quote and k - end < 2:
        k += 1  # (the comma or period inside the marks)
    return k < len(doc) and doc[k].is_quote


def pronoun_name(words: tuple[str, ...]) -> bool:
    """A one-word name that is a pronoun the tagger read as a proper noun (`Hers was ...`)."""
    return len(words) == 1 and words[0] in PRONOUN_WORDS


def agency_word(word: Token, head: Token, label: str) -> bool:
    """A capitalised common noun that opens an agency's name before a place or organisation's
    name (`Elections BC`, `Statistics Canada`), the tagger taking it for a plural noun."""
    return (
        label in AGENCY_NAME_LABELS
        and word.pos_ == "NOUN"
        and word.is_title
        and word.dep_ == "compound"
        and word.head.i == head.i
    )


def hyphen_joined(word: Token) -> bool:
    """A hyphen glued to the word and to the next one joins them into one name part
    (`Jean-François`, which the NER may label from `François` on)."""
    doc = word.doc
    return (
        word.i + 2 < len(doc)
        and doc[word.i + 1].text == "-"
        and not word.whitespace_
        and not doc[word.i + 1].whitespace_
        and doc[word.i + 2].is_title
    )


def initials(token: Token) -> bool:
    """Initials as a first name (`RJ Barrett`, `J.T. Miller`), not a title, place or org."""
    text = token.text.replace(".", "")
    return (
        len(text) == INITIALS_LENGTH
        and text.isalpha()
        and text.isupper()
        and token.ent_type_ not in ORG_LABELS
    )


# Longest nickname, in words, written in marks inside a name (`Oscar "The Wall" Lindgren`).
MAX_NICKNAME_WORDS = 3


def nickname_before(doc: Doc, start: int) -> int | None:
    """Where the name starts when a nickname of up to `MAX_NICKNAME_WORDS` capitalised words
    (an article allowed) stands in quote marks right before `start`, after a capitalised word:
    `Ray "Sonny" Pelletier`, `Oscar "The Wall" Lindgren` are one name; else None."""
    if start < 4 or not doc[start - 1].is_quote:
        return None
    k = start - 2
    while k > 0 and not doc[k].is_quote and start - 2 - k < MAX_NICKNAME_WORDS:
        k -= 1
    words = doc[k + 1 : start - 1]
    if k < 1 or not doc[k].is_quote or not words:
        return None
    first = doc[k - 1]
    named = all(w.is_alpha and (w.is_title or w.lower_ == "the") for w in words)
    if named and words[-1].is_title and first.is_title and first.pos == PROPN:
        return first.i
    return None


def lower_word(token: Token) -> bool:
    """A lower-case word that is no particle of a name (`l'entretien`, the tagger's "proper
    noun" in a French phrase)."""
    return token.is_lower and token.text[0].isalpha() and token.lower_ not in NAME_PARTICLES


def name_word(token: Token) -> bool:
    """A proper noun that may be a word of a name: not a lower-case word (`lower_word`), nor a
    symbol the tagger took for one (`WATCH | Union says ...`: the bar of a page's label)."""
    return token.pos_ == "PROPN" and not lower_word(token) and any(c.isalnum() for c in token.text)


def past_particles(doc: Doc, start: int, head_i: int) -> int:
    """Where a name that particles open starts when a lower-case word stands right before them:
    past the particles (`... l'entretien de la STM` -> `STM`), or at the start of the
    organisation's name that word ends (`Société de transport de Montréal`, which the NER
    splits in two); not when they open the name (`de Blasio`)."""
    k = start
    while k < head_i and doc[k].text in NAME_PARTICLES:  # (as written: not `La Stampa`)
        k += 1
    if k == start or start == 0 or not lower_word(doc[start - 1]):
        return start
    before = doc[start - 1]
    if before.ent_type_ == ORG_LABEL and before.ent_iob_ == "I":
        return entity_bounds(before)[0]
    return k
