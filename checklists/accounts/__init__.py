"""People, roles, organisations and regions: who may do what, and who is inspected."""
