from pathlib import Path

pytest_plugins = ["fixtures_keyring"]
if (Path(__file__).parent / "fixtures_site.py").exists():
    pytest_plugins.append("fixtures_site")
