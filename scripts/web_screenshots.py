"""Screenshots of the search, article, entity and events pages for docs/screenshots/.

Builds a throw-away store from the bundled sample (``samples/``, run through the real pipeline)
and the hand-written test records, serves it on a free local port, and photographs each page
with headless Debian chromium (``scripts/ci_browser_setup.sh`` installs it).

    .venv/bin/python scripts/web_screenshots.py [--out docs/screenshots]
"""
from __future__ import annotations

import argparse
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))


def build_store(url: str) -> dict:
    from chronicle.ingest.readers import IngestOptions, read_inputs
    from chronicle.model import Article
    from chronicle.pipeline import extract_articles
    from chronicle.record import to_record
    from chronicle.store import Store

    import web_records as W

    store = Store(url)
    arts = [a for a in read_inputs([str(REPO / "samples")], IngestOptions(published="2025-03-08"))
            if isinstance(a, Article)]
    first = None
    for doc in extract_articles(arts):
        rec = to_record(doc)
        store.upsert(rec)
        first = first or rec
    for rec in (W.harbour_record(), W.flood_record()):
        store.upsert(rec)
    store.close()
    return first


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    from chronicle.api.app import create_app

    tmp = tempfile.mkdtemp()
    url = f"sqlite:///{tmp}/shots.db"
    sample = build_store(url)
    speakers = [a["source"]["name"] for a in sample["attributions"] if a["source"].get("entity")]
    speaker = max(set(speakers), key=speakers.count)

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"

    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1360,1050", "--hide-scrollbars",
                "--force-device-scale-factor=1"):
        opts.add_argument(arg)
    drv = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=opts)
    from urllib.parse import quote

    pages = {
        "search": f"{base}/?q=said",
        "article": f"{base}/articles/{quote(sample['article']['id'])}",
        "entity": f"{base}/entities/{quote(speaker, safe='')}",
        "events": f"{base}/events",
    }
    try:
        for name, page in pages.items():
            drv.get(page)
            if name == "events":
                deadline = time.monotonic() + 15
                svg = drv.find_element("id", "map")
                while not svg.get_attribute("data-events-loaded") and time.monotonic() < deadline:
                    time.sleep(0.1)
            time.sleep(0.3)
            drv.save_screenshot(str(out / f"{name}.png"))
            print(f"{name}: {page} -> {out / (name + '.png')}")
    finally:
        drv.quit()
        server.should_exit = True


if __name__ == "__main__":
    main()
