from django.urls import include, path, register_converter

from . import views


class PlanYearsConverter:
    """A plan's address: its year, or its first and last years (``2021``, ``2021-2024``), in ASCII
    digits; anything else (``²²²²``) is not a plan's address, so not found."""

    regex = "[0-9]{4}(?:-[0-9]{4})?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(PlanYearsConverter, "plan_years")

app_name = "accountability"

urlpatterns = [
    path("", include("civica.accountability.manage.urls")),
    path("", views.plan_list, name="plans"),
    path("<plan_years:slug>/", views.plan_detail, name="plan"),
    path("<plan_years:slug>/comments/", views.plan_comment, name="comment"),
    path("<plan_years:slug>/programmes/<slug:programme>/", views.plan_programme, name="programme"),
    path("<plan_years:slug>/activities/", views.plan_activities, name="activities"),
    path("<plan_years:slug>/document/", views.plan_document, name="document"),
    path("<plan_years:slug>/document.pdf", views.plan_document_pdf, name="document_pdf"),
    path("<plan_years:slug>/plan.xlsx", views.plan_export_xlsx, name="export_xlsx"),
    path("<plan_years:slug>/<str:sheet>.csv", views.plan_export_csv, name="export_csv"),
    path("<plan_years:slug>/import/", views.plan_import, name="import"),
    path("<plan_years:slug>/activities/<int:activity_id>/progress/", views.progress_post, name="progress"),
]
