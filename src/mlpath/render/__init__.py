"""Plan and catalogue → rich renderables, Markdown and JSON. Imports rich lazily."""
