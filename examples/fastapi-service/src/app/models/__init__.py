"""Pydantic v2 models: the contract, and the source of the OpenAPI document's schemas."""

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class ApiModel(BaseModel):
    """JSON names in camelCase (`amountCents`), as in hono-service; Python names in snake_case."""

    # from_attributes: routes return database rows; FastAPI validates them into the response
    # model once, on the way out.
    model_config = ConfigDict(
        alias_generator=to_camel, validate_by_name=True, validate_by_alias=True, from_attributes=True
    )


class RequestModel(ApiModel):
    """Request bodies: unknown fields are refused, never ignored (the owner is never a body field),
    and types are strict (`"12"` is not a number), as with hono-service's `.strict()` Zod schemas."""

    model_config = ConfigDict(
        alias_generator=to_camel, validate_by_name=False, validate_by_alias=True, extra="forbid", strict=True
    )


#: The OWASP lint wants every string bounded and every integer sized; these say so in the
#: document for values the server produces itself (a timestamp, a UUID), which it never exceeds.
DATETIME_SCHEMA = {"maxLength": 40}
UUID_SCHEMA = {"maxLength": 36}
INT32 = {"format": "int32"}
