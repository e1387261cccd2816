"""coprod-check: is a health or social care team ready to co-produce a service?"""

import os

__version__ = "0.1.0"

# coprod-check uses no pydantic plugins, and looking for them reads the metadata of every
# installed package the first time a model is built (about a quarter of the start-up of
# ``score``). A user who does want plugins can set the variable to something else.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
