"""The inspector's panes: one widget per pane, each in its own module.

Not in Streamlit. Each pane reads the shared ``View`` (the model plus what
is selected and filtered; inspector/panes/view.py) in ``catch_up`` and posts
messages named for what happened (``RunSelected``, ``FrameChosen``, ...);
inspector/app.py is the controller that reacts to them.
"""
