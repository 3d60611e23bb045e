"""The finders of the attribution layouts, one module per family; `speakers/table.py` declares
each layout (name, prior, example, finder) and the priority of layouts per quote shape."""
