"""The playbook's service shape, checked on the code itself: `src/app/` laid out as the playbook
lays it out (routers/, models/, db/, deps.py, main.py), and async by default: every route and
every dependency is `async def`, on SQLAlchemy's async engine."""

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import APIRouter
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncEngine

import app
import app.models
import app.routers
from app.db.engine import open_database

APP_DIR = Path(app.__file__).parent


def modules(package) -> list:
    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for info in pkgutil.iter_modules(package.__path__)
    ]


def test_src_app_has_routers_models_db_deps_and_main():
    packages = {path.name for path in APP_DIR.iterdir() if (path / "__init__.py").is_file()}
    assert {"routers", "models", "db"} <= packages
    assert (APP_DIR / "deps.py").is_file()
    assert (APP_DIR / "main.py").is_file()
    # routers/ holds the routes, one APIRouter per module; models/ holds the Pydantic models.
    routers = modules(app.routers)
    assert routers and all(isinstance(getattr(module, "router", None), APIRouter) for module in routers)
    for module in modules(app.models):
        defined = [
            value
            for value in vars(module).values()
            if inspect.isclass(value) and value.__module__ == module.__name__
        ]
        assert any(
            issubclass(value, BaseModel) for value in defined
        ), f"{module.__name__} defines no Pydantic model"


def dependencies(dependant: Dependant) -> Iterator[Dependant]:
    for child in dependant.dependencies:
        yield child
        yield from dependencies(child)


def is_async(call) -> bool:
    """`async def`, or an async generator (a dependency that yields, such as the session)."""
    target = call if inspect.isfunction(call) or inspect.ismethod(call) else type(call).__call__
    return inspect.iscoroutinefunction(target) or inspect.isasyncgenfunction(target)


@pytest.mark.parametrize("module", modules(app.routers), ids=lambda module: module.__name__)
def test_every_route_and_every_dependency_is_async_def(module):
    routes = [route for route in module.router.routes if isinstance(route, APIRoute)]
    assert routes
    for route in routes:
        assert is_async(route.endpoint), f"{route.path}: {route.endpoint.__name__} is not async def"
        for dependency in dependencies(route.dependant):
            if dependency.call is not None:
                assert is_async(
                    dependency.call
                ), f"{route.path}: dependency {dependency.call!r} is not async def"


@pytest.mark.anyio
async def test_the_database_is_sqlalchemys_async_engine(tmp_path):
    database = open_database(f"sqlite+aiosqlite:///{tmp_path / 'shape.sqlite3'}")
    try:
        assert isinstance(database.engine, AsyncEngine)
    finally:
        await database.close()
