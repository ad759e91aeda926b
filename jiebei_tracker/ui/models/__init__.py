"""Thin Qt item models fed plain records from the services."""
