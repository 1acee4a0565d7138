"""Tools around the app rather than in it: the demo company seeder (``oms demo-data``, ``oms-desktop --demo``) and
the benchmark (``oms bench``). Both write many rows at once through the same table definitions as the repositories
(``adapters/db/models*.py``), as a bulk loader: see docs/architecture.md."""
