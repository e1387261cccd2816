"""The one rendering kit every report uses: console, jinja2 environment, accessible SVG charts."""
