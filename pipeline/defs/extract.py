"""Extract assets: staged articles are parsed with spaCy, then the rule extractor reads claims from the Docs."""

import dagster as dg

from pipeline.stage import steps

from .resources import CounterclaimSettings, stops_run


@dg.asset(
    group_name="extract",
    kinds={"spacy"},
    deps=["raw_articles"],
    description=(
        "The staged articles parsed by the extractor's spaCy pipeline and stored as DocBin files, "
        "one per batch; an article whose parsing fails becomes an extraction_error rejection."
    ),
)
def parsed_articles(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        summary = steps.parse_to_stage(settings.layout, batch_size=settings.batch_size)
    return dg.MaterializeResult(
        metadata={
            "parsed": summary.parsed,
            "extraction_errors": summary.errors,
            "batches": summary.batches,
            "index": dg.MetadataValue.path(str(settings.layout.parsed_index)),
        }
    )


@dg.asset(
    group_name="extract",
    kinds={"spacy", "python"},
    deps=["parsed_articles"],
    description=(
        "Claim events found by the rule extractor in each parsed article, with their evidence "
        "offsets; an article whose extraction fails becomes an extraction_error rejection."
    ),
)
def claim_events(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        summary = steps.extract_to_stage(settings.layout, batch_size=settings.batch_size)
    return dg.MaterializeResult(
        metadata={
            "articles": summary.articles,
            "claims": summary.claims,
            "extraction_errors": summary.errors,
            "extractor_version": summary.extractor_version,
            "path": dg.MetadataValue.path(str(settings.layout.claim_events)),
        }
    )
