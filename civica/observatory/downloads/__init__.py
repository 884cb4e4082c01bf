"""Open data's pages and downloads (issue 19, point 6): the datasets themselves are made by the app's
``open_data.py`` (a public path other apps use); here the views and their addresses."""
