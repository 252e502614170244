"""Each private or undocumented attribute of MkDocs, Material, mkdocs-jupyter, mkdocs-static-i18n,
nbconvert and watchdog that the build uses is still there in the installed version."""
from __future__ import annotations

import importlib
import inspect
from importlib.metadata import version

import pytest

from course_lib.build import internals


def missing(entry: tuple[str, str, str, str]) -> str | None:
    """Why ``entry`` of ``internals.USED`` is not usable with what is installed, or None."""
    dist, where, attr, why = entry
    module, _, owner = where.partition(":")
    try:
        obj = importlib.import_module(module)
        for name in filter(None, owner.split(".")):
            obj = getattr(obj, name)
        ok = hasattr(obj, attr) or f".{attr}" in inspect.getsource(obj)  # or set on instances
    except (ImportError, AttributeError, OSError, TypeError):
        ok = False
    return None if ok else f"{dist} {version(dist)}: {where}.{attr} is gone (used to {why})"


@pytest.mark.parametrize("entry", internals.USED, ids=[f"{e[0]}:{e[1]}.{e[2]}" for e in internals.USED])
def test_third_party_internal_is_still_there(entry):
    problem = missing(entry)
    assert problem is None, problem


def test_a_gone_internal_is_reported_with_package_version_and_attribute():
    problem = missing(("mkdocs", "mkdocs.livereload:LiveReloadServer", "_no_such_thing", "test"))
    assert problem == f"mkdocs {version('mkdocs')}: mkdocs.livereload:LiveReloadServer._no_such_thing is gone (used to test)"


def test_every_internal_in_use_is_listed_and_no_other_module_reaches_inside():
    """The build's other modules use no private attribute of these packages (``._name``)."""
    import re
    from pathlib import Path

    listed = {attr for _, _, attr, _ in internals.USED}
    for path in Path(internals.__file__).parent.glob("*.py"):
        if path.name == "internals.py":
            continue
        source = path.read_text(encoding="utf-8")
        for package in ("mkdocs", "material", "mkdocs_jupyter", "mkdocs_static_i18n", "nbconvert", "watchdog"):
            assert not re.search(rf"\bfrom {package}\S* import _\w", source), f"{path.name} imports a private name of {package}"
        assert not re.search(r"\b(server|observer|emitter|jupyter|i18n|search|file)\._[a-z]\w*", source), path.name
    source = Path(internals.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r"\b(?:server|observer|emitter|file|jupyter|TemplateExporter)\.(_[a-z]\w*)", source))
    used |= set(re.findall(r"import (_\w+)", source))
    assert used <= listed, f"not in internals.USED: {used - listed}"
