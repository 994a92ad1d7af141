"""Bulk downloads: every dataset as CSV and JSON (properties and projects also as GeoJSON), written to
`default_storage` under `opendata/`, streamed row by row (`.iterator()`), so that a dataset of any size
never sits in memory. Each file has a small sidecar (`<file>.meta.json`) with the dataset version it was
built from, when and its size: a file is rebuilt only when its dataset's version changed.
"""

import csv
import io
import json
import os
import tempfile

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from rest_framework import serializers
from rest_framework.utils.encoders import JSONEncoder

from network.emails import absolute_url

from . import datasets
from .api.serializers import LocationField, location_data
from .licence import ATTRIBUTION, LICENSE_URL, license_member

FOLDER = "opendata"
CHUNK = 2000


def file_name(dataset: str, format: str) -> str:
    return f"{FOLDER}/{dataset}.{format}"


def meta_name(dataset: str, format: str) -> str:
    return f"{file_name(dataset, format)}.meta.json"


def read_meta(dataset: str, format: str) -> dict | None:
    name = meta_name(dataset, format)
    try:
        if not default_storage.exists(name) or not default_storage.exists(file_name(dataset, format)):
            return None
        with default_storage.open(name, "rb") as handle:
            return json.loads(handle.read().decode())
    except (OSError, ValueError):
        return None


def is_fresh(dataset: str, format: str, version: str | None = None) -> bool:
    meta = read_meta(dataset, format)
    if meta is None:
        return False
    version = version if version is not None else datasets.DATASETS[dataset].version().tag
    return meta.get("version") == version


def _source() -> str:
    from django.urls import reverse

    with translation.override("en"):
        return absolute_url(reverse("opendata:index"))


def _header(dataset: datasets.Dataset, version: str, generated_at: str) -> dict:
    return {
        "dataset": dataset.name,
        "title": dataset.title,
        "description": dataset.description,
        "license": license_member(),
        "attribution": f"{ATTRIBUTION} ({_source()}), {LICENSE_URL}",
        "source": _source(),
        "generated_at": generated_at,
        "version": version,
    }


def _rows(dataset: datasets.Dataset):
    """(model object, serialised row) of every public row, read in chunks."""
    serializer = dataset.serializer()
    for item in dataset.queryset().iterator(chunk_size=CHUNK):
        yield item, serializer.to_representation(item)


def csv_columns(serializer: serializers.Serializer, prefix: str = "") -> list[str]:
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, LocationField):
            columns += [f"{prefix}{name}_{column}" for column in LocationField.columns]
        elif isinstance(field, serializers.Serializer):
            columns += csv_columns(field, f"{prefix}{name}_")
        else:
            columns.append(f"{prefix}{name}")
    return columns


def _flatten(row: dict, prefix: str = "") -> dict:
    flat = {}
    for key, value in row.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}_"))
        elif isinstance(value, list):
            if all(not isinstance(v, dict | list) for v in value):
                flat[f"{prefix}{key}"] = "; ".join(str(v) for v in value)
            else:
                flat[f"{prefix}{key}"] = json.dumps(value, cls=JSONEncoder, ensure_ascii=False)
        elif value is None:
            flat[f"{prefix}{key}"] = ""
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _point_of(dataset_name: str, item):
    """The public point of a row (properties and projects), or None."""
    location = location_data(item if dataset_name == "properties" else item.property)
    if location["latitude"] is None or location["longitude"] is None:
        return None
    return location


def _write(dataset: datasets.Dataset, format: str, handle, version: str, generated_at: str) -> int:
    rows = 0
    encoder = JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    if format == "csv":
        text = io.TextIOWrapper(handle, encoding="utf-8", newline="")
        writer = csv.DictWriter(text, fieldnames=csv_columns(dataset.serializer()), extrasaction="ignore")
        writer.writeheader()
        for _item, row in _rows(dataset):
            writer.writerow(_flatten(row))
            rows += 1
        text.flush()
        text.detach()
        return rows
    header = _header(dataset, version, generated_at)
    if format == "geojson":
        header = {"type": "FeatureCollection", **header}
    handle.write(encoder.encode(header)[:-1].encode())
    handle.write(b',"features":[' if format == "geojson" else b',"data":[')
    for item, row in _rows(dataset):
        if format == "geojson":
            point = _point_of(dataset.name, item)
            if point is None:
                continue
            row = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [
                point["longitude"], point["latitude"]]}, "properties": row}
        handle.write((b"," if rows else b"") + encoder.encode(row).encode())
        rows += 1
    handle.write(b"]}")
    return rows


def build(dataset_name: str, format: str, *, force: bool = False) -> bool:
    """Write the file of `dataset_name` in `format` unless it is fresh. True when it was (re)built."""
    dataset = datasets.DATASETS[dataset_name]
    if format not in datasets.formats_of(dataset):
        raise ValueError(f"{dataset_name} has no {format} download")
    version = dataset.version().tag
    if not force and is_fresh(dataset_name, format, version):
        return False
    generated_at = timezone.now().replace(microsecond=0).isoformat()
    with translation.override("en"), tempfile.TemporaryFile() as handle:
        rows = _write(dataset, format, handle, version, generated_at)
        size = handle.tell()
        handle.seek(0)
        name = file_name(dataset_name, format)
        if default_storage.exists(name):
            default_storage.delete(name)
        saved = default_storage.save(name, File(handle, name=os.path.basename(name)))
    meta = {"dataset": dataset_name, "format": format, "version": version, "generated_at": generated_at,
            "size": size, "rows": rows, "file": saved}
    meta_file = meta_name(dataset_name, format)
    if default_storage.exists(meta_file):
        default_storage.delete(meta_file)
    default_storage.save(meta_file, io.BytesIO(json.dumps(meta).encode()))
    return True


def all_files():
    for dataset in datasets.DATASETS.values():
        for format in datasets.formats_of(dataset):
            yield dataset, format
