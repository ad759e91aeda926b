"""Importers (bytes → validated rows → domain records) and exporters."""
