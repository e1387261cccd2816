"""The question-bank format: pydantic model, loader, semantic checks, id clashes between banks."""
