"""The catalogue's static site pages, produced as publish.Outputs (no MkDocs import here).

pages.outputs() is the producer named in publish.PRODUCERS; render.py holds the one Jinja
environment and the Markdown + nh3 pipeline for descriptions; records.py, indexes.py,
timeline.py and reference.py build the context of each kind of page.
"""
