import { LitElement, css, html, PropertyValues } from 'lit';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement,
  Legend, Tooltip);

const PALETTE = ['#1565c0', '#d32f2f', '#f29900', '#2e7d32', '#6a1b9a', '#00838f', '#8a8f98', '#ad1457'];

interface ChartData {
  type: 'bar' | 'line';
  labels: string[];
  series: { name: string; values: number[] }[];
}

/**
 * A bar or line chart of report results, drawn with Chart.js. The server sets `chart` (JSON); the element
 * records how many series and categories it drew in `data-series-count` and `data-label-count`.
 */
export class ReportChart extends LitElement {
  static properties = {
    chart: { type: String },
  };

  static styles = css`
    :host {
      display: block;
      position: relative;
      height: 420px;
      min-height: 240px;
    }
    canvas {
      position: absolute;
      inset: 0;
    }
  `;

  chart = '';

  private instance?: Chart;

  render() {
    return html`<canvas part="canvas"></canvas>`;
  }

  updated(changed: PropertyValues) {
    if (changed.has('chart')) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.instance?.destroy();
    this.instance = undefined;
  }

  private draw() {
    const data: ChartData = this.chart ? JSON.parse(this.chart) : { type: 'bar', labels: [], series: [] };
    this.instance?.destroy();
    const canvas = this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
    this.instance = new Chart(canvas, {
      type: data.type,
      data: {
        labels: data.labels,
        datasets: data.series.map((s, i) => ({
          label: s.name,
          data: s.values,
          backgroundColor: PALETTE[i % PALETTE.length],
          borderColor: PALETTE[i % PALETTE.length],
          tension: 0.2,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { position: 'bottom' } },
        scales: data.type === 'bar' ? { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } : { y: { beginAtZero: true } },
      },
    });
    this.setAttribute('data-series-count', String(data.series.length));
    this.setAttribute('data-label-count', String(data.labels.length));
  }
}

customElements.define('liaison-report-chart', ReportChart);
