"""The Support tab: support structures that carry two careers."""
