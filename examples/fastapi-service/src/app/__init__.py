"""fastapi-service: the Backend API playbook in Python."""
