"""The guide's Flask code as a small, tested app."""
