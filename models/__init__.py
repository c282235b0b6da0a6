"""Data files of autonews (knowledge base, technology taxonomy, trigger words), read via importlib.resources."""
