"""Static files named by their content, and pages a phone asks for again answered with 304.

``url_for('static', filename='js/inspect.js')`` gives ``/static/js/inspect.<hash>.js``: the hash
(the first 12 hex digits of the SHA-256 of the file's bytes, read once per process, per app; on
every call when debugging, so that an edited file shows at once) goes before the last suffix. A
deploy that changes a file changes its name; nothing else does. A file without a suffix gets
``?v=<hash>`` instead.

The static route takes the name apart again. With the file's current hash the answer is
immutable for a year (``IMMUTABLE``): the browser and the service worker never ask again. An
older or unknown hash (a page kept from before a deploy) still gets the file as it is now, but
revalidated (``no-cache``, Flask's default, with its ETag), as do the plain name
(``/static/js/inspect.js``) and the earlier ``?v=<hash>`` form (immutable when ``v`` is the
current hash: pages made before hashed names). A file whose real name looks hashed is sent as
it is. nginx serves the same names from disk (deploy/nginx/clausecheck.conf).

Static answers neither set the session cookie nor vary on it: the cookie of a remembered login
is signed anew every second, so ``Vary: Cookie`` made the browser's cache revalidate each
static file (a round trip each on a slow phone), and a shared cache must never keep a
``Set-Cookie`` on a public answer.

Scripts and style sheets are sent minified (rjsmin, rcssmin: comments and spaces out, about a
third less after gzip), made once per process per file version and answered with an ETag of the
file's hash; the files on disk stay as written (nginx, which sends them from disk, sends them
as they are). ``STATIC_MINIFY = False`` sends them as written, and debugging does.

``conditional_page`` gives a page an ETag of what it shows, leaving out the per-request
signature of the CSRF token (the session's token itself counts), so that a phone asking again
for a page it holds gets a 304 of a few hundred bytes when nothing on the page changed. The
service worker (``/sw.js``) keeps the app's shell under the same static URLs.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Callable

import rcssmin
import rjsmin
from flask import Flask, Response, current_app, request, session
from flask.sessions import SecureCookieSessionInterface, SessionInterface
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from werkzeug.security import safe_join

#: The one inline script (the filling page's head): the ``js`` class set before the first paint,
#: so that a phone lays out the section it shows, not the whole form, before inspect.js has
#: run. The Content-Security-Policy allows this exact text by its hash and nothing else inline.
JS_CLASS_SCRIPT = 'document.documentElement.classList.add("js")'


def csp_source(text: str) -> str:
    """The Content-Security-Policy source that allows this exact inline text."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


JS_CLASS_HASH = csp_source(JS_CLASS_SCRIPT)
JS_CLASS_TAG = Markup(f"<script>{JS_CLASS_SCRIPT}</script>")

#: For a URL whose bytes never change.
IMMUTABLE = "public, max-age=31536000, immutable"
#: ``dir/name.<12 hex digits>.suffix``: a hashed static name (the hash before the last suffix).
HASHED = re.compile(r"^(?P<stem>(?:.*/)?[^/]+)\.(?P<tag>[0-9a-f]{12})(?P<suffix>\.[A-Za-z0-9]+)$")


def version(filename: str) -> str | None:
    """The content version of ``static/<filename>``; None when there is no such file."""
    app = current_app
    versions = app.extensions.setdefault("static_versions", {})
    if app.debug or filename not in versions:
        versions[filename] = _digest(app.static_folder, filename)
    return versions[filename]


def _digest(folder: str | None, filename: str) -> str | None:
    path = safe_join(folder, filename) if folder else None
    if path is None or not os.path.isfile(path):
        return None
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:12]


def hashed(filename: str, tag: str) -> str | None:
    """``js/inspect.js`` with ``tag`` → ``js/inspect.<tag>.js``; None without a suffix."""
    folder, _slash, name = filename.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        return None
    return f"{folder}{_slash}{stem}.{tag}.{suffix}"


def unhashed(filename: str) -> tuple[str, str | None]:
    """A static name and the hash in it: ``js/inspect.<tag>.js`` → (``js/inspect.js``, tag);
    a name without one comes back as it is, with None."""
    found = HASHED.match(filename)
    if found is None:
        return filename, None
    return found["stem"] + found["suffix"], found["tag"]


#: What minifies a static file, by suffix, and the type it is sent as.
MINIFIERS: dict[str, tuple[Callable[[str], str], str]] = {
    ".js": (rjsmin.jsmin, "text/javascript"),
    ".css": (rcssmin.cssmin, "text/css"),
}


def minified(filename: str) -> tuple[bytes, str, str] | None:
    """(body, mimetype, version) of ``static/<filename>`` minified, made once per process and
    file version; None for a file of another kind, a missing one, or when minifying is off."""
    app = current_app
    suffix = os.path.splitext(filename)[1]
    if suffix not in MINIFIERS or app.debug or not app.config.get("STATIC_MINIFY", True):
        return None
    tag = version(filename)
    if tag is None:
        return None
    kept = app.extensions.setdefault("static_minified", {})
    found = kept.get(filename)
    if found is None or found[2] != tag:
        minify, mimetype = MINIFIERS[suffix]
        with open(safe_join(app.static_folder, filename), encoding="utf-8") as handle:
            body = minify(handle.read()).encode("utf-8")
        kept[filename] = found = (body, mimetype, tag)
    return found


