/** Colours shared by the page, its legend and the exported files, so Gephi shows what the page showed. */
import type { Obligation } from './network.ts';

/** The strongest obligation first: an edge is drawn in the colour of the strongest it carries. */
export const OBLIGATION_ORDER: readonly Obligation[] = ['DEFENSE', 'OFFENSE', 'NEUTRALITY', 'NON_AGGRESSION', 'CONSULTATION', 'OTHER'];

export const OBLIGATION_COLORS: Record<Obligation, string> = {
  DEFENSE: '#d62728',
  OFFENSE: '#ff7f0e',
  NEUTRALITY: '#1f77b4',
  NON_AGGRESSION: '#2ca02c',
  CONSULTATION: '#9467bd',
  OTHER: '#8c8c8c',
};

export const OBLIGATION_LABELS: Record<Obligation, string> = {
  DEFENSE: 'Defence',
  OFFENSE: 'Offence',
  NEUTRALITY: 'Neutrality',
  NON_AGGRESSION: 'Non-aggression',
  CONSULTATION: 'Consultation',
  OTHER: 'Other',
};

/** Bloc colours, largest bloc first (Tableau 10 without the obligation red, so blocs never read as defence). */
export const BLOC_COLORS = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#e15759', '#bab0ac'];

/** Nations with no ally at the date belong to no bloc. */
export const NO_BLOC_COLOR = '#c8c8c8';

export function strongestObligation(obligations: readonly Obligation[]): Obligation {
  return OBLIGATION_ORDER.find((o) => obligations.includes(o)) ?? 'OTHER';
}

export function blocColor(bloc: number): string {
  if (bloc < 0) return NO_BLOC_COLOR;
  return BLOC_COLORS[bloc % BLOC_COLORS.length] ?? NO_BLOC_COLOR;
}
