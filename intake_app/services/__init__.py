"""Use-cases: each public method is one user action and one transaction.

A service validates all input, writes the fact rows, commits, publishes what changed, and
returns a frozen result. Nothing here knows about Qt or the terminal.
"""
