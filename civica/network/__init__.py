"""The centre's network: its organisations and programmes with their public directory pages, who
represents an organisation (``Representation``; a representative of a member organisation is a member
representative), the figures the sources give about the centre, and the centre's spaces and their
bookings. Networks and bodies will join it."""
