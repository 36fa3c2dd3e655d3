"""Seed data of the demo site: demo.toml and the Markdown bodies it names."""
