"""drf-spectacular hooks: the schema at /api/schema/ describes the open data API and nothing else."""


def only_open_data_api(endpoints, **kwargs):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
