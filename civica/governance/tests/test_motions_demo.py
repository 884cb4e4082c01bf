"""The demo's General Assembly motion (seeds/000): the approval of the 2020 plan on 6 March 2020,
closed and adopted, with fictional votes of the member organisations, linked from the plan's page."""

import pytest
from django.core.management import call_command

from civica.governance.motions.models import Motion, MotionStatus, MotionVote
from civica.governance.motions.selectors import result
from civica.network.models import Organisation


@pytest.mark.django_db
def test_the_demo_motion_approves_the_2020_plan_with_fictional_votes(client):
    call_command("loaddemo", verbosity=0)
    call_command("loaddemo", verbosity=0)  # loaded twice, nothing duplicated
    motion = Motion.objects.get()
    assert (motion.status, motion.is_fictional, motion.approves_plan.year) == (MotionStatus.CLOSED, True, 2020)
    assert motion.closes_at.date().isoformat() == "2020-03-06"
    members = Organisation.objects.members().count()
    assert motion.electorate == members == MotionVote.objects.filter(motion=motion, is_fictional=True).count()
    assert result(motion).adopted
    page = client.get(f"/en/network/bodies/motions/{motion.pk}/").content.decode()
    assert "Adopted." in page and "fictional" in page
    plan_page = client.get(f"/en/plans/{motion.approves_plan.slug}/").content.decode()
    assert "motion “Approval of the Cluj Cultural Centre&#x27;s plan for 2020”" in plan_page or (
        "motion “Approval of the Cluj Cultural Centre's plan for 2020”" in plan_page)
