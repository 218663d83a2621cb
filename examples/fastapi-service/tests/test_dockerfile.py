"""The playbook's Dockerfile rule, checked on the Dockerfile itself (no container engine runs in the
handbook's CI; hadolint lints the file there too): several stages, a non-root user in the image
that ships, and a HEALTHCHECK that calls /health."""

from pathlib import Path

from dockerfile_parse import DockerfileParser

DOCKERFILE = Path(__file__).parent.parent / "Dockerfile"


def stages() -> list[list[dict]]:
    """The Dockerfile's instructions, one list per stage (each starting with its FROM)."""
    result: list[list[dict]] = []
    for instruction in DockerfileParser(path=str(DOCKERFILE)).structure:
        if instruction["instruction"] == "FROM":
            result.append([])
        if result and instruction["instruction"] != "COMMENT":
            result[-1].append(instruction)
    return result


def last(stage: list[dict], keyword: str) -> str | None:
    values = [instruction["value"] for instruction in stage if instruction["instruction"] == keyword]
    return values[-1] if values else None


def test_builds_in_stages_and_ships_only_what_it_copies_from_the_build_stage():
    built = stages()
    assert len(built) >= 2
    runtime = built[-1]
    assert any(i["instruction"] == "COPY" and "--from=build" in i["value"] for i in runtime)
    # The runtime image has no build tool of its own: uv stays in the build stage.
    assert not any(i["instruction"] == "COPY" and "astral-sh/uv" in i["value"] for i in runtime)


def test_runs_the_shipped_image_as_a_non_root_user():
    user = last(stages()[-1], "USER")
    assert user is not None, "the runtime stage has no USER: it would run as root"
    assert user.split(":")[0] not in {"root", "0"}


def test_checks_health_with_a_healthcheck_that_calls_health():
    healthcheck = last(stages()[-1], "HEALTHCHECK")
    assert healthcheck is not None
    assert "CMD" in healthcheck
    assert "/health" in healthcheck
