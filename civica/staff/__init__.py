"""The staff dashboard (issue 16): what needs someone now, each person seeing what their roles cover."""
