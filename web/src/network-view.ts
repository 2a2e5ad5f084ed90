/**
 * The network drawn by sigma.js (WebGL): pan and zoom come with sigma, hover shows details, a click selects.
 * Highlighting (selection, path) is done with sigma's reducers, so it never rebuilds the graph.
 */
import Sigma from 'sigma';
import { EdgeLineProgram, EdgeRectangleProgram } from 'sigma/rendering';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { buildNetworkGraph, type AllianceAttributes, type NationAttributes, type NetworkGraph } from '../../src/export/graph.ts';
import { OBLIGATION_LABELS } from '../../src/export/palette.ts';
import { h } from './dom.ts';

export interface NetworkViewHandlers {
  onNation(code: string): void;
  onAlliance(a: string, b: string, treatyIds: string[]): void;
  onBackground(): void;
}

const DIM_NODE = '#e4e4e4';
const DIM_EDGE = '#efefef';
const PATH_COLOR = '#111111';

export class NetworkView {
  private readonly sigma: Sigma<NationAttributes, AllianceAttributes>;
  private graph: NetworkGraph;
  private selected: string | null = null;
  private neighbours = new Set<string>();
  private hovered: string | null = null;
  private pathNodes = new Set<string>();
  private pathEdges = new Set<string>();

  constructor(private readonly container: HTMLElement, private readonly tooltip: HTMLElement, handlers: NetworkViewHandlers) {
    this.graph = buildNetworkGraph({ filters: { asOf: '', obligations: [], sources: 'all', region: null }, nodes: [], edges: [] });
    this.sigma = new Sigma<NationAttributes, AllianceAttributes>(this.graph, container, {
      enableEdgeEvents: true,
      // The network sits in a hidden container while the map is shown.
      allowInvalidContainer: true,
      // Thousands of one-pixel lines cost a fraction of thick quads to draw (a software-rendered frame of
      // ATOP's network drops by half); only highlighted edges get the thick program.
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeLineProgram, thick: EdgeRectangleProgram },
      zIndex: true,
      labelRenderedSizeThreshold: 9,
      labelDensity: 0.6,
      labelFont: 'system-ui, sans-serif',
      minEdgeThickness: 0.6,
      stagePadding: 24,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => this.reduceEdge(edge, data),
    });
    // The panel opening or closing resizes the stage; sigma only watches the window.
    new ResizeObserver(() => {
      this.sigma.resize();
      this.sigma.scheduleRefresh();
    }).observe(container);
    this.sigma.on('clickNode', ({ node }) => handlers.onNation(node));
    this.sigma.on('clickEdge', ({ edge }) => {
      const [a, b] = this.graph.extremities(edge);
      handlers.onAlliance(a, b, this.graph.getEdgeAttribute(edge, 'treatyIds'));
    });
    this.sigma.on('clickStage', () => handlers.onBackground());
    this.sigma.on('enterNode', ({ node, event }) => {
      this.hovered = node;
      this.showTooltip(this.nodeTooltip(node), event.x, event.y);
      this.container.style.cursor = 'pointer';
      this.sigma.scheduleRefresh({ layoutUnchange: true });
    });
    this.sigma.on('leaveNode', () => {
      this.hovered = null;
      this.hideTooltip();
      this.container.style.cursor = '';
      this.sigma.scheduleRefresh({ layoutUnchange: true });
    });
    this.sigma.on('enterEdge', ({ edge, event }) => {
      this.showTooltip(this.edgeTooltip(edge), event.x, event.y);
      this.container.style.cursor = 'pointer';
    });
    this.sigma.on('leaveEdge', () => {
      this.hideTooltip();
      this.container.style.cursor = '';
    });
  }

  /**
   * Draws a network laid out by the worker, with the path (if any) highlighted: one render, since a
   * software-rendered frame of thousands of edges is the costliest step on the main thread.
   */
  setNetwork(graph: NetworkGraph, path: string[] | null): NetworkGraph {
    this.graph = graph;
    this.updateNeighbours();
    this.computePath(path);
    // A small network shows every name; a large one the names of the nations with the most allies.
    const threshold = graph.order <= 60 ? 0 : 8;
    if (this.sigma.getSetting('labelRenderedSizeThreshold') !== threshold) this.sigma.setSetting('labelRenderedSizeThreshold', threshold);
    this.sigma.setGraph(graph);
    return graph;
  }

  get current(): NetworkGraph {
    return this.graph;
  }

  select(code: string | null): void {
    if (code === this.selected) return;
    this.selected = code;
    this.updateNeighbours();
    this.sigma.scheduleRefresh({ layoutUnchange: true });
  }

  /** Highlights a path given as nation codes in order; null clears it. */
  setPath(codes: string[] | null): void {
    this.computePath(codes);
    this.sigma.scheduleRefresh({ layoutUnchange: true });
  }

  private computePath(codes: string[] | null): void {
    this.pathNodes = new Set(codes ?? []);
    this.pathEdges = new Set();
    if (codes) {
      for (let i = 1; i < codes.length; i++) {
        const a = codes[i - 1];
        const b = codes[i];
        if (a && b && this.graph.hasNode(a) && this.graph.hasNode(b)) {
          const edge = this.graph.edge(a, b);
          if (edge) this.pathEdges.add(edge);
        }
      }
    }
  }

  /** Where a nation is drawn, in CSS pixels relative to the container (for tests and the map link). */
  viewportPosition(code: string): { x: number; y: number } | null {
    if (!this.graph.hasNode(code)) return null;
    const { x, y } = this.graph.getNodeAttributes(code);
    return this.sigma.graphToViewport({ x, y });
  }

  /** Moves the camera so these nations fill the view (the whole graph when they are spread wide). */
  focus(codes: string[]): void {
    // Camera states are in sigma's framed-graph coordinates: convert from the graph's own through the viewport.
    const points = codes.filter((c) => this.graph.hasNode(c)).map((c) => {
      const { x, y } = this.graph.getNodeAttributes(c);
      return this.sigma.viewportToFramedGraph(this.sigma.graphToViewport({ x, y }));
    });
    if (points.length === 0) return;
    const xs = points.map((p) => p.x);
    const ys = points.map((p) => p.y);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const ratio = Math.min(1, Math.max(0.2, Math.max(maxX - minX, maxY - minY) * 1.5));
    void this.sigma.getCamera().animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio }, { duration: 400 });
  }

  /** Moves the camera to a nation and its allies. */
  focusNation(code: string): void {
    if (this.graph.hasNode(code)) this.focus([code, ...this.graph.neighbors(code)]);
  }

  zoom(factor: number | 'reset'): void {
    const camera = this.sigma.getCamera();
    if (factor === 'reset') void camera.animatedReset({ duration: 300 });
    else void camera.animate({ ratio: camera.ratio / factor }, { duration: 200 });
  }

  /** Resolves after the next frame sigma draws. */
  nextRender(): Promise<void> {
    return new Promise((resolve) => this.sigma.once('afterRender', () => resolve()));
  }

  private updateNeighbours(): void {
    this.neighbours = this.selected && this.graph.hasNode(this.selected) ? new Set(this.graph.neighbors(this.selected)) : new Set();
  }

  private reduceNode(node: string, data: NationAttributes): Partial<NodeDisplayData> {
    const out: Partial<NodeDisplayData> = { ...data };
    if (this.pathNodes.size > 0) {
      if (this.pathNodes.has(node)) return { ...out, highlighted: true, forceLabel: true, zIndex: 2 };
      out.color = DIM_NODE;
      out.label = '';
      return out;
    }
    if (this.selected && this.graph.hasNode(this.selected)) {
      if (node === this.selected) return { ...out, highlighted: true, forceLabel: true, zIndex: 2 };
      if (this.neighbours.has(node)) return { ...out, forceLabel: true, zIndex: 1 };
      out.color = DIM_NODE;
      out.label = '';
      return out;
    }
    if (node === this.hovered) return { ...out, highlighted: true, zIndex: 2 };
    return out;
  }

  private reduceEdge(edge: string, data: AllianceAttributes): Partial<EdgeDisplayData> {
    const out: Partial<EdgeDisplayData> = { color: data.color, size: 1, type: 'line' };
    const thick = Math.min(1.5 + data.weight * 0.5, 4);
    if (this.pathNodes.size > 0) {
      if (this.pathEdges.has(edge)) return { ...out, type: 'thick', color: PATH_COLOR, size: 5, zIndex: 2 };
      return { ...out, color: DIM_EDGE };
    }
    if (this.selected && this.graph.hasNode(this.selected)) {
      if (this.graph.hasExtremity(edge, this.selected)) return { ...out, type: 'thick', size: thick, zIndex: 1 };
      return { ...out, color: DIM_EDGE };
    }
    if (this.hovered && this.graph.hasExtremity(edge, this.hovered)) return { ...out, type: 'thick', size: thick + 1, zIndex: 1 };
    return out;
  }

  private nodeTooltip(node: string): HTMLElement {
    const a = this.graph.getNodeAttributes(node);
    return h('div', {},
      h('strong', {}, a.label), ` (${node})`,
      h('div', {}, a.region || 'no region'),
      h('div', {}, `${a.allies} ${a.allies === 1 ? 'ally' : 'allies'}`, a.bloc >= 0 ? ` · bloc ${a.bloc + 1}` : ''),
    );
  }

  private edgeTooltip(edge: string): HTMLElement {
    const a = this.graph.getEdgeAttributes(edge);
    const [x, y] = this.graph.extremities(edge);
    const name = (code: string) => this.graph.getNodeAttribute(code, 'label');
    return h('div', {},
      h('strong', {}, `${name(x)} – ${name(y)}`),
      h('div', {}, a.obligations.map((o) => OBLIGATION_LABELS[o]).join(', ')),
      h('ul', {}, a.treatyNames.slice(0, 6).map((t) => h('li', {}, t)), a.treatyNames.length > 6 ? h('li', {}, `and ${a.treatyNames.length - 6} more`) : null),
    );
  }

  private showTooltip(content: HTMLElement, x: number, y: number): void {
    this.tooltip.replaceChildren(content);
    this.tooltip.hidden = false;
    const maxX = this.container.clientWidth - this.tooltip.offsetWidth - 8;
    this.tooltip.style.left = `${Math.max(4, Math.min(x + 14, maxX))}px`;
    this.tooltip.style.top = `${Math.max(4, y + 14)}px`;
  }

  private hideTooltip(): void {
    this.tooltip.hidden = true;
  }
}
