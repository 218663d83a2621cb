"""The OpenAPI document, built by apispec from the marshmallow schemas the views validate with."""

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec_webframeworks.flask import FlaskPlugin
from flask import Flask, jsonify
from marshmallow import Schema, fields


class ErrorSchema(Schema):
    message = fields.Str(required=True)


def build_spec(app: Flask, views: list) -> APISpec:
    spec = APISpec(
        title="flask-service",
        version="1.0.0",
        openapi_version="3.1.0",
        plugins=[FlaskPlugin(), MarshmallowPlugin()],
    )
    from flask_service.app import UserSchema

    spec.components.schema("User", schema=UserSchema)
    spec.components.schema("Error", schema=ErrorSchema)
    # marshmallow's `err.messages`: each failing field name with its list of messages.
    spec.components.schema(
        "ValidationError",
        {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
    )
    with app.test_request_context():
        for view in views:
            spec.path(view=view)
    return spec


def register_openapi(app: Flask, views: list) -> None:
    """Serve the document at `/openapi.json`, where openapi-rq reads it (the guide's step 3)."""
    document = build_spec(app, views).to_dict()

    @app.get("/openapi.json")
    def openapi_json():
        return jsonify(document)
