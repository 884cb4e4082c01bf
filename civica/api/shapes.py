"""Shapes and links the public routers of calls, plans, the network, bodies and news share (issue 20,
point 3): money as a decimal string with its currency (never a float, never a formatted "1.000 lei"),
absolute addresses of the pages, and the ``next`` address of a page of a list."""

from decimal import Decimal

from ninja import Field, Schema

CURRENCY = "RON"  # every amount the centre keeps is in lei


class Money(Schema):
    amount: str = Field(description="A decimal string, two decimals, a dot before them: \"1000.50\".",
                        examples=["1000.50"])
    currency: str = Field(CURRENCY, description="ISO 4217: always RON (lei).")


def money(value: Decimal | None) -> dict | None:
    if value is None:
        return None
    return {"amount": f"{Decimal(value):.2f}", "currency": CURRENCY}


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def next_url(request, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    query = request.GET.copy()
    query["cursor"] = cursor
    return absolute(request, f"{request.path}?{query.urlencode()}")
