"""The script runner: runs the user's script, top to bottom, on its own thread.

Reading order: script_requests.py (the mailbox), script_run_context.py (what
st.* calls find on their thread), script_runner.py (the run loop), magic.py.
"""
