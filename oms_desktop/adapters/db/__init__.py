"""Storage on SQLAlchemy 2: the tables, repositories, the unit of work, engines and Alembic migrations."""
# Every table module, so that Base.metadata is complete for Alembic and for whoever compares the schema with it.
from . import (models, models_accounts, models_carts, models_performance, models_purchasing,  # noqa: F401
               models_forecasts, models_mail, models_printing, models_sales, models_till,
               models_warehouse)
