"""Measuring the pipeline against human-annotated development data."""
