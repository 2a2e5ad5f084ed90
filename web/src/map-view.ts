/**
 * The world map: countries coloured by the selected nation's allies at the date (by the strongest obligation
 * they share), or by bloc when nothing is selected. Loaded only when first shown, so it never slows the network.
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature, type Feature } from 'topojson-client';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import type { NetworkGraph } from '../../src/export/graph.ts';
import { OBLIGATION_COLORS, OBLIGATION_LABELS } from '../../src/export/palette.ts';
import { ISO_NUMERIC_TO_ALPHA3 } from './iso-numeric.ts';

const SVG = 'http://www.w3.org/2000/svg';
const ABSENT = '#f1f1f1';
const PRESENT = '#d9d9d9';
const SELECTED = '#111111';

export class MapView {
  private paths = new Map<string, SVGPathElement>();
  private svg: SVGSVGElement | null = null;
  private ready: Promise<void> | null = null;

  constructor(private readonly container: HTMLElement, private readonly onNation: (code: string) => void) {}

  private load(): Promise<void> {
    this.ready ??= (async () => {
      const topology = await (await fetch(atlasUrl)).json();
      const countries = feature(topology, topology.objects.countries).features;
      const width = 960;
      const height = 500;
      const projection = geoEqualEarth().fitSize([width, height], { type: 'FeatureCollection', features: countries });
      const path = geoPath(projection);
      const svg = document.createElementNS(SVG, 'svg');
      svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', 'World map of alliances');
      for (const country of countries as Feature[]) {
        const d = path(country);
        if (!d) continue;
        const el = document.createElementNS(SVG, 'path');
        el.setAttribute('d', d);
        el.setAttribute('fill', ABSENT);
        const code = ISO_NUMERIC_TO_ALPHA3[String(country.id ?? '')];
        const title = document.createElementNS(SVG, 'title');
        title.textContent = country.properties.name ?? code ?? '';
        el.append(title);
        if (code) {
          el.dataset.code = code;
          el.addEventListener('click', () => this.onNation(code));
          this.paths.set(code, el);
        }
        svg.append(el);
      }
      this.svg = svg;
      this.container.replaceChildren(svg, this.legend());
    })();
    return this.ready;
  }

  private legend(): HTMLElement {
    const box = document.createElement('div');
    box.className = 'map-legend';
    const items: [string, string][] = [[SELECTED, 'Selected nation'], ...Object.entries(OBLIGATION_COLORS).map(([o, c]) => [c, `Ally: ${OBLIGATION_LABELS[o as keyof typeof OBLIGATION_LABELS]}`] as [string, string]), [PRESENT, 'Other nation at the date']];
    for (const [color, label] of items) {
      const row = document.createElement('div');
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.background = color;
      row.append(swatch, label);
      box.append(row);
    }
    return box;
  }

  /** Colours the map for the network at the date and the selected nation. */
  async update(graph: NetworkGraph, selected: string | null): Promise<void> {
    await this.load();
    const hasSelection = !!selected && graph.hasNode(selected);
    for (const [code, el] of this.paths) {
      let fill = ABSENT;
      if (graph.hasNode(code)) {
        if (!hasSelection) fill = graph.getNodeAttribute(code, 'color');
        else if (code === selected) fill = SELECTED;
        else {
          const edge = graph.edge(selected!, code);
          fill = edge ? OBLIGATION_COLORS[graph.getEdgeAttribute(edge, 'primary')] : PRESENT;
        }
      }
      el.setAttribute('fill', fill);
    }
    this.svg?.classList.toggle('has-selection', hasSelection);
  }
}
