"""The runtime: sessions, their message queues, and the loop that flushes them.

Reading order: runtime.py (Runtime), session_manager.py, app_session.py,
forward_msg_queue.py, state/.
"""
