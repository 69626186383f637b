"""Python-Markdown extensions of the site, one concern per module (named in ``mkdocs.yml``)."""
