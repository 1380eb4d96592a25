// The realistic choices of the rehearsal: which inspection gets a late or returned report, a complaint, an
// obstruction, a major hazard with an extension, a late or never-sent rectification; everything else goes the
// ordinary way. Roles go to inspections in the order they are first seen, so every choice happens in round one.
export type InspectionRole =
  | 'returned-report' | 'late-report' | 'complaint' | 'obstruction' | 'major-hazard' | 'late-rectification' | 'exhausted-ladder' | 'ordinary';

const ORDER: InspectionRole[] = ['major-hazard', 'exhausted-ladder', 'returned-report', 'late-report', 'complaint', 'obstruction', 'late-rectification'];

export class Scenario {
  private roles = new Map<string, InspectionRole>();
  /** Choices that were played, for the report. */
  readonly played = new Set<string>();
  refusedHandover: string | null = null;
  returned = new Set<string>();

  roleOf(inspectionId: string): InspectionRole {
    let role = this.roles.get(inspectionId);
    if (!role) {
      role = ORDER[this.roles.size] ?? 'ordinary';
      this.roles.set(inspectionId, role);
    }
    return role;
  }

  played1(choice: string): void {
    this.played.add(choice);
  }
}

/** Every choice the rehearsal must have played (the short run asserts them all). */
export const CHOICES = [
  'late report', 'returned report', 'major hazard with an extension', 'refused handover', 'complaint found true',
  'obstruction', 'exhausted ladder', 'second city inspection in one year', 'late rectification', 'evidence uploaded',
] as const;
