/** inspection-notice → inspectionNotice: the variables a document is written to are `<camel>DocumentId` and `…No`. */
export const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
