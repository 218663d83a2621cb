"""The OpenAPI document is FastAPI's own; the committed copy is what the app serves."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.errors import ERROR_CODES
from app.main import create_app

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.anyio


async def test_the_served_document_equals_the_committed_openapi_json(make_app):
    async with make_app() as t:
        response = await t.client.get("/openapi.json")
    assert response.status_code == 200
    assert (
        response.json() == COMMITTED
    ), "run `uv run python scripts/write_openapi.py` and commit openapi.json"


def test_the_write_script_finds_the_committed_file_current():
    result = subprocess.run(
        [sys.executable, "scripts/write_openapi.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_operation_ids_are_hono_services():
    operations = {
        (method.upper(), path): operation["operationId"]
        for path, item in create_app().openapi()["paths"].items()
        for method, operation in item.items()
    }
    assert operations == {
        ("GET", "/health"): "getHealth",
        ("POST", "/v1/users"): "createUser",
        ("GET", "/v1/users/{id}"): "getUser",
        ("GET", "/v1/invoices"): "listInvoices",
        ("POST", "/v1/invoices"): "createInvoice",
        ("GET", "/v1/invoices/{id}"): "getInvoice",
    }


def test_the_error_code_enum_is_the_code_table_and_no_route_documents_422():
    document = create_app().openapi()
    assert document["components"]["schemas"]["ErrorCode"]["enum"] == list(ERROR_CODES)
    statuses = {
        status for item in document["paths"].values() for op in item.values() for status in op["responses"]
    }
    assert "422" not in statuses
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_every_v1_operation_requires_the_bearer_scheme():
    document = create_app().openapi()
    assert document["components"]["securitySchemes"]["bearerAuth"]["bearerFormat"] == "JWT"
    for path, item in document["paths"].items():
        for operation in item.values():
            expected = [{"bearerAuth": []}] if path.startswith("/v1/") else None
            assert operation.get("security") == expected, path
