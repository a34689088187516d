import { LitElement, css, html, PropertyValues } from 'lit';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

/** Colours of the `network` values; the legend in the Java view uses the same ones. */
const NETWORK_COLOURS: Record<string, string> = {
  IN: '#1565c0',
  AFFILIATED: '#f29900',
  OUT: '#8a8f98',
};

const SHAPES: Record<string, string> = {
  PHYSICIAN: 'ellipse',
  PRACTICE: 'round-rectangle',
  FACILITY: 'hexagon',
};

/** Colours for health systems and communities, in order of first appearance. */
const PALETTE = ['#1565c0', '#e8710a', '#188038', '#a142f4', '#d01884', '#129eaf', '#b06000', '#5f6368',
  '#7cb342', '#c5221f', '#3949ab', '#00897b'];

interface PictureNode {
  id: string;
  kind: string;
  name: string;
  detail: string | null;
  city: string | null;
  network: string;
  healthSystem: string | null;
  volume: number;
}

interface PictureEdge {
  source: string;
  target: string;
  type: string;
  referrals: number;
  patients: number;
  leaking: boolean;
}

/** A layout's name and its own options; draw() adds the common ones. */
type LayoutChoice = { name: string } & Record<string, unknown>;

interface Picture {
  focusId: string | null;
  nodes: PictureNode[];
  edges: PictureEdge[];
  truncated: boolean;
  communities?: Record<string, number>;
}

/**
 * Draws a referral network with Cytoscape.js. The server sets `picture` (JSON); the element tells the
 * server about clicks with `node-select` and double clicks with `node-focus`, and records what it drew in
 * the `data-node-count` and `data-edge-count` attributes, and in `data-render-ms` how long the last picture
 * took from being set to the end of its layout.
 *
 * A picture of more than LARGE_PICTURE nodes is drawn for speed: cheaper layouts and edges, labels only when
 * zoomed in, and a bitmap of the picture while panning and zooming (docs/explorer.md).
 */
export class ReferralNetwork extends LitElement {
  static properties = {
    picture: { type: String },
    colorBy: { type: String },
    layoutName: { type: String },
    sizeBy: { type: String },
    influence: { type: String },
    highlight: { type: String },
    incremental: { type: Boolean },
  };

  static styles = css`
    :host {
      display: block;
      position: relative;
      height: 560px;
      min-height: 240px;
    }
    #canvas {
      position: absolute;
      inset: 0;
    }
    .menu {
      position: absolute;
      z-index: 10;
      display: none;
      flex-direction: column;
      min-width: 11rem;
      background: #fff;
      border: 1px solid rgba(0, 0, 0, 0.12);
      border-radius: 8px;
      box-shadow: 0 4px 16px rgba(0, 0, 0, 0.16);
      padding: 4px 0;
      font: 14px/1.4 var(--lumo-font-family, system-ui, sans-serif);
    }
    .menu.open {
      display: flex;
    }
    .menu button {
      all: unset;
      padding: 6px 14px;
      cursor: pointer;
      color: #1f2937;
    }
    .menu button:hover,
    .menu button:focus-visible {
      background: rgba(21, 101, 192, 0.1);
    }
    .menu .title {
      padding: 4px 14px 6px;
      font-weight: 600;
      color: #4b5563;
      border-bottom: 1px solid rgba(0, 0, 0, 0.08);
      margin-bottom: 2px;
      max-width: 16rem;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `;

  picture = '';
  /** network, system (health system) or community. */
  colorBy = 'network';
  /** concentric (by volume around the focus), force or hierarchy. */
  layoutName = 'concentric';
  /** volume (referrals with the focus) or influence (reversed PageRank percentile, from `influence`). */
  sizeBy = 'volume';
  /** JSON map of node id to influence percentile (0 to 1). */
  influence = '';
  /** JSON {nodes: [ids], edges: [[source, target]]} of a report's paths to highlight; empty for none. */
  highlight = '';
  /** When set, the next picture keeps the positions of the nodes already drawn and lays out only new ones. */
  incremental = false;

