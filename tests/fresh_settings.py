"""The settings a server would start with: read in a fresh process, under its environment."""

import os
import subprocess
import sys


def settings_in_fresh_process(
    expression: str, environment: dict[str, str | None]
) -> subprocess.CompletedProcess:
    """Print repr(`expression`) over django.conf.settings in a new Python process whose
    environment is this one's with `environment` applied (None removes a variable)."""
    env = dict(os.environ)
    for name, value in environment.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    env["DJANGO_SETTINGS_MODULE"] = "coverage_site.settings"
    code = f"from django.conf import settings; print(repr(({expression})))"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
