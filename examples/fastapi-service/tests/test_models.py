"""Contract tests: every Pydantic model round-trips its fixtures and refuses the invalid ones."""

import json

import pytest
from pydantic import BaseModel, ValidationError

from app.models.errors import Error
from app.models.health import Health
from app.models.invoices import CreateInvoice, Invoice, InvoiceList
from app.models.users import CreateUser, User

INVOICE = {
    "id": "0b9f6f5e-2f7c-4e4b-9a55-3f1b8f0d2c11",
    "userId": "alice",
    "amountCents": 12500,
    "currency": "EUR",
    "description": "Consulting, March",
    "status": "draft",
    "createdAt": "2026-01-01T00:00:00Z",
}
FIXTURES: dict[type[BaseModel], tuple[list, list]] = {
    User: (
        [{"id": "alice", "email": "alice@example.com", "name": "Alice", "createdAt": "2026-01-01T00:00:00Z"}],
        [{"id": "", "email": "alice@example.com", "name": "Alice", "createdAt": "2026-01-01T00:00:00Z"}],
    ),
    CreateUser: (
        [{"email": "alice@example.com", "name": "Alice"}],
        [
            {"email": "nope", "name": "A"},
            {"email": "a@example.com", "name": "A", "id": "bob"},
            {"email": "a@example.com"},
        ],
    ),
    Invoice: ([INVOICE], [INVOICE | {"amountCents": 0}, INVOICE | {"status": "lost"}]),
    CreateInvoice: (
        [{"amountCents": 1, "currency": "EUR", "description": "x", "status": "open"}],
        [
            {"amountCents": "1", "currency": "EUR", "description": "x"},
            {"amountCents": 1, "currency": "EURO", "description": "x"},
            {"amountCents": 1_000_000_001, "currency": "EUR", "description": "x"},
            {"amountCents": 1, "currency": "EUR", "description": "x", "userId": "bob"},
        ],
    ),
    InvoiceList: ([{"items": [INVOICE]}, {"items": []}], [{"items": [INVOICE] * 101}]),
    Error: (
        [
            {"error": {"code": "not_found", "message": "Invoice not found"}},
            {
                "error": {
                    "code": "validation_failed",
                    "message": "x",
                    "details": [{"path": "body.a", "message": "m"}],
                }
            },
        ],
        [{"error": {"code": "teapot", "message": "x"}}, {"error": {"message": "x"}}],
    ),
    Health: (
        [{"status": "ok", "checks": {"database": "ok"}}],
        [{"status": "down", "checks": {"database": "ok"}}],
    ),
}


@pytest.mark.parametrize("model", FIXTURES, ids=lambda model: model.__name__)
def test_valid_fixtures_round_trip_through_json_unchanged(model):
    for fixture in FIXTURES[model][0]:
        parsed = model.model_validate_json(json.dumps(fixture))
        assert model.model_validate_json(parsed.model_dump_json(by_alias=True, exclude_none=True)) == parsed
        dumped = parsed.model_dump(mode="json", by_alias=True, exclude_none=True)
        assert dumped == fixture


@pytest.mark.parametrize("model", FIXTURES, ids=lambda model: model.__name__)
def test_invalid_fixtures_are_refused(model):
    for fixture in FIXTURES[model][1]:
        with pytest.raises(ValidationError):
            model.model_validate_json(json.dumps(fixture))


def test_the_default_invoice_status_is_draft():
    assert (
        CreateInvoice.model_validate({"amountCents": 1, "currency": "EUR", "description": "x"}).status
        == "draft"
    )
