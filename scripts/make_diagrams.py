"""Draw the diagrams: the same as `uv run python -m sitecheck.drawing.generate` (try --help)."""
from sitecheck.drawing.generate import main
raise SystemExit(main())
