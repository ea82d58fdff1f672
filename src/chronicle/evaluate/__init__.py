"""Scorers that compare Chronicle records with gold data in standard formats."""
