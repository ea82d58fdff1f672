"""The web UI in headless chromium: navigation, highlights on screen, XSS inert, CSP enforced, map drawn."""
from __future__ import annotations

import struct
import zlib

import pytest

pytestmark = pytest.mark.browser


def _wait(driver, cond, timeout=15):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(cond)


def _by():
    from selenium.webdriver.common.by import By

    return By


def test_search_article_entity_navigation(driver, live_server):
    By = _by()
    driver.get(f"{live_server}/")
    box = driver.find_element(By.ID, "q")
    box.send_keys("smuggling boats")
    box.submit()
    link = _wait(driver, lambda d: d.find_element(By.LINK_TEXT, "Coastguard seizes two boats"))
    assert "smuggling" in driver.find_element(By.CSS_SELECTOR, ".snippet mark").text.lower()
    link.click()
    _wait(driver, lambda d: "/articles/harbour-1" in d.current_url)
    assert driver.find_element(By.TAG_NAME, "h1").text == "Coastguard seizes two boats"
    assert len(driver.find_elements(By.CSS_SELECTOR, "#article-text .hl-quote")) >= 2
    driver.find_element(By.CSS_SELECTOR, "#panel-quotes a.speaker").click()
    _wait(driver, lambda d: "/entities/" in d.current_url)
    assert driver.find_element(By.CSS_SELECTOR, "h1.entity-name").text == "Elena Marsh"
    said = driver.find_element(By.ID, "said").text
    assert "Our crews stopped both boats before dawn." in said


def _png_pixels(png: bytes):
    """RGB(A) rows of an 8-bit PNG (what chromium writes), without an image library."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and ctype in (2, 6)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        ftype, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 255
            elif ftype == 2:
                line[x] = (line[x] + b) & 255
            elif ftype == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return rows, bpp


def test_article_screenshot_shows_highlights(driver, live_server, tmp_path):
    By = _by()
    driver.get(f"{live_server}/articles/harbour-1")
    text = driver.find_element(By.ID, "article-text")
    quote = driver.find_element(By.CSS_SELECTOR, "#article-text .hl-quote.spk-0")
    assert quote.value_of_css_property("background-color") == "rgba(253, 226, 184, 1)"
    assert driver.find_element(By.CSS_SELECTOR, "#article-text .hl-place").value_of_css_property("outline-style") == "solid"
    png = text.screenshot_as_png
    (tmp_path / "article.png").write_bytes(png)
    rows, bpp = _png_pixels(png)
    quote_px = sum(1 for row in rows for x in range(0, len(row), bpp)
                   if abs(row[x] - 253) < 4 and abs(row[x + 1] - 226) < 4 and abs(row[x + 2] - 184) < 4)
    assert quote_px > 500, f"only {quote_px} quote-coloured pixels in the article screenshot"
    # unticking the quotes layer removes the colour (CSS :has, no script)
    driver.find_element(By.ID, "t-quote").click()
    assert quote.value_of_css_property("background-color") in ("rgba(0, 0, 0, 0)", "transparent")


def test_xss_article_is_inert(driver, live_server):
    By = _by()
    driver.get(f"{live_server}/articles/xss-1")
    body = driver.find_element(By.ID, "article-text")
    assert "<script>alert(1)</script>" in body.text
    assert "<img src=x onerror=alert(1)>" in body.text
    assert driver.find_elements(By.CSS_SELECTOR, "#article-text script, #article-text img, h1 script") == []
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("<script>alert('title')</script>")
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text


def test_csp_blocks_injected_inline_script(driver, live_server):
    driver.get(f"{live_server}/articles/harbour-1")
    driver.execute_script(
        "var s = document.createElement('script'); s.textContent = 'window.__inline_ran = 1';"
        "document.body.appendChild(s);")
    assert driver.execute_script("return window.__inline_ran === undefined") is True


def test_events_map_draws_offline_basemap_and_points(driver, live_server):
    By = _by()
    driver.get(f"{live_server}/events")
    svg = driver.find_element(By.ID, "map")
    _wait(driver, lambda d: svg.get_attribute("data-events-loaded") and svg.get_attribute("data-basemap-loaded"))
    assert svg.get_attribute("data-error") is None
    assert len(driver.find_elements(By.CSS_SELECTOR, "#map path.country")) > 150
    dots = driver.find_elements(By.CSS_SELECTOR, "#map circle.event-dot")
    assert len(dots) == 1 and dots[0].get_attribute("data-place") == "Port Avalon"
    # the point sits over eastern Europe: lon 35.3, lat 51.7 in the map's own projection
    assert abs(float(dots[0].get_attribute("cx")) - (35.3 + 180) / 360 * 960) < 1


def test_api_docs_render_offline_under_the_csp(driver, live_server):
    pytest.importorskip("swagger_ui", reason="swagger-ui-py not installed (scripts/ci_browser_setup.sh)")
    By = _by()
    driver.get(f"{live_server}/docs")
    _wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".opblock")) >= 7)
    paths = {e.text for e in driver.find_elements(By.CSS_SELECTOR, ".opblock-summary-path")}
    assert {"/api/articles", "/api/events", "/api/facets"} <= paths
