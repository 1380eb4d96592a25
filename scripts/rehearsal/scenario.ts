// The realistic choices of the rehearsal: which inspection gets a late or returned report, a complaint, an
// obstruction, a major hazard with an extension, a late or never-sent rectification, and in the full run a major
// hazard whose listing the committee declines and a 延伸巡查; everything else goes the ordinary way. Inspections get
// their parts in the order they are first seen, so every choice happens in round one.
export type InspectionPart =
  | 'returned-report' | 'late-report' | 'complaint' | 'obstruction' | 'major-hazard' | 'late-rectification' | 'exhausted-ladder'
  | 'declined-listing' | 'extended-inspection';

const CAST: InspectionPart[][] = [['major-hazard'], ['exhausted-ladder'], ['returned-report', 'complaint'], ['late-report', 'obstruction'], ['late-rectification']];
/** The full run's further parts, for the next inspections seen (the short run stays as fast as it was). */
const FULL_CAST: InspectionPart[][] = [['declined-listing'], ['extended-inspection']];

export class Scenario {
  private parts = new Map<string, Set<InspectionPart>>();
  /** Choices that were played, for the report. */
  readonly played = new Set<string>();
  refusedHandover: string | null = null;
  returned = new Set<string>();
  /** Hazards whose acceptance failed, with the day it failed: the unit asks again some days later. */
  readonly failedAcceptance = new Map<string, string>();

  /** `full`: the whole cycle, which also plays FULL_CHOICES. */
  constructor(readonly full: boolean, readonly cycleStart: string) {}

  partsOf(inspectionId: string): Set<InspectionPart> {
    let parts = this.parts.get(inspectionId);
    if (!parts) {
      const cast = this.full ? [...CAST, ...FULL_CAST] : CAST;
      parts = new Set(cast[this.parts.size] ?? []);
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
/** The choices the full run plays as well. */
export const FULL_CHOICES = ['special inspection started by the office', 'extended inspection on site', 'declined listing', 'failed acceptance'] as const;
