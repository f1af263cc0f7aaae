"""Project search: one lunr.py index built from the model, used by /find/ and `catalogue search`.

index.py builds the index and the compact document store, query.py runs queries and facets the
way docs/assets/finder.js does in the browser, build.py publishes both (plus the /find/ page and
lunr.js), material.py adds one small entry per project to the theme's header search.
"""
