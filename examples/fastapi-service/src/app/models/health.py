from typing import Literal

from pydantic import BaseModel


class HealthChecks(BaseModel):
    database: Literal["ok"]


class Health(BaseModel):
    """Body of `GET /health` when the service can take traffic."""

    status: Literal["ok"]
    checks: HealthChecks
