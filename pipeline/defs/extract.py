"""Extract assets: staged articles are parsed with spaCy, then the rule extractor reads claims from the Docs."""

import dagster as dg

from pipeline.stage import steps

from .resources import CounterclaimSettings, stops_run


@dg.asset(
    group_name="extract",
    kinds={"spacy"},
    deps=["raw_articles"],
    description=(
        "The staged articles parsed by the extractor's spaCy pipeline in batches (nlp.pipe), across "
        "worker processes, with an index of every article. Articles already extracted by the same "
        "extractor version are reused from the cache, not parsed again. The claim rules read each "
        "batch's Docs while they are in memory; their claims are staged for claim_events. An article "
        "whose parsing or extraction fails becomes an extraction_error rejection."
    ),
)
def parsed_articles(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        summary = steps.parse_to_stage(
            settings.layout,
            batch_size=settings.batch_size,
            processes=settings.processes,
            keep_docs=settings.keep_docs,
        )
    metadata: dict[str, object] = {
        "parsed": summary.parsed,
        "reused_from_cache": summary.reused,
        "extraction_errors": summary.parse_errors + summary.extraction_errors,
        "batches": summary.batches,
        "processes": summary.processes,
        "index": dg.MetadataValue.path(str(settings.layout.parsed_index)),
    }
    if settings.keep_docs:
        metadata["docs"] = dg.MetadataValue.path(str(settings.layout.parsed_docs))
    return dg.MaterializeResult(metadata=metadata)


@dg.asset(
    group_name="extract",
    kinds={"spacy", "python"},
    deps=["parsed_articles"],
    description=(
        "Claim events found by the rule extractor in each parsed article, with their evidence "
        "offsets: read from the Docs parsed in this run, or reused from the cache for articles "
        "unchanged since an earlier run of the same extractor version. The cache is then updated."
    ),
)
def claim_events(settings: CounterclaimSettings) -> dg.MaterializeResult:
    with stops_run():
        summary = steps.extract_to_stage(settings.layout, batch_size=settings.batch_size)
    return dg.MaterializeResult(
        metadata={
            "articles": summary.articles,
            "extracted": summary.extracted,
            "reused_from_cache": summary.reused,
            "claims": summary.claims,
            "extraction_errors": summary.errors,
            "extractor_version": summary.extractor_version,
            "path": dg.MetadataValue.path(str(settings.layout.claim_events)),
            "cache": dg.MetadataValue.path(str(settings.layout.cache)),
        }
    )
