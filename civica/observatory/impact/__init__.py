"""The impact platform (slice 3): an organisation's own figures beside its sector's median and quartiles
(``sector``), seen by its representatives and the analysts: selectors, views and addresses."""
