from datetime import datetime
from typing import Annotated

from pydantic import EmailStr, Field, StringConstraints

from app.models import DATETIME_SCHEMA, ApiModel, RequestModel

#: A user id is the `sub` of the user's tokens, as issued by the identity provider. No control
#: characters: none belongs in a subject, and NUL would reach the database (which refuses it).
UserId = Annotated[
    str,
    StringConstraints(min_length=1, max_length=128, pattern=r"^[^\x00-\x1f\x7f]+$"),
    Field(examples=["alice"]),
]
#: Free text from a client: trimmed, bounded, without NUL (PostgreSQL refuses it in text columns).
Text200 = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[^\x00]*$")
]


# #region models
class User(ApiModel):
    """A user as the API returns it."""

    id: UserId
    # A plain string on the way out: it was validated as an email on the way in, and checking
    # it again on every response costs more than the rest of the model (email-validator).
    email: str = Field(max_length=320, examples=["alice@example.com"], json_schema_extra={"format": "email"})
    name: str = Field(min_length=1, max_length=200, examples=["Alice Example"])
    created_at: datetime = Field(examples=["2026-01-01T00:00:00.000Z"], json_schema_extra=DATETIME_SCHEMA)


class CreateUser(RequestModel):
    """Body of `POST /v1/users`: register the caller (the token's `sub`) as a user."""

    email: Annotated[EmailStr, Field(max_length=320)]
    name: Text200


# #endregion models
