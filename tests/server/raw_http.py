"""HTTP by hand over a socket, for requests no polite client sends: a body
announced as 100 MB, a chunked body that never ends."""

from __future__ import annotations

import socket
from typing import NamedTuple
from urllib.parse import urlsplit


class RawAnswer(NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes


def raw_post(
    url: str, headers: dict[str, str], body: bytes = b"", timeout: float = 10
) -> RawAnswer:
    """POST `headers` (Host added) and `body` exactly as given, then read the answer."""
    parts = urlsplit(url)
    lines = [f"POST {parts.path or '/'} HTTP/1.1", f"Host: {parts.netloc}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(head + body)
        return _read_answer(sock)


def _read_answer(sock: socket.socket) -> RawAnswer:
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = sock.recv(65536)
        if not chunk:
            break
        received += chunk
    head, _, rest = received.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return RawAnswer(int(status_line.split()[1]), headers, rest)
