"""One router per resource: users, invoices, plus health."""
