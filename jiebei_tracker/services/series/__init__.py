"""The trend charts' series: ``data.ChartData`` keeps them (cached, refreshed from each change); one module per
chart works each out from plain records (``records``, made by ``loader`` from the one history loader). The kinds,
range presets and records load no SQL, so the charts can import them."""
