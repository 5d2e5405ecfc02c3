// Opens a kgraph HTML page from disk in Debian's Chromium (playwright-core, software WebGL,
// the browser offline) or, with KG_BROWSER=firefox, in Debian's Firefox ESR (puppeteer-core
// over WebDriver BiDi; run it under xvfb-run: headless Firefox has no WebGL here), and runs a
// plan of scripting-API calls; prints what it saw as JSON for tests/e2e/check_html.py, which
// checks it against networkx. Downloads are checked in Chromium only.
//   node check_html.js PAGE.html PLAN.json [SCREENSHOT.png | --bench]
// KG_HEADED=1 runs Chromium with a window (under xvfb-run), to compare with headless.
// PLAN: {"searches": [text...], "neighbourhoods": [[key, depth, kinds|null, dir]...],
//        "focus": [key|null, depth, kinds|null], "downloads": true}
"use strict";
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

async function main() {
  const [page_path, plan_path, extra] = process.argv.slice(2);
  const screenshot = extra && extra.endsWith(".png") ? extra : null;
  const plan = JSON.parse(fs.readFileSync(plan_path, "utf8"));
  const url = "file://" + path.resolve(page_path);
  const firefox = process.env.KG_BROWSER === "firefox";
  let browser;
  let page;
  if (firefox) {
    const puppeteer = require("puppeteer-core");
    browser = await puppeteer.launch({ browser: "firefox", executablePath: process.env.KG_FIREFOX || "/usr/bin/firefox-esr", headless: process.env.KG_HEADLESS === "1" });
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
  } else {
    browser = await chromium.launch({
      headless: process.env.KG_HEADED !== "1",
      executablePath: process.env.KG_CHROMIUM || "/usr/bin/chromium",
      // --expose-gc: the heap is read after a full collection; precise memory info: not bucketed.
      args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--js-flags=--expose-gc", "--enable-precise-memory-info"],
    });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    await context.setOffline(true);
    page = await context.newPage();
  }
  const out = { requests: [], console_errors: [], page_errors: [] };
  page.on("request", (r) => {
    const u = r.url();
    if (u !== url && !u.startsWith("blob:") && !u.startsWith("data:")) out.requests.push(u);
  });
  out.browser = firefox ? "firefox" : "chromium";
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") out.console_errors.push(m.type() + ": " + m.text());
  });
  page.on("pageerror", (e) => out.page_errors.push(String(e)));
  const t0 = Date.now();
  await page.goto(url);
  await page.evaluate(() => window.kgraph.ready);
  out.ready_ms = Date.now() - t0;
  if (screenshot) await page.screenshot({ path: screenshot }); // the first view (the README's picture)
  out.load_ms = await page.evaluate(() => window.kgraph.loadMs);
  out.timings = await page.evaluate(() => window.kgraph.timings);
  out.heap_bytes = await page.evaluate(() => {
    if (window.gc) window.gc();
    return performance.memory ? performance.memory.usedJSHeapSize : null;
  });
  out.counts = await page.evaluate(() => window.kgraph.counts());
  out.no_webgl = await page.evaluate(() => document.getElementById("kg-no-webgl") !== null);
  out.visible_at_start = (await page.evaluate(() => window.kgraph.visible())).length;
  out.searches = {};
  out.search_ms = {};
  for (const text of plan.searches || []) {
    const r = await page.evaluate((t) => {
      const start = performance.now();
      const hits = window.kgraph.search(t);
      return { hits, ms: performance.now() - start };
    }, text);
    out.searches[text] = r.hits;
    out.search_ms[text] = r.ms;
  }
  out.evidence = [];
  for (const [source, target, kind] of plan.evidence || []) {
    out.evidence.push(await page.evaluate(([s, t, k]) => window.kgraph.evidence(s, t, k), [source, target, kind]));
  }
  out.neighbourhoods = [];
  for (const [key, depth, kinds, dir] of plan.neighbourhoods || []) {
    out.neighbourhoods.push(await page.evaluate(([k, d, ks, di]) => window.kgraph.neighbourhood(k, d, ks || undefined, di), [key, depth, kinds, dir]));
  }
  if (plan.focus) {
    let [key, depth, kinds] = plan.focus;
    // No key: the best hit of the plan's longest search (bench/html_bench.py).
    if (key === null) key = out.searches[[...plan.searches].sort((a, b) => b.length - a.length)[0]][0];
    out.focus = await page.evaluate(([k, d, ks]) => {
      const start = performance.now();
      const shown = window.kgraph.focus(k, d, ks || undefined);
      return { shown, ms: performance.now() - start, count: shown.length };
    }, [key, depth, kinds]);
    out.visible_after_focus = await page.evaluate(() => window.kgraph.visible());
    out.state = await page.evaluate(() => window.kgraph.state());
    out.panel_text = await page.evaluate(() => document.getElementById("kg-panel").textContent);
    // A reload with the same hash gives the same view.
    await page.reload();
    await page.evaluate(() => window.kgraph.ready);
    out.state_after_reload = await page.evaluate(() => window.kgraph.state());
    out.visible_after_reload = await page.evaluate(() => window.kgraph.visible());
  }
  if (plan.typical_focus) {
    // A node from the middle of the display layer, depth 1 (bench/html_bench.py).
    out.typical_focus = await page.evaluate(() => {
      window.kgraph.reset();
      const shown = window.kgraph.visible();
      const key = shown[Math.floor(shown.length / 2)];
      const start = performance.now();
      const count = window.kgraph.focus(key, 1).length;
      return { ms: performance.now() - start, count };
    });
  }
  if (plan.downloads && !firefox) {
    out.downloads = {};
    for (const [button, name] of [["#kg-png", "png"], ["#kg-svg", "svg"], ["#kg-json", "json"]]) {
      const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
      const file = await download.path();
      out.downloads[name] = { file_name: download.suggestedFilename(), bytes: fs.statSync(file).size };
      if (name !== "png") out.downloads[name].text = fs.readFileSync(file, "utf8");
      else out.downloads[name].magic = fs.readFileSync(file).subarray(0, 8).toString("hex");
    }
  }
  if (plan.ui && !firefox) {
    // The page as a reader uses it: type, Enter, click a neighbour, change depth, kinds, legend, colour.
    const ui = {};
    const state = () => page.evaluate(() => window.kgraph.state());
    await page.evaluate(() => window.kgraph.reset());
    await page.fill("#kg-search", plan.ui.query);
    ui.result_keys = await page.$$eval("#kg-results li[data-key]", (items) => items.map((li) => li.dataset.key));
    // Hover: the mouse over the best hit highlights it and its neighbours.
    const at = await page.evaluate((k) => window.kgraph.position(k), ui.result_keys[0]);
    if (at) {
      await page.mouse.move(at.x, at.y);
      await page.waitForTimeout(100);
      ui.hover_key = ui.result_keys[0];
      ui.highlighted = await page.evaluate(() => window.kgraph.highlighted());
      await page.mouse.move(5, 5);
    }
    await page.press("#kg-search", "Enter");
    ui.after_enter = await state();
    ui.neighbour = await page.$eval("#kg-panel li[data-key]", (li) => li.dataset.key);
    await page.click("#kg-panel li[data-key]");
    ui.after_click = await state();
    await page.selectOption("#kg-depth", "2");
    ui.after_depth = await state();
    ui.visible_depth2 = await page.evaluate(() => window.kgraph.visible());
    await page.click('#kg-kinds input[data-kind="cooccurrence"]');
    ui.after_kind = await state();
    ui.visible_no_cooccurrence = await page.evaluate(() => window.kgraph.visible());
    await page.click('#kg-legend li[data-node-kind="article"]');
    ui.after_legend = await state();
    ui.visible_no_articles = await page.evaluate(() => window.kgraph.visible());
    await page.selectOption("#kg-color-by", "pagerank");
    ui.after_color = await state();
    out.ui = ui;
  }
  await browser.close();
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
