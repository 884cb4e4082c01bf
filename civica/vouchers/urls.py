from django.urls import path, register_converter

from . import views


class CodeConverter:
    """What a code in an address may look like (normalised by the view, so typed forms work too)."""

    regex = "[0-9A-Za-z-]{1,40}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CodeConverter, "vouchercode")

app_name = "vouchers"

urlpatterns = [
    path("", views.index, name="index"),
    path("offers/", views.offers, name="offers"),
    path("check/", views.check, name="check"),
    path("v/<vouchercode:code>/", views.mine, name="mine"),
    path("v/<vouchercode:code>/card.pdf", views.card, name="card"),
    path("redeem/", views.redeem, name="redeem"),
    path("referrals/", views.referrals, name="referrals"),
    path("referrals/<str:reference>/", views.beneficiary, name="beneficiary"),
    path("vouchers/<int:pk>/cancel/", views.voucher_cancel, name="voucher_cancel"),
    path("vouchers/<int:pk>/reissue/", views.voucher_reissue, name="voucher_reissue"),
    path("redemptions/<int:pk>/reverse/", views.redemption_reverse, name="redemption_reverse"),
    path("manage/<slug:slug>/", views.manage, name="manage"),
    path("manage/<slug:slug>/dashboard/", views.dashboard, name="dashboard"),
    path("statements/", views.statements, name="statements"),
    path("statements/<int:pk>/", views.statement, name="statement"),
    path("statements/<int:pk>/statement.pdf", views.statement_pdf, name="statement_pdf"),
    path("statements/<int:pk>/statement.xlsx", views.statement_xlsx, name="statement_xlsx"),
    path("programmes/<slug:slug>/", views.programme, name="programme"),
    path("programmes/<slug:slug>/figures.<str:fmt>", views.figures_download, name="figures_download"),
    path("manage/<slug:slug>/bulk/", views.bulk, name="bulk"),
    path("bulk/<int:pk>/part-<int:part>.pdf", views.bulk_part, name="bulk_part"),
    path("venues/<slug:slug>/tokens/", views.venue_tokens, name="venue_tokens"),
    path("venues/<slug:slug>/tokens/<int:pk>/revoke/", views.venue_token_revoke, name="venue_token_revoke"),
]
