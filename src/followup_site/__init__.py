"""Build-time code for the site: what the guide draws with the engine, apart from what ships."""
