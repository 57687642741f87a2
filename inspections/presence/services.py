"""Presence decided: which organisation or site a QR code names, a scan recorded and tied to
an inspection, and what the supervisor is told (scanned or not, how far from the place)."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from checklists.accounts.models import Organisation, Site, User
from checklists.accounts.permissions import visible_organisations
from checklists.core.extensions import db
from inspections.filling.models import Inspection
from inspections.presence import place
from inspections.presence.models import Scan


def resolve(code: str) -> tuple[Organisation, Site | None] | None:
    """The organisation (and site) whose QR code carries ``code``, or None."""
    if not code or len(code) > 24:
        return None
    site = db.session.scalar(sa.select(Site).where(Site.scan_code == code))
    if site is not None:
        return site.organisation, site
    org = db.session.scalar(sa.select(Organisation).where(Organisation.scan_code == code))
    return None if org is None else (org, None)


def visible(user: User, org: Organisation) -> bool:
    """Whether ``user`` may see ``org`` (else its code is "not found" to them)."""
    query = visible_organisations(user).where(Organisation.id == org.id)
    return db.session.scalar(query.with_only_columns(Organisation.id)) is not None


def record(user: User, org: Organisation, site: Site | None) -> Scan:
    scan = Scan(organisation=org, site=site, user_id=user.id)
    db.session.add(scan)
    db.session.flush()
    return scan


def tie(scan: Scan, inspection: Inspection) -> None:
    """The scan started or continued ``inspection`` (of the scanned organisation): it shows the
    inspector was there. An inspection without a site takes the scanned site."""
    scan.inspection_id = inspection.id
    if scan.site_id is not None and inspection.site_id is None:
        inspection.site_id = scan.site_id


def scans_of(inspection: Inspection) -> list[Scan]:
    return list(
        db.session.scalars(
            sa.select(Scan).where(Scan.inspection_id == inspection.id).order_by(Scan.scanned_at)
        )
    )


@dataclass(frozen=True)
class Presence:
    """What the supervisor is told about where the inspection was done."""

    scans: list[Scan]
    #: The place compared with: the site's coordinates, else the organisation's (None: none).
    place_name: str | None
    checks: list[place.PlaceCheck]

    @property
    def far(self) -> bool:
        return any(c.far for c in self.checks)


def presence(inspection: Inspection) -> Presence:
    """The scans tied to ``inspection`` and its recorded position against the place's."""
    site, org = inspection.site, inspection.organisation
    if site is not None and site.lat is not None and site.lon is not None:
        where, name = (site.lat, site.lon), site.name
    elif org.lat is not None and org.lon is not None:
        where, name = (org.lat, org.lon), org.name
    else:
        where, name = None, None
    positions = []
    if inspection.lat is not None and inspection.lon is not None:
        positions.append(place.Position("检查定位", inspection.lat, inspection.lon))
    limit = float(current_app.config["PLACE_FLAG_METERS"])
    return Presence(scans_of(inspection), name, place.check(where, positions, limit))
