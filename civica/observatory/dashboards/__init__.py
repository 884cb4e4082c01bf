"""The public dashboards (a framework's dimensions, an indicator's series with its chart and table) and the
sector's diagnosis reports (written by analysts, published as HTML and PDF): views, forms, the reports'
services and the addresses. The figures come through the app's ``selectors.py`` (disclosure-controlled)."""
