# app.py (Backend)
from flask import Flask, jsonify, request
from marshmallow import Schema, ValidationError, fields

from .db import db

app = Flask(__name__)


class UserSchema(Schema):
    name = fields.Str(required=True)
    email = fields.Email(required=True)


@app.route("/users/<int:user_id>", methods=["GET"])
def get_user(user_id):
    user = db.users.find_by_id(user_id)
    return jsonify(user)


@app.route("/users", methods=["POST"])
def create_user():
    schema = UserSchema()
    try:
        data = schema.load(request.json)
        user = db.users.create(data)
        return jsonify(user), 201
    except ValidationError as err:
        return jsonify(err.messages), 400
