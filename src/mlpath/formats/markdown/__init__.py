"""The Markdown checklist: `write.py` renders a plan, `read.py` reads a ticked one back."""

from mlpath.formats.markdown.read import PlanFile
from mlpath.formats.markdown.write import plan_markdown as render

__all__ = ["PlanFile", "render"]
