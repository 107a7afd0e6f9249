"""The two ways ingest signals trouble: a run that cannot start, and a file that is not text."""


class IngestError(Exception):
    """The input root cannot be walked; the only problem that stops a run."""


class BinaryContent(ValueError):
    """A file's bytes are not text in any encoding ingest accepts; the message says why."""
