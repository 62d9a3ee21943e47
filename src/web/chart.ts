import { type Lang, toPersianDigits } from './i18n/index.ts';

/** ECharts is large: it is loaded when the first chart is drawn, not at start. */
let loading: Promise<typeof import('echarts')> | undefined;
const echarts = () => (loading ??= import('echarts'));

const ROW = 26;

/**
 * A horizontal bar chart drawn on the server as SVG, so it needs no script and no other origin. In
 * Persian the bars grow from the right and the numbers are Persian digits.
 */
export async function barChartSvg(
  rows: { label: string; value: number }[],
  lang: Lang,
  width = 520,
): Promise<string> {
  const core = await echarts();
  const rtl = lang === 'fa';
  const number = (v: number) =>
    rtl ? toPersianDigits(v.toLocaleString('en-US')) : v.toLocaleString('en-US');
  const chart = core.init(null, null, { renderer: 'svg', ssr: true, width, height: rows.length * ROW + 40 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Vazirmatn, system-ui, sans-serif', fontSize: 13 },
    grid: { top: 10, bottom: 24, left: rtl ? 16 : 140, right: rtl ? 140 : 16 },
    xAxis: { type: 'value', inverse: rtl, minInterval: 1, axisLabel: { formatter: number } },
    yAxis: {
      type: 'category',
      inverse: true,
      position: rtl ? 'right' : 'left',
      data: rows.map((r) => r.label),
      axisTick: { show: false },
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
  return svg;
}
