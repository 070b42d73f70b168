"""The plan drawn without Qt, for the screen and the page, and the counselor
report: the roadmap drawing (shapes any painter can paint), charts
(matplotlib's object API), user text in every script, the PDF and
``tandem export``. Nothing here imports Qt or ``ui`` (an import contract
checks it), so the report can be made with no display at all.
"""
