"""A helper module imported by lesson 04's app.

Python imports a module once per process and keeps it in sys.modules; every session's
script run gets this same module object. So `visits` below is shared by all tabs, and
survives every rerun, for as long as the server process lives.
"""

visits = 0
