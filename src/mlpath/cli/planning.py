"""plan and export commands."""
