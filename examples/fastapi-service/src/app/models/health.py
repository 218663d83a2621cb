from typing import Literal

from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema


class HealthChecks(BaseModel):
    database: Literal["ok"]
    # Absent, not null, when the service uses no Redis (SkipJsonSchema keeps `null` out of the
    # document, as hono-service's optional field; the route leaves None out of the body).
    redis: Literal["ok", "down"] | SkipJsonSchema[None] = Field(
        None,
        description="Only when the service uses Redis (`REDIS_URL`: rate-limit buckets). `down`: the "
        "buckets let requests through.",
    )


class Health(BaseModel):
    """Body of `GET /health` when the service can take traffic (a down database is a 503 instead)."""

    status: Literal["ok", "degraded"] = Field(
        description="`ok`: every check is `ok`. `degraded`: a dependency other than the database is down "
        "(see `checks`); the service still answers, without what needs it."
    )
    checks: HealthChecks
