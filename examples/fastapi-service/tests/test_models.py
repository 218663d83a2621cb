"""Contract tests: every Pydantic model round-trips its fixtures and refuses the invalid ones."""

import importlib
import inspect
import json
import pkgutil

import pytest
from pydantic import BaseModel, ValidationError

import app.models
from app.main import create_app
from app.models import ApiModel, RequestModel
from app.models.errors import Error, ErrorDetail, ErrorObject
from app.models.health import Health, HealthChecks
from app.models.invoices import CreateInvoice, Invoice, InvoiceList
from app.models.users import CreateUser, User

#: Base classes that set configuration only: no fields, never a request or response body.
BASES = {ApiModel, RequestModel}


def contract_models() -> set[type[BaseModel]]:
    """Every Pydantic model defined in `app.models` and its modules, but the bases."""
    modules = [app.models] + [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages(app.models.__path__, f"{app.models.__name__}.")
    ]
    return {
        cls
        for module in modules
        for _, cls in inspect.getmembers(module, inspect.isclass)
        if issubclass(cls, BaseModel) and cls.__module__ == module.__name__ and cls not in BASES
    }


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
    HealthChecks: ([{"database": "ok"}], [{"database": "down"}, {}]),
    ErrorObject: (
        [
            {"code": "rate_limited", "message": "Too many requests"},
            {"code": "validation_failed", "message": "x", "details": []},
        ],
        [
            {"code": "teapot", "message": "x"},
            {"code": "not_found"},
            {"code": "not_found", "message": "m" * 1001},
            {
                "code": "validation_failed",
                "message": "x",
                "details": [{"path": "body.a", "message": "m"}] * 101,
            },
        ],
    ),
    ErrorDetail: (
        [{"path": "body.amountCents", "message": "Input should be greater than or equal to 1"}],
        [{"path": "body.a"}, {"path": "p" * 201, "message": "m"}, {"path": 1, "message": "m"}],
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


def test_every_model_has_valid_and_invalid_fixtures():
    missing = [
        f"{model.__module__}.{model.__name__} has no {kind} fixtures"
        for model in sorted(contract_models(), key=lambda model: model.__name__)
        for kind, fixtures in zip(("valid", "invalid"), FIXTURES.get(model, ([], [])), strict=True)
        if not fixtures
    ]
    assert not missing, "\n".join(missing)
    # And no fixtures for a model that is gone from `app.models` (or that enumeration missed).
    assert [model.__name__ for model in FIXTURES if model not in contract_models()] == []
    # Every object schema of the OpenAPI document is one of these models: none lives elsewhere.
    schemas = create_app().openapi()["components"]["schemas"]
    objects = {name for name, schema in schemas.items() if schema.get("type") == "object"}
    assert objects - {model.__name__ for model in contract_models()} == set()


def test_the_default_invoice_status_is_draft():
    assert (
        CreateInvoice.model_validate({"amountCents": 1, "currency": "EUR", "description": "x"}).status
        == "draft"
    )
