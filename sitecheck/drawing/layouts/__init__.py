"""One module per diagram, named like its words file (dna-to-protein.yaml -> dna_to_protein.py).

Each module has WIDTH (viewBox units, 360-380 so text stays readable on a 360 px
phone), `draw(d, words)` that draws the words onto the Drawing and sets d.height,
and `in_words(words)` that returns "the diagram in words" as Markdown.
"""
