"""The observation hook: the one part of the tools that lives in the core.

Not in Streamlit. ``bus.py`` is where every hop publishes (one line per hop;
a single cheap check when nothing listens) and where the inspector's step
gate and frame hold plug in; ``events.py`` names the events. Everything that
watches (the trace channel, stepper, recordings, transcripts, the Textual
inspector) lives outside the core, in ``inspector/``, and subscribes here.
"""
