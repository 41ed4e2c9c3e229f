"""The course: numbered lesson folders, and the framework that checks them.

Not importable as ``lessons.framework``: the core does not depend on its
course. ``lessons.framework`` holds the catalog, claim and citation checks,
transcripts, exercises and the ``minilit lesson`` command.
"""
