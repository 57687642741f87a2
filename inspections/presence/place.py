"""The place check, pure: how far a recorded position lies from the place inspected, and whether
the supervisor should be told (a flag, never a block: signals in the countryside are poor)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

#: The mean Earth radius (metres), IUGG.
EARTH_RADIUS_M = 6_371_008.8


def distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two WGS-84 points in metres (haversine; within 0.5 %
    of the ellipsoid's, plenty to tell 300 m from 3 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class Position:
    """A recorded position and what it was (e.g. 定位 at start, 提交时)."""

    label: str
    lat: Decimal | float
    lon: Decimal | float


@dataclass(frozen=True)
class PlaceCheck:
    """One position against the place: its distance and whether it is beyond the limit."""

    label: str
    metres: float
    far: bool


def check(
    place: tuple[Decimal | float, Decimal | float] | None,
    positions: list[Position],
    limit_m: float,
) -> list[PlaceCheck]:
    """Each position's distance from ``place`` (lat, lon), flagged when beyond ``limit_m``;
    nothing when the place has no coordinates."""
    if place is None or place[0] is None or place[1] is None:
        return []
    lat, lon = float(place[0]), float(place[1])
    found = []
    for position in positions:
        metres = distance_m(lat, lon, float(position.lat), float(position.lon))
        found.append(PlaceCheck(position.label, metres, metres > limit_m))
    return found


def readable(metres: float) -> str:
    """A distance as people say it: 850 米, 1.2 公里, 35 公里."""
    if metres < 1000:
        return f"{round(metres)} 米"
    if metres < 10_000:
        return f"{metres / 1000:.1f} 公里"
    return f"{round(metres / 1000)} 公里"
