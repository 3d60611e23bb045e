"""The words a speaker mention covers (`mention_extent`), on hand-parsed docs: a relative clause
without "that" that the parser read as one subject (`a move critics say will fail`) leaves the
noun it describes out of the mention."""

from __future__ import annotations

from app.pipeline.speakers.extent import mention_extent
from app.pipeline.syntax import contact_relative_head
from tests.pipeline.support import gapped_doc, hand_parsed


def test_a_relative_clause_read_as_one_subject_leaves_the_described_noun_out() -> None:
    doc = gapped_doc()
    head = contact_relative_head(doc[8])
    assert head is not None and head.i == 7
    assert mention_extent(doc[8]) == (8, 9)
    # the verb's clause has a subject of its own: a compound subject proper (`a union leader
    # said the strike could go on`)
    words = ["a", "union", "leader", "said", "the", "strike", "could", "go", "on", "."]
    heads = [2, 2, 3, 3, 5, 7, 7, 3, 7, 3]
    deps = ["det", "compound", "nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "prt", "punct"]
    pos = ["DET", "NOUN", "NOUN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP", "PUNCT"]
    doc = hand_parsed(words, heads, deps, pos)
    assert contact_relative_head(doc[2]) is None
    assert mention_extent(doc[2]) == (0, 3)


def test_a_compound_subject_whose_numbers_agree_is_one_noun_phrase() -> None:
    # `the budget officials said ...`: "the" may be the plural's; `a budget official said`:
    # the numbers agree; in a relative clause the parser found, the subject is whole
    for k, word, tag, dep in [(6, "the", "DT", "det"), (8, "official", "NN", "nsubj")]:
        doc = gapped_doc({k: (word, tag, dep)})
        assert contact_relative_head(doc[8]) is None
        assert mention_extent(doc[8]) == (6, 9)
    doc = gapped_doc({9: ("said", "VBD", "relcl")})
    assert contact_relative_head(doc[8]) is None
