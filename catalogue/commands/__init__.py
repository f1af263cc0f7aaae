"""Sub-commands of the `catalogue` CLI."""
