/**
 * The world map: countries coloured by the selected nation's allies at the date (by the strongest obligation
 * they share), or by bloc when nothing is selected; the legend names the colours of the mode shown. Loaded only
 * when first shown, so it never slows the network.
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
  private readonly key = document.createElement('div');
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
      this.key.className = 'map-legend';
      this.key.dataset.testid = 'map-legend';
      this.container.replaceChildren(svg, this.key);
    })();
    return this.ready;
  }

  /** The legend of what the map shows: the selected nation's allies by obligation, or the blocs. */
  private legend(selected: string | null): void {
    const rows: [string | null, string][] = selected
      ? [
          [SELECTED, selected],
          ...Object.entries(OBLIGATION_COLORS).map(([o, c]) => [c, `Ally: ${OBLIGATION_LABELS[o as keyof typeof OBLIGATION_LABELS]}`] as [string, string]),
          [PRESENT, 'Not an ally at the date'],
        ]
      : [[null, 'Colour: its bloc (listed on the left)'], [null, 'Click a country to see its allies']];
    rows.push([ABSENT, 'No state at the date, or none in the data']);
    this.key.replaceChildren(
      ...rows.map(([color, label]) => {
        const row = document.createElement('div');
        if (color) {
          const swatch = document.createElement('span');
          swatch.className = 'swatch';
          swatch.style.background = color;
          row.append(swatch);
        }
        row.append(label);
        return row;
      }),
    );
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
    this.legend(hasSelection ? graph.getNodeAttribute(selected!, 'label') : null);
  }
}
