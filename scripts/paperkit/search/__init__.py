"""What the site's search gets beyond Material's own index, as small MkDocs plugins, one concern each, named
after ``search`` in ``mkdocs.yml`` (they add to the entries the search plugin has just made for a page):

    questions.py    paper-question-search   each discussion question its own entry, built from the model,
                                            and each paragraph with an id (passages.py)
    word_forms.py   paper-word-forms        a ``forms`` field: other forms of an entry's words, abbreviations;
                                            search/words.json: what a typed word stands for (search-lands.js)
"""
