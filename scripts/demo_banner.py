"""First line of `make demo`: where the site is and which demo accounts exist.

Runs with the system Python before the virtualenv exists, so it imports nothing else."""

import json
import sys
from pathlib import Path

host, port = sys.argv[1], sys.argv[2]
spec = json.loads((Path(__file__).parent.parent / "civica/accounts/demo_accounts.json").read_text(encoding="utf-8"))
accounts = ", ".join(f"{a['email']} ({a['role']})" for a in spec["accounts"])
print(
    f"Civica demo: http://{host}:{port}/ (also /ro/ and /en/) | demo accounts, password "
    f"'{spec['password']}': {accounts} | e-mails are printed below."
)
