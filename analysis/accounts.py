"""Roles and local accounts, as plain Python (the Streamlit side is ui/auth.py).

Roles, from least to most: viewer (explore, present), analyst (also upload), admin (also history,
retract, targets). Local accounts keep only a salted PBKDF2 hash of each password in
.streamlit/secrets.toml; `python -m analysis hash-password` makes one.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

ROLES = ("viewer", "analyst", "admin")
ITERATIONS = 600_000


def hash_password(password: str, *, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return "$".join(("pbkdf2_sha256", str(iterations), base64.b64encode(salt).decode(),
                     base64.b64encode(digest).decode()))


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    return hmac.compare_digest(candidate, base64.b64decode(digest))


def allows(role: str, needed: str) -> bool:
    """True when `role` is at least `needed` (admin > analyst > viewer)."""
    return ROLES.index(role) >= ROLES.index(needed)


def role_for_email(email: str | None, roles: dict) -> str:
    """Role of a signed-in (OIDC) user from the [roles] secrets: admins = [...], analysts = [...]."""
    email = (email or "").lower()
    if email in {e.lower() for e in roles.get("admins", [])}:
        return "admin"
    if email in {e.lower() for e in roles.get("analysts", [])}:
        return "analyst"
    return "viewer"
