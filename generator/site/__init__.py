"""Site out: Catalog -> Markdown pages, quiz data and the widget's assets."""
