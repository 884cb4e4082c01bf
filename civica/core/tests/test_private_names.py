"""No app imports another app's private names (issue 13 point 3): what another app may use is its
models and public functions (ARCHITECTURE.md); a name starting with "_" is the app's own business.
Imports inside an app (relative, or naming the app itself) are free. Plain parsing, no Django."""

import ast
from pathlib import Path

CIVICA = Path(__file__).resolve().parents[2]


def _app_of(path: Path, root: Path) -> str:
    return path.relative_to(root).parts[0]


def _is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def cross_app_private_imports(root: Path = CIVICA) -> list[str]:
    """``path:line: from civica.app.module import _name`` for every such import across apps."""
    found = []
    for path in sorted(root.rglob("*.py")):
        app = _app_of(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                parts = node.module.split(".")
                if parts[0] != "civica" or len(parts) < 2 or parts[1] == app:
                    continue
                names = [alias.name for alias in node.names if _is_private(alias.name)]
                if any(_is_private(part) for part in parts[2:]) or names:
                    found.append((path, node.lineno, f"from {node.module} import "
                                                     f"{', '.join(alias.name for alias in node.names)}"))
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    parts = alias.name.split(".")
                    if (parts[0] == "civica" and len(parts) > 2 and parts[1] != app
                            and any(_is_private(part) for part in parts[2:])):
                        found.append((path, node.lineno, f"import {alias.name}"))
    return [f"{path.relative_to(root.parent)}:{line}: {statement}" for path, line, statement in sorted(found)]


def test_no_app_imports_another_apps_private_names():
    assert cross_app_private_imports() == []


def test_the_check_finds_a_private_name_imported_across_apps(tmp_path):
    (tmp_path / "calls").mkdir()
    (tmp_path / "meetings").mkdir()
    (tmp_path / "calls" / "evaluation_views.py").write_text(
        "from civica.calls.views import _call_or_404\nfrom .views import _private\n")
    (tmp_path / "meetings" / "views.py").write_text(
        "def page():\n    from civica.calls.views import _call_or_404, call_detail\n"
        "import civica.calls._internal\nfrom civica.calls._internal import thing\n"
        "from civica.calls import __version__\n")
    assert [line.split(": ", 1)[1] for line in cross_app_private_imports(tmp_path)] == [
        "from civica.calls.views import _call_or_404, call_detail",
        "import civica.calls._internal",
        "from civica.calls._internal import thing",
    ]
