"""nbconvert's configuration for the docs build (``make docs`` names this folder in
``JUPYTER_CONFIG_PATH``): mkdocs-jupyter runs the notebooks with a kernel that talks over a
local socket (ipc), not TCP, so nothing listens on the network and the kernel has no warning
to print about unencrypted TCP."""

import os
import tempfile

c = get_config()  # type: ignore[name-defined]  # noqa: F821 - given by traitlets
c.KernelManager.transport = "ipc"
c.KernelManager.ip = os.path.join(tempfile.gettempdir(), f"ouitec-docs-kernel-{os.getpid()}")
