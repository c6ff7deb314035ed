"""Editors' operations on whole events and on the history: merging two events, splitting
articles out into a new one, restoring an earlier version of a record. Each is atomic and
recorded in the history with a reason naming it (articles/history.py)."""
