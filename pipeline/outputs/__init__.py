"""Outputs: the published files (JSONL, Parquet/CSV tables, schema) and the HTML report."""
