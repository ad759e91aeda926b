"""The only write path (the ledger) and the read-side assemblies that views and the CLI show."""
