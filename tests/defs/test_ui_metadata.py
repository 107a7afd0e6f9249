"""What the Dagster UI shows: groups, descriptions, kinds, column schemas, checks and materialisation metadata."""

import dagster as dg
import pytest

from pipeline.definitions import defs
from pipeline.stage import summary
from schemas import TABLES, dictionary

GROUPS = {
    "raw_articles": "ingest",
    "parsed_articles": "extract",
    "claim_events": "extract",
    "articles": "publish",
    "claims": "publish",
    "rejected": "publish",
    "dataset": "publish",
    "release": "release",
}
KINDS = {
    "parsed_articles": {"spacy"},
    "claim_events": {"spacy"},
    "articles": {"pandas", "parquet"},
    "claims": {"pandas", "parquet"},
    "rejected": {"pandas", "parquet"},
    "dataset": {"parquet"},
    "raw_articles": {"python"},
    "release": {"python"},
}
TABLE_ASSETS = {
    "raw_articles": "raw_articles",
    "parsed_articles": "parsed_index",
    "claim_events": "claims",
    "articles": "articles",
    "claims": "claims",
    "rejected": "rejected",
}


@pytest.fixture(scope="module")
def graph():
    return defs().get_repository_def().asset_graph


def node(graph, name):
    return graph.get(dg.AssetKey(name))


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_every_asset_has_a_group_a_description_and_kinds(graph, name):
    asset = node(graph, name)
    assert asset.group_name == GROUPS[name]
    assert asset.description and len(asset.description) > 40
    assert KINDS[name] <= set(asset.kinds)


@pytest.mark.parametrize("name", sorted(TABLE_ASSETS))
def test_every_table_asset_lists_its_columns_with_descriptions(graph, name):
    schema = node(graph, name).metadata["dagster/column_schema"]
    assert isinstance(schema, dg.TableSchema)
    assert [c.name for c in schema.columns] == [c.name for c in summary.columns(TABLE_ASSETS[name])]
    assert all(c.description for c in schema.columns), name


def test_published_column_schemas_come_from_the_dictionary(graph):
    for name in TABLES:
        schema = node(graph, name).metadata["dagster/column_schema"]
        expected = dictionary.columns(name)
        assert [(c.name, c.type, c.description) for c in schema.columns] == [
            (c.name, c.type, c.description) for c in expected
        ]
        assert [c.constraints.nullable for c in schema.columns] == [c.nullable for c in expected]


def test_schema_checks_are_defined_on_the_tables(graph):
    keys = {(key.asset_key.to_user_string(), key.name) for key in graph.asset_check_keys}
    assert {(name, f"{name}_schema") for name in TABLES} <= keys


@pytest.fixture(scope="module")
def materialized(run_job, sample_articles, tmp_path_factory):
    root = tmp_path_factory.mktemp("ui")
    result = run_job(sample_articles.write(root / "articles"), root / "out")
    assert result.success

    def metadata(asset):
        (materialization,) = result.asset_materializations_for_node(asset)
        return materialization.metadata

    return metadata, root / "out"


def test_raw_articles_report_kept_and_quarantined(materialized):
    metadata, out = materialized
    raw = metadata("raw_articles")
    assert raw["dagster/row_count"].value == 2
    assert raw["kept"].value == 2 and raw["quarantined"].value == 2
    assert raw["quarantined_by_reason"].value == {"empty": 1, "duplicate": 1}
    assert raw["path"].value == str(out / ".counterclaim" / "stage" / "raw_articles.parquet")
    assert "2025-03-01-belgorod.txt" in raw["preview"].value


def test_claims_report_counts_by_action_and_side_with_a_preview(materialized):
    metadata, out = materialized
    claims = metadata("claims")
    assert claims["dagster/row_count"].value == 3
    assert claims["claims_by_action"].value == {"launched": 1, "intercepted": 2}
    assert claims["claims_by_side"].value == {"UA": 2, "RU": 1}
    preview = claims["preview"]
    assert isinstance(preview, dg.MarkdownMetadataValue)
    assert preview.value.startswith("| action | count | munition_class | claimant | location | event_date | evidence |")
    assert isinstance(claims["path"], dg.PathMetadataValue)
    assert claims["path"].value == str(out / ".counterclaim" / "tables" / "claims.parquet")


def test_rejected_and_articles_report_rows(materialized):
    metadata, _ = materialized
    assert metadata("rejected")["quarantined_by_reason"].value == {"empty": 1, "duplicate": 1}
    assert metadata("rejected")["dagster/row_count"].value == 2
    assert metadata("articles")["dagster/row_count"].value == 2
    assert "| source_file | title |" in metadata("articles")["preview"].value


def test_dataset_reports_what_was_published(materialized):
    metadata, out = materialized
    dataset = metadata("dataset")
    assert dataset["kept"].value == 2 and dataset["quarantined"].value == 2
    assert dataset["quarantined_by_reason"].value == {"empty": 1, "duplicate": 1}
    assert dataset["claims_by_action"].value == {"launched": 1, "intercepted": 2}
    assert dataset["claims_by_side"].value == {"UA": 2, "RU": 1}
    for name in TABLES:
        assert dataset[f"{name}_path"].value == str(out / f"{name}.parquet")
