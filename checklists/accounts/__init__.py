"""People, roles, organisations and regions: who may do what, and who is inspected; each
user's inbox of notifications."""
