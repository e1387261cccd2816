"""coprod-check: is a health or social care team ready to co-produce a service?"""

__version__ = "0.1.0"
