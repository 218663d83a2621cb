from collections.abc import Mapping

from fastapi import APIRouter, Depends, Request
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from app.db.queries import find_user
from app.db.tables import UserRow
from app.deps import CurrentPrincipal, Session, rate_limit, require_scope
from app.errors import AppError, NotFoundError
from app.models.errors import AUTH_ERROR_RESPONSES, documented, error_response
from app.models.users import CreateUser, User, UserId

#: Scope that lets a caller read any user, not only themselves.
USERS_ADMIN_SCOPE = "users:admin"

router = APIRouter(prefix="/v1/users", tags=["Users"])


# #region create-user
@router.post(
    "",
    status_code=201,
    response_model=User,
    summary="Register the caller as a user",
    description="Creates the user whose id is the token `sub`. Requires scope `users:write`.",
    dependencies=[Depends(rate_limit("write")), Depends(require_scope("users:write"))],
    responses=documented(
        201,
        {
            400: error_response("Invalid body (`validation_failed`, `bad_request`)."),
            409: error_response("The user or the email already exists (`conflict`)."),
            413: error_response("Body over 64 KB (`payload_too_large`)."),
            **AUTH_ERROR_RESPONSES,
        },
    ),
)
async def create_user(body: CreateUser, principal: CurrentPrincipal, session: Session) -> UserRow:
    statement = insert(UserRow).values(id=principal.user_id, email=body.email, name=body.name)
    try:
        row = (await session.execute(statement.returning(UserRow))).scalar_one()
        await session.commit()
    except IntegrityError:
        raise AppError("conflict", "This user or email is already registered") from None
    return row


# #endregion create-user


# #region user-route
@router.get(
    "/{id}",
    response_model=User,
    summary="Read a user",
    description=(
        f"Your own user, or any user with scope `{USERS_ADMIN_SCOPE}`. Requires scope `users:read`. "
        "Another user's id answers 404, exactly like an unknown id."
    ),
    dependencies=[Depends(rate_limit("read")), Depends(require_scope("users:read"))],
    responses=documented(
        200,
        {
            400: error_response("Invalid id (`validation_failed`)."),
            404: error_response("No such user visible to the caller (`not_found`)."),
            **AUTH_ERROR_RESPONSES,
        },
    ),
)
async def get_user(id: UserId, principal: CurrentPrincipal, request: Request) -> Mapping | UserRow:
    # Same answer for "not yours" and "does not exist": no probing for other users' ids.
    if id != principal.user_id and USERS_ADMIN_SCOPE not in principal.scopes:
        raise NotFoundError("User")
    row = await find_user(request.app.state.database, id)
    if row is None:
        raise NotFoundError("User")
    return row


# #endregion user-route
