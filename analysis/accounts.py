"""Roles and local accounts, as plain Python (the Streamlit side is ui/auth.py).

Roles, from least to most: viewer (explore, present), analyst (also upload), admin (also history,
retract, targets). Local accounts keep only a salted PBKDF2 hash of each password in
.streamlit/secrets.toml; `python -m analysis hash-password` makes one.

A local sign-in lasts across reloads as a signed token in a cookie: the user name and the time of signing in,
with an HMAC over them keyed by a server secret that never leaves the server. It carries no role (the role is
read from the accounts on every request) and ends after session_hours().
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable
from pathlib import Path

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


# --- sign-ins that last ------------------------------------------------------------------------------------
HOURS_ENV = "MUSEUM_SESSION_HOURS"
SECRET_ENV = "MUSEUM_SESSION_SECRET"
SECRET_FILE = "session.key"
DEFAULT_HOURS = 12                      # a working day: a morning sign-in still holds for the evening talk
CLOCK_SKEW_S = 60                       # a token stamped this far in the future (another replica's clock) holds


def session_hours() -> float:
    """How long a sign-in lasts, from $MUSEUM_SESSION_HOURS (12 by default)."""
    hours = float(os.environ.get(HOURS_ENV, DEFAULT_HOURS))
    if not hours > 0:
        raise ValueError(f"{HOURS_ENV} must be a number of hours above 0, not {os.environ.get(HOURS_ENV)!r}")
    return hours


def within(issued_at: float, lifetime_s: float, now: float | None = None) -> bool:
    """True while a sign-in made at `issued_at` (seconds since the epoch) is younger than `lifetime_s`."""
    age = (time.time() if now is None else now) - issued_at
    return -CLOCK_SKEW_S <= age < lifetime_s


def session_secret(folder: Path) -> bytes:
    """The key that signs sign-ins: $MUSEUM_SESSION_SECRET (replicas share it that way), else
    `folder`/session.key, made on first use (32 random bytes, readable by this user only). The folder is the
    store's and the file is ignored by git, so the key never travels with the code."""
    if value := os.environ.get(SECRET_ENV):
        if len(value) < 32:
            raise ValueError(f"{SECRET_ENV} is too short: use at least 32 random characters "
                             "(python -c 'import secrets; print(secrets.token_urlsafe(32))')")
        return value.encode()
    path = Path(folder) / SECRET_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{SECRET_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(descriptor, secrets.token_bytes(32))
        finally:
            os.close(descriptor)
        try:
            os.link(draft, path)        # whole or absent: two first sign-ins at once keep the first key
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_bytes()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(body: str, stamp: str, secret: bytes) -> str:
    return _b64(hmac.new(secret, f"{body}.{stamp}".encode(), hashlib.sha256).digest())


def issue_token(user: str, secret: bytes, *, stamp: str, now: float | None = None) -> str:
    """A sign-in for `user`, safe in a cookie (URL-safe base64 and dots). `stamp` is the account's password
    hash: it is signed but not written into the token, so a new password ends every earlier sign-in."""
    issued = int(time.time() if now is None else now)
    body = _b64(json.dumps({"u": user, "iat": issued}, separators=(",", ":")).encode())
    return f"{body}.{_signature(body, stamp, secret)}"


def token_user(token: str | None, secret: bytes, *, lifetime_s: float, stamp_of: Callable[[str], str | None],
               now: float | None = None) -> str | None:
    """The user `token` signs in, or None when it is malformed, signed with another secret or altered, older
    than `lifetime_s`, or names an account that no longer exists (stamp_of gives None) or whose password
    changed since."""
    body, _, signature = (token or "").partition(".")
    try:
        claims = json.loads(_unb64(body))
        user, issued = claims["u"], claims["iat"]
    except (ValueError, binascii.Error, TypeError, KeyError):
        return None
    if not isinstance(user, str) or not isinstance(issued, int) or not within(issued, lifetime_s, now):
        return None
    stamp = stamp_of(user)
    if stamp is None or not hmac.compare_digest(signature.encode(), _signature(body, stamp, secret).encode()):
        return None
    return user
