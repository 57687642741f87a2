"""Accounts' API schemas: tokens, the caller (``/me``) and organisations."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from checklists.accounts.models import OrgKind, Role
from checklists.core.schemas import In, Out, RequiredText, Text

Locale = Literal["zh", "en"] | None


class TokenRequest(In):
    username: RequiredText
    password: RequiredText


class Token(Out):
    token: str = Field(description="send as Authorization: Bearer TOKEN")


class Me(Out):
    id: int
    username: str
    display_name: str
    role: Role
    organisation_id: int | None
    region_id: int | None
    locale: Locale


class MeUpdate(In):
    """Only the fields given change."""

    display_name: Annotated[Text, Field(max_length=100)] = ""
    locale: Locale = None


class OrganisationCredit(Out):
    """An entry on a credit list today (安全生产黑名单, 政府采购禁入, 取消配送资格)."""

    kind: str = Field(description="blacklist, procurement_ban or depot_disqualified")
    status: str
    ends_on: dt.date | None = Field(description="the term's last day; null: no term")


class Organisation(Out):
    id: int
    name: str
    kind: OrgKind
    credit_code: Annotated[str, Field(pattern="^[0-9A-HJ-NPQRTUWXY]{18}$")] | None
    region: str | None = Field(description="county, or county and township")
    credit: list[OrganisationCredit] = Field(
        default_factory=list, description="its entries on a credit list today ([] when none)"
    )
