"""The trend charts' series: ``data.ChartData`` keeps them (cached, refreshed from each change); one module per
chart works each out from the Book's loans (``domain.book``). The kinds and range presets load no SQL, so the
charts can import them."""
