"""Flat tables of documents for spreadsheets, SQL and Parquet: `export_documents` writes them."""
