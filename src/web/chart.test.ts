import { describe, expect, it } from 'vitest';
import { barChartSvg } from './chart.ts';

describe('a bar chart drawn on the server', () => {
  it('carries no inline style, which the pages’ Content-Security-Policy would refuse, yet keeps its font', async () => {
    for (const lang of ['fa', 'en'] as const) {
      const svg = await barChartSvg(
        [
          { label: 'تهران', value: 1200 },
          { label: 'کهگیلویه و بویراحمد', value: 7 },
        ],
        lang,
      );
      expect(svg).not.toMatch(/<style|style="/);
      expect(svg).toMatch(
        /<text[^>]* font-size="14" font-family="Vazirmatn, system-ui, sans-serif"[^>]*>تهران</,
      );
      expect(svg).toContain(lang === 'fa' ? '۱,۲۰۰' : '1,200');
    }
  });
});
