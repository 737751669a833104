"""The review UI: server-rendered pages (Jinja2), no front-end build step."""

from proscribe.ui.routes import install

__all__ = ["install"]
