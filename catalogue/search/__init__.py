"""Project search: one lunr.py index built from the model, used by /find/ and `catalogue search`.

index.py builds the index and the compact document store, packed.py and builder.py its packed
form, scoring.py scores query words over it (lunr's scores, summed posting by posting), query.py
runs queries and facets the way docs/assets/finder.js does in the browser, cache.py keeps the
CLI's index between runs, build.py publishes index and store (plus the /find/ page and lunr.js),
material.py adds one small entry per project to the theme's header search.
"""
