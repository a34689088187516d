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
 * the `data-node-count` and `data-edge-count` attributes.
 */
export class ReferralNetwork extends LitElement {
  static properties = {
    picture: { type: String },
    colorBy: { type: String },
    layoutName: { type: String },
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
  `;

  picture = '';
  /** network, system (health system) or community. */
  colorBy = 'network';
  /** concentric (by volume around the focus), force or hierarchy. */
  layoutName = 'concentric';

  private cy?: cytoscape.Core;
  private resizeObserver?: ResizeObserver;

  render() {
    return html`<div id="canvas" part="canvas"></div>`;
  }

  firstUpdated() {
    const container = this.renderRoot.querySelector('#canvas') as HTMLElement;
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.1,
      maxZoom: 4,
      wheelSensitivity: 0.3,
    });
    this.cy.on('tap', 'node', (event) => this.fire('node-select', event.target.id()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) {
        this.fire('node-select', null);
      }
    });
    this.cy.on('dbltap', 'node', (event) => this.fire('node-focus', event.target.id()));
    this.resizeObserver = new ResizeObserver(() => {
      this.cy?.resize();
      this.cy?.fit(undefined, 30);
    });
    this.resizeObserver.observe(this);
    this.draw();
  }

  updated(changed: PropertyValues) {
    if ((changed.has('picture') || changed.has('layoutName')) && this.cy) {
      this.draw();
    } else if (changed.has('colorBy') && this.cy) {
      this.colour(JSON.parse(this.picture || '{"nodes": []}'));
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.cy?.destroy();
    this.cy = undefined;
  }

  private draw() {
    const cy = this.cy!;
    const picture: Picture = this.picture
      ? JSON.parse(this.picture)
      : { focusId: null, nodes: [], edges: [], truncated: false };
    const maxReferrals = Math.max(1, ...picture.edges.map((e) => e.referrals));
    const maxVolume = Math.max(1, ...picture.nodes.map((n) => n.volume));

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
    });

    this.colour(picture);
    // Around a focus: rings by referral volume, the busiest partners closest; or a force layout, or a
    // hierarchy from the focus.
    const options = this.layoutName === 'hierarchy' && picture.focusId
      ? { name: 'breadthfirst', directed: true, roots: [picture.focusId], spacingFactor: 1.1 }
      : picture.focusId && this.layoutName !== 'force'
      ? {
          name: 'concentric',
          concentric: (node: cytoscape.NodeSingular) =>
            node.id() === picture.focusId ? Number.MAX_SAFE_INTEGER : node.data('volume'),
          levelWidth: () => Math.max(1, maxVolume / 3),
          minNodeSpacing: 28,
          avoidOverlap: true,
        }
      : {
          name: picture.nodes.length > 1 ? 'fcose' : 'grid',
          randomize: true,
          nodeRepulsion: () => 12000,
          idealEdgeLength: () => 120,
        };
    const layout = cy.layout({
      ...options,
      animate: picture.nodes.length <= 300,
      animationDuration: 400,
      fit: true,
      padding: 30,
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => this.recordCounts());
    layout.run();
    // The counts describe what is drawn, whether or not the animation has finished.
    this.recordCounts();
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

  private recordCounts() {
    if (!this.cy) {
      return;
    }
    this.setAttribute('data-node-count', String(this.cy.nodes().length));
    this.setAttribute('data-edge-count', String(this.cy.edges().length));
    this.dispatchEvent(new CustomEvent('rendered', { bubbles: true, composed: true }));
  }

  private fire(name: string, id: string | null) {
    this.dispatchEvent(new CustomEvent(name, { detail: { id }, bubbles: true, composed: true }));
  }
}

const STYLE: cytoscape.CytoscapeOptions['style'] = [
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
    selector: 'edge:selected',
    style: { label: 'data(label)', 'font-size': 10, 'text-background-color': '#fff', 'text-background-opacity': 1 },
  },
];

customElements.define('liaison-referral-network', ReferralNetwork);
