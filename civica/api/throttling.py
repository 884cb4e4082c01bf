"""The API's rate limits (issue 20, point 3): per client address for anonymous callers, per token once
tokens exist. Django-ninja's throttles, their rate read from the settings at each request (so a deploy,
or a test, changes it without a restart); a refusal is a 429 problem with ``Retry-After``."""

from django.conf import settings
from ninja.throttling import AnonRateThrottle


class AddressRateThrottle(AnonRateThrottle):
    scope = "address"

    def __init__(self):
        super().__init__(rate=settings.CIVICA_API_RATE_BY_ADDRESS)

    def allow_request(self, request) -> bool:
        self.rate = settings.CIVICA_API_RATE_BY_ADDRESS
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class TokenRateThrottle(AnonRateThrottle):
    """Per token, whatever address it comes from (a token's requests are not an address's)."""

    scope = "token"

    def __init__(self):
        super().__init__(rate=settings.CIVICA_API_RATE_BY_TOKEN)

    def get_cache_key(self, request):
        token = getattr(request, "auth", None)
        if token is None:
            return None
        # A person's token and a venue's token are rows of two tables: the model keeps their counts apart.
        return self.cache_format % {"scope": self.scope, "ident": f"{token._meta.label_lower}:{token.pk}"}

    def allow_request(self, request) -> bool:
        self.rate = settings.CIVICA_API_RATE_BY_TOKEN
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)
