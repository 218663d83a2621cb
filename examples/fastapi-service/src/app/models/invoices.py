from datetime import datetime
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import Field, StringConstraints

from app.models import DATETIME_SCHEMA, INT32, UUID_SCHEMA, ApiModel, RequestModel
from app.models.users import UserId

Currency = Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$", max_length=3)]
#: The largest amount an invoice may carry (fits an int32, as the column does).
MAX_AMOUNT_CENTS = 1_000_000_000


class InvoiceStatus(StrEnum):
    """Lifecycle of an invoice."""

    DRAFT = "draft"
    OPEN = "open"
    PAID = "paid"
    VOID = "void"


class Invoice(ApiModel):
    """An invoice as the API returns it. It always belongs to exactly one user."""

    id: UUID = Field(examples=["0b9f6f5e-2f7c-4e4b-9a55-3f1b8f0d2c11"], json_schema_extra=UUID_SCHEMA)
    user_id: UserId
    amount_cents: int = Field(ge=1, le=MAX_AMOUNT_CENTS, examples=[12_500], json_schema_extra=INT32)
    currency: Currency = Field(min_length=3, examples=["EUR"], description="ISO 4217 code.")
    description: str = Field(min_length=1, max_length=500, examples=["Consulting, March"])
    status: InvoiceStatus
    created_at: datetime = Field(json_schema_extra=DATETIME_SCHEMA)


class CreateInvoice(RequestModel):
    """Body of `POST /v1/invoices`. The owner is the caller; it is never taken from the body."""

    amount_cents: int = Field(ge=1, le=MAX_AMOUNT_CENTS, json_schema_extra=INT32)
    currency: Currency
    description: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500, pattern=r"^[^\x00]*$")
    ]
    # Lax for this one field: FastAPI validates the decoded JSON, where an enum is a plain string.
    status: InvoiceStatus = Field(InvoiceStatus.DRAFT, strict=False)


class InvoiceList(ApiModel):
    """Body of `GET /v1/invoices`: newest first."""

    items: list[Invoice] = Field(max_length=100)
