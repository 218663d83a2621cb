"""The dedicated-backend guide's Flask code, for real: marshmallow validates, the same schemas
describe the API in its OpenAPI document (`/openapi.json`, see openapi.py)."""

from flask import Flask, jsonify, request
from marshmallow import Schema, ValidationError, fields, validate
from werkzeug.exceptions import HTTPException

from flask_service.store import Db, EmailTakenError


# #region schemas
class UserSchema(Schema):
    id = fields.Int(dump_only=True)
    name = fields.Str(required=True, validate=validate.Length(min=1, max=200))
    email = fields.Email(required=True, validate=validate.Length(max=320))


# #endregion schemas


def create_app(db: Db | None = None) -> Flask:
    """The app factory: `flask --app flask_service.app run` and the tests build the same app."""
    app = Flask(__name__)
    db = db or Db()

    # #region get-user
    @app.route("/users/<int:user_id>", methods=["GET"])
    def get_user(user_id):
        """Read a user.
        ---
        get:
          operationId: getUser
          parameters:
            - {in: path, name: user_id, required: true, schema: {type: integer, minimum: 1}}
          responses:
            200: {description: The user., content: {application/json: {schema: UserSchema}}}
            404: {description: No such user., content: {application/json: {schema: ErrorSchema}}}
        """
        user = db.users.find_by_id(user_id)
        if user is None:
            return jsonify({"message": f"User {user_id} not found"}), 404
        return jsonify(UserSchema().dump(user))

    # #endregion get-user

    # #region create-user
    @app.route("/users", methods=["POST"])
    def create_user():
        """Create a user.
        ---
        post:
          operationId: createUser
          requestBody:
            required: true
            content: {application/json: {schema: UserSchema}}
          responses:
            201: {description: The user was created., content: {application/json: {schema: UserSchema}}}
            400: {description: "Invalid body: the failing fields and why.", content: {application/json: {schema: {$ref: "#/components/schemas/ValidationError"}}}}
            409: {description: The email is taken., content: {application/json: {schema: ErrorSchema}}}
        """
        schema = UserSchema()
        try:
            data = schema.load(request.json)
            user = db.users.create(data)
            return jsonify(schema.dump(user)), 201
        except ValidationError as err:
            return jsonify(err.messages), 400
        except EmailTakenError:
            return jsonify({"message": "This email is already registered"}), 409

    # #endregion create-user

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        # Malformed JSON (400), a body that is not JSON (415), unknown routes: JSON, never HTML.
        return jsonify({"message": error.description}), error.code

    from flask_service.openapi import register_openapi

    register_openapi(app, views=[get_user, create_user])
    return app
