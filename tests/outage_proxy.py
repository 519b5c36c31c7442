"""A loopback TCP proxy in front of a real database server, to simulate an outage in tests.

The real PostgreSQL/MariaDB servers are shared by every engineer's tests and are NEVER stopped:
a test points its database URL at this proxy instead, then :meth:`OutageProxy.cut` closes every
connection and refuses new ones (as a server that went away), and :meth:`OutageProxy.restore`
listens again on the same port.

    with OutageProxy("127.0.0.1", 5432) as proxy:
        url = make_url(server_url).set(host="127.0.0.1", port=proxy.port)
        ...
        proxy.cut()
        ...
        proxy.restore()
"""

from __future__ import annotations

import socket
import threading

from sqlalchemy.engine import URL, make_url

_CHUNK = 65536


class OutageProxy:
    """Forwards 127.0.0.1:``port`` (chosen by the OS) to ``target_host``:``target_port``."""

    def __init__(self, target_host: str = "127.0.0.1", target_port: int = 5432) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._accept_thread: threading.Thread | None = None
        self._closed = False
        self.connections = 0  # accepted since start: a test can see that clients really went through

    # ------------------------------------------------------------------ public

    def start(self) -> OutageProxy:
        self._listen()
        return self

    def cut(self) -> None:
        """The server "goes away": stop listening (new connections are refused) and close every
        open connection in both directions."""
        self._stop_listening()
        with self._lock:
            sockets, self._sockets = list(self._sockets), set()
        for sock in sockets:
            _close(sock)

    def restore(self) -> None:
        """The server is back, on the same port."""
        if self._listener is None:
            self._listen()

    def close(self) -> None:
        self._closed = True
        self.cut()

    @property
    def is_up(self) -> bool:
        return self._listener is not None

    def url_for(self, url: str | URL) -> str:
        """``url`` (a server URL) redirected through this proxy."""
        return make_url(url).set(host="127.0.0.1", port=self.port).render_as_string(hide_password=False)

    def __enter__(self) -> OutageProxy:
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.close()

    # ------------------------------------------------------------------ threads

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._accept_thread = threading.Thread(target=self._accept, args=(listener,), name="outage-proxy-accept",
                                               daemon=True)
        self._accept_thread.start()

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            _close(listener)
        thread, self._accept_thread = self._accept_thread, None
        if thread is not None:
            thread.join(timeout=5)

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _addr = listener.accept()
            except OSError:  # the listener was closed: cut() or close()
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                _close(client)
                continue
            with self._lock:
                if self._listener is not listener:  # cut while connecting
                    _close(client)
                    _close(server)
                    continue
                self._sockets.update((client, server))
                self.connections += 1
            for src, dst in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(src, dst), name="outage-proxy-pump", daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(_CHUNK)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            # One side ended: end both, as a dropped TCP connection does.
            with self._lock:
                self._sockets.discard(src)
                self._sockets.discard(dst)
            _close(src)
            _close(dst)


def _close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass


__all__ = ["OutageProxy"]
