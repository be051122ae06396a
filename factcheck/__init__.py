"""factcheck: review the sourcing of news articles, sentence by sentence."""

__version__ = "0.1.0"