#: The style sheet the filling page carries inside it (a slow phone saves the round trip of
#: fetching it before the first paint); the Content-Security-Policy allows it by its hash.
INLINE_STYLE = "css/app.css"


def _inline_style() -> tuple[str, str]:
    """(the style sheet's text as sent, its CSP source ``'sha256-…'``), once per version."""
    app = current_app
    tag = version(INLINE_STYLE)
    kept = app.extensions.get("inline_style")
    if kept is None or kept[0] != tag:
        made = minified(INLINE_STYLE)
        if made is None:  # minifying off, or debugging: the file as written
            with open(safe_join(app.static_folder, INLINE_STYLE), encoding="utf-8") as handle:
                text = handle.read()
        else:
            text = made[0].decode("utf-8")
        kept = app.extensions["inline_style"] = (tag, text, csp_source(text))
    return kept[1], kept[2]


def inline_style_tag() -> Markup:
    """``<style>`` with ``INLINE_STYLE`` (it holds no ``</``: checked when it is read)."""
    text, _source = _inline_style()
    if "</" in text:
        raise ValueError(f"{INLINE_STYLE} cannot be put inside a page")
    return Markup(f"<style>{text}</style>")


def inline_style_source() -> str:
    """The CSP source that allows ``inline_style_tag``'s text."""
    return _inline_style()[1]


def _send_minified(filename: str) -> Response | None:
    made = minified(filename)
    if made is None:
        return None
    body, mimetype, tag = made
    response = current_app.response_class(body, mimetype=mimetype)
    response.set_etag(tag)
    response.headers["Cache-Control"] = "no-cache"  # (immutable under its hashed name, below)
    return response.make_conditional(request)


def _exists(filename: str) -> bool:
    folder = current_app.static_folder
    path = safe_join(folder, filename) if folder else None
    return path is not None and os.path.isfile(path)


def conditional_page(response: Response) -> Response:
    """A 200 page with an ETag of its body (the CSRF token's per-request signature left out,
    the session's token put in) and ``private, no-cache``; a 304 when the request names it."""
    if request.method != "GET" or response.status_code != 200 or response.is_streamed:
        return response
    body = response.get_data()
    signed = generate_csrf().encode()  # this request's signature of the session's token
    digest = hashlib.sha256(body.replace(signed, b""))
    digest.update(str(session.get("csrf_token", "")).encode())
    response.set_etag(digest.hexdigest()[:32])
    response.headers["Cache-Control"] = "private, no-cache"
    return response.make_conditional(request)


class _NoCookieForStatic(SessionInterface):
    """The app's session interface, except that a static answer never saves the session (so
    it carries neither ``Set-Cookie`` nor ``Vary: Cookie``)."""

    def __init__(self, inner: SessionInterface) -> None:
        self.inner = inner

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def make_null_session(self, app):
        return self.inner.make_null_session(app)

    def is_null_session(self, obj) -> bool:
        return self.inner.is_null_session(obj)

    def open_session(self, app, request):
        inner = self.inner
        if (
            isinstance(inner, SecureCookieSessionInterface)
            and app.secret_key
            and not request.cookies.get(inner.get_cookie_name(app))
        ):
            # no cookie (a bearer request, a first visit): the new session the inner interface
            # would return, without building its signer first
            return inner.session_class()
        return inner.open_session(app, request)

    def save_session(self, app, session, response) -> None:
        if request.endpoint == "static":
            return None
        return self.inner.save_session(app, session, response)


def register(app: Flask) -> None:
    app.jinja_env.globals["js_class_tag"] = JS_CLASS_TAG
    app.jinja_env.globals["inline_style_tag"] = inline_style_tag
    if not isinstance(app.session_interface, _NoCookieForStatic):
        app.session_interface = _NoCookieForStatic(app.session_interface)
    send = app.send_static_file

    def static(filename: str):
        plain, tag = unhashed(filename)
        name = plain if tag and not _exists(filename) else filename
        return _send_minified(name) or send(name)

    app.view_functions["static"] = static

    @app.url_defaults
    def add_version(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values and "v" not in values:
            found = version(values["filename"])
            if found:
                name = hashed(values["filename"], found)
                if name:
                    values["filename"] = name
                else:
                    values["v"] = found

    @app.after_request
    def cache_versioned(response):
        if request.endpoint != "static" or response.status_code not in (200, 304):
            return response
        filename = (request.view_args or {}).get("filename", "")
        plain, tag = unhashed(filename)
        if tag is None or _exists(filename):
            plain, tag = filename, request.args.get("v")
        if tag and tag == version(plain):
            response.headers["Cache-Control"] = IMMUTABLE
            response.headers.pop("Expires", None)
        return response
