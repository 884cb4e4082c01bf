"""The meetings editors' screens (issue 16, point 3): forms, views and their addresses, mounted by the
app's urls."""
