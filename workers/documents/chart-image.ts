import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

// Noto CJK is what the machines install for Chinese (fonts-noto-cjk); resvg falls back through the system fonts.
const CJK_FONT = 'Noto Sans CJK SC';

/**
 * An ECharts option rendered on the server: ECharts' own server-side rendering to SVG (no DOM), rasterised to PNG
 * by resvg at twice the shown size so that the printed chart stays sharp.
 */
export function chartPng(option: Record<string, unknown>, size: { width: number; height: number }): Buffer {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ textStyle: { fontFamily: CJK_FONT }, backgroundColor: '#ffffff', ...option });
    const svg = chart.renderToSVGString();
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'width', value: size.width * 2 },
      font: { loadSystemFonts: true, defaultFontFamily: CJK_FONT, sansSerifFamily: CJK_FONT },
    });
    return resvg.render().asPng();
  } finally {
    chart.dispose();
  }
}
