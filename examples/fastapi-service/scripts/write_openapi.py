"""Write `openapi.json` from the app, as FastAPI generates it (commit the diff: it is the contract).

uv run python scripts/write_openapi.py          # rewrite the file
uv run python scripts/write_openapi.py --check  # exit 1 if the committed file is stale
"""

import json
import sys
from pathlib import Path

from app.main import create_app

TARGET = Path(__file__).resolve().parent.parent / "openapi.json"


def render() -> str:
    return json.dumps(create_app().openapi(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv[1:]:
        if TARGET.read_text(encoding="utf-8") != text:
            sys.exit("openapi.json is stale: run `uv run python scripts/write_openapi.py` and commit it")
    else:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET.name}")
