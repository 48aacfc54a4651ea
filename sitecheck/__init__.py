"""Checks and helpers shared by the MkDocs hooks, the maintainer commands and the tests."""

import os

if os.environ.get("GUIDE_ENGINE") == "properdocs":
    # ProperDocs answers every `mkdocs.*` import (Material's, the hooks', ours) with its own modules,
    # as its `properdocs` command does: it must be in place before anything imports MkDocs, so that
    # in-process builds (sitecheck/build.py) use it. Not installed: sitecheck.build.engine() says so.
    try:
        import properdocs.replacement  # noqa: F401
    except ImportError:
        pass
