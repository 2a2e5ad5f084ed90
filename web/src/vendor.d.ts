/** The few typings the page needs from packages that ship none (d3-geo, topojson-client) and from Vite. */
declare module '*?url' {
  const url: string;
  export default url;
}

declare module 'd3-geo' {
  export interface GeoProjection {
    (point: [number, number]): [number, number] | null;
    fitSize(size: [number, number], object: unknown): GeoProjection;
  }
  export interface GeoPath {
    (object: unknown): string | null;
  }
  export function geoEqualEarth(): GeoProjection;
  export function geoPath(projection?: GeoProjection): GeoPath;
}

declare module 'topojson-client' {
  export interface Feature {
    type: 'Feature';
    id?: string | number;
    properties: { name?: string };
    geometry: unknown;
  }
  export function feature(topology: unknown, object: unknown): { type: 'FeatureCollection'; features: Feature[] };
}
