"""Write `openapi.json` from the app's marshmallow schemas (commit the diff: it is the contract)."""

import json
from pathlib import Path

from flask_service.app import create_app

TARGET = Path(__file__).resolve().parent.parent / "openapi.json"

if __name__ == "__main__":
    document = create_app().test_client().get("/openapi.json").json
    TARGET.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {TARGET.name}")
