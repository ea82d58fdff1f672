"""Security for a server that shows untrusted article text.

Article text is attacker-controlled HTML as far as the server is concerned. The defences are
layered so that no single slip exposes a reader: Jinja autoescape on every template, a strict
Content-Security-Policy that forbids inline script and style (so even an escaping bug cannot
run code), a bearer token compared in constant time for every write, and a request-size limit
enforced while the body streams in (a lying Content-Length cannot get round it).
"""
from __future__ import annotations

import hmac
from typing import Optional

from fastapi import HTTPException, Request

#: Pages: only our own static files run or style anything; no inline script, no inline style.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
#: Swagger UI sets inline styles from its scripts; its page shows no article text.
CSP_DOCS = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")

HEADERS = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
    b"cross-origin-resource-policy": b"same-origin",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

DEFAULT_MAX_BODY = 5 * 1024 * 1024


class SecurityMiddleware:
    """Pure ASGI middleware: security headers on every response, body-size limit on every request.

    Pure ASGI (not BaseHTTPMiddleware) so streamed CSV/JSONL responses pass through unbuffered.
    """

    def __init__(self, app, max_body: int = DEFAULT_MAX_BODY):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                too_big = True
            if too_big:
                return await _reject(send, 413, f"request body over the {self.max_body}-byte limit")
        received = 0
        path = scope.get("path", "")
        csp = CSP_DOCS if path == "/docs" or path.startswith("/docs-static/") else CSP

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _BodyTooLarge()
            return message

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                hs = [(k, v) for k, v in message.get("headers", []) if k.lower() not in HEADERS
                      and k.lower() != b"content-security-policy"]
                hs.extend(HEADERS.items())
                hs.append((b"content-security-policy", csp.encode()))
                message = {**message, "headers": hs}
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except _BodyTooLarge:
            await _reject(send, 413, f"request body over the {self.max_body}-byte limit")


class _BodyTooLarge(Exception):
    pass


async def _reject(send, status: int, detail: str) -> None:
    import json

    body = json.dumps({"detail": detail}).encode()
    hs = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
          (b"content-security-policy", CSP.encode())]
    hs.extend(HEADERS.items())
    await send({"type": "http.response.start", "status": status, "headers": hs})
    await send({"type": "http.response.body", "body": body})


def token_checker(token: Optional[str]):
    """A FastAPI dependency guarding write routes.

    With no token configured the server is read-only: writes are refused outright (403), never
    left open. With a token, ``Authorization: Bearer T`` must match, compared in constant time.
    """
    expected = token.encode("utf-8") if token else None

    def check(request: Request) -> None:
        if expected is None:
            raise HTTPException(403, "[E004] this server is read-only: start it with --token to allow writes")
        auth = request.headers.get("authorization", "")
        scheme, _, given = auth.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"), expected):
            raise HTTPException(401, "[E004] missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

    return check
