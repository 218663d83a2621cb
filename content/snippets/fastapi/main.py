# main.py (Backend)
from fastapi import FastAPI
from pydantic import BaseModel, EmailStr

from .db import db

app = FastAPI()  # serves its OpenAPI document at /openapi.json


# #region models
class UserCreate(BaseModel):
    name: str
    email: EmailStr


class User(BaseModel):
    id: int
    name: str
    email: str
# #endregion models


@app.get("/users/{user_id}", response_model=User)
async def get_user(user_id: int):
    user = await db.users.find_by_id(user_id)
    return user


# #region create-user
@app.post("/users", response_model=User, status_code=201)
async def create_user(user_data: UserCreate):
    # Pydantic v2: model_dump() replaces v1's .dict()
    user = await db.users.create(user_data.model_dump())
    return user
# #endregion create-user
