"""Live statistics: GitHub stars and citation metrics, fetched on demand into a committed cache.

`cv stats --refresh` is the only thing that touches the network; builds read the cache (lookup.py)
and fall back to the numbers written in metadata.yaml.
"""
