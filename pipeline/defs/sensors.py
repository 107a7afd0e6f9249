"""Sensor: run extract_job when the article files under the input folder change. Off until turned on."""

import dagster as dg

from pipeline.ingest import IngestError
from pipeline.stage import watch

from .resources import CounterclaimSettings

MINIMUM_INTERVAL_SECONDS = 60


@dg.sensor(
    job_name="extract_job",
    minimum_interval_seconds=MINIMUM_INTERVAL_SECONDS,
    default_status=dg.DefaultSensorStatus.STOPPED,
    description=(
        "Watches the settings' input folder and requests a run of extract_job when article files are "
        "added, removed or changed (by relative path, size and modification time). Stopped by default; "
        "turn it on in the UI's Automation tab or with `dagster sensor start new_articles_sensor`. "
        "Needs the dagster-daemon, which `dagster dev` starts."
    ),
)
def new_articles_sensor(context: dg.SensorEvaluationContext, settings: CounterclaimSettings):
    root = settings.input_root
    try:
        seen = watch.fingerprint(root, settings.extension_list)
    except IngestError as exc:
        return dg.SkipReason(f"cannot watch the input folder: {exc}")
    if seen.files == 0:
        return dg.SkipReason(f"no article files under {root}")
    if seen.digest == context.cursor:
        return dg.SkipReason(f"the {seen.files} article files under {root} have not changed")
    context.update_cursor(seen.digest)
    return dg.RunRequest(run_key=seen.digest, tags={"counterclaim/article_files": str(seen.files)})
