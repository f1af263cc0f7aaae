"""Synthetic catalogues and a plain MkDocs baseline, for benchmarks. Not part of the catalogue package."""
