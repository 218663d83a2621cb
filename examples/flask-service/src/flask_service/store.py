"""The guide's `db.users`: a small in-memory store with the two calls its code makes."""

import threading
from typing import TypedDict


class User(TypedDict):
    id: int
    name: str
    email: str


class EmailTakenError(Exception):
    """`create` refused: another user has this email."""


class UserStore:
    """Users in memory, keyed by an increasing integer id. Thread-safe: Flask serves requests
    on several threads. (The FastAPI service shows the database side; this app is about Flask.)"""

    def __init__(self) -> None:
        self._users: dict[int, User] = {}
        self._lock = threading.Lock()

    def find_by_id(self, user_id: int) -> User | None:
        return self._users.get(user_id)

    def create(self, data: dict) -> User:
        with self._lock:
            if any(user["email"] == data["email"] for user in self._users.values()):
                raise EmailTakenError(data["email"])
            user: User = {"id": len(self._users) + 1, "name": data["name"], "email": data["email"]}
            self._users[user["id"]] = user
            return user


class Db:
    """`db.users`, as the guide's code writes it."""

    def __init__(self) -> None:
        self.users = UserStore()
