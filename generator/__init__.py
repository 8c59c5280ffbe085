"""Berdaya: YAML learning modules and quiz banks -> an offline-friendly MkDocs learning site."""

__version__ = "0.1.0"
