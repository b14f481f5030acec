"""INTEGRA knowledge hub: load, check and render the hub's structured entries.

This package never imports MkDocs. ``hooks/`` adapts it to MkDocs events and ``python -m integra``
(the CLI behind the Makefile) calls the same functions, so the content pipeline outlives the site
engine.

Modules, by what they hold:

- ``project``     where the files are and which languages the site has
- ``problems``    the Problem record and the one place that prints problems
- ``loader``      safe YAML reading with line numbers for every field
- ``vocabulary``  the controlled vocabularies and their labels in every language
- ``schema``      the JSON Schemas and turning schema errors into plain messages
- ``model``       entry kinds, entries and the corpus of all entries
- ``checks``      rules that span entries (references, ids, dates, URLs)
- ``translation`` content translations, source hashes, review status, interface strings
- ``render``      Jinja2 templates: entries to pages
- ``site``        writing the generated pages into docs/ (only when changed)
- ``cli``         the command line (check, generate, translations)
"""

__version__ = "0.1.0"
