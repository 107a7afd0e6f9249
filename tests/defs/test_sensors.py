"""The new_articles_sensor requests a run when the article files change, and is off by default."""

import dagster as dg
import pytest

from pipeline.defs.resources import CounterclaimSettings
from pipeline.defs.sensors import new_articles_sensor
from pipeline.definitions import defs


def evaluate(input_dir, cursor=None):
    settings = CounterclaimSettings(input_dir=str(input_dir), output_dir=str(input_dir.parent / "out"))
    with dg.build_sensor_context(cursor=cursor, resources={"settings": settings}) as context:
        result = new_articles_sensor(context)
        return result, context.cursor


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "raw"
    root.mkdir()
    (root / "a.txt").write_text("Russia launched 25 drones overnight, the air force said.", encoding="utf-8")
    return root


def test_new_files_request_a_run_of_extract_job(folder):
    result, cursor = evaluate(folder)
    assert isinstance(result, dg.RunRequest)
    assert result.run_key == cursor and len(cursor) == 64


def test_unchanged_files_skip(folder):
    _, cursor = evaluate(folder)
    result, again = evaluate(folder, cursor)
    assert isinstance(result, dg.SkipReason)
    assert "have not changed" in result.skip_message
    assert again == cursor


def test_another_article_requests_another_run(folder):
    _, cursor = evaluate(folder)
    (folder / "b.md").write_text("Air defences shot down 20 drones.", encoding="utf-8")
    result, new_cursor = evaluate(folder, cursor)
    assert isinstance(result, dg.RunRequest)
    assert new_cursor != cursor and result.run_key == new_cursor


def test_empty_or_missing_folder_skips(tmp_path):
    (tmp_path / "empty").mkdir()
    result, cursor = evaluate(tmp_path / "empty")
    assert isinstance(result, dg.SkipReason) and cursor is None
    result, _ = evaluate(tmp_path / "missing")
    assert isinstance(result, dg.SkipReason)
    assert "does not exist" in result.skip_message


def test_sensor_is_stopped_by_default_and_targets_extract_job():
    sensor = defs().get_repository_def().get_sensor_def("new_articles_sensor")
    assert sensor.default_status == dg.DefaultSensorStatus.STOPPED
    assert sensor.job_name == "extract_job"
    assert sensor.minimum_interval_seconds >= 30
