"""Reading and writing user files: safe YAML with positions, input files, atomic writes."""
