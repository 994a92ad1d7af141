"""Background work of the open data: building a bulk download file (run by the `db_worker` process)."""

from django_tasks import task


@task()
def build_export(*, dataset: str, format: str) -> bool:
    """(Re)build one download file if its dataset changed since it was written."""
    from .exports import build

    return build(dataset, format)
