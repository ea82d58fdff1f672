"""Browser tests: a live uvicorn server over a temporary store, driven by headless Debian chromium.

Needs ``chromium`` + ``chromedriver`` (Debian packages ``chromium`` and ``chromium-driver``) and the
``selenium`` package; ``scripts/ci_browser_setup.sh`` installs them. Without them the tests skip
with the reason. Select or deselect them with ``-m browser`` / ``-m 'not browser'``.
"""
from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/ (web_records)

import web_records as W  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: headless-chromium tests (scripts/ci_browser_setup.sh installs chromium)")


def pytest_collection_modifyitems(items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    import uvicorn

    from chronicle.api.app import create_app
    from chronicle.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'b.db'}"
    store = Store(url)
    for rec in W.all_records() + W.bulk_records(12):
        store.upsert(rec)
    store.close()
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def driver():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (scripts/ci_browser_setup.sh)")
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("Debian chromium/chromedriver not installed (scripts/ci_browser_setup.sh)")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1300,1000", "--hide-scrollbars", "--force-device-scale-factor=1"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()
