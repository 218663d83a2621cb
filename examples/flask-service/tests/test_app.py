"""The guide's two endpoints through Flask's test client: what a caller of the API sees."""

import json
from pathlib import Path

import pytest

from flask_service.app import create_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def client():
    return create_app().test_client()


def test_creates_a_user_with_201_and_reads_it_back(client):
    created = client.post("/users", json={"name": "Ada Lovelace", "email": "ada@example.com"})
    assert created.status_code == 201
    assert created.json == {"id": 1, "name": "Ada Lovelace", "email": "ada@example.com"}
    read = client.get("/users/1")
    assert read.status_code == 200
    assert read.json == created.json


def test_an_unknown_user_is_404_not_a_null_body(client):
    response = client.get("/users/42")
    assert response.status_code == 404
    assert response.json == {"message": "User 42 not found"}


def test_a_non_integer_id_is_404_by_the_url_converter(client):
    assert client.get("/users/abc").status_code == 404


@pytest.mark.parametrize(
    ("body", "messages"),
    [
        ({}, {"name": ["Missing data for required field."], "email": ["Missing data for required field."]}),
        ({"name": "Ada", "email": "not-an-email"}, {"email": ["Not a valid email address."]}),
        ({"name": "", "email": "ada@example.com"}, {"name": ["Length must be between 1 and 200."]}),
        ({"name": "Ada", "email": "ada@example.com", "admin": True}, {"admin": ["Unknown field."]}),
        ({"name": 12, "email": "ada@example.com"}, {"name": ["Not a valid string."]}),
        ({"name": "Ada", "email": "ada@example.com", "id": 7}, {"id": ["Unknown field."]}),
    ],
)
def test_invalid_bodies_are_400_with_marshmallows_messages_per_field(client, body, messages):
    response = client.post("/users", json=body)
    assert response.status_code == 400
    assert response.json == messages


def test_a_body_that_is_not_an_object_is_400(client):
    response = client.post("/users", json=["Ada"])
    assert response.status_code == 400
    assert response.json == {"_schema": ["Invalid input type."]}


def test_malformed_json_and_a_non_json_body_get_json_errors_not_html(client):
    malformed = client.post("/users", data='{"name":', content_type="application/json")
    assert malformed.status_code == 400 and malformed.is_json
    form = client.post("/users", data="name=Ada")
    assert form.status_code == 415 and form.is_json


def test_a_second_user_with_the_same_email_is_409(client):
    client.post("/users", json={"name": "Ada", "email": "ada@example.com"})
    response = client.post("/users", json={"name": "Other", "email": "ada@example.com"})
    assert response.status_code == 409


def test_the_openapi_document_describes_both_endpoints_from_the_marshmallow_schema(client):
    document = client.get("/openapi.json").json
    assert document["openapi"] == "3.1.0"
    operations = {op["operationId"] for item in document["paths"].values() for op in item.values()}
    assert operations == {"getUser", "createUser"}
    user = document["components"]["schemas"]["User"]
    assert user["required"] == ["email", "name"]
    assert user["properties"]["email"] == {"type": "string", "format": "email", "maxLength": 320}
    assert user["properties"]["id"]["readOnly"] is True
    body = document["paths"]["/users"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/User"}


def test_the_committed_openapi_json_is_what_the_app_serves(client):
    committed = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    assert client.get("/openapi.json").json == committed, "run `uv run python scripts/write_openapi.py`"
