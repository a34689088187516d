// The explorer benchmark inside the page, run by ExplorerBenchmarkIT through WebDriver's executeAsyncScript.
// Arguments: the <liaison-referral-network> element, an action, its parameters, and WebDriver's callback.
//   'prepare', nodes, edges, seed: generates the picture and keeps its JSON in the page; answers its size
//   'draw', layout, zoom steps, pan steps, budget ms, picture: draws the kept picture ('whole', or 'grouped' as
//     set by the benchmark in window.liaisonExplorerBenchmark.grouped) with the layout, then zooms, pans and
//     zooms again, one step per frame, each sequence stopped early once it has taken the budget
const parameters = [...arguments];
const done = parameters.pop();
const [element, action, ...options] = parameters;

/** mulberry32: a small, deterministic pseudo-random generator. */
function generator(state) {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A picture shaped like the server's: node n0 is the focus, about 7% practices and 3% facilities, networks
 * 30/10/60, a spanning tree so that it is one piece, the other edges drawn towards low indexes (busy hubs),
 * physician to practice edges as memberships, heavy-tailed volumes and referrals.
 */
function picture(nodeCount, edgeCount, seed) {
  const next = generator(seed);
  const systems = ['Riverbend Health', 'Harbor Medical', 'North Shore Care', null, null];
  const nodes = [];
  for (let i = 0; i < nodeCount; i++) {
    const r = next();
    const kind = i > 0 && r < 0.03 ? 'FACILITY' : i > 0 && r < 0.1 ? 'PRACTICE' : 'PHYSICIAN';
    nodes.push({
      id: `n${i}`,
      kind,
      name: `${kind === 'PHYSICIAN' ? 'Physician' : kind === 'PRACTICE' ? 'Practice' : 'Facility'} ${i}`,
      detail: kind === 'PHYSICIAN' ? 'Family Medicine' : kind === 'FACILITY' ? 'HOSPITAL' : 'Practice',
      city: 'Quincy',
      network: i % 10 < 3 ? 'IN' : i % 10 === 3 ? 'AFFILIATED' : 'OUT',
      healthSystem: systems[i % systems.length],
      volume: i === 0 ? 0 : Math.floor(1 + 800 * Math.pow(next(), 4)),
      // the focus, its 25 busiest partners, and the rest beyond them (what grouping combines)
      hop: i === 0 ? 0 : i <= 25 ? 1 : 2,
    });
  }
  const edges = [];
  const seen = new Set();
  const add = (a, b) => {
    if (a === b || seen.has(`${a}>${b}`) || seen.has(`${b}>${a}`)) {
      return;
    }
    seen.add(`${a}>${b}`);
    const source = nodes[a];
    const target = nodes[b];
    if (source.kind === 'PHYSICIAN' && target.kind === 'PRACTICE') {
      edges.push({ source: source.id, target: target.id, type: 'PRACTICES_AT', referrals: 0, patients: 0, leaking: false });
      return;
    }
    const referrals = Math.floor(1 + 300 * Math.pow(next(), 3));
    const leaking = source.network !== 'OUT' && target.network === 'OUT';
    edges.push({
      source: source.id,
      target: target.id,
      type: 'REFERRED',
      referrals,
      patients: Math.max(1, Math.floor(referrals * 0.9)),
      leaking,
      leakingReferrals: leaking ? referrals : 0,
      revenueAtRisk: 0,
    });
  };
  for (let i = 1; i < nodeCount && edges.length < edgeCount; i++) {
    const parent = Math.floor(next() * Math.min(i, 50 + i / 4));
    if (next() < 0.5) {
      add(i, parent);
    } else {
      add(parent, i);
    }
  }
  while (edges.length < edgeCount) {
    add(Math.floor(next() * nodeCount), Math.floor(nodeCount * Math.pow(next(), 2)));
  }
  return { focusId: 'n0', from: '2025-11-01', to: '2026-11-01', nodes, edges, truncated: true, communities: {} };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Sets the picture and the layout, waits for the layout's end and then for the next frame to be painted. */
async function draw(layout, json) {
  element.removeAttribute('data-render-ms');
  element.incremental = false;
  const started = performance.now();
  element.layoutName = layout;
  element.picture = json;
  await element.updateComplete;
  while (!element.hasAttribute('data-render-ms')) {
    await frame();
  }
  const laidOut = performance.now() - started;
  // the first rAF after the layout is the frame Cytoscape draws in; the second starts once it was painted
  await frame();
  await frame();
  return { laidOut, painted: performance.now() - started, renderMs: Number(element.getAttribute('data-render-ms')) };
}

/** Runs one step per animation frame and answers the time between consecutive frames. */
async function frames(steps, step) {
  const times = [];
  let last = await frame();
  const deadline = last + budget;
  for (let i = 0; i < steps && last < deadline; i++) {
    step(i);
    const now = await frame();
    times.push(now - last);
    last = now;
  }
  return times;
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
  return { median: at(0.5), p95: at(0.95), worst: sorted[sorted.length - 1], times };
}

/**
 * Wheel turns over the middle of the canvas: in for the first half, out for the second. Uneven fractional
 * deltas, as a touchpad sends them, make Cytoscape zoom by the delta itself (about 12% a step once it has
 * sampled the first four) rather than by the small step of a mouse notch.
 */
async function wheel(surface) {
  const box = surface.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const before = element.cy.zoom();
  let deepest = before;
  const times = await frames(zoomSteps, (i) => {
    surface.dispatchEvent(new WheelEvent('wheel', {
      deltaY: (i < zoomSteps / 2 ? -1 : 1) * (40.1 + 0.2 * (i % 4)), deltaMode: 0, clientX: x, clientY: y, bubbles: true, cancelable: true,
      composed: true,
    }));
    deepest = Math.max(deepest, element.cy.zoom());
  });
  return { ...summary(times), from: before, deepest };
}

/** The same zoom in and out through cy.zoom: no bitmap shortcut, every frame drawn in full (labels too). */
async function redraw() {
  const cy = element.cy;
  const centre = { x: cy.width() / 2, y: cy.height() / 2 };
  const before = cy.zoom();
  let deepest = before;
  const times = await frames(zoomSteps, (i) => {
    cy.zoom({ level: cy.zoom() * (i < zoomSteps / 2 ? 1.12 : 1 / 1.12), renderedPosition: centre });
    deepest = Math.max(deepest, cy.zoom());
  });
  return { ...summary(times), from: before, deepest };
}

/** A mouse drag on the background: down where no node is, small moves to and fro, up. */
async function pan(surface) {
  const cy = element.cy;
  const box = surface.getBoundingClientRect();
  const boxes = cy.nodes().map((n) => n.renderedBoundingBox({}));
  let start = null;
  for (let gy = 0.2; gy <= 0.8 && !start; gy += 0.05) {
    for (let gx = 0.2; gx <= 0.8 && !start; gx += 0.05) {
      const x = box.width * gx;
      const y = box.height * gy;
      if (!boxes.some((b) => b.x1 - 4 <= x && x <= b.x2 + 4 && b.y1 - 4 <= y && y <= b.y2 + 4)) {
        start = { x, y };
      }
    }
  }
  if (!start) {
    return { median: NaN, p95: NaN, worst: NaN, times: [], note: 'no background to grab' };
  }
  const mouse = (type, x, y) => new MouseEvent(type, {
    clientX: box.left + x, clientY: box.top + y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true,
    cancelable: true, composed: true, view: window,
  });
  const before = { ...cy.pan() };
  surface.dispatchEvent(mouse('mousedown', start.x, start.y));
  let at = { ...start };
  const times = await frames(panSteps, (i) => {
    const direction = Math.floor(i / 20) % 2 === 0 ? 1 : -1;
    at = { x: at.x + 6 * direction, y: at.y + 3 * direction };
    window.dispatchEvent(mouse('mousemove', at.x, at.y));
  });
  window.dispatchEvent(mouse('mouseup', at.x, at.y));
  const after = cy.pan();
  return { ...summary(times), moved: Math.hypot(after.x - before.x, after.y - before.y) > 0 };
}

const [layout, zoomSteps, panSteps, budget, which] = action === 'draw' ? options : [];
const benchmark = window.liaisonExplorerBenchmark ??= { runs: 0 };

(async () => {
  try {
    if (action === 'prepare') {
      benchmark.json = JSON.stringify(picture(...options));
      const box = element.getBoundingClientRect();
      done({ json: benchmark.json.length, canvas: `${Math.round(box.width)}×${Math.round(box.height)}`,
        pixelRatio: window.devicePixelRatio });
      return;
    }
    // trailing blanks give each run a picture string of its own, so that each run draws afresh
    benchmark.runs++;
    const json = which === 'grouped' ? benchmark.grouped : benchmark.json;
    const timing = await draw(layout, json + ' '.repeat(benchmark.runs));
    const fit = {
      inView: Number(element.getAttribute('data-in-view')),
      overlaps: Number(element.getAttribute('data-node-overlaps')),
      groups: Number(element.getAttribute('data-group-count')),
      labels: Number(element.getAttribute('data-label-count')),
    };
    // Cytoscape draws the top canvas last: mouse events go to it as they would from a real pointer
    const canvases = element.shadowRoot.querySelectorAll('#canvas canvas');
    const surface = canvases[canvases.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const zooming = await wheel(surface);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const panning = await pan(surface);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const full = await redraw();
    done({
      layout,
      picture: which,
      ...fit,
      nodes: Number(element.getAttribute('data-node-count')),
      edges: Number(element.getAttribute('data-edge-count')),
      ...timing,
      wheel: zooming,
      pan: panning,
      redraw: full,
    });
  } catch (e) {
    done({ error: String(e && e.stack ? e.stack : e) });
  }
})();
