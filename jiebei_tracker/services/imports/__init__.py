"""Importing files: ``service.ImportService`` (what the wizard and the CLI do with a file: preview, check, write,
export), ``db`` (what the database already holds, for matching), ``history`` (the imports recorded, to undo)."""
