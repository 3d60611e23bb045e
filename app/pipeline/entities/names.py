"""The names an article uses: every person and organisation named, grouped into clusters (one per
entity: "Jeff Sessions", "Sessions", "Attorney General Jeff Sessions"), each with its canonical
(fullest) name, kind, role, and the gender stated by an honorific or a first-name lexicon.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from app.pipeline.entities.first_names import FIRST_NAME_ANSWERS, Gender, GenderLexicon
from app.pipeline.entities.lexicons import HONORIFIC_ROLES, ResolverLexicons
from app.pipeline.entities.misread import (
    PLACE_LABEL,
    PLURAL_POSSESSIVES,
    adverb_read_as_name,
    clause_read_as_title,
    cut_at_hyphen,
    describes_noun,
    first_name_read_as_word,
    mistagged_surnames,
    month_read_as_name,
    nationality_word,
    number_read_as_person,
    org_read_as_person,
    owner_read_into_name,
    person_after_owner,
    person_read_as_date,
    person_read_as_org,
    person_read_as_place,
    person_read_as_work,
    phrase_read_as_person,
    portfolio_read_as_org,
    weekday_read_as_name,
)
from app.pipeline.entities.named import Name, listed_org
from app.pipeline.entities.phrasing import PARTY_WORDS
from app.pipeline.entities.transcript import transcript_label
from app.pipeline.entities.written import (
    ORG_NAME_PREPS,
    agency_word,
    apposed_role,
    apposition,
    coordinated_org,
    family_name,
    heads_its_entity,
    hyphen_joined,
    initials,
    inside_entity,
    left_edge,
    name_word,
    nickname_before,
    one_entity,
    org_apposition,
    org_name_end,
    org_word_before,
    past_particles,
    pronoun_name,
    quoted_alone,
    role_lemmas,
)
from app.pipeline.furniture import doc_furniture_lines, within
from app.pipeline.syntax import (
    NOMINAL_SUBJECT_DEPS,
    ORG_LABELS,
    PERSON_LABELS,
    dateline_place,
    elided_name,
    proper_nouns_in,
)
from app.pipeline.text import span_text
from app.pipeline.types import EntityKind, SpeakerCandidate

# Entity labels of proper nouns that name no person or organisation.
NOT_NAME_LABELS: frozenset[str] = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "EVENT", "LAW"}
    | {"WORK_OF_ART", "LANGUAGE"}
)
# The last word of a law's name, which the NER may read as an organisation's (`the Alberta
# Sovereignty within a United Canada Act`): a law says nothing.
LAW_NAME_HEADS: frozenset[str] = frozenset({"Act", "Acts", "Amendment"})
# Dependency labels of proper nouns collected as names even when the NER missed them.
NAME_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "appos", "pobj"})
# Dependency labels of a proper noun that ends a run starting with a known first name, which
# the NER missed: hung on a common word by a misparse (`Megan Hale strode`), an object, a
# possessor, a name set before a colon (`And oh yes, Karen Doyle: what are her ...`), or what a
# noun is named (`a nurse named Solange Vu`).
FIRST_NAME_RUN_DEPS: frozenset[str] = frozenset(
    {"compound", "dep", "dobj", "dative", "conj", "poss", "attr", "npadvmod", "nmod", "oprd"}
)
# Words that make a run of proper nouns the name of a lawsuit or a title (lowercase: "V." is an
# initial).
CASE_MARKERS: frozenset[str] = frozenset({"v.", "vs.", "v", "vs"})
# Endings of a demonym written before a first name (`Calgarian Marisol Echeverria`,
# `Montrealer Luc Roy`, `Vancouverite Ann Lee`): where someone is from, not their name.
DEMONYM_ENDINGS: tuple[str, ...] = ("ian", "an", "er", "ite", "ese", "ois", "oise")
# The determiner label, as the doc's arrays and `Token.dep` hold it.
_DET = get_string_id("det")
# The dependents that make a title word a role someone holds (`the group's CEO`, `the CEO`,
# `One Ontario Liberal MP`).
_OWNER: frozenset[int] = frozenset({_DET, get_string_id("poss"), get_string_id("nummod")})
# The tag of a plural common noun (`MPs`).
_PLURAL_NOUN = "NNS"


class NameModel:
    """Finds and clusters the names of an article, with the resolver's lexicons."""

    def __init__(self, lexicons: ResolverLexicons, genders: GenderLexicon) -> None:
        self.lexicons = lexicons
        self._genders = genders
        self._org_words = frozenset().union(*lexicons.org_kind_words.values())
        # nouns for a person, beside which a name the NER calls a place is a person's
        self._person_nouns = frozenset(lexicons.gendered_nouns) | lexicons.titles
        # the resolver asks again for names `collect` already built: kept for the last doc
        self._at: dict[int, Name | None] = {}
        self._at_doc: Doc | None = None

    def collect(
        self, doc: Doc, candidates: Sequence[SpeakerCandidate | None], quoted: list[bool]
    ) -> list[Name]:
        """Every name of the doc outside quotations, and every quote speaker's (`candidates`:
        each quote span's `span._.speaker_candidate`)."""
        heads: dict[int, Token] = {}
        # (a line of page furniture names a reporter or another story's people: `By Jane
        # Smith`, `Last updated 3 hours ago`, which the NER reads as a person "Last")
        furniture = doc_furniture_lines(doc, self.lexicons.furniture_labels)
        for ent in doc.ents:
            if within(furniture, ent.start_char):
                continue
            if ent.label_ in PERSON_LABELS or ent.label_ in ORG_LABELS:
                root = ent.root  # (past a hyphen the NER cut at: `Caroline Desjardins-Pruitt`)
                root = root.head if cut_at_hyphen(ent, root) else root
                if quoted[root.i] or nationality_word(root):
                    continue
                if not portfolio_read_as_org(ent, self._is_title):
                    heads[root.i] = root
            elif self._person_read_as_time_or_place(ent.root):
                heads[ent.root.i] = ent.root
        for i in proper_nouns_in(doc, NAME_DEPS):
            if not quoted[i] and i not in heads and not within(furniture, doc[i].idx):
                heads[i] = doc[i]
        for i in proper_nouns_in(doc, FIRST_NAME_RUN_DEPS):
            if (
                not quoted[i]
                and i not in heads
                and not within(furniture, doc[i].idx)
                and self._first_name_run(doc[i])
            ):
                heads[i] = doc[i]
        for candidate in candidates:
            if candidate is not None and candidate.head is not None:
                head = doc[candidate.head]
                if (
                    head.pos_ == "PROPN"
                    or head.ent_type_ in PERSON_LABELS | ORG_LABELS
                    or elided_name(head)
                ):
                    heads[head.i] = head
        names = [self.name_at(head) for _, head in sorted(heads.items())]
        # (a name read as a list is one `Name` for each of its words: kept once)
        found = list({id(n): n for n in names if n is not None}.values())
        surnames = {
            doc[n.end - 1].text
            for n in found
            if n.kind == "person" and len(n.words) > 1 and doc[n.end - 1].is_title
        }
        extra = [self._surname(doc[i]) for i in mistagged_surnames(doc, surnames, heads, quoted)]
        return sorted(found + [n for n in extra if n is not None], key=lambda n: n.start)

    def _first_name_run(self, token: Token) -> bool:
        """The last word of a run of two or three proper nouns that starts with a first name the
        lexicon genders, hung on a common word (`Megan Hale strode` parsed as a noun
        compound, the headline `Megan Hale champions rural clinics`), or coordinated with
        another name (`my parents, Robert and Edna Fenwick`): a person's name."""
        if (token.head.pos == PROPN and token.dep_ != "conj") or token.head.i == token.i:
            return False
        start = token.i
        while start > 0 and token.i - start < 2 and token.doc[start - 1].pos == PROPN:
            start -= 1
        first = token.doc[start]
        if start == token.i or not first.is_title or first.ent_type_ in NOT_NAME_LABELS:
            return False  # (`a June Hale event`: a month)
        return self._genders.gender(first.text) is not None

    def name_at(self, head: Token) -> Name | None:
        """The name proper around a head token, with its title, apposition and honorific."""
        if head.doc is not self._at_doc:
            self._at, self._at_doc = {}, head.doc
        if head.i not in self._at:
            listed = coordinated_org(
                head, self.lexicons.source_nouns, self._person_word, self._org_words.__contains__
            )
            if listed is None:
                self._at[head.i] = None if transcript_label(head) else self._build(head)
            else:
                name = listed_org(head.doc, *listed)
                self._at.update(dict.fromkeys(range(*listed), name))
        return self._at[head.i]

    def _surname(self, head: Token) -> Name | None:
        """The name at a word the tagger took for a common one (see `mistagged_surnames`)."""
        self._at[head.i] = name = self._build(head, surname=True)
        return name

    def _build(self, head: Token, surname: bool = False) -> Name | None:
        # (hot: one call per name of the article; token attributes are read once each)
        if number_read_as_person(head):
            return None  # `whose Grade 7 and 8 students`: no one's name holds a number
        doc = head.doc
        label = head.ent_type_
        first_read_as_word = first_name_read_as_word(head, self._genders.gender)
        if (
            label in NOT_NAME_LABELS
            and head.pos == PROPN
            and (clause_read_as_title(head) or person_read_as_work(head, self.is_first_name))
        ):
            label = ""  # the NER's label says nothing of the name (see `misread`)
        elif (
            person_read_as_org(head, self.is_first_name, self._is_title)
            or owner_read_into_name(head, self.lexicons.org_nouns)
            or person_after_owner(head, self.is_first_name)
        ):
            label = ""  # `NDP MP Don Davies`, `Leafs' Matthews`: a person, not an organisation
        elif phrase_read_as_person(head):
            label = ""  # `travailleurs de l'entretien de la STM`: a phrase, no one's name
        elif self._person_read_as_time_or_place(head) or first_read_as_word:
            label = "PERSON"  # `Her grandson, Liam,`, `— Dorian MacQuarrie has`: a person
        if (
            label == ""
            and (head.pos != PROPN or head.is_lower)
            and not (surname or elided_name(head))
        ):
            return None  # (a lower-case "proper noun" is the tagger's slip: `minister says`)
        if (
            label in NOT_NAME_LABELS
            or head.text in LAW_NAME_HEADS
            or (label == "" and month_read_as_name(head))
            or weekday_read_as_name(head)
            or dateline_place(head)
            or (label == "" and adverb_read_as_name(head, self.is_first_name))
        ):
            return None  # "on Monday", "the Affordable Care Act", "TORONTO —": no one who speaks
        if label == "" and self._is_title(head.lower_) and any(c.dep in _OWNER for c in head.lefts):
            return None  # `The group's CEO, Kim Fritts,`, `One Liberal MP`: a role, no name
        if head.tag_ == _PLURAL_NOUN and self._is_title(head.lemma_.lower()):
            return None  # `Several MPs privately complain`: people by their role, whatever the NER
        head_i = head.i
        start = head_i
        while start > 0:
            prev = doc[start - 1]
            if (
                org_word_before(prev, label)
                or self._misread_name_word(prev, label)
                or (start == head_i and first_read_as_word)
            ):
                start -= 1  # the NER's one name: `the Canada Mortgage and Housing Corporation`
                continue
            if name_word(prev) or agency_word(prev, head, label):
                prev_head = prev.head.i
                if prev_head == head_i or prev_head >= start or prev.text == "-":
                    start -= 1
                    continue
            elif prev.text == "-" and start - 2 >= 0 and not prev.whitespace_:
                start -= 1  # (a hyphen glued to the name's next part)
                continue
            elif (first := nickname_before(doc, start)) is not None and self.is_first_name(
                doc[first].text
            ):
                start = first  # `Ray "Sonny" Pelletier`: the nickname in its marks is the name's
                break
            elif prev.text in PLURAL_POSSESSIVES and (
                inside_entity(prev, label) if label == "ORG" else self._owned_org(head, start)
            ):
                start -= 1  # `The Home Builders’ Association`: one name, not an owner's
                continue
            break
        joined = past_particles(doc, start, head_i)
        if joined < start:
            label = "ORG"  # `Société de transport de Montréal`, which the NER cut in two
        start = joined
        end = head_i + 1
        org = label in ORG_LABELS or head.lower_ in self.lexicons.org_nouns
        if label == "" and not surname and not org:
            # `Public Health Ontario`, which the NER missed: a word that shows an organisation
            org = any(doc[k].lower_ in self._org_words for k in range(start, end))
        elif not (org or surname):
            org = org_read_as_person(doc[start:end], self._org_words, self._person_word)
        person = label in PERSON_LABELS or surname
        gender: Gender | None = None
        role_start = start
        # honorifics and titles before the name proper ("Mr.", "Attorney General")
        if not org:
            while start < head_i:
                word = doc[start].lower_
                if word in self.lexicons.honorifics:
                    gender = self.lexicons.honorifics[word] or gender
                    start += 1
                elif self._is_title(word) or self._role_before_first_name(doc, start, head_i):
                    start += 1
                elif (
                    person
                    and doc[start].ent_type_ not in PERSON_LABELS
                    and not one_entity(doc, start, head_i)
                ):
                    named = doc[start + 1].ent_type_ in PERSON_LABELS or hyphen_joined(doc[start])
                    if named and (self.is_first_name(doc[start].text) or initials(doc[start])):
                        break  # `Gurratan Singh`, `RJ Barrett`, `Jean-François Roy`: the surname's
                    if self.is_first_name(doc[start].text) and self._name_run(
                        doc[start + 1 : head_i]
                    ):
                        break  # `Rachel Chernos Lin`, the NER's label on the last word only
                    start += 1
                else:
                    break
            # a place before the title, tagged with the name (`Manitoba Premier Wab Kinew`)
            for k in range(head_i - 1, start, -1):
                if self._is_title(doc[k].lower_):
                    start = k + 1
                    break
        # an honorific just before the run ("Mr. Garcetti" when "Mr." is not PROPN)
        if start == role_start and start > 0:
            word = doc[start - 1].lower_
            if word in self.lexicons.honorifics:
                gender = self.lexicons.honorifics[word] or gender
                role_start = start - 1
        tokens = [doc[k] for k in range(start, end)]
        # (one apostrophe: `O’Neill` and `O'Neill` are one name)
        words = tuple(
            t.lower_.replace("’", "'") for t in tokens if t.dep_ != "case" and t.text != "-"
        )
        if not words or any(t.text in CASE_MARKERS for t in tokens) or pronoun_name(words):
            return None  # (`Hale v. Hale`, `Roe v. Wade`: a case or a title, no one who speaks)
        role_from = left_edge(head, role_start) if head.n_lefts else role_start
        role_tokens = [doc[k] for k in range(role_from, start) if doc[k].dep_ != "det"]
        role = (" ".join([t.text for t in role_tokens]) or None) if role_tokens else None
        if role is not None and all(t.lower_ in self.lexicons.honorifics for t in role_tokens):
            role_words = frozenset(
                HONORIFIC_ROLES[t.lower_] for t in role_tokens if t.lower_ in HONORIFIC_ROLES
            )
            role = None if not role_words else role
        else:
            role_words = frozenset(
                HONORIFIC_ROLES.get(t.lower_, t.lemma_.lower()) for t in role_tokens
            )
        # `Grewal's sister, Manpreet Grewal,`: "sister" (a person's noun only: not `a poll, X`)
        apposed = frozenset(w for w in apposed_role(head) if self._person_noun(w))
        role_words = role_words | apposed
        appos = apposition(head) if head.n_rights else None
        if appos is not None:
            role = role or appos.text
            role_words = role_words | role_lemmas(appos)
        kind: EntityKind = "organization" if org else "person"
        maybe_person = label == "ORG" and self._maybe_person(head, words, tokens)
        if org and maybe_person and appos is not None and self._is_title(appos.root.lemma_.lower()):
            kind = "person"  # `Sylvain Charlebois, director of the lab`, tagged an organisation
        elif org and any(w in self.lexicons.gendered_nouns for w in apposed):
            kind = "person"  # `Grewal's sister, Manpreet Grewal,`, tagged an organisation
        elif not org and org_apposition(appos, self.lexicons.org_nouns):
            # `Santé Québec, the agency that runs ...`, tagged a person; not `Eddie Griffin, ...`
            kind = "person" if self.is_first_name(doc[start].text) else "organization"
        if person and start == head_i and start > 0 and family_name(head, doc[start - 1]):
            kind = "group"  # `the Clintons`: a family, no "he" or "she"
        dep = head.dep_
        possessive = dep == "case" or head.lower_ in {"'s", "’s"}
        written_end = end - 1 if possessive else org_name_end(head, label, org)
        text = span_text(doc, start, written_end)
        if not text.strip():
            return None  # a possessive's clitic alone (`He’s` in a headline the NER calls a name)
        qualifier = tuple(
            t.lower_
            for t in doc[end:written_end]
            if t.is_alpha and t.lower_ not in ORG_NAME_PREPS and t.dep_ != "det"
        )
        return Name(
            start=start,
            end=end,
            words=words,
            text=text,
            role=role,
            role_words=role_words,
            gender=gender,
            kind=kind,
            subject=dep in NOMINAL_SUBJECT_DEPS and not quoted_alone(doc, start, written_end),
            head=head_i,
            dep=dep,
            maybe_person=maybe_person and kind == "organization",
            qualifier=qualifier,
            place=label == PLACE_LABEL,
        )

    def _owned_org(self, head: Token, start: int) -> bool:
        """An organisation's word the NER left untagged, after a plural's possessive of a proper
        noun of its own (`The Elementary Teachers' Federation of Ontario`): one name."""
        owner = head.doc[start - 2] if start >= 2 else None
        return (
            head.ent_type_ == ""
            and (head.lower_ in self.lexicons.org_nouns or head.lower_ in self._org_words)
            and owner is not None
            and owner.pos == PROPN
            and owner.head.i == head.i
        )

    def _name_run(self, words: Span) -> bool:
        """The words are capitalised proper nouns, none a title: the middle of a name."""
        return all(t.pos == PROPN and t.is_title and not self._is_title(t.lower_) for t in words)

    def _misread_name_word(self, token: Token, label: str) -> bool:
        """The first part of a hyphenated surname the tagger took for another part of speech,
        after a proper noun of the NER's one name (`Hugues Tremblay-Ouellet`: "Tremblay")."""
        doc = token.doc
        return (
            label in PERSON_LABELS
            and token.is_title
            and token.pos != PROPN
            and not token.whitespace_
            and doc[token.i + 1].text == "-"
            and inside_entity(token, label)
            and doc[token.i - 1].pos == PROPN
            and not self._is_title(token.lower_)
        )

    def is_first_name(self, word: str) -> bool:
        """A first name the lexicon knows, of either gender (`Jean` of `Jean-Sébastien Comeau`)."""
        return self._genders.answer(word) in FIRST_NAME_ANSWERS

    def _person_read_as_time_or_place(self, head: Token) -> bool:
        """A person's name the NER tagged a place or a date (see `misread.py`)."""
        return person_read_as_place(
            head, self.is_first_name, self._person_nouns
        ) or person_read_as_date(head, self.is_first_name)

    def _role_before_first_name(self, doc: Doc, k: int, head_i: int) -> bool:
        """A noun for a source or a person, a party's word or a demonym, before a first name and
        a surname, which the NER took into the name (`Neighbour Sheila Kaye`, `Grandmother Rita
        Cole`, `Green Pierre-Luc Gendron`, `Calgarian Marisol Echeverria`): the role, not the
        name."""
        word, lex = doc[k].lower_, self.lexicons
        return (
            k + 1 < head_i
            and (
                word in lex.source_nouns
                or word in lex.gendered_nouns
                or word in PARTY_WORDS
                or word.endswith(DEMONYM_ENDINGS)
            )
            and not self.is_first_name(doc[k].text)
            and self.is_first_name(doc[k + 1].text)
        )

    def _person_word(self, word: str) -> bool:
        """A first name, a title or an honorific: a word of a person's name or role."""
        lower = word.lower()
        return (
            self.is_first_name(word) or self._is_title(lower) or lower in self.lexicons.honorifics
        )

    def _person_noun(self, lemma: str) -> bool:
        return self._is_title(lemma) or lemma in self.lexicons.gendered_nouns

    def _is_title(self, word: str) -> bool:
        return word in self.lexicons.titles or word.rstrip(".") in self.lexicons.titles

    def _maybe_person(self, head: Token, words: tuple[str, ...], tokens: list[Token]) -> bool:
        """An ORG-tagged name that may be a person's: one capitalised word ("Burton explained"),
        or a known first name (also "Annie-Christine") and a surname, no org noun or article."""
        if not head.is_title or any(c.dep == _DET for c in head.children):
            return False
        if any("&" in word for word in words):
            return False  # `AT&T`, `Q&A`: no one's name
        if len(words) == 1 and describes_noun(head):
            return False  # `a Chicano nationalist group`: a word describing a thing
        if len(words) == 1 and not heads_its_entity(head):
            return False  # `the House of Commons`: a word inside a longer organisation's name
        if any(word in self.lexicons.org_nouns for word in words):
            return False
        if len(words) == 1:
            return True
        # (a singular surname: "Carolina Panthers" is a team; a nickname in marks is no word)
        written = [w for w in "".join(t.text_with_ws for t in tokens).split() if w[0].isalpha()]
        return (
            len(written) == 2
            and head.tag_ == "NNP"
            and self._genders.gender(written[0]) is not None
        )
