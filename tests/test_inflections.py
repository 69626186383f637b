"""Other forms of a word for search (scripts/paperkit/inflections.py)."""

from __future__ import annotations

import pytest
from paperkit.inflections import forms, forms_of


@pytest.mark.parametrize("word, expected", [
    ("confiscation", {"confiscate", "confiscated", "confiscates", "confiscating", "confiscations"}),
    ("laundering", {"launder", "laundered", "launders"}),
    ("seized", {"seize", "seizes", "seizing"}),
    ("Trafficking", {"trafficked"}),
])
def test_forms_a_reader_may_type(word, expected):
    assert expected <= forms(word)


@pytest.mark.parametrize("word, stranger", [("station", "stating"), ("confiscation", "confiscation"),
                                            ("national", "nation")])
def test_no_form_of_another_word_and_not_the_word_itself(word, stranger):
    assert stranger not in forms(word)


def test_many_words_at_once_are_each_word_alone():
    words = {"confiscation", "laundering", "station", "cooperation", "seized"}
    together = forms_of(words)
    assert set(together) == words
    assert all(together[w] == forms(w) for w in words)
