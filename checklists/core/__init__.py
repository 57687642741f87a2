"""What every feature uses: extensions, configuration, database helpers, the clock, errors,
the API base, blob storage, the audit trail, PDF. Imports nothing else of the project."""
