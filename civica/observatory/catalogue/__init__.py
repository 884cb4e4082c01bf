"""The analysts' catalogue (issue 19, point 1): frameworks, dimensions, indicators, their values typed in or
imported from a file. The writes are the app's ``services.py`` and the reads its ``selectors.py`` (public
paths other apps use); here the screens, their forms and addresses."""
