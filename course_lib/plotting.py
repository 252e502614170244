"""Figures that render inline on the site and save to files when a lesson runs as a script.

Importing this module selects a Korean-capable font (NanumGothic, shipped by koreanize-matplotlib).
"""
from __future__ import annotations

import base64
import html
import io
import os
import sys
from pathlib import Path

import matplotlib

if "ipykernel" not in sys.modules and not os.environ.get("DISPLAY") and not os.environ.get("MPLBACKEND"):
    matplotlib.use("Agg")  # headless script: never try to open a window

import koreanize_matplotlib  # noqa: E402,F401  (registers NanumGothic and sets it as the font)
import matplotlib.pyplot as plt  # noqa: E402

plt.rcParams["axes.unicode_minus"] = False  # NanumGothic has no U+2212 minus sign
plt.rcParams["figure.dpi"] = 100
plt.rcParams["savefig.dpi"] = 100


def in_notebook() -> bool:
    """True inside a Jupyter kernel (the site build, Jupyter, VS Code); False in a plain ``python`` run."""
    return "ipykernel" in sys.modules and hasattr(sys.modules.get("IPython"), "get_ipython") and (
        sys.modules["IPython"].get_ipython() is not None
    )


def output_dir() -> Path:
    """Where a script run saves its figures: ``$COURSE_OUTPUT_DIR`` or ``outputs/`` under the current folder."""
    return Path(os.environ.get("COURSE_OUTPUT_DIR", "outputs"))


def _alt_text(fig) -> str:
    titles = [fig.get_suptitle()] if fig.get_suptitle() else []
    titles += [ax.get_title() for ax in fig.axes if ax.get_title()]
    return "; ".join(titles) or "figure"


def show(fig, name: str | None = None, alt: str | None = None) -> Path | None:
    """Show ``fig`` inline in a notebook, or save it as PNG when run as a script; then close it.

    Args:
        fig: a matplotlib Figure.
        name: file name stem for the script run (default: ``figure-<n>``).
        alt: alt text for the page (default: the figure's titles).
    Returns:
        The saved file's path in a script run, None in a notebook.
    """
    alt = alt or _alt_text(fig)
    if in_notebook():
        from IPython.display import display

        buf = io.BytesIO()
        fig.savefig(buf, format="png", bbox_inches="tight")
        png = base64.b64encode(buf.getvalue()).decode("ascii")
        plt.close(fig)
        display(
            {
                "text/html": f'<img src="data:image/png;base64,{png}" alt="{html.escape(alt)}" class="course-figure">',
                "image/png": png,
                "text/plain": f"<figure: {alt}>",
            },
            raw=True,
        )
        return None
    lesson = Path(sys.argv[0]).stem or "lesson"
    folder = output_dir() / "figures" / lesson
    folder.mkdir(parents=True, exist_ok=True)
    show.count = getattr(show, "count", 0) + 1
    path = folder / f"{name or f'figure-{show.count}'}.png"
    fig.savefig(path, bbox_inches="tight")
    plt.close(fig)
    print(f"[figure saved: {path}]")
    return path
