"""Exports of a workspace's annotations, one module per format."""

from __future__ import annotations

from factcheck.export import doccano, label_studio, native, tabular, w3c
from factcheck.export.base import ExportContext, ExportFormat, write_export

#: Every format by its ``--format`` name.
FORMATS: dict[str, ExportFormat] = {
    "json": native.FORMAT,
    "jsonl": tabular.JSONL,
    "csv": tabular.CSV,
    "w3c": w3c.FORMAT,
    "label-studio": label_studio.FORMAT,
    "doccano": doccano.FORMAT,
}

__all__ = ["FORMATS", "ExportContext", "ExportFormat", "write_export"]
