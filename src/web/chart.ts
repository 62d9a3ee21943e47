import { type Lang, toPersianDigits } from '../i18n/index.ts';

/** ECharts is large: it is loaded when the first chart is drawn, not at start. */
let loading: Promise<typeof import('echarts')> | undefined;
const echarts = () => (loading ??= import('echarts'));

const ROW = 28;

/**
 * ECharts writes its text's font as a style attribute and its hover effects as a style element, both
 * of which our Content-Security-Policy (style-src 'self') rightly refuses: the font becomes SVG's own
 * attributes, and the hover effects, which a picture drawn on the server has no use for, go.
 */
const withoutInlineStyles = (svg: string) =>
  svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ style="font-size:(\d+)px;font-family:([^;"]*);"/g, ' font-size="$1" font-family="$2"');

/**
 * A horizontal bar chart drawn on the server as SVG, so it needs no script and no other origin. In
 * Persian the bars grow from the right and the numbers are Persian digits. Narrow enough that its
 * text stays legible when a phone shrinks it to the screen.
 */
export async function barChartSvg(
  rows: { label: string; value: number }[],
  lang: Lang,
  width = 400,
): Promise<string> {
  const core = await echarts();
  const rtl = lang === 'fa';
  const number = (v: number) =>
    rtl ? toPersianDigits(v.toLocaleString('en-US')) : v.toLocaleString('en-US');
  const chart = core.init(null, null, { renderer: 'svg', ssr: true, width, height: rows.length * ROW + 40 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Vazirmatn, system-ui, sans-serif', fontSize: 14 },
    grid: { top: 10, bottom: 26, left: rtl ? 24 : 140, right: rtl ? 140 : 24 },
    xAxis: {
      type: 'value',
      inverse: rtl,
      minInterval: 1,
      splitNumber: 4,
      axisLabel: { formatter: number, fontSize: 13 },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      position: rtl ? 'right' : 'left',
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: { fontSize: 14 },
    },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => r.value),
        itemStyle: { color: '#0b5e4a' },
        barMaxWidth: 18,
        label: {
          show: true,
          position: rtl ? 'left' : 'right',
          formatter: (p: { value: unknown }) => number(Number(p.value)),
        },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return withoutInlineStyles(svg);
}
