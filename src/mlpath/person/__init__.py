"""The person planning: the Profile and its one schema, the saved profile, the questionnaire."""
