/**
 * Punctuation faults of an official document's text (GB/T 15834 usage in 公文): doubled or clashing marks, a deadline
 * phrase with 前 after 内, placeholders for dates that were never filled, and values that leaked from code.
 */
const RULES: Array<[RegExp, string]> = [
  [/[。；，、：！？][。；，、！？]/u, 'two punctuation marks in a row'],
  [/：[。；，]/u, 'a colon followed by a mark'],
  [/[。；，]（/u, 'a bracket after the end of a sentence'],
  [/（）|“”/u, 'empty brackets or quotes'],
  [/内前/u, '"…内前" (a period and a date at once)'],
  [/近期|近日|规定期限前|另行规定/u, 'a date left unfilled'],
  [/undefined|null|NaN|\[object/u, 'a value leaked from code'],
  [/\d{4}-\d{2}-\d{2}/u, 'an ISO date (dates are written 2027年3月1日)'],
  [/[,;:!?](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[,;:!?]/u, 'a half-width mark in Chinese text'],
];

export function punctuationFaults(text: string): string[] {
  return RULES.filter(([re]) => re.test(text)).map(([re, what]) => `${what}: …${excerpt(text, re)}…`);
}

function excerpt(text: string, re: RegExp): string {
  const m = re.exec(text);
  return m ? text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12) : '';
}

/** The numbers of a numbered list in order ("1." "2." …) must start at 1 and have no gaps. */
export function listNumbers(paragraphs: string[]): number[] {
  return paragraphs.map((p) => /^(\d+)\./.exec(p)?.[1]).filter((n): n is string => !!n).map(Number);
}
