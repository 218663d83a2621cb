from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query
from sqlalchemy import insert, select

from app.db.tables import InvoiceRow, UserRow
from app.deps import CurrentPrincipal, ReadSession, Session, rate_limit, require_scope
from app.errors import AppError, NotFoundError
from app.models import INT32, UUID_SCHEMA
from app.models.errors import AUTH_ERROR_RESPONSES, documented, error_response
from app.models.invoices import CreateInvoice, Invoice, InvoiceList, InvoiceStatus

router = APIRouter(prefix="/v1/invoices", tags=["Invoices"])


@router.get(
    "",
    summary="List the caller's invoices",
    description="Newest first. Requires scope `invoices:read`.",
    dependencies=[Depends(rate_limit("read")), Depends(require_scope("invoices:read"))],
    responses=documented(
        200, {400: error_response("Invalid query (`validation_failed`)."), **AUTH_ERROR_RESPONSES}
    ),
)
async def list_invoices(
    principal: CurrentPrincipal,
    session: ReadSession,
    limit: Annotated[int, Query(ge=1, le=100, examples=[20], json_schema_extra=INT32)] = 50,
    status: Annotated[InvoiceStatus, Query()] = None,
) -> InvoiceList:
    query = select(InvoiceRow).where(InvoiceRow.user_id == principal.user_id)
    if status is not None:
        query = query.where(InvoiceRow.status == status.value)
    query = query.order_by(InvoiceRow.created_at.desc(), InvoiceRow.id.desc()).limit(limit)
    rows = (await session.scalars(query)).all()
    return InvoiceList(items=rows)


# #region create-invoice
@router.post(
    "",
    status_code=201,
    response_model=Invoice,
    summary="Create an invoice for the caller",
    description=(
        "The owner is always the caller. Requires scope `invoices:write` and a registered user "
        "(`POST /v1/users`)."
    ),
    dependencies=[Depends(rate_limit("write")), Depends(require_scope("invoices:write"))],
    responses=documented(
        201,
        {
            400: error_response("Invalid body (`validation_failed`, `bad_request`)."),
            409: error_response("The caller is not registered yet (`conflict`)."),
            413: error_response("Body over 64 KB (`payload_too_large`)."),
            **AUTH_ERROR_RESPONSES,
        },
    ),
)
async def create_invoice(body: CreateInvoice, principal: CurrentPrincipal, session: Session) -> InvoiceRow:
    if await session.scalar(select(UserRow.id).where(UserRow.id == principal.user_id)) is None:
        raise AppError("conflict", "Register the user first with POST /v1/users")
    values = body.model_dump() | {"status": body.status.value, "user_id": principal.user_id}
    row = (await session.execute(insert(InvoiceRow).values(**values).returning(InvoiceRow))).scalar_one()
    await session.commit()
    return row


# #endregion create-invoice


# #region get-invoice
@router.get(
    "/{id}",
    response_model=Invoice,
    summary="Read one of your invoices",
    description=(
        "Requires scope `invoices:read`. Another user's invoice answers 404, exactly like an unknown id."
    ),
    dependencies=[Depends(rate_limit("read")), Depends(require_scope("invoices:read"))],
    responses=documented(
        200,
        {
            400: error_response("Invalid id (`validation_failed`)."),
            404: error_response("No such invoice owned by the caller (`not_found`)."),
            **AUTH_ERROR_RESPONSES,
        },
    ),
)
async def get_invoice(
    id: Annotated[UUID, Path(json_schema_extra=UUID_SCHEMA)],
    principal: CurrentPrincipal,
    session: ReadSession,
) -> InvoiceRow:
    # Ownership is part of the query, not a check after it: another user's invoice is never read.
    query = select(InvoiceRow).where(InvoiceRow.id == id, InvoiceRow.user_id == principal.user_id)
    row = await session.scalar(query)
    if row is None:
        raise NotFoundError("Invoice")
    return row


# #endregion get-invoice
