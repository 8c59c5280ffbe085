"""Trainees' results: result codes, collecting them, learning gain and item analysis.

Pure functions over plain data (code, gain, items); readers and writers at the
edges (collect). The CLI and the site call the same code.
"""
