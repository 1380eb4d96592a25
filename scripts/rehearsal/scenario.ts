// The realistic choices of the rehearsal: which inspection gets a late or returned report, a complaint, an
// obstruction, a major hazard with an extension, a late or never-sent rectification; everything else goes the
// ordinary way. Inspections get their parts in the order they are first seen, so every choice happens in round one.
export type InspectionPart =
  | 'returned-report' | 'late-report' | 'complaint' | 'obstruction' | 'major-hazard' | 'late-rectification' | 'exhausted-ladder';

const CAST: InspectionPart[][] = [['major-hazard'], ['exhausted-ladder'], ['returned-report', 'complaint'], ['late-report', 'obstruction'], ['late-rectification']];

export class Scenario {
  private parts = new Map<string, Set<InspectionPart>>();
  /** Choices that were played, for the report. */
  readonly played = new Set<string>();
  refusedHandover: string | null = null;
  returned = new Set<string>();

  partsOf(inspectionId: string): Set<InspectionPart> {
    let parts = this.parts.get(inspectionId);
    if (!parts) {
      parts = new Set(CAST[this.parts.size] ?? []);
      this.parts.set(inspectionId, parts);
    }
    return parts;
  }

  plays(inspectionId: string | null, part: InspectionPart): boolean {
    return !!inspectionId && this.partsOf(inspectionId).has(part);
  }

  play(choice: string): void {
    this.played.add(choice);
  }
}

/** Every choice the rehearsal must have played (the short run too). */
export const CHOICES = [
  'late report', 'returned report', 'major hazard with an extension', 'refused handover', 'complaint found true',
  'obstruction', 'exhausted ladder', 'second city inspection in one year', 'late rectification', 'evidence uploaded',
] as const;
