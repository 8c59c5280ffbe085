"""Content in: YAML files -> a validated Catalog (positions kept for every value)."""
