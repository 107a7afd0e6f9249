"""Invented sample articles (marked `source: Counterclaim sample`) shared by the pipeline, CLI and release tests."""

BELGOROD = """---
title: Air defences destroy 12 drones over Belgorod region
source: Counterclaim sample
published: 2025-03-01
language: en
---
Russia's defence ministry said its air defences destroyed 12 Ukrainian drones over the Belgorod region overnight.
"""


def kharkiv(published: str) -> str:
    """An air force report of 25 drones launched and 20 shot down, published on `published`."""
    return f"""---
title: Air force says 20 of 25 drones shot down
source: Counterclaim sample
published: {published}
language: en
---
Russia launched 25 Shahed drones at Ukraine overnight, Ukraine's air force said on Sunday.

Air defences shot down 20 of them over the Kharkiv and Sumy regions.
"""
