"""The event page: the aligned rows (`rows`), the column picker (`picker`), the facts panel
(`facts_panel`) and the coverage strip (`coverage_strip`), assembled by `page` for the view."""
