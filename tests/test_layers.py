"""The layers point one way (ARCHITECTURE.md): `gui`, `reports`, `sync`, `district` → `ops` →
`store` → `domain`. This test reads every module's imports (top level and inside functions) and
fails on an import against the arrows, so a shortcut cannot creep in unnoticed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "msk_desktop"

# What each layer may import besides itself. The upper layers may use each other where the
# design says so: the district server speaks the sync protocol and prints reports; the GUI shows
# reports, exports and runs sync; the demo seeder enters its data through ops like a user.
ALLOWED: dict[str, set[str]] = {
    "domain": set(),
    "store": {"domain"},
    "ops": {"store", "domain"},
    "exchange": {"ops", "store", "domain"},
    "reports": {"ops", "store", "domain"},
    "sync": {"ops", "store", "domain"},
    "demo": {"ops", "store", "domain"},
    "district": {"sync", "reports", "ops", "store", "domain"},
    "gui": {"reports", "exchange", "sync", "demo", "ops", "store", "domain"},
}
# Entry points wire everything together; nothing else may import the GUI.
ENTRY_POINTS = {"cli.py", "__main__.py"}
# Third-party packages a layer must never touch: pure rules stay free of Qt and SQL.
FORBIDDEN_THIRD_PARTY = {"domain": {"PySide6", "sqlalchemy"}, "store": {"PySide6"}}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "msk_desktop":
            # "from msk_desktop import gui" names the layer in the imported name.
            found += [(node.lineno, f"msk_desktop.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return sorted(found)


def _modules() -> list[tuple[str, Path]]:
    return [
        (path.relative_to(PACKAGE).parts[0], path)
        for path in sorted(PACKAGE.rglob("*.py"))
        if len(path.relative_to(PACKAGE).parts) > 1
    ]


@pytest.mark.parametrize(
    ("layer", "path"),
    _modules(),
    ids=lambda value: str(value.relative_to(PACKAGE)) if isinstance(value, Path) else value,
)
def test_imports_follow_the_layers(layer: str, path: Path) -> None:
    assert layer in ALLOWED, f"{layer} is a package with no place in the layers"
    wrong = []
    for line, module in _imports(path):
        parts = module.split(".")
        if parts[0] == "msk_desktop" and len(parts) > 1:
            target = parts[1]
            if target != layer and target not in ALLOWED[layer]:
                wrong.append(f"{path.name}:{line} imports {module}")
        elif parts[0] in FORBIDDEN_THIRD_PARTY.get(layer, set()):
            wrong.append(f"{path.name}:{line} imports {module}")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_only_entry_points_import_the_gui() -> None:
    importers = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] != "gui"
        and path.name not in ENTRY_POINTS
        and any(module.startswith("msk_desktop.gui") for _, module in _imports(path))
    ]
    assert importers == []


def test_the_checker_sees_a_wrong_import(tmp_path: Path) -> None:
    # The checker itself must be able to fail: an ops module importing the GUI is caught.
    module = tmp_path / "bad.py"
    module.write_text(
        "def f():\n    from msk_desktop.gui import app\n\nfrom msk_desktop import gui\n",
        encoding="utf-8",
    )
    assert _imports(module) == [(2, "msk_desktop.gui"), (4, "msk_desktop.gui")]
