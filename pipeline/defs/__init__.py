"""Dagster definitions, one module per stage; pipeline.definitions loads this folder."""
