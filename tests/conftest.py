"""Hypothesis profiles: ``dev`` (quick, the default) and ``ci`` (more examples, derandomised).

``CI`` set in the environment selects ``ci``; ``HYPOTHESIS_PROFILE`` overrides either.
"""

from __future__ import annotations

import os

# Plots render off screen; Jupyter uses its standard paths (no deprecation warning).
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
# the notebooks' kernel: no debugger warning about frozen modules in the test output
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
# The tests never read the ECB rates a user added with `ouitec-terms ecb set` (D96): they see
# the built-in table only, unless a test names its own file.
os.environ["OUITEC_ECB_RATES"] = os.path.join(
    os.environ.get("TMPDIR", "/tmp"), f"ouitec-tests-no-user-ecb-rates-{os.getpid()}.toml"
)

# The holiday tables a command keeps (D98) go to this session's own folder, never the user's.
os.environ["OUITEC_CACHE_DIR"] = os.path.join(
    os.environ.get("TMPDIR", "/tmp"), f"ouitec-tests-cache-{os.getpid()}"
)

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=60, deadline=None)
settings.register_profile(
    "ci",
    max_examples=200,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=(HealthCheck.too_slow,),
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
