"""Colours: Okabe-Ito hues (safe for colour-blind readers) for shapes, light tints behind text."""

INK = "#1F2328"  # all text and outlines
WHITE = "#FFFFFF"
CARD = "#FFFFFF"  # every diagram sits on its own white card, so it shows on the dark theme
CARD_EDGE = "#6E7781"
GREY = "#6E7781"  # rungs, arrows that are not the main path
BLUE = "#0072B2"
SKY = "#56B4E9"
GREEN = "#009E73"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
# Tints: the hue mixed with white, dark text stays above 12:1 on all of them.
SKY_TINT = "#E1F1FB"
GREEN_TINT = "#DDF2EA"
ORANGE_TINT = "#FCEFD4"
VERMILLION_TINT = "#F9E1D3"
PURPLE_TINT = "#F6E4EE"
GREY_TINT = "#EEF0F2"
YELLOW_TINT = "#FBF8D2"
VECTOR_SHELL = "#BDE2F6"  # sky blue, lighter, so the green gene inside shows
