"""Qt widgets, dialogs and item models. The only package (with desktop/app.py) that imports Qt."""
