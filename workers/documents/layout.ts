import {
  AlignmentType, BorderStyle, Document, Footer, ImageRun, LineRuleType, Packer, PageNumber, Paragraph, TextRun,
} from 'docx';

/**
 * Official-document layout after GB/T 9704-2012 (党政机关公文格式): A4, margins top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm; body 仿宋_GB2312 三号 (16 pt) on a fixed 28.95 pt line grid (22 lines × 28 characters);
 * title 方正小标宋简体 二号 (22 pt); red 版头 (issuing body + 文件) with a red separator line under the 文号;
 * 成文日期 right-aligned in Arabic numerals; page numbers 宋体 四号 as "— 1 —" at the foot.
 */
export interface OfficialDocument {
  issuerName: string; // 发文机关全称，如 峄城区安全生产委员会办公室
  docNo: string; // 峄安委办〔2026〕3号
  title: string;
  mainRecipient?: string; // 主送机关
  paragraphs: Array<string | OfficialFigure>; // 正文，每段首行缩进两字；图随文
  annexes?: string[]; // 附件说明
  signature: string; // 发文机关署名
  date: string; // 成文日期 2026年10月9日
  copyTo?: string[]; // 抄送
  publicity?: string; // 此件公开发布 / 依申请公开 / 不予公开
}

/** A chart in the body: a PNG centred on its own line, its caption (图1 …) below it. */
export interface OfficialFigure {
  png: Buffer;
  /** Shown size in pixels at 96 dpi; the text area is 156 mm (590 px) wide. */
  width: number;
  height: number;
  caption: string;
}

const RED = 'FF0000';
/** Millimetres to twips, rounded (docx's own helper truncates, which makes A4 one twip short). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
const FANGSONG = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312', cs: '仿宋_GB2312' };
const XIAOBIAOSONG = { ascii: '方正小标宋简体', eastAsia: '方正小标宋简体', hAnsi: '方正小标宋简体', cs: '方正小标宋简体' };
const SONGTI = { ascii: '宋体', eastAsia: '宋体', hAnsi: '宋体', cs: '宋体' };
const SANHAO = 32; // half-points: 三号 = 16 pt
const ERHAO = 44; // 二号 = 22 pt
const SIHAO = 28; // 四号 = 14 pt
const LINE = 579; // twips: 28.95 pt fixed line pitch → 22 lines on the 225 mm text area
const INDENT = 2 * 16 * 20; // two 三号 characters

const body = (text: string, extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}) => new Paragraph({
  spacing: { line: LINE, lineRule: LineRuleType.EXACT },
  indent: { firstLine: INDENT },
  children: [new TextRun({ text, font: FANGSONG, size: SANHAO })],
  ...extra,
});

const figure = (f: OfficialFigure) => [
  new Paragraph({
    alignment: AlignmentType.CENTER, keepNext: true,
    children: [new ImageRun({ type: 'png', data: f.png, transformation: { width: f.width, height: f.height }, altText: { name: f.caption, description: f.caption, title: f.caption } })],
  }),
  new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text: f.caption, font: FANGSONG, size: SIHAO })],
  }),
];

export function buildDocument(d: OfficialDocument): Document {
  const header = [
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 },
      children: [new TextRun({ text: `${d.issuerName}文件`, font: XIAOBIAOSONG, size: 72, color: RED })],
    }),
    new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: 120 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 8 } },
      children: [new TextRun({ text: d.docNo, font: FANGSONG, size: SANHAO })],
    }),
    new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] }),
  ];
  const title = new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { line: LINE, lineRule: LineRuleType.EXACT, after: LINE },
    children: [new TextRun({ text: d.title, font: XIAOBIAOSONG, size: ERHAO })],
  });
  const recipient = d.mainRecipient
    ? [new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: `${d.mainRecipient}：`, font: FANGSONG, size: SANHAO })] })]
    : [];
  const text = d.paragraphs.flatMap((p) => (typeof p === 'string' ? [body(p)] : figure(p)));
  const annexes = (d.annexes ?? []).map((a, i) => body(`${i === 0 ? '附件：' : '　　　'}${d.annexes!.length > 1 ? `${i + 1}.` : ''}${a}`));
  const closing = [
    new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { right: 4 * 16 * 20 },
      children: [new TextRun({ text: d.signature, font: FANGSONG, size: SANHAO })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT, spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { right: 4 * 16 * 20 },
      children: [new TextRun({ text: d.date, font: FANGSONG, size: SANHAO })],
    }),
    ...(d.publicity ? [body(`（${d.publicity}）`)] : []),
  ];
  const record = d.copyTo && d.copyTo.length > 0 ? [
    new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] }),
    new Paragraph({
      spacing: { line: LINE, lineRule: LineRuleType.EXACT }, indent: { left: 320, right: 320 },
      border: { top: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 }, bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 4 } },
      children: [new TextRun({ text: `抄送：${d.copyTo.join('，')}。`, font: FANGSONG, size: SIHAO })],
    }),
  ] : [];
  return new Document({
    creator: d.issuerName,
    title: d.title,
    styles: { default: { document: { run: { font: FANGSONG, size: SANHAO } } } },
    sections: [{
      properties: {
        page: {
          size: { width: mm(210), height: mm(297) },
          margin: {
            top: mm(37), bottom: mm(35),
            left: mm(28), right: mm(26),
            footer: mm(35 - 7) - 280, // page number 7 mm below the text area (its 四号 line is 280 twips)
          },
        },
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({ text: '— ', font: SONGTI, size: SIHAO }),
              new TextRun({ children: [PageNumber.CURRENT], font: SONGTI, size: SIHAO }),
              new TextRun({ text: ' —', font: SONGTI, size: SIHAO }),
            ],
          })],
        }),
      },
      children: [...header, title, ...recipient, ...text, ...annexes, ...closing, ...record],
    }],
  });
}

/** Renders the document as DOCX bytes. */
export async function renderDocx(d: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(d));
}

