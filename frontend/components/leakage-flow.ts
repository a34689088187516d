import { LitElement, css, html, PropertyValues } from 'lit';
import * as echarts from 'echarts/core';
import { SankeyChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([SankeyChart, TooltipComponent, CanvasRenderer]);

interface Side {
  id: string;
  name: string;
  network: string;
  referrals: number;
  count: number;
}

interface Band {
  source: string;
  target: string;
  referrals: number;
  leaked: boolean;
  revenueAtRisk: number;
}

interface Flows {
  sources: Side[];
  destinations: Side[];
  bands: Band[];
  referrals: number;
  leaked: number;
  revenueAtRisk: number;
}

const NETWORK_COLOURS: Record<string, string> = {
  IN: '#1565c0',
  AFFILIATED: '#f29900',
  OUT: '#8a8f98',
};

const LEAKED = '#d32f2f';
const KEPT = '#9db4d3';

const number = (n: number) => Math.round(n).toLocaleString('en-US');
const money = (n: number) =>
  n >= 1e6 ? `$${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `$${Math.round(n / 1e3).toLocaleString('en-US')}k` : `$${Math.round(n)}`;

/**
 * The leakage flow view: a Sankey diagram (Apache ECharts) of a picture's referrals, from who sent them (left)
 * to where they went (right, by health system and network), leaked bands in red. The server sets `flows`
 * (JSON); a click on a band sends `band-select` with its source and target. Records `data-band-count`,
 * `data-referrals` (the bands' sum) and `data-leaked`.
 */
export class LeakageFlow extends LitElement {
  static properties = {
    flows: { type: String },
  };

  static styles = css`
    :host {
      display: block;
      position: relative;
      height: 560px;
      min-height: 280px;
    }
    #chart {
      position: absolute;
      inset: 0;
    }
  `;

  flows = '';

  private chart?: echarts.ECharts;
  private resizeObserver?: ResizeObserver;

  render() {
    return html`<div id="chart" part="chart"></div>`;
  }

  firstUpdated() {
    this.chart = echarts.init(this.renderRoot.querySelector('#chart') as HTMLElement, undefined,
      { renderer: 'canvas' });
    this.chart.on('click', (event: any) => {
      if (event.dataType === 'edge') {
        this.dispatchEvent(new CustomEvent('band-select', {
          detail: { source: event.data.source, target: event.data.target }, bubbles: true, composed: true,
        }));
      }
    });
    this.resizeObserver = new ResizeObserver(() => {
      if (this.clientWidth > 0 && this.clientHeight > 0) {
        this.chart?.resize();
        this.draw();
      }
    });
    this.resizeObserver.observe(this);
  }

  updated(changed: PropertyValues) {
    if (changed.has('flows') && this.chart) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  private draw() {
    if (!this.chart || this.clientWidth === 0) {
      return;
    }
    const flows: Flows = this.flows
      ? JSON.parse(this.flows)
      : { sources: [], destinations: [], bands: [], referrals: 0, leaked: 0, revenueAtRisk: 0 };
    const sides = new Map<string, Side>();
    [...flows.sources, ...flows.destinations].forEach((side) => sides.set(side.id, side));
    const narrow = this.clientWidth < 600;
    const labelWidth = narrow ? 110 : Math.min(250, Math.round(this.clientWidth * 0.26));
    this.chart.setOption({
      animation: false,
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params: any) => {
          if (params.dataType === 'edge') {
            const band = params.data as Band & { value: number };
            const from = sides.get(band.source)?.name ?? '';
            const to = sides.get(band.target)?.name ?? '';
            return `${escape(from)} → ${escape(to)}<br>${number(band.value)} referrals`
              + (band.leaked ? `, leaked out of network<br>revenue at risk ${money(band.revenueAtRisk)}` : ', kept');
          }
          const side = sides.get(params.data.name);
          return side ? `${escape(side.name)}<br>${number(side.referrals)} referrals` : '';
        },
      },
      series: [{
        type: 'sankey',
        left: labelWidth + 8,
        right: labelWidth + 8,
        top: 12,
        bottom: 12,
        nodeWidth: 14,
        nodeGap: narrow ? 6 : 10,
        nodeAlign: 'justify',
        layoutIterations: 32,
        draggable: false,
        emphasis: { focus: 'adjacency' },
        // a label that would lie on another is left out (the tooltip names every side)
        labelLayout: { hideOverlap: true },
        data: [...flows.sources.map((side) => ({ ...this.node(side), depth: 0, label: { position: 'left' } })),
          ...flows.destinations.map((side) => ({ ...this.node(side), depth: 1,
            label: { position: 'right' } }))],
        links: flows.bands.map((band) => ({
          ...band,
          value: band.referrals,
          lineStyle: { color: band.leaked ? LEAKED : KEPT, opacity: band.leaked ? 0.55 : 0.45 },
        })),
        label: {
          width: labelWidth,
          overflow: 'truncate',
          fontSize: 12,
          lineHeight: 15,
          color: '#1f2937',
          formatter: (params: any) => {
            const side = sides.get(params.name);
            if (!side) {
              return params.name;
            }
            // destinations: the health system on one line, its network and count on the next
            const parts = side.id.startsWith('to:') ? side.name.split(' · ') : [side.name];
            return parts.length === 2 ? `${parts[0]}\n${parts[1]} · ${number(side.referrals)}`
              : `${side.name} · ${number(side.referrals)}`;
          },
        },
        lineStyle: { curveness: 0.5 },
      }],
    }, true);
    this.setAttribute('data-band-count', String(flows.bands.length));
    this.setAttribute('data-referrals', String(flows.bands.reduce((sum, band) => sum + band.referrals, 0)));
    this.setAttribute('data-leaked', String(flows.bands.filter((b) => b.leaked)
      .reduce((sum, band) => sum + band.referrals, 0)));
    this.dispatchEvent(new CustomEvent('rendered', { bubbles: true, composed: true }));
  }

  private node(side: Side) {
    return {
      name: side.id,
      itemStyle: { color: NETWORK_COLOURS[side.network] ?? NETWORK_COLOURS.OUT, borderColor: '#fff' },
    };
  }
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

customElements.define('liaison-leakage-flow', LeakageFlow);
