"""The source of a subject-less reported-speech cue, on hand-parsed docs."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from app.pipeline.reported.source import source_of
from app.pipeline.syntax import (
    acting_clause,
    acting_subject,
    aside_main_verb,
    asked_aside,
    reduced_passive,
)


def test_issuer_of_a_statement_is_the_nearest_of_two_subjects_a_misparse_gave() -> None:
    # `"... never Lopez ." ¶ The council issued a statement saying it won`: the parse hung the
    # name ending the quote before on "issued" as a second subject
    words = ["never", "Lopez", ".", "The", "council", "issued", "a", "statement", "saying", "it"]
    words += ["won"]
    heads = [1, 5, 1, 4, 5, 5, 7, 5, 7, 10, 8]
    deps = ["neg", "nsubj", "punct", "det", "nsubj", "ROOT", "det", "dobj", "acl", "nsubj"]
    deps += ["ccomp"]
    pos = ["ADV", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "VERB", "PRON", "VERB"]
    lemmas = [w.lower() for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    source = source_of(doc[8], {"statement"})
    assert source is not None and source.text == "council"


def _headline(comma: bool) -> Doc:
    """`Police arrest two men(,) say charges are coming`, parsed as the model parses it: the
    first clause hung under "say" as a second complement."""
    words = ["Police", "arrest", "two", "men", ",", "say", "charges", "are", "coming"]
    heads = [1, 5, 3, 1, 5, 5, 8, 8, 5]
    deps = ["nsubj", "ccomp", "nummod", "dobj", "punct", "ROOT", "nsubj", "aux", "ccomp"]
    pos = ["NOUN", "VERB", "NUM", "NOUN", "PUNCT", "VERB", "NOUN", "AUX", "VERB"]
    if not comma:
        del words[4], pos[4], deps[4]
        heads = [h - 1 if h > 4 else h for k, h in enumerate(heads) if k != 4]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_headlines_first_clause_is_what_the_cues_source_did() -> None:
    doc = _headline(comma=True)
    act = acting_clause(doc[5])
    assert act is not None and act.text == "arrest"
    # no comma before the cue, or the cue's own subject: no acting clause
    assert acting_clause(_headline(comma=False)[4]) is None
    words = ["Police", "arrest", "men", ",", "officers", "say", "charges", "come"]
    heads = [1, 5, 1, 5, 5, 5, 7, 5]
    deps = ["nsubj", "ccomp", "dobj", "punct", "nsubj", "ROOT", "nsubj", "ccomp"]
    pos = ["NOUN", "VERB", "NOUN", "PUNCT", "NOUN", "VERB", "NOUN", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert acting_clause(doc[5]) is None


def test_an_acting_clause_with_two_subjects_is_the_first_ones() -> None:
    # `Miller , who pushed for the TTC to be declared , said the vote showed`, as the model
    # parsed it: "declared" under "said" with both the name and "TTC" as its subjects
    words = ["Miller", ",", "who", "pushed", "for", "the", "TTC", "to", "be", "declared", ","]
    words += ["said", "the", "vote", "showed"]
    heads = [9, 0, 3, 0, 3, 6, 9, 9, 9, 11, 11, 11, 13, 14, 11]
    deps = ["nsubj", "punct", "nsubj", "relcl", "prep", "det", "nsubjpass", "aux", "auxpass"]
    deps += ["ccomp", "punct", "ROOT", "det", "nsubj", "ccomp"]
    pos = ["PROPN", "PUNCT", "PRON", "VERB", "ADP", "DET", "PROPN", "PART", "AUX", "VERB"]
    pos += ["PUNCT", "VERB", "DET", "NOUN", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    act = acting_clause(doc[11])
    assert act is not None and act.text == "declared"
    subject = acting_subject(act)
    assert subject is not None and subject.text == "Miller"
    # one subject: that one; none: None
    doc = _headline(comma=True)
    assert [acting_subject(doc[1]), acting_subject(doc[0])] == [doc[0], None]


def _asked(words: list[str], main_dep: str) -> Doc:
    """`Suzuki , asked whether it hurt , shrugged` as the model parses it: "asked" the root,
    the sentence's own verb under it."""
    heads = [2, 0, 2, 5, 5, 2, 7, 2]
    deps = ["nsubj", "punct", "ROOT", "mark", "nsubj", "ccomp", "punct", main_dep]
    pos = ["PROPN", "PUNCT", "VERB", "SCONJ", "PRON", "VERB", "PUNCT", "VERB"]
    lemmas = [w.lower() for w in words]
    lemmas[2] = "ask" if words[2] == "asked" else lemmas[2]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_an_asked_set_off_after_its_subject_is_a_participle() -> None:
    words = ["Suzuki", ",", "asked", "whether", "it", "hurt", ",", "shrugged"]
    assert asked_aside(_asked(words, "ccomp")[2])
    # no verb of its own after a comma, another verb, or no comma after the subject
    assert not asked_aside(_asked(words[:6] + ["and", "shrugged"], "ccomp")[2])
    assert not asked_aside(_asked(words[:2] + ["wondered"] + words[3:], "ccomp")[2])
    assert not asked_aside(_asked(["Suzuki", "then"] + words[2:], "ccomp")[2])
    doc = _asked(words, "ccomp")
    assert aside_main_verb(doc[2]) == doc[7]
    assert aside_main_verb(_asked(words[:6] + ["and", "shrugged"], "ccomp")[2]) is None


