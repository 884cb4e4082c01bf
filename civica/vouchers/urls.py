from django.urls import path, register_converter

from . import application_views, manage_views, views


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
    # Residents apply online; the programme's staff decide.
    path("apply/<slug:slug>/", application_views.apply, name="apply"),
    path("apply/<slug:slug>/withdraw/", application_views.application_withdraw, name="application_withdraw"),
    path("manage/<slug:slug>/applications/", application_views.applications, name="applications"),
    path("manage/<slug:slug>/applications/<int:pk>/", application_views.application_review,
         name="application_review"),
    # The staff's screens.
    path("staff/", manage_views.programmes, name="staff_programmes"),
    path("staff/programmes/new/", manage_views.programme_new, name="staff_programme_new"),
    path("staff/programmes/<slug:slug>/", manage_views.programme_edit, name="staff_programme"),
    path("staff/programmes/<slug:slug>/questions/new/", manage_views.question_add, name="staff_question_add"),
    path("staff/programmes/<slug:slug>/questions/<int:pk>/remove/", manage_views.question_remove,
         name="staff_question_remove"),
    path("staff/programmes/<slug:slug>/venues/new/", manage_views.venue_new, name="staff_venue_new"),
    path("staff/programmes/<slug:slug>/offers/", manage_views.programme_offers, name="staff_programme_offers"),
    path("staff/venues/<slug:slug>/", manage_views.venue_edit, name="staff_venue"),
    path("staff/venues/<slug:slug>/staff/add/", manage_views.venue_staff_add, name="staff_venue_staff_add"),
    path("staff/venues/<slug:slug>/staff/<int:pk>/remove/", manage_views.venue_staff_remove,
         name="staff_venue_staff_remove"),
    path("staff/venues/<slug:slug>/offers/", manage_views.venue_offers, name="staff_venue_offers"),
    path("staff/venues/<slug:slug>/offers/new/", manage_views.offer_new, name="staff_offer_new"),
    path("staff/venues/<slug:slug>/offers/<int:pk>/", manage_views.offer_edit, name="staff_offer_edit"),
]
