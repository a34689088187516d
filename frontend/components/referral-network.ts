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
  GROUP: 'round-octagon',
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
  hop?: number;
  group?: string | null;
  members?: number;
}

interface PictureEdge {
  source: string;
  target: string;
  type: string;
  referrals: number;
  patients: number;
  leaking: boolean;
  leakingReferrals?: number;
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
  private zoomTimer = 0;
  /** Positions of every node when a group was opened, by group id: closing it again puts them back. */
  private beforeOpening = new Map<string, Map<string, { x: number; y: number }>>();

  render() {
    return html`<div id="canvas" part="canvas"></div>
      <div class="menu" role="menu" @click=${(e: Event) => this.menuClick(e)}>
        <div class="title"></div>
        <button data-action="open-group" role="menuitem">Open group</button>
        <button data-action="close-group" role="menuitem">Close its group</button>
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
    const isGroup = node.data('kind') === 'GROUP';
    menu.querySelectorAll('button').forEach((button) => {
      const action = (button as HTMLElement).dataset.action ?? '';
      const shown = action === 'open-group' ? isGroup
        : action === 'close-group' ? !isGroup && !!node.data('group')
        : action === 'pin' || !isGroup;
      (button as HTMLElement).style.display = shown ? '' : 'none';
    });
    const at = node.renderedPosition();
    menu.style.left = `${Math.min(at.x + 8, this.clientWidth - 190)}px`;
    menu.style.top = `${Math.min(at.y + 8, this.clientHeight - 230)}px`;
    menu.classList.add('open');
    (menu.querySelector('button:not([style*="none"])') as HTMLElement | null)?.focus();
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
      if (this.cy && this.clientWidth > 0 && this.clientHeight > 0) {
        this.cy.resize();
        this.fitView();
        this.declutter();
        this.measure();
      }
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
      // low enough that fitting never stops short of showing every node, even at 2,000 of them
      minZoom: 0.001,
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
    this.cy.on('dbltap', 'node', (event) => {
      if (event.target.data('kind') === 'GROUP') {
        this.dispatchEvent(new CustomEvent('node-action', { detail: { id: event.target.id(), action: 'open-group' },
          bubbles: true, composed: true }));
      } else {
        this.fire('node-focus', event.target.id());
      }
    });
    this.cy.on('mouseover', 'node', (event) => {
      const zoom = this.cy!.zoom();
      event.target.data({ font: LABEL_PX / zoom, labelWidth: LABEL_MAX_PX / zoom, labelGap: 3 / zoom });
      event.target.addClass('hovered');
    });
    this.cy.on('mouseout', 'node', (event) => event.target.removeClass('hovered'));
    this.cy.on('zoom', () => {
      clearTimeout(this.zoomTimer);
      this.zoomTimer = window.setTimeout(() => this.declutter(), 120);
    });
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
    // in a large picture only the busiest flows carry an arrowhead (thousands of them cost a second to paint)
    const arrowFrom = picture.edges.length <= ARROWED_FLOWS ? 0
      : picture.edges.map((e) => e.referrals).sort((a, b) => b - a)[ARROWED_FLOWS - 1];
    // an expansion, collapse, hide, or a group opened or closed keeps what is drawn where it is
    const kept = new Map<string, { x: number; y: number }>();
    const pinned = new Set<string>();
    if (this.incremental) {
      this.cy!.nodes().forEach((n: cytoscape.NodeSingular) => {
        kept.set(n.id(), { ...n.position() });
        if (n.locked()) {
          pinned.add(n.id());
        }
      });
    } else {
      this.beforeOpening.clear();
    }
    const ids = new Set(picture.nodes.map((n) => n.id));
    // a group that is no longer drawn was opened: remember the picture as it was, to restore it on closing
    kept.forEach((_p, id) => {
      if (id.startsWith('group:') && !ids.has(id)) {
        // copies: Cytoscape keeps the position objects it is given and moves them with the nodes
        this.beforeOpening.set(id, new Map([...kept].map(([key, p]) => [key, { ...p }])));
      }
    });
    const large = picture.nodes.length > LARGE_PICTURE;
    if (large !== this.large) {
      this.mount(large);
    }
    const cy = this.cy!;
    // only the layout of the latest picture reports its end
    const finish = (restored = false) => {
      if (run === this.draws) {
        this.settle(started, !restored);
      }
    };

    cy.batch(() => {
      cy.elements().remove();
      cy.add(
        picture.nodes.map((n) => ({
          group: 'nodes' as const,
          data: {
            id: n.id,
            label: n.kind === 'GROUP' ? `${n.name}\n${n.detail ?? `${n.members} members`}` : n.name,
            name: n.name,
            colour: NETWORK_COLOURS[n.network] ?? NETWORK_COLOURS.OUT,
            healthSystem: n.healthSystem,
            shape: SHAPES[n.kind] ?? 'ellipse',
            size: 22,
            network: n.network,
            kind: n.kind,
            volume: n.volume,
            hop: n.hop ?? 1,
            group: n.group ?? null,
            font: LABEL_PX,
            labelWidth: LABEL_MAX_PX,
            labelGap: 3,
          },
          // names are given to the nodes that have room for one once the picture is laid out
          classes: [n.id === picture.focusId ? 'focus' : '', n.kind === 'GROUP' ? 'group' : '', 'no-label'].join(' '),
          ...(kept.has(n.id) ? { position: { ...kept.get(n.id)! } } : {}),
        })),
      );
      cy.add(
        picture.edges.map((e, i) => {
          const share = e.referrals > 0 ? (e.leakingReferrals ?? (e.leaking ? e.referrals : 0)) / e.referrals : 0;
          return {
            group: 'edges' as const,
            data: {
              id: `e${i}`,
              source: e.source,
              target: e.target,
              referrals: e.referrals,
              leakShare: share,
              width: e.type === 'REFERRED' ? 1 + 9 * Math.sqrt(e.referrals / maxReferrals) : 1,
              label: e.type === 'REFERRED'
                ? `${e.referrals.toLocaleString('en-US')}${share > 0 && share < 1 ? ` · ${Math.round(share * 100)} % leaking` : ''}`
                : '',
            },
            classes: [e.type === 'PRACTICES_AT' ? 'membership' : 'referral',
              share >= 0.5 ? 'leaking' : share > 0 ? 'part-leaking' : '',
              e.referrals < arrowFrom ? 'minor' : ''].join(' '),
          };
        }),
      );
      // in the same batch, so that Cytoscape works out the styles once
      this.colour(picture);
      this.size(picture);
      this.mark();
    });
    pinned.forEach((id) => cy.getElementById(id)?.lock()?.addClass('pinned'));
    if (this.incremental && kept.size > 0) {
      const fresh = cy.nodes().filter((n) => !kept.has(n.id()));
      // a group closed again: everything goes back where it was before it was opened
      const restored = fresh.filter((n) => this.beforeOpening.has(n.id()));
      if (restored.nonempty()) {
        restored.forEach((group) => {
          const before = this.beforeOpening.get(group.id())!;
          this.beforeOpening.delete(group.id());
          cy.nodes().forEach((n) => {
            const p = before.get(n.id());
            if (p && !n.locked()) {
              n.position({ ...p });
            }
          });
        });
      }
      const unplaced = fresh.filter((n) => !restored.contains(n));
      if (unplaced.empty()) {
        // back exactly where everything was: nothing to push apart
        finish(restored.nonempty());
        return;
      }
      // an opened group's members fill a disc where the group was; the others go round a drawn neighbour
      const inGroup = unplaced.filter((n) => !!n.data('group') && kept.has(`group:${n.data('group')}`));
      this.discAt(inGroup, (n) => kept.get(`group:${n.data('group')}`)!);
      const rest = unplaced.filter((n) => !inGroup.contains(n));
      this.ringAroundAnchors(rest, kept);
      if (large || rest.empty() || rest.length > 60) {
        finish();
        return;
      }
      const incremental = cy.layout({
        name: 'fcose',
        randomize: false,
        animate: false,
        fit: false,
        fixedNodeConstraint: cy.nodes().filter((n) => kept.has(n.id()))
          .map((n: cytoscape.NodeSingular) => ({ nodeId: n.id(), position: { ...n.position() } })),
        nodeRepulsion: () => 12000,
        idealEdgeLength: () => 110,
      } as any);
      incremental.one('layoutstop', () => finish());
      incremental.run();
      return;
    }
    const options = large ? this.largeLayout(picture) : this.smallLayout(picture);
    const layout = cy.layout({
      animate: false,
      fit: false,
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
  }

  /**
   * After every layout, expansion, collapse or group opened: pushes overlapping nodes apart, fits the view to
   * the whole picture with padding, chooses which labels to show, and records what is drawn.
   */
  private settle(started: number, pushApart = true) {
    const cy = this.cy!;
    if (pushApart) {
      separate(cy.nodes(), cy.nodes().length <= 150 ? 26 : 6);
    }
    this.fitView();
    this.declutter();
    this.measure();
    this.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
    this.dispatchEvent(new CustomEvent('rendered', { bubbles: true, composed: true }));
  }

  /** Fits every node into the canvas with padding; a small picture is not blown up past a readable size. */
  private fitView() {
    const cy = this.cy!;
    if (cy.nodes().empty() || this.clientWidth === 0 || this.clientHeight === 0) {
      return;
    }
    const padding = Math.max(16, Math.min(48, Math.min(this.clientWidth, this.clientHeight) * 0.06));
    cy.fit(cy.nodes(), padding);
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center(cy.nodes());
    }
  }

  /**
   * Shows labels for the most important nodes first (the focus, groups, then by volume), each only where it
   * overlaps no label already shown and no other node; the rest show on hover or once zoomed in far enough.
   * Labels keep one size on screen whatever the zoom.
   */
  private declutter() {
    const cy = this.cy;
    if (!cy || cy.nodes().empty()) {
      return;
    }
    const zoom = cy.zoom();
    const width = this.clientWidth;
    const height = this.clientHeight;
    const taken = new Grid(48);
    cy.nodes().forEach((n) => taken.add(n.renderedBoundingBox({ includeLabels: false } as any), -1));
    const ranked = cy.nodes().sort((a, b) => importance(b) - importance(a) || (a.id() < b.id() ? -1 : 1));
    let shown = 0;
    const labelled: cytoscape.NodeSingular[] = [];
    const above = new Set<string>();
    ranked.forEach((n) => {
      const node = n.renderedBoundingBox({ includeLabels: false } as any);
      const lines = String(n.data('label') ?? '').split('\n');
      const text = lines.join('');
      const longest = Math.max(...lines.map((line) => line.length));
      const w = Math.min(LABEL_MAX_PX, longest * (LABEL_PX + 1) * 0.58) + 4;
      const h = lines.length * (LABEL_PX + 3) + 3;
      const cx = (node.x1 + node.x2) / 2;
      // below the node, else above it
      const below = { x1: cx - w / 2, y1: node.y2 + 1, x2: cx + w / 2, y2: node.y2 + 1 + h };
      const upper = { x1: cx - w / 2, y1: node.y1 - 1 - h, x2: cx + w / 2, y2: node.y1 - 1 };
      // the grid holds every node's box (tag -1) and the labels shown so far; the focus's and the groups'
      // labels may lie over other nodes (on their own background), never over another label
      const major = n.hasClass('focus') || n.hasClass('group');
      const fits = (box: Box) => (major || (box.x2 > 0 && box.x1 < width && box.y2 > 0 && box.y1 < height))
        && !taken.hits(box, (tag) => tag >= 0 || !major);
      const box = !text ? null : fits(below) ? below : fits(upper) ? upper : null;
      if (box) {
        taken.add(box, shown++);
        labelled.push(n);
        if (box === upper) {
          above.add(n.id());
        }
      }
    });
    // only the labelled nodes get a font for this zoom (names keep one size on screen); the styles of the
    // others change only when they lose or gain their name
    const named = new Set(labelled.map((n) => n.id()));
    cy.batch(() => {
      labelled.forEach((n) => {
        const font = (n.hasClass('focus') || n.hasClass('group') ? LABEL_PX + 1 : LABEL_PX) / zoom;
        if (n.data('font') !== font) {
          n.data({ font, labelWidth: LABEL_MAX_PX / zoom, labelGap: 3 / zoom });
        }
        n.removeClass('no-label');
        if (above.has(n.id()) !== n.hasClass('label-above')) {
          n.toggleClass('label-above', above.has(n.id()));
        }
      });
      cy.nodes().forEach((n) => {
        if (!named.has(n.id()) && !n.hasClass('no-label')) {
          n.addClass('no-label');
        }
      });
    });
    this.setAttribute('data-label-count', String(shown));
  }

  /** Records what is drawn, how much of it lies inside the canvas and how many nodes overlap. */
  private measure() {
    const cy = this.cy;
    if (!cy) {
      return;
    }
    const width = this.clientWidth;
    const height = this.clientHeight;
    let inView = 0;
    const boxes: { x1: number; y1: number; x2: number; y2: number }[] = [];
    cy.nodes().forEach((n) => {
      const b = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false } as any);
      boxes.push(b);
      if (b.x1 >= -0.5 && b.y1 >= -0.5 && b.x2 <= width + 0.5 && b.y2 <= height + 0.5) {
        inView++;
      }
    });
    this.setAttribute('data-node-count', String(cy.nodes().length));
    this.setAttribute('data-edge-count', String(cy.edges().length));
    this.setAttribute('data-group-count', String(cy.nodes('.group').length));
    this.setAttribute('data-in-view', String(inView));
    this.setAttribute('data-node-overlaps', String(countOverlaps(boxes)));
  }

  /** What is drawn where, for tests: every node's id and position (rounded), sorted by id. */
  describe(): string {
    const cy = this.cy;
    if (!cy) {
      return '';
    }
    return cy.nodes().map((n) => `${n.id()}@${Math.round(n.position('x'))},${Math.round(n.position('y'))}`)
      .sort().join(' ');
  }

  /**
   * Around a focus: rings, the focus in the middle, its partners around it busiest first, and what lies
   * beyond them (groups, the second hop) on the rings outside; or a force layout, or a hierarchy from the
   * focus.
   */
  private smallLayout(picture: Picture): LayoutChoice {
    if (this.layoutName === 'hierarchy' && picture.focusId) {
      const positions = this.wrappedLevels(picture.focusId, 120, 96);
      return { name: 'preset', positions: (node: cytoscape.NodeSingular) => positions.get(node.id()) };
    }
    if (picture.focusId && this.layoutName !== 'force') {
      return this.rings(picture.focusId, 10, 20);
    }
    return {
      name: picture.nodes.length > 1 ? 'fcose' : 'grid',
      randomize: true,
      quality: picture.nodes.length > 300 ? 'draft' : 'default',
      nodeRepulsion: () => 40000,
      idealEdgeLength: () => 150,
      nodeSeparation: 90,
    };
  }

  /**
   * Rings round the focus: each hop on rings of its own, outside the hop before, the busiest nearest; each
   * ring holds `growth` more nodes than the one inside it, so that a large picture fills a disc.
   */
  private rings(focusId: string, growth: number, spacing: number): LayoutChoice {
    const cy = this.cy!;
    const ring = new Map<string, number>();
    let offset = 0;
    const byHop = new Map<number, cytoscape.NodeSingular[]>();
    cy.nodes().forEach((n) => {
      const hop = n.id() === focusId ? 0 : Math.max(1, Number(n.data('hop') ?? 1));
      byHop.set(hop, [...(byHop.get(hop) ?? []), n]);
    });
    [...byHop.keys()].sort((a, b) => a - b).forEach((hop) => {
      const nodes = byHop.get(hop)!;
      nodes.sort((a, b) => b.data('volume') - a.data('volume') || (a.id() < b.id() ? -1 : 1));
      let last = 0;
      nodes.forEach((node, rank) => {
        // ring k (from 0) of this hop holds growth * (k + 1) nodes; the focus's hop is one ring
        const k = hop === 0 ? 0 : Math.floor((Math.sqrt(1 + (8 * rank) / growth) - 1) / 2);
        ring.set(node.id(), offset + k);
        last = Math.max(last, k);
      });
      offset += last + 1;
    });
    return {
      name: 'concentric',
      concentric: (node: cytoscape.NodeSingular) => -(ring.get(node.id()) ?? 0),
      levelWidth: () => 1,
      minNodeSpacing: spacing,
      avoidOverlap: true,
      startAngle: (3 / 2) * Math.PI,
    };
  }

  /**
   * The same three layouts for a large picture, each linear or close to it. Rings as for a small picture,
   * closer together. Force: fcose's spectral draft only (its force refinement runs thousands of iterations
   * over every node: minutes), spread afterwards. Hierarchy: the breadth-first levels of the small layout,
   * each wrapped into rows.
   */
  private largeLayout(picture: Picture): LayoutChoice {
    if (this.layoutName === 'hierarchy' && picture.focusId) {
      const positions = this.wrappedLevels(picture.focusId, 64, 64);
      return { name: 'preset', positions: (node: cytoscape.NodeSingular) => positions.get(node.id()) };
    }
    if (picture.focusId && this.layoutName !== 'force') {
      return this.rings(picture.focusId, RING_GROWTH, 6);
    }
    return { name: 'fcose', quality: 'draft', randomize: true, fit: false, packComponents: false, sampleSize: 15,
      nodeDimensionsIncludeLabels: false, uniformNodeDimensions: true };
  }

  /**
   * Positions for a large hierarchy: breadth-first levels from the focus along the referrals' direction, as
   * the small layout has them (nodes it cannot reach on top), each level wrapped into rows, busiest first.
   */
  private wrappedLevels(focusId: string, stepX: number, stepY: number): Map<string, { x: number; y: number }> {
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
    // rows about as wide as the canvas is, relative to its height
    const aspect = this.clientWidth > 0 && this.clientHeight > 0 ? this.clientWidth / this.clientHeight : 1.6;
    const perRow = Math.max(6, Math.ceil(Math.sqrt(cy.nodes().length * aspect * (stepY / stepX)) * 1.2));
    const positions = new Map<string, { x: number; y: number }>();
    let y = 0;
    for (const level of levels) {
      level.sort((a, b) => b.data('volume') - a.data('volume'));
      // groups carry two-line labels: their rows get more room
      const groups = level.some((n) => n.data('kind') === 'GROUP');
      const across = groups ? Math.max(stepX, 190) : stepX;
      const down = groups ? stepY * 1.3 : stepY;
      for (let i = 0; i < level.length; i++) {
        const row = Math.floor(i / perRow);
        const inRow = Math.min(perRow, level.length - row * perRow);
        positions.set(level[i].id(), { x: ((i % perRow) - (inRow - 1) / 2) * across, y: y + row * down });
      }
      y += (Math.ceil(level.length / perRow) + 0.6) * down;
    }
    return positions;
  }

  /** Scales a spectral draft about its centre until each node has room of its own, then fits the view. */
  private spread() {
    const cy = this.cy!;
    const box = cy.nodes().boundingBox({ includeLabels: false });
    const wanted = Math.sqrt(cy.nodes().length) * 84;
    const factor = Math.max(1, wanted / Math.max(1, Math.max(box.w, box.h)));
    const cx = (box.x1 + box.x2) / 2;
    const cyy = (box.y1 + box.y2) / 2;
    cy.nodes().positions((node: cytoscape.NodeSingular) => {
      const p = node.position();
      return { x: cx + (p.x - cx) * factor, y: cyy + (p.y - cyy) * factor };
    });
  }

  /** Places nodes on a sunflower disc round the centre each is given (an opened group's members where it was). */
  private discAt(nodes: cytoscape.NodeCollection, centreOf: (n: cytoscape.NodeSingular) => { x: number; y: number }) {
    const byCentre = new Map<string, cytoscape.NodeSingular[]>();
    nodes.forEach((n: cytoscape.NodeSingular) => {
      const c = centreOf(n);
      const key = `${c.x},${c.y}`;
      byCentre.set(key, [...(byCentre.get(key) ?? []), n]);
    });
    byCentre.forEach((members) => {
      const centre = centreOf(members[0]);
      members.sort((a, b) => b.data('volume') - a.data('volume'));
      const step = Math.max(...members.map((m) => m.outerWidth())) * 0.75 + 8;
      members.forEach((n, i) => {
        const r = step * Math.sqrt(i + 0.5);
        const angle = i * 2.39996;
        n.position({ x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) });
      });
    });
  }

  /**
   * Places added nodes on small rings round what they came from: the place given by `anchorOf` (an opened
   * group's), else the drawn neighbour each came with.
   */
  private ringAroundAnchors(fresh: cytoscape.NodeCollection, kept: Map<string, { x: number; y: number }>,
                            anchorOf: (n: cytoscape.NodeSingular) => string | null = () => null) {
    const around = new Map<string, cytoscape.NodeSingular[]>();
    fresh.forEach((n: cytoscape.NodeSingular) => {
      let key = anchorOf(n);
      if (key === null) {
        const anchor = n.neighborhood('node').filter((m) => kept.has(m.id())).first();
        key = anchor.nonempty() ? anchor.id() : '';
      }
      around.set(key, [...(around.get(key) ?? []), n]);
    });
    around.forEach((nodes, anchorId) => {
      const centre = kept.get(anchorId) ?? { x: 0, y: 0 };
      const radius = Math.max(60, (nodes.length * 44) / (2 * Math.PI));
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
    // groups sum their members' volumes: individual nodes are sized against the busiest individual
    const maxVolume = Math.max(1, ...picture.nodes.filter((n) => n.kind !== 'GROUP').map((n) => n.volume));
    const maxGroup = Math.max(1, ...picture.nodes.filter((n) => n.kind === 'GROUP').map((n) => n.volume));
    const influence: Record<string, number> = this.influence ? JSON.parse(this.influence) : {};
    cy.batch(() => {
      cy.nodes().forEach((node) => {
        if (node.id() === picture.focusId) {
          node.data('size', 56);
        } else if (node.data('kind') === 'GROUP') {
          node.data('size', 34 + 40 * Math.sqrt(node.data('volume') / maxGroup));
        } else if (this.sizeBy === 'influence') {
          node.data('size', 16 + 40 * (influence[node.id()] ?? 0));
        } else {
          node.data('size', 22 + 30 * Math.sqrt(Math.min(1, node.data('volume') / maxVolume)));
        }
      });
    });
    this.setAttribute('data-size-by', this.sizeBy);
    if (!this.incremental) {
      // sizes changed without a new layout: keep nodes apart and the labels readable
      queueMicrotask(() => {
        if (this.cy && this.getAttribute('data-render-ms') !== null) {
          separate(this.cy.nodes(), 6);
          this.declutter();
          this.measure();
        }
      });
    }
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
      'font-size': 'data(font)' as any,
      'font-family': 'system-ui, sans-serif',
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 'data(labelGap)' as any,
      'text-wrap': 'ellipsis',
      'text-max-width': 'data(labelWidth)' as any,
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
      'font-weight': 'bold',
      // its name lies over other nodes, never under them
      'z-index': 12,
    },
  },
  {
    selector: 'node.group',
    style: {
      'background-opacity': 0.8,
      'border-width': 2,
      'border-style': 'dashed',
      'border-color': '#374151',
      'font-weight': 'bold',
      'z-index': 11,
    },
  },
  {
    selector: 'node.group',
    style: { 'text-wrap': 'wrap' },
  },
  {
    selector: 'node.label-above',
    style: { 'text-valign': 'top', 'text-margin-y': (n: cytoscape.NodeSingular) => -Number(n.data('labelGap') ?? 3) },
  },
  {
    selector: 'node.no-label',
    style: { label: '' },
  },
  {
    selector: 'node.hovered, node:selected',
    style: { label: 'data(label)', 'z-index': 20, 'text-background-opacity': 1 },
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
    selector: 'edge.part-leaking',
    style: {
      'line-color': '#e57373',
      'target-arrow-color': '#d32f2f',
      'line-style': 'dashed',
      'line-dash-pattern': [2, 4],
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
 * Added after STYLE for large pictures: straight edges of the cheapest kind ("haystack"), which show their
 * direction with an arrowhead half-way along, solid instead of dashed or dotted (leaking flows stay red,
 * memberships grey).
 */
const LARGE_STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'edge',
    style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none',
      'mid-target-arrow-shape': 'triangle', 'mid-target-arrow-color': '#7f9cc4', 'arrow-scale': 0.7,
      'line-style': 'solid' },
  },
  {
    selector: 'edge.leaking',
    style: { 'mid-target-arrow-color': '#d32f2f' },
  },
  {
    selector: 'edge.membership, edge.minor',
    style: { 'mid-target-arrow-shape': 'none' },
  },
];

/** In a large picture, this many of the busiest flows show their direction with an arrowhead. */
const ARROWED_FLOWS = 1500;

/** Labels are this many CSS pixels high on screen, whatever the zoom, and at most LABEL_MAX_PX wide. */
const LABEL_PX = 11;
const LABEL_MAX_PX = 170;

/** Fitting a small picture zooms in no further than this. */
const MAX_FIT_ZOOM = 1.6;

type Box = { x1: number; y1: number; x2: number; y2: number };

/** A uniform grid over boxes, for finding which of them a box overlaps without comparing every pair. */
class Grid {
  private cells = new Map<string, { box: Box; tag: number }[]>();

  constructor(private readonly cell: number) {}

  add(box: Box, tag: number) {
    this.each(box, (key) => {
      const list = this.cells.get(key);
      if (list) {
        list.push({ box, tag });
      } else {
        this.cells.set(key, [{ box, tag }]);
      }
    });
  }

  /** Whether the box overlaps a box added with a tag that `counts` accepts. */
  hits(box: Box, counts: (tag: number) => boolean): boolean {
    let hit = false;
    this.each(box, (key) => {
      if (!hit) {
        hit = (this.cells.get(key) ?? []).some((other) => counts(other.tag) && overlaps(box, other.box));
      }
    });
    return hit;
  }

  private each(box: Box, visit: (key: string) => void) {
    const c = this.cell;
    for (let x = Math.floor(box.x1 / c); x <= Math.floor(box.x2 / c); x++) {
      for (let y = Math.floor(box.y1 / c); y <= Math.floor(box.y2 / c); y++) {
        visit(`${x},${y}`);
      }
    }
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** How many pairs of boxes overlap (a sweep along x: near-linear for boxes spread over a picture). */
function countOverlaps(boxes: Box[]): number {
  const sorted = [...boxes].sort((a, b) => a.x1 - b.x1);
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j].x1 < sorted[i].x2; j++) {
      if (overlaps(sorted[i], sorted[j])) {
        count++;
      }
    }
  }
  return count;
}

/** The focus first, then groups, then nodes by referral volume. */
function importance(n: cytoscape.NodeSingular): number {
  if (n.hasClass('focus')) {
    return Number.MAX_SAFE_INTEGER;
  }
  return (n.data('kind') === 'GROUP' ? 1e12 : 0) + (4 - Math.min(3, Number(n.data('hop') ?? 1))) * 1e10
    + Number(n.data('volume') ?? 0);
}

/**
 * Pushes overlapping nodes apart until no two boxes overlap (with `gap` between them), moving pinned nodes
 * never; gives up after a few hundred rounds, which only a pathological picture needs.
 */
function separate(nodes: cytoscape.NodeCollection, gap: number) {
  const count = nodes.length;
  if (count < 2) {
    return;
  }
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const rs = new Float64Array(count);
  const fixed = new Uint8Array(count);
  nodes.forEach((n, i) => {
    const p = n.position();
    xs[i] = p.x;
    ys[i] = p.y;
    rs[i] = n.outerWidth() / 2 + gap / 2;
    fixed[i] = n.locked() ? 1 : 0;
  });
  let maxR = 0;
  rs.forEach((r) => {
    maxR = Math.max(maxR, r);
  });
  const cell = maxR * 2;
  // cells as numbers (x * PRIME + y) in one map of index lists, rebuilt each round
  const PRIME = 1_000_003;
  const grid = new Map<number, number[]>();
  for (let round = 0; round < 400; round++) {
    grid.clear();
    for (let i = 0; i < count; i++) {
      const key = Math.floor(xs[i] / cell) * PRIME + Math.floor(ys[i] / cell);
      const list = grid.get(key);
      if (list) {
        list.push(i);
      } else {
        grid.set(key, [i]);
      }
    }
    let moved = false;
    for (let ia = 0; ia < count; ia++) {
      const gx = Math.floor(xs[ia] / cell);
      const gy = Math.floor(ys[ia] / cell);
      for (let dx = -1; dx <= 1; dx++) {
        for (let dy = -1; dy <= 1; dy++) {
          const list = grid.get((gx + dx) * PRIME + gy + dy);
          if (!list) {
            continue;
          }
          for (const ib of list) {
            if (ib <= ia) {
              continue;
            }
            const need = rs[ia] + rs[ib];
            const ox = need - Math.abs(xs[ia] - xs[ib]);
            const oy = need - Math.abs(ys[ia] - ys[ib]);
            if (ox <= 0 || oy <= 0) {
              continue;
            }
            moved = true;
            // push apart along the line between the centres, far enough to clear the cheaper axis (a little
            // more, so that it ends), each node half of it unless the other is pinned
            let ddx = xs[ia] - xs[ib];
            let ddy = ys[ia] - ys[ib];
            if (ddx === 0 && ddy === 0) {
              ddx = ia % 2 === 0 ? 1 : -1;
              ddy = 0.5;
            }
            const length = Math.hypot(ddx, ddy);
            const ux = ddx / length;
            const uy = ddy / length;
            const along = (Math.min(ox, oy) + 1) / Math.max(0.35, ox < oy ? Math.abs(ux) : Math.abs(uy));
            const share = fixed[ia] ? 0 : fixed[ib] ? 1 : 0.5;
            const other = fixed[ib] ? 0 : fixed[ia] ? 1 : 0.5;
            xs[ia] += ux * along * share;
            ys[ia] += uy * along * share;
            xs[ib] -= ux * along * other;
            ys[ib] -= uy * along * other;
          }
        }
      }
    }
    if (!moved) {
      break;
    }
  }
  (nodes as any).cy().batch(() => nodes.forEach((n: cytoscape.NodeSingular, i: number) => {
    if (!fixed[i]) {
      n.position({ x: xs[i], y: ys[i] });
    }
  }));
}

customElements.define('liaison-referral-network', ReferralNetwork);