  private cy?: cytoscape.Core;
  /** Whether the Cytoscape instance was started with the settings for large pictures. */
  private large = false;
  /** Counts draws, so that a layout still running from an earlier picture does not report its end. */
  private draws = 0;
  private resizeObserver?: ResizeObserver;
  private menuNode: string | null = null;

  render() {
    return html`<div id="canvas" part="canvas"></div>
      <div class="menu" role="menu" @click=${(e: Event) => this.menuClick(e)}>
        <div class="title"></div>
        <button data-action="expand" role="menuitem">Expand neighbours</button>
        <button data-action="collapse" role="menuitem">Collapse what it expanded</button>
        <button data-action="hide" role="menuitem">Hide</button>
        <button data-action="pin" role="menuitem">Pin in place</button>
        <button data-action="focus" role="menuitem">Focus here</button>
        <button data-action="profile" role="menuitem">Open profile</button>
      </div>`;
  }

  /** Opens the node menu (right click, long press, or from the server) at the node. */
  openMenu(id: string) {
    const node = this.cy?.getElementById(id);
    if (!node || node.empty()) {
      return;
    }
    this.menuNode = id;
    const menu = this.renderRoot.querySelector('.menu') as HTMLElement;
    (menu.querySelector('.title') as HTMLElement).textContent = node.data('label');
    (menu.querySelector('[data-action="pin"]') as HTMLElement).textContent = node.locked() ? 'Unpin' : 'Pin in place';
    const at = node.renderedPosition();
    menu.style.left = `${Math.min(at.x + 8, this.clientWidth - 190)}px`;
    menu.style.top = `${Math.min(at.y + 8, this.clientHeight - 230)}px`;
    menu.classList.add('open');
    (menu.querySelector('button') as HTMLElement).focus();
  }

  private closeMenu() {
    (this.renderRoot.querySelector('.menu') as HTMLElement)?.classList.remove('open');
  }

  private menuClick(e: Event) {
    const action = (e.target as HTMLElement).dataset?.action;
    const id = this.menuNode;
    this.closeMenu();
    if (!action || !id || !this.cy) {
      return;
    }
    if (action === 'pin') {
      const node = this.cy.getElementById(id);
      if (node.locked()) {
        node.unlock();
        node.removeClass('pinned');
      } else {
        node.lock();
        node.addClass('pinned');
      }
      this.setAttribute('data-pinned-count', String(this.cy.nodes('.pinned').length));
      return;
    }
    this.dispatchEvent(new CustomEvent('node-action', { detail: { id, action }, bubbles: true, composed: true }));
  }

