"""The guide's diagrams, drawn as SVG from their words.

Each diagram is a words file per language (data/diagrams/LANG/NAME.yaml) and a
layout module (layouts/NAME.py) that draws those words. `generate.py` finds the
words files, draws each one, and writes the SVG and its page snippet.
"""
