"""The goal pages (issue 19, point 5): ``/<lang>/observatory/goals/`` lists the 17 Sustainable
Development Goals and the EU climate-neutral cities mission with how many things each has, and
``/<lang>/observatory/goals/<code>/`` what the city and the centre do for one goal. Public pages, the
same for everyone (kept whole for visitors by the page cache, which any write renews)."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from . import selectors


@require_safe
def goal_list(request):
    return render(request, "observatory/goals/goal_list.html", {"goals": selectors.goal_list()})


@require_safe
def goal_detail(request, code):
    page = selectors.goal_page(code)
    if page is None:
        raise Http404
    return render(request, "observatory/goals/goal_detail.html", {"page": page, "goal": page.goal})
