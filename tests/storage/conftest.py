import pytest

from app.models.facility import Facility
from app.services.workspace import open_workspace
from app.storage import facilities_repo


@pytest.fixture
def ws(data_dir):
    workspace = open_workspace(data_dir, user="ana")
    with workspace.db.atomic():
        facilities_repo.upsert_facilities(
            workspace.conn,
            [
                Facility("NTSSA000001", "Hospital General de Tepic", "18", "HG", 2, "Tepic"),
                Facility("NTSSA000002", "Centro de Salud Rural Jala", "18", "CSR", 1, "Jala"),
                Facility("CMSSA000001", "Hospital General de Colima", "06", "HG", 2, "Colima"),
            ],
            "2023-01-01T00:00:00+00:00",
        )
    yield workspace
    workspace.close()


@pytest.fixture
def db_dump():
    """A function returning everything a person could lose, to compare before/after."""
    return dump


def dump(conn):
    """Everything a person could lose: values, change log, reports, facilities."""
    return {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        for table in ("data_values", "change_log", "reports", "facilities")
    }
