"""The CV's data: reading the sources with positions, and the typed model every macro reads."""
