"""The plan drawn without Qt, for the screen and the page: charts
(matplotlib's object API), later the roadmap drawing, the counselor PDF and
``tandem export``. Nothing here imports Qt or ``ui`` (an import contract
checks it), so the report can be made with no display at all.
"""
