"""Counterclaim: turn war reporting into a dataset of attributed claims."""

__version__ = "0.1.0"
