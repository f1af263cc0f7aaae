"""Borough Projects Catalogue: records, validation, model and rendering, with no MkDocs import."""

__version__ = "1.0.0"
