"""The datapackage descriptor is generated from the Pandera models through schemas.dictionary."""

import datetime as dt
import hashlib
import json

import pytest

from pipeline.publish import datapackage
from pipeline.publish.datapackage import field, table_schema, to_json
from schemas import dictionary
from schemas.dictionary import ColumnInfo


@pytest.mark.parametrize("name", ["articles", "claims"])
def test_schema_lists_every_column_with_type_and_description(name):
    fields = table_schema(name)["fields"]
    columns = dictionary.columns(name)
    assert [f["name"] for f in fields] == [c.name for c in columns]
    for f, c in zip(fields, columns):
        assert f["type"] == c.type in {"string", "integer", "number", "boolean", "date"}
        assert f["description"] == c.description and f["description"]
        assert f.get("constraints", {}).get("required", False) is (not c.nullable)


def test_claims_fields_carry_the_models_constraints():
    fields = {f["name"]: f for f in table_schema("claims")["fields"]}
    assert fields["action"]["constraints"]["enum"] == ["launched", "intercepted", "suppressed", "hit", "captured"]
    assert fields["count"]["type"] == "integer" and fields["count"]["constraints"] == {"minimum": 0}
    assert fields["claim_id"]["constraints"] == {"required": True, "unique": True, "pattern": "[0-9a-f]{16}"}
    assert fields["latitude"]["constraints"] == {"minimum": -90, "maximum": 90}
    assert fields["evidence_end"]["constraints"]["minimum"] == 1  # > 0 on an integer
    assert fields["event_date"]["type"] == "date" and "constraints" not in fields["event_date"]
    assert "UA-63" in fields["location_admin1"]["constraints"]["enum"]


def test_keys():
    claims, articles = table_schema("claims"), table_schema("articles")
    assert claims["primaryKey"] == ["claim_id"] and articles["primaryKey"] == ["article_id"]
    assert claims["foreignKeys"] == [
        {"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}}
    ]
    assert "foreignKeys" not in articles


def test_exclusive_bounds_of_numbers_stay_as_looser_inclusive_bounds():
    column = ColumnInfo(name="x", type="number", dtype="float64", nullable=True, description="x",
                        minimum=0.0, exclusive_minimum=True, maximum=1.5, exclusive_maximum=True)
    assert field(column)["constraints"] == {"minimum": 0, "maximum": 1.5}


def test_resources_carry_size_hash_format_and_mediatype(tmp_path):
    (tmp_path / "claims.csv").write_bytes(b"claim_id\n")
    (tmp_path / "claims.parquet").write_bytes(b"PAR1")
    csv = datapackage.csv_resource(tmp_path, "claims", "claims.csv", rows=0)
    parquet = datapackage.parquet_resource(tmp_path, "claims", "claims.parquet", "claims.csv")
    assert (csv["type"], csv["format"], csv["mediatype"], csv["bytes"]) == ("table", "csv", "text/csv", 9)
    assert (parquet["type"], parquet["format"], parquet["mediatype"], parquet["bytes"]) == (
        "file", "parquet", "application/vnd.apache.parquet", 4)
    assert parquet["hash"] == "sha256:" + hashlib.sha256(b"PAR1").hexdigest()
    assert "schema" not in parquet and csv["schema"] == table_schema("claims")


def test_descriptor_and_its_json():
    created = dt.datetime(2025, 5, 1, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    descriptor = datapackage.descriptor(
        version="1.2.0", created=created, description="d", resources=[], publishers={None: 1, "Agency": 2}
    )
    assert descriptor["created"] == "2025-05-01T12:30:00Z"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0" and descriptor["version"] == "1.2.0"
    assert descriptor["sources"] == [{"title": "Agency (2 articles)"}, {"title": "Articles without a named publisher (1 article)"}]
    text = to_json(descriptor)
    assert json.loads(text) == descriptor
    assert '"keywords": ["Russia-Ukraine war",' in text  # plain lists stay on one line