  firstUpdated() {
    this.mount(false);
    this.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        this.closeMenu();
      }
    });
    this.resizeObserver = new ResizeObserver(() => {
      this.cy?.resize();
      this.cy?.fit(undefined, 30);
    });
    this.resizeObserver.observe(this);
    // the first update also runs updated(), which draws the picture
  }

  /**
   * Starts a Cytoscape instance for small or for large pictures: the renderer settings that keep a large
   * picture responsive (a bitmap of the picture while panning and zooming, edges hidden meanwhile, one device
   * pixel per CSS pixel) can only be chosen when Cytoscape starts. The viewport carries over.
   */
  private mount(large: boolean) {
    const container = this.renderRoot.querySelector('#canvas') as HTMLElement;
    const previous = this.cy;
    const viewport = previous ? { zoom: previous.zoom(), pan: { ...previous.pan() } } : {};
    previous?.destroy();
    this.large = large;
    this.cy = cytoscape({
      container,
      style: large ? [...STYLE, ...LARGE_STYLE] : STYLE,
      minZoom: large ? 0.02 : 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      ...(large ? { textureOnViewport: true, hideEdgesOnViewport: true, pixelRatio: 1 } : {}),
      ...viewport,
    });
    this.cy.on('tap', 'node', (event) => this.fire('node-select', event.target.id()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) {
        this.fire('node-select', null);
      }
    });
    this.cy.on('dbltap', 'node', (event) => this.fire('node-focus', event.target.id()));
    this.cy.on('cxttap taphold', 'node', (event) => this.openMenu(event.target.id()));
    this.cy.on('tap pan zoom', () => this.closeMenu());
  }

  updated(changed: PropertyValues) {
    if ((changed.has('picture') || changed.has('layoutName')) && this.cy) {
      this.draw();
    } else if (this.cy) {
      if (changed.has('colorBy')) {
        this.colour(JSON.parse(this.picture || '{"nodes": []}'));
      }
      if (changed.has('sizeBy') || changed.has('influence')) {
        this.size(JSON.parse(this.picture || '{"nodes": []}'));
      }
      if (changed.has('highlight')) {
        this.mark();
      }
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.cy?.destroy();
    this.cy = undefined;
  }

  private draw() {
    const started = performance.now();
    const run = ++this.draws;
    this.removeAttribute('data-render-ms');
    const picture: Picture = this.picture
      ? JSON.parse(this.picture)
      : { focusId: null, nodes: [], edges: [], truncated: false };
    const maxReferrals = picture.edges.reduce((max, e) => Math.max(max, e.referrals), 1);
    const maxVolume = picture.nodes.reduce((max, n) => Math.max(max, n.volume), 1);
    // an expansion, collapse or hide keeps what is drawn where it is
    const kept = new Map<string, { x: number; y: number }>();
    const pinned = new Set<string>();
    if (this.incremental) {
      this.cy!.nodes().forEach((n: cytoscape.NodeSingular) => {
        kept.set(n.id(), { ...n.position() });
        if (n.locked()) {
          pinned.add(n.id());
        }
      });
    }
    const large = picture.nodes.length > LARGE_PICTURE;
    if (large !== this.large) {
      this.mount(large);
    }
    const cy = this.cy!;
    // only the layout of the latest picture reports its end
    const finish = () => {
      if (run === this.draws) {
        this.recordCounts(started);
      }
    };

    cy.batch(() => {
      cy.elements().remove();
      cy.add(
        picture.nodes.map((n) => ({
          group: 'nodes' as const,
          data: {
            id: n.id,
            label: n.name,
            colour: NETWORK_COLOURS[n.network] ?? NETWORK_COLOURS.OUT,
            healthSystem: n.healthSystem,
            shape: SHAPES[n.kind] ?? 'ellipse',
            size: n.id === picture.focusId ? 56 : 22 + 30 * Math.sqrt(n.volume / maxVolume),
            network: n.network,
            kind: n.kind,
            volume: n.volume,
          },
          classes: n.id === picture.focusId ? 'focus' : '',
          ...(kept.has(n.id) ? { position: kept.get(n.id) } : {}),
        })),
      );
      cy.add(
        picture.edges.map((e, i) => ({
          group: 'edges' as const,
          data: {
            id: `e${i}`,
            source: e.source,
            target: e.target,
            referrals: e.referrals,
            width: e.type === 'REFERRED' ? 1 + 9 * Math.sqrt(e.referrals / maxReferrals) : 1,
            label: e.type === 'REFERRED' ? String(e.referrals) : '',
          },
          classes: [e.type === 'PRACTICES_AT' ? 'membership' : 'referral', e.leaking ? 'leaking' : ''].join(' '),
        })),
      );
      // in the same batch, so that Cytoscape works out the styles once
      this.colour(picture);
      this.size(picture);
      this.mark();
    });
    pinned.forEach((id) => cy.getElementById(id).lock().addClass('pinned'));
    if (this.incremental && kept.size > 0) {
      const fresh = cy.nodes().filter((n) => !kept.has(n.id()));
      if (fresh.empty()) {
        finish();
      } else if (large) {
        // a force layout over a large picture takes minutes: new nodes go round the drawn node they came with
        this.ringAroundAnchors(fresh, kept);
        finish();
      } else {
        // new nodes start beside a drawn neighbour, then a force layout places them around the fixed rest
        fresh.forEach((n) => {
          const anchor = n.neighborhood('node').filter((m) => kept.has(m.id())).first() as cytoscape.NodeSingular;
          const base = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
          n.position({ x: base.x + (Math.random() - 0.5) * 120, y: base.y + (Math.random() - 0.5) * 120 });
        });
        const incremental = cy.layout({
          name: 'fcose',
          randomize: false,
          animate: cy.nodes().length <= 300,
          animationDuration: 300,
          fit: false,
          fixedNodeConstraint: cy.nodes().filter((n) => kept.has(n.id()))
            .map((n: cytoscape.NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } })),
          nodeRepulsion: () => 12000,
          idealEdgeLength: () => 110,
        } as any);
        incremental.one('layoutstop', finish);
        incremental.run();
        this.recordCounts();
      }
      return;
    }
    const options = large ? this.largeLayout(picture) : this.smallLayout(picture, maxVolume);
    const layout = cy.layout({
      animate: picture.nodes.length <= 300,
      animationDuration: 400,
      fit: true,
      padding: 30,
      ...options,
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      if (large && options.name === 'fcose' && run === this.draws) {
        this.spread();
      }
      finish();
    });
    layout.run();
    // The counts describe what is drawn, whether or not the animation has finished.
    this.recordCounts();
  }

  /**
   * Around a focus: rings by referral volume, the busiest partners closest; or a force layout, or a hierarchy
   * from the focus.
   */
  private smallLayout(picture: Picture, maxVolume: number): LayoutChoice {
    if (this.layoutName === 'hierarchy' && picture.focusId) {
      return { name: 'breadthfirst', directed: true, roots: [picture.focusId], spacingFactor: 1.1 };
    }
    if (picture.focusId && this.layoutName !== 'force') {
      return {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) =>
          node.id() === picture.focusId ? Number.MAX_SAFE_INTEGER : node.data('volume'),
        levelWidth: () => Math.max(1, maxVolume / 3),
        minNodeSpacing: 28,
        avoidOverlap: true,
      };
    }
    return {
      name: picture.nodes.length > 1 ? 'fcose' : 'grid',
      randomize: true,
      nodeRepulsion: () => 12000,
      idealEdgeLength: () => 120,
    };
  }

  /**
   * The same three layouts for a large picture, each linear or close to it. Rings: the busiest partners
   * closest, but each ring holds a few more nodes than the one inside it (by volume rank), so the rings fill a
   * disc instead of one ring of a thousand nodes. Force: fcose's spectral draft only (its force refinement runs
   * thousands of iterations over every node: minutes), spread afterwards. Hierarchy: the breadth-first levels
   * of the small layout, each wrapped into rows.
   */
  private largeLayout(picture: Picture): LayoutChoice {
    const cy = this.cy!;
    if (this.layoutName === 'hierarchy' && picture.focusId) {
      const positions = this.wrappedLevels(picture.focusId);
      return { name: 'preset', positions: (node: cytoscape.NodeSingular) => positions.get(node.id()) };
    }
    if (picture.focusId && this.layoutName !== 'force') {
      const ring = new Map<string, number>();
      cy.nodes().sort((a, b) => b.data('volume') - a.data('volume') || (a.id() < b.id() ? -1 : 1))
        .forEach((node, rank) => {
          // ring k (from 0) holds RING_GROWTH * (k + 1) nodes
          ring.set(node.id(), Math.floor((Math.sqrt(1 + (8 * rank) / RING_GROWTH) - 1) / 2));
        });
      return {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) =>
          node.id() === picture.focusId ? 1 : -(ring.get(node.id()) ?? 0),
        levelWidth: () => 1,
        minNodeSpacing: 6,
        avoidOverlap: true,
      };
    }
    return { name: 'fcose', quality: 'draft', randomize: true, fit: false };
  }

  /**
   * Positions for a large hierarchy: breadth-first levels from the focus along the referrals' direction, as
   * the small layout has them (nodes it cannot reach on top), each level wrapped into rows, busiest first.
   */
  private wrappedLevels(focusId: string): Map<string, { x: number; y: number }> {
    const cy = this.cy!;
    const levels: cytoscape.NodeSingular[][] = [];
    const reached = new Set<string>();
    cy.elements().bfs({
      roots: cy.getElementById(focusId),
      directed: true,
      visit: (node, _edge, _previous, _index, depth) => {
        (levels[depth] ??= []).push(node);
        reached.add(node.id());
      },
    });
    const unreached = cy.nodes().filter((n) => !reached.has(n.id())).toArray() as cytoscape.NodeSingular[];
    if (unreached.length > 0) {
      levels.unshift(unreached);
    }
    const perRow = Math.max(20, Math.ceil(Math.sqrt(cy.nodes().length) * 2));
    const step = 64;
    const positions = new Map<string, { x: number; y: number }>();
    let y = 0;
    for (const level of levels) {
      level.sort((a, b) => b.data('volume') - a.data('volume'));
      for (let i = 0; i < level.length; i++) {
        const row = Math.floor(i / perRow);
        const inRow = Math.min(perRow, level.length - row * perRow);
        positions.set(level[i].id(), { x: ((i % perRow) - (inRow - 1) / 2) * step, y: y + row * step });
      }
      y += (Math.ceil(level.length / perRow) + 1) * step;
    }
    return positions;
  }

  /** Scales a spectral draft about its centre until each node has room of its own, then fits the view. */
  private spread() {
    const cy = this.cy!;
    const box = cy.nodes().boundingBox({ includeLabels: false });
    const wanted = Math.sqrt(cy.nodes().length) * 56;
    const factor = Math.max(1, wanted / Math.max(1, Math.max(box.w, box.h)));
    const cx = (box.x1 + box.x2) / 2;
    const cyy = (box.y1 + box.y2) / 2;
    cy.nodes().positions((node: cytoscape.NodeSingular) => {
      const p = node.position();
      return { x: cx + (p.x - cx) * factor, y: cyy + (p.y - cyy) * factor };
    });
    cy.fit(undefined, 30);
  }

  /** Places nodes added to a large picture on small rings round the drawn neighbour each came with. */
  private ringAroundAnchors(fresh: cytoscape.NodeCollection, kept: Map<string, { x: number; y: number }>) {
    const around = new Map<string, cytoscape.NodeSingular[]>();
    fresh.forEach((n: cytoscape.NodeSingular) => {
      const anchor = n.neighborhood('node').filter((m) => kept.has(m.id())).first();
      const key = anchor.nonempty() ? anchor.id() : '';
      around.set(key, [...(around.get(key) ?? []), n]);
    });
    around.forEach((nodes, anchorId) => {
      const centre = kept.get(anchorId) ?? { x: 0, y: 0 };
      const radius = Math.max(80, (nodes.length * 40) / (2 * Math.PI));
      nodes.forEach((n, i) => {
        const angle = (2 * Math.PI * i) / nodes.length;
        n.position({ x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
      });
    });
  }

  /** Colours nodes by the chosen rule; the server's legend explains it. */
  private colour(picture: Picture) {
    const cy = this.cy!;
    const keys: string[] = [];
    const colourOf = (key: string | null | undefined) => {
      if (key === null || key === undefined) {
        return NETWORK_COLOURS.OUT;
      }
      let index = keys.indexOf(key);
      if (index < 0) {
        keys.push(key);
        index = keys.length - 1;
      }
      return PALETTE[index % PALETTE.length];
    };
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        let colour: string;
        if (this.colorBy === 'system') {
          colour = colourOf(node.data('healthSystem'));
        } else if (this.colorBy === 'community') {
          const community = picture.communities?.[node.id()];
          colour = colourOf(community === undefined ? null : String(community));
        } else {
          colour = NETWORK_COLOURS[node.data('network')] ?? NETWORK_COLOURS.OUT;
        }
        node.data('colour', colour);
      });
    });
    this.setAttribute('data-color-count', String(new Set(cy.nodes().map((n) => n.data('colour'))).size));
  }

  /** Sizes nodes by referral volume with the focus, or by influence percentile. */
  private size(picture: Picture) {
    const cy = this.cy!;
    const maxVolume = Math.max(1, ...picture.nodes.map((n) => n.volume));
    const influence: Record<string, number> = this.influence ? JSON.parse(this.influence) : {};
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        if (node.id() === picture.focusId) {
          node.data('size', 56);
        } else if (this.sizeBy === 'influence') {
          node.data('size', 16 + 40 * (influence[node.id()] ?? 0));
        } else {
          node.data('size', 22 + 30 * Math.sqrt(node.data('volume') / maxVolume));
        }
      });
    });
    this.setAttribute('data-size-by', this.sizeBy);
  }

  /** Marks a report's paths: their nodes and the flows between them stand out, the rest fades. */
  private mark() {
    const cy = this.cy!;
    const highlight: { nodes: string[]; edges: [string, string][] } = this.highlight
      ? JSON.parse(this.highlight)
      : { nodes: [], edges: [] };
    const nodes = new Set(highlight.nodes);
    const edges = new Set(highlight.edges.map(([a, b]) => `${a}\u0000${b}`));
    cy.batch(() => {
      cy.elements().removeClass('highlighted faded');
      if (nodes.size === 0) {
        return;
      }
      cy.nodes().forEach((n) => {
        n.addClass(nodes.has(n.id()) ? 'highlighted' : 'faded');
      });
      cy.edges().forEach((e) => {
        e.addClass(edges.has(`${e.source().id()}\u0000${e.target().id()}`) ? 'highlighted' : 'faded');
      });
    });
    this.setAttribute('data-highlight-count', String(cy.nodes('.highlighted').length));
  }

  /** Downloads the picture as a PNG (twice the screen resolution, white background). */
  exportPng(fileName: string) {
    if (!this.cy) {
      return;
    }
    const blob = this.cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
    this.setAttribute('data-exported-bytes', String(blob.size));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }

  /** Records what is drawn; given when the draw started, also how long it took until the layout ended. */
  private recordCounts(started?: number) {
    if (!this.cy) {
      return;
    }
    this.setAttribute('data-node-count', String(this.cy.nodes().length));
    this.setAttribute('data-edge-count', String(this.cy.edges().length));
    if (started !== undefined) {
      this.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
    }
    this.dispatchEvent(new CustomEvent('rendered', { bubbles: true, composed: true }));
  }

  private fire(name: string, id: string | null) {
    this.dispatchEvent(new CustomEvent(name, { detail: { id }, bubbles: true, composed: true }));
  }
}

