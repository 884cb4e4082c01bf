"""A task only the worker of tests/integration/test_worker.py knows (``celery worker --include``): it
sends its e-mail, then fails once, as a task whose later step hit a broken connection would."""

from django.core.mail import EmailMessage

from civica.queue.delivery import once
from civica.queue.tasks import background_task


@background_task(bind=True, retry_backoff=1, retry_jitter=False)
def send_then_fail_once(self, key, to):
    once(key, lambda: EmailMessage("Civica: a retried task", "Sent once, however often the task runs.",
                                   to=[to]).send())
    if self.request.retries == 0:
        raise ConnectionError("the task failed after its e-mail was sent")
