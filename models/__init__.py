"""Tandem's plan: the domain, its rules and its file, with no Qt in sight.

A plan is opened into a :class:`models.plan_file.PlanFile`, which owns the
database connection; everything else takes that object as an argument.
"""
