"""The Tornado server: HTTP routes, the websocket, and the security checks.

Reading order: server.py (Server), routes.py, websocket.py, security.py,
background.py (a server on a thread, for tests and tools).
"""
