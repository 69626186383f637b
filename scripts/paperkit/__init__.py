"""paperkit — publish a thematic-discussions background paper as a static MkDocs site.

Pipeline, one module per stage, sharing only :mod:`paperkit.model`:
``parse`` (paper text → model) → ``resolve`` (notes → bibliography entries) → ``write`` (model → Markdown pages)
→ MkDocs (the ``paper`` plugin in :mod:`paperkit.mkdocs_plugin` runs the stages inside every build).
"""