/** Above this many nodes a picture is large: cheaper layouts, edges and renderer settings keep it quick. */
const LARGE_PICTURE = 800;

/** In a large picture's rings, each ring holds this many more nodes than the one inside it. */
const RING_GROWTH = 8;

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(colour)',
      shape: 'data(shape)' as any,
      width: 'data(size)',
      height: 'data(size)',
      label: 'data(label)',
      'font-size': 10,
      'font-family': 'system-ui, sans-serif',
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  {
    selector: 'node.focus',
    style: {
      'border-width': 4,
      'border-color': '#0b3d91',
      'font-size': 12,
      'font-weight': 'bold',
    },
  },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#111827' },
  },
  {
    selector: 'edge.referral',
    style: {
      width: 'data(width)',
      'line-color': '#9db4d3',
      'target-arrow-color': '#9db4d3',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      opacity: 0.85,
    },
  },
  {
    selector: 'edge.leaking',
    style: {
      'line-color': '#d32f2f',
      'target-arrow-color': '#d32f2f',
      'line-style': 'dashed',
    },
  },
  {
    selector: 'edge.membership',
    style: {
      width: 1,
      'line-color': '#c7ccd4',
      'line-style': 'dotted',
      'target-arrow-shape': 'none',
      'curve-style': 'straight',
    },
  },
  {
    selector: 'node.pinned',
    style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#374151' },
  },
  {
    selector: '.faded',
    style: { opacity: 0.18 },
  },
  {
    selector: 'node.highlighted',
    style: { 'border-width': 4, 'border-color': '#6a1b9a', 'font-weight': 'bold', 'z-index': 9 },
  },
  {
    selector: 'edge.highlighted',
    style: { 'line-color': '#6a1b9a', 'target-arrow-color': '#6a1b9a', opacity: 1, 'z-index': 9 },
  },
  {
    selector: 'edge:selected',
    style: { label: 'data(label)', 'font-size': 10, 'text-background-color': '#fff', 'text-background-opacity': 1 },
  },
];

/**
 * Added after STYLE for large pictures: straight edges without arrows ("haystack", the cheapest kind), solid
 * instead of dashed or dotted (leaking flows stay red, memberships grey), and node labels only once zoomed in
 * far enough to read them.
 */
const LARGE_STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: { 'min-zoomed-font-size': 8 },
  },
  {
    selector: 'edge',
    style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none', 'line-style': 'solid' },
  },
];

customElements.define('liaison-referral-network', ReferralNetwork);
