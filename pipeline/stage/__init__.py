"""Staging: the run's intermediate files under OUT/.counterclaim/, and the plain steps that write them.

Nothing here imports Dagster; the assets in pipeline.defs call one step each.
"""
