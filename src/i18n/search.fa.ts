import type { search as en } from './search.en.ts';

export const search: Record<keyof typeof en, string> = {
  'search.band.high': 'ارزش افزوده داخلی ۸۰ درصد و بیشتر',
  'search.band.upper': 'ارزش افزوده داخلی ۵۰ تا ۸۰ درصد',
  'search.band.lower': 'ارزش افزوده داخلی ۲۰ تا ۵۰ درصد',
  'search.band.low': 'ارزش افزوده داخلی کمتر از ۲۰ درصد',
};
