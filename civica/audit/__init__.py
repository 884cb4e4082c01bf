"""The audit log: who changed what the public sees, and when (issue 16). Staff services call
``services.record``; administrators read the log at ``/<lang>/staff/audit/``."""
