"""The content: model, YAML loading, validation (file:line messages), cache, look-ups."""