def test_an_asked_aside_the_parse_hung_under_the_later_verb_is_a_participle_too() -> None:
    # `Trudeau , asked about tariffs , said`: "asked" a ccomp of "said", with the subject
    words = ["Trudeau", ",", "asked", "about", "tariffs", ",", "said"]
    heads = [2, 0, 6, 2, 3, 6, 6]
    deps = ["nsubj", "punct", "ccomp", "prep", "pobj", "punct", "ROOT"]
    pos = ["PROPN", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT", "VERB"]
    lemmas = ["trudeau", ",", "ask", "about", "tariff", ",", "say"]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert asked_aside(doc[2])
    # no comma before the later verb: "asked" is not set off
    words = ["Trudeau", ",", "asked", "about", "tariffs", "and", "said"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert not asked_aside(doc[2])


def test_an_asked_aside_whose_question_the_parse_read_into_the_later_verb() -> None:
    # `Price , asked what it meant , laughed`: "what it meant ," hung under "laughed"
    words = ["Price", ",", "asked", "what", "it", "meant", ",", "laughed"]
    heads = [2, 0, 2, 5, 5, 7, 7, 2]
    deps = ["nsubj", "punct", "ROOT", "dobj", "nsubj", "acl", "punct", "ccomp"]
    pos = ["PROPN", "PUNCT", "VERB", "PRON", "PRON", "VERB", "PUNCT", "VERB"]
    lemmas = ["price", ",", "ask", "what", "it", "mean", ",", "laugh"]
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert aside_main_verb(doc[2]) == doc[7]
    assert asked_aside(doc[2])
    # no comma before the later verb: one clause, no aside
    words[6] = "and"
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert aside_main_verb(doc[2]) is None


def test_a_participle_right_after_its_noun_is_a_reduced_passive() -> None:
    # `a man accused of fraud`, `a man , Lee accused of fraud`, `a man accused by Lee`
    vocab = spacy.blank("en").vocab
    tags = ["DT", "NN", "VBN", "IN", "NN"]
    pos = ["DET", "NOUN", "VERB", "ADP", "NOUN"]
    doc = Doc(
        vocab,
        words=["a", "man", "accused", "of", "fraud"],
        heads=[1, 1, 1, 2, 3],
        deps=["det", "ROOT", "acl", "prep", "pobj"],
        pos=pos,
        tags=tags,
    )
    assert reduced_passive(doc[2])
    doc = Doc(
        vocab,
        words=["a", "man", ",", "accused", "of", "fraud"],
        heads=[1, 1, 1, 1, 3, 4],
        deps=["det", "ROOT", "punct", "acl", "prep", "pobj"],
        pos=["DET", "NOUN", "PUNCT", "VERB", "ADP", "NOUN"],
        tags=["DT", "NN", ",", "VBN", "IN", "NN"],
    )
    assert not reduced_passive(doc[3])
    doc = Doc(
        vocab,
        words=["a", "man", "accused", "by", "Lee"],
        heads=[1, 1, 1, 2, 3],
        deps=["det", "ROOT", "acl", "agent", "pobj"],
        pos=["DET", "NOUN", "VERB", "ADP", "PROPN"],
        tags=["DT", "NN", "VBN", "IN", "NNP"],
    )
    assert not reduced_passive(doc[2])


def _comes_as(prep: str) -> Doc:
    """`The debate comes as/in a report from the agency warned that starts fell`, parsed as the
    model parses it: the subordinator read as a preposition, "warned" left without a subject."""
    words = ["The", "debate", "comes", prep, "a", "report", "from", "the", "agency", "warned"]
    words += ["that", "starts", "fell"]
    heads = [1, 2, 2, 2, 5, 3, 5, 8, 6, 2, 12, 12, 9]
    deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "prep", "det", "pobj", "advcl"]
    deps += ["mark", "nsubj", "ccomp"]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "VERB"]
    pos += ["SCONJ", "NOUN", "VERB"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_the_object_of_a_subordinator_read_as_a_preposition_is_the_cues_subject() -> None:
    source = source_of(_comes_as("as")[9], set())
    assert source is not None and source.text == "report"
    # a real preposition ("in a report ... warned") names no subject
    assert source_of(_comes_as("in")[9], set()) is None


def _verbless(tag: str) -> Doc:
    """`A woman who worked at a bar testified that she left`, parsed as the model parses it: no
    main verb, the root "woman", "testified" a modifier of "bar"."""
    words = ["A", "woman", "who", "worked", "at", "a", "bar", "testified", "that", "she", "left"]
    heads = [1, 1, 3, 1, 3, 6, 4, 6, 10, 10, 7]
    deps = ["det", "ROOT", "nsubj", "relcl", "prep", "det", "pobj", "acl", "mark", "nsubj"]
    deps += ["ccomp"]
    pos = ["DET", "NOUN", "PRON", "VERB", "ADP", "DET", "NOUN", "VERB", "SCONJ", "PRON", "VERB"]
    tags = ["DT", "NN", "WP", "VBD", "IN", "DT", "NN", tag, "IN", "PRP", "VBD"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_past_tense_modifier_in_a_sentence_with_no_verb_is_the_root_nouns_verb() -> None:
    doc = _verbless("VBD")
    source = source_of(doc[7], set())
    assert source is not None and source.text == "woman"
    # a participle modifies the noun before it: `a bar packed with fans saying ...`
    source = source_of(_verbless("VBN")[7], set())
    assert source is not None and source.text == "bar"


def test_a_cue_under_an_adjective_shares_the_subject_of_its_verb() -> None:
    # `Democratic voters are more likely to say that ...`
    words = ["Voters", "are", "more", "likely", "to", "say", "that", "Lopez", "won"]
    heads = [1, 1, 3, 1, 5, 3, 8, 8, 5]
    deps = ["nsubj", "ROOT", "advmod", "acomp", "aux", "xcomp", "mark", "nsubj", "ccomp"]
    pos = ["NOUN", "AUX", "ADV", "ADJ", "PART", "VERB", "SCONJ", "PROPN", "VERB"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    source = source_of(doc[5], set())
    assert source is not None and source.text == "Voters"
    # `It is worth noting that ...`: the writer's aside, no one's report
    doc = Doc(
        spacy.blank("en").vocab,
        words=["It", "is", "worth", "noting", "that", "Lopez", "won"],
        heads=[1, 1, 1, 2, 6, 6, 3],
        deps=["nsubj", "ROOT", "acomp", "xcomp", "mark", "nsubj", "ccomp"],
        pos=["PRON", "AUX", "ADJ", "VERB", "SCONJ", "PROPN", "VERB"],
    )
    assert source_of(doc[3], set()) is None


def _in_a_notice(clause: bool) -> Doc:
    """`The agency said in a notice posted Monday that trade stops`, as the model parses it: the
    clause hung on the participle (or, without a clause, `... in a notice announcing the ban`)."""
    words = ["The", "agency", "said", "in", "a", "notice", "posted", "Monday"]
    heads = [1, 2, 2, 2, 5, 3, 5, 6]
    deps = ["det", "nsubj", "ROOT", "prep", "det", "pobj", "acl", "npadvmod"]
    pos = ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "VERB", "PROPN"]
    if clause:
        words += ["that", "trade", "stops"]
        heads += [10, 10, 6]
        deps += ["mark", "nsubj", "ccomp"]
        pos += ["SCONJ", "NOUN", "VERB"]
    else:
        words += ["the", "ban"]
        heads += [9, 6]
        deps += ["det", "dobj"]
        pos += ["DET", "NOUN"]
    lemmas = [w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_document_the_subject_spoke_in_gives_the_subject_when_a_clause_is_reported() -> None:
    source = source_of(_in_a_notice(clause=True)[6], {"notice"})
    assert source is not None and source.text == "agency"
    # no clause reported: the document's participle names no source through the verb
    assert source_of(_in_a_notice(clause=False)[6], {"notice"}) is None


def _misjoined(subject: str, subject_pos: str, subject_dep: str = "nsubj") -> Doc:
    """`He said SUBJECT showed gains but admitted costs rose`, the second cue joined to the
    reported clause's verb as the model parses it."""
    words = ["He", "said", subject, "showed", "gains", "but", "admitted", "costs", "rose"]
    heads = [1, 1, 3, 1, 3, 3, 3, 8, 6]
    deps = ["nsubj", "ROOT", subject_dep, "ccomp", "dobj", "cc", "conj", "nsubj", "ccomp"]
    pos = ["PRON", "VERB", subject_pos, "VERB", "NOUN", "CCONJ", "VERB", "NOUN", "VERB"]
    lemmas = [w.lower() for w in words]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_cue_joined_to_a_reported_clause_of_a_thing_shares_the_outer_subject() -> None:
    source = source_of(_misjoined("bookings", "NOUN")[6], {"report"})
    assert source is not None and source.text == "He"
    # a document or a named subject may well have done the second act itself
    assert source_of(_misjoined("report", "NOUN")[6], {"report"}) is None
    assert source_of(_misjoined("Tan", "PROPN")[6], {"report"}) is None
    # a passive subject: `staff were called in and told ...`, the cue shares the passive
    assert source_of(_misjoined("staff", "NOUN", "nsubjpass")[6], {"report"}) is None


def test_a_cue_joined_to_a_reported_clause_with_an_infinitive_of_its_own_shares_it_too() -> None:
    # `He said the vote was a result and called on Ottawa to act`
    words = ["He", "said", "the", "vote", "was", "late", "and", "called", "on", "Ottawa"]
    words += ["to", "act"]
    heads = [1, 1, 3, 4, 1, 4, 4, 4, 7, 8, 11, 7]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "cc", "conj", "prep", "pobj"]
    deps += ["aux", "xcomp"]
    pos = ["PRON", "VERB", "DET", "NOUN", "AUX", "ADJ", "CCONJ", "VERB", "ADP", "PROPN"]
    pos += ["PART", "VERB"]
    lemmas = [w.lower() for w in words]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    source = source_of(doc[7], {"report"})
    assert source is not None and source.text == "He"
    # with neither a clause nor an infinitive under it, the cue reports nothing of its own
    deps[11] = "advcl"
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert source_of(doc[7], {"report"}) is None
