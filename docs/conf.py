"""Sphinx configuration of the migrant_convention documentation.

Build the site (from the repository root):

    python -m sphinx -W -b html docs docs/_build/html
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Document the code of this checkout, not whatever copy happens to be installed.
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE / "_ext"))

import migrant_convention  # noqa: E402

project = "migrant_convention"
author = "migrant_convention developers"
copyright = "migrant_convention developers; MIT licence"
release = migrant_convention.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "mc_generate",  # docs/_ext/mc_generate.py: the numbers page, CLI help, data facts
]

source_suffix = {".md": "markdown"}
# Fragments included into other pages are not pages of their own.
exclude_patterns = ["_build", "_generated/data_*.md", "_generated/api_*.md", "Thumbs.db",
                    ".DS_Store"]
root_doc = "index"

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
# Type aliases spelled as in the code, not expanded.
autodoc_type_aliases = {"ResolveLike": "ResolveLike"}

html_theme = "furo"
html_title = f"migrant_convention {release}"
html_theme_options = {
    "navigation_with_keys": True,
}
html_static_path = ["_static"]
html_css_files = ["custom.css"]
pygments_style = "friendly"
pygments_dark_style = "monokai"
