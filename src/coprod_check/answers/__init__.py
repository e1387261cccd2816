"""The answers format: model, loader, checks against banks, template, writer, handout."""
