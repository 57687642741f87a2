"""扫码 and the place check: distances (table-driven), the printed codes, a scan that starts or
continues an inspection and shows the inspector was there, and the supervisor's flag."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa

from checklists.accounts.models import Role, Site
from checklists.core.extensions import db
from inspections.filling import workflow
from inspections.filling.models import Inspection
from inspections.presence import place
from inspections.presence.models import Scan
from tests.conftest import csrf_token, login
from tests.test_workflow import coal  # noqa: F401 (a fixture)

# (lat1, lon1, lat2, lon2, metres, tolerance in metres)
DISTANCES = [
    (36.48, 115.44, 36.48, 115.44, 0, 0.001),  # the same point
    (0, 0, 1, 0, 111_195, 1),  # a degree of latitude
    (0, 0, 0, 1, 111_195, 1),  # a degree of longitude on the equator
    (60, 10, 60, 11, 55_597, 2),  # half as long at 60°
    (39.9042, 116.4074, 31.2304, 121.4737, 1_067_000, 3_000),  # 北京 – 上海
    (36.4800, 115.4400, 36.4845, 115.4400, 500, 1),  # 0.0045° north ≈ 500 m
    (36.48, 115.44, 36.48, 115.4456, 501, 2),  # 0.0056° east at 36.5°N
    (-33.8688, 151.2093, 51.5074, -0.1278, 16_993_000, 20_000),  # across the date line
]


@pytest.mark.parametrize(("lat1", "lon1", "lat2", "lon2", "metres", "tolerance"), DISTANCES)
def test_distance(lat1, lon1, lat2, lon2, metres, tolerance):
    assert place.distance_m(lat1, lon1, lat2, lon2) == pytest.approx(metres, abs=tolerance)
    assert place.distance_m(lat2, lon2, lat1, lon1) == pytest.approx(metres, abs=tolerance)


@pytest.mark.parametrize(
    ("metres", "said"),
    [(0, "0 米"), (499.6, "500 米"), (999, "999 米"), (1000, "1.0 公里"), (1249, "1.2 公里"),
     (9_949, "9.9 公里"), (10_000, "10 公里"), (35_400, "35 公里")],
)  # fmt: skip
def test_readable(metres, said):
    assert place.readable(metres) == said


def test_check_flags_beyond_the_limit_and_nothing_without_coordinates():
    near = place.Position("定位", Decimal("36.4820"), Decimal("115.4400"))  # ≈ 222 m
    far = place.Position("定位", Decimal("36.4900"), Decimal("115.4400"))  # ≈ 1.1 km
    checks = place.check((Decimal("36.48"), Decimal("115.44")), [near, far], 500)
    assert [c.far for c in checks] == [False, True]
    assert checks[0].metres == pytest.approx(222, abs=2)
    assert place.check(None, [near], 500) == []
    assert place.check((None, None), [near], 500) == []


@pytest.fixture
def depot(make_org):
    org = make_org("鑫源煤业", lat=Decimal("36.480000"), lon=Decimal("115.440000"))
    site = Site(
        organisation=org, name="一号库", lat=Decimal("36.490000"), lon=Decimal("115.440000")
    )
    db.session.add(site)
    db.session.commit()
    return org, site


def test_every_organisation_and_site_has_its_own_unguessable_code(depot, make_org):
    org, site = depot
    codes = {org.scan_code, site.scan_code, make_org("另一家").scan_code}
    assert len(codes) == 3
    assert all(code and len(code) == 16 for code in codes)


def test_a_scan_records_presence_and_starts_an_inspection_once(client, coal, depot, make_user):  # noqa: F811
    org, site = depot
    inspector = make_user("scanner", role=Role.INSPECTOR)
    login(client, inspector)
    page = client.get(f"/s/{site.scan_code}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "鑫源煤业" in text and "一号库" in text and coal.name in text
    [scan] = db.session.scalars(sa.select(Scan)).all()
    assert (scan.user_id, scan.organisation_id, scan.site_id) == (inspector.id, org.id, site.id)
    assert scan.inspection_id is None
    form = {
        "csrf_token": csrf_token(client, f"/s/{site.scan_code}"),
        "scan": scan.id,
        "template_id": coal.id,
        "uuid": "0b0e7a52-4a44-4f4e-9a57-1f1d7e0c0a01",
    }
    started = client.post(f"/s/{site.scan_code}/start", data=form)
    again = client.post(f"/s/{site.scan_code}/start", data=form)  # a retry: no second one
    assert started.status_code == again.status_code == 303
    [inspection] = db.session.scalars(sa.select(Inspection)).all()
    assert started.headers["Location"].endswith(f"/inspections/{inspection.uuid}/fill")
    assert inspection.site_id == site.id and inspection.organisation_id == org.id
    db.session.expire_all()
    assert db.session.get(Scan, scan.id).inspection_id == inspection.id


def test_a_scan_continues_an_open_inspection(client, coal, depot, make_user):  # noqa: F811
    org, _site = depot
    inspector = make_user("scanner", role=Role.INSPECTOR)
    open_one, _created = workflow.create_inspection(coal, org, inspector)
    db.session.commit()
    login(client, inspector)
    page = client.get(f"/s/{org.scan_code}")
    assert str(open_one.uuid) in page.get_data(as_text=True)
    scan_id = db.session.scalar(sa.select(Scan.id))
    token = csrf_token(client, f"/s/{org.scan_code}")
    form = {"csrf_token": token, "scan": scan_id, "inspection": str(open_one.uuid)}
    assert client.post(f"/s/{org.scan_code}/start", data=form).status_code == 303
    db.session.expire_all()
    assert db.session.get(Scan, scan_id).inspection_id == open_one.id
    # someone else's scan, or an inspection not open to this inspector: not found
    other = {**form, "inspection": "00000000-0000-4000-8000-000000000000"}
    assert client.post(f"/s/{org.scan_code}/start", data=other).status_code == 404


def test_an_enterprise_scan_opens_its_own_findings(client, depot, make_user, make_org):
    org, _site = depot
    login(client, make_user("owner", role=Role.ENTERPRISE, organisation=org))
    reply = client.get(f"/s/{org.scan_code}")
    assert reply.status_code == 302 and reply.headers["Location"].endswith("/findings/")
    assert client.get(f"/s/{make_org('别家').scan_code}").status_code == 404
    assert client.get("/s/no-such-code").status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Scan)) == 0


def test_the_sheet_prints_each_code_as_svg(client, depot, make_user):
    org, site = depot
    org.credit_code = None
    db.session.commit()
    login(client, make_user("boss", role=Role.SUPERVISOR))
    text = client.get(f"/organisations/{org.id}/codes").get_data(as_text=True)
    assert text.count("<svg") == 2
    assert "一号库" in text and "data-print" in text


def test_the_supervisor_sees_the_scan_and_a_position_far_from_the_site(
    client,
    app,
    coal,  # noqa: F811
    depot,
    make_user,
):
    org, site = depot
    inspector = make_user("scanner", role=Role.INSPECTOR)
    inspection, _created = workflow.create_inspection(coal, org, inspector)
    inspection.site_id = site.id
    inspection.lat, inspection.lon = Decimal("36.480000"), Decimal("115.440000")  # ≈ 1.1 km
    db.session.add(Scan(organisation_id=org.id, site_id=site.id, user_id=inspector.id,
                        inspection_id=inspection.id))  # fmt: skip
    db.session.commit()
    login(client, make_user("boss", role=Role.SUPERVISOR))
    text = client.get(f"/inspections/{inspection.uuid}").get_data(as_text=True)
    assert 'id="presence"' in text and "scanner" in text
    assert "1.1 公里" in text and "一号库" in text and 'class="badge warn"' in text
    app.config["PLACE_FLAG_METERS"] = 2000.0  # within the limit: said, not flagged
    text = client.get(f"/inspections/{inspection.uuid}").get_data(as_text=True)
    assert "1.1 公里" in text and 'class="badge warn"' not in text.split('id="presence"')[1]
