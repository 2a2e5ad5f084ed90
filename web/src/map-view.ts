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
import { covers, type Period } from './dates.ts';
import { ISO_NUMERIC_TO_ALPHA3 } from './iso-numeric.ts';

const SVG = 'http://www.w3.org/2000/svg';
const ABSENT = '#f1f1f1';
const PRESENT = '#d9d9d9';
const SELECTED = '#111111';

/**
 * Countries the map draws with today's borders that were once part of another state in the graph. A country
 * that was no state on the day (it has no period covering it) is drawn as that state while the state is on
 * the map, and, where `named` is given, bears that name (the graph's dated names: RUS is the Union of Soviet
 * Socialist Republics from 1922-12-30 through 1991). Moldova is left out: its land was Romanian from 1918 to
 * 1940, a date the graph does not hold. Yugoslavia is left out too: COW 345 (SRB) is Serbia before 1918 and
 * after 2006, and the graph holds no dated name to tell those years apart.
 */
const FORMER_PARTS: readonly { whole: string; named?: string; parts: readonly string[] }[] = [
  {
    whole: 'RUS',
    named: 'Union of Soviet Socialist Republics',
    parts: ['UKR', 'BLR', 'EST', 'LVA', 'LTU', 'GEO', 'ARM', 'AZE', 'KAZ', 'UZB', 'TKM', 'KGZ', 'TJK'],
  },
  { whole: 'XCZE', parts: ['CZE', 'SVK'] },
];

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
          // The nation drawn there on the day: the country itself, or the state it was part of.
          el.addEventListener('click', () => this.onNation(el.dataset.shown ?? code));
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
  private legend(selectedName: string | null, merged: boolean): void {
    const rows: [string | null, string][] = selectedName
      ? [
          [SELECTED, selectedName],
          ...Object.entries(OBLIGATION_COLORS).map(([o, c]) => [c, `Ally: ${OBLIGATION_LABELS[o as keyof typeof OBLIGATION_LABELS]}`] as [string, string]),
          [PRESENT, 'Not an ally at the date'],
        ]
      : [[null, 'Colour: its bloc (listed on the left)'], [null, 'Click a country to see its allies']];
    rows.push([ABSENT, 'No state at the date, or none in the data']);
    if (merged) rows.push([null, "Today's borders; land then part of another state takes its colour"]);
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

  /**
   * Colours the map for the network at the date and the selected nation. `periods` (every nation's, once the
   * page has them) tells land that was then part of another state (FORMER_PARTS) from a state of its own.
   */
  async update(graph: NetworkGraph, selected: string | null, day: string, periods: ReadonlyMap<string, readonly Period[]>): Promise<void> {
    await this.load();
    const hasSelection = !!selected && graph.hasNode(selected);
    const shown = shownNations(graph, day, periods);
    for (const [code, el] of this.paths) {
      const nation = shown.get(code) ?? code;
      let fill = ABSENT;
      if (graph.hasNode(nation)) {
        if (!hasSelection) fill = graph.getNodeAttribute(nation, 'color');
        else if (nation === selected) fill = SELECTED;
        else {
          const edge = graph.edge(selected!, nation);
          fill = edge ? OBLIGATION_COLORS[graph.getEdgeAttribute(edge, 'primary')] : PRESENT;
        }
      }
      el.setAttribute('fill', fill);
      if (nation === code) delete el.dataset.shown;
      else el.dataset.shown = nation;
    }
    this.svg?.classList.toggle('has-selection', hasSelection);
    this.legend(hasSelection ? graph.getNodeAttribute(selected!, 'label') : null, shown.size > 0);
  }
}

/** For each country drawn as another state on the day (FORMER_PARTS), that state's code. */
function shownNations(graph: NetworkGraph, day: string, periods: ReadonlyMap<string, readonly Period[]>): Map<string, string> {
  const shown = new Map<string, string>();
  for (const { whole, named, parts } of FORMER_PARTS) {
    if (!graph.hasNode(whole) || (named && graph.getNodeAttribute(whole, 'label') !== named)) continue;
    for (const part of parts) {
      // Until the periods have loaded, every country is drawn as itself. A country the graph does not hold
      // (the seeds alone hold few of the republics) was no state of its own on any day.
      const own = periods.get(part);
      if (periods.size > 0 && !(own && covers(own, day))) shown.set(part, whole);
    }
  }
  return shown;
}
