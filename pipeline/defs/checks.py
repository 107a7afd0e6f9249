"""Blocking schema checks, one per table in schemas.TABLES: a failing table is never published."""

import dagster as dg

from pipeline.stage.checks import RELATIONS, check_table
from schemas import TABLES

from .resources import CounterclaimSettings, stops_run


def schema_check(name: str) -> dg.AssetChecksDefinition:
    """The check of the staged table `name` against its Pandera model and cross-table relations."""
    relations = RELATIONS.get(name, ())
    described = "".join(f"; also {r.name} against {r.other}" for r in relations)

    @dg.asset_check(
        asset=name,
        name=f"{name}_schema",
        blocking=True,
        additional_deps=[r.other for r in relations],
        description=f"The staged {name} table passes every rule of {TABLES[name].__name__}{described}.",
    )
    def _check(settings: CounterclaimSettings) -> dg.AssetCheckResult:
        with stops_run():
            result = check_table(settings.layout, name)
        if result.ok:
            return dg.AssetCheckResult(passed=True, metadata={"rows": result.rows, "summary": result.summary})
        return dg.AssetCheckResult(
            passed=False,
            severity=dg.AssetCheckSeverity.ERROR,
            description=result.summary,
            metadata={
                "summary": result.summary,
                "rows": result.rows,
                "failing_rows": dg.MetadataValue.md(result.failing_rows),
                "failing_rows_by_rule": dg.MetadataValue.json(result.rule_counts),
            },
        )

    return _check


schema_checks = [schema_check(name) for name in TABLES]
