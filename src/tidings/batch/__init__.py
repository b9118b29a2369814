"""Batch processing on Dask, Parquet output, exports and deduplication (issue 8)."""
