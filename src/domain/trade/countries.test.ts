import { describe, expect, it } from 'vitest';
import { COUNTRIES, countryByCode, countryByName, partnerOf } from './countries.ts';

describe('countries', () => {
  it('come from the package with ISO codes, M49 numbers and names in both languages', () => {
    expect(countryByCode('IR')).toEqual({
      alpha2: 'IR',
      alpha3: 'IRN',
      m49: '364',
      nameFa: 'ایران',
      nameEn: 'Islamic Republic of Iran',
    });
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(249);
    expect(
      COUNTRIES.every(
        (c) => /^[A-Z]{2}$/.test(c.alpha2) && /^[A-Z]{3}$/.test(c.alpha3) && /^\d{3}$/.test(c.m49),
      ),
    ).toBe(true);
  });

  it('are each found by their own Persian and English names, and by their M49 number', () => {
    for (const c of COUNTRIES) {
      expect(countryByName(c.nameFa)?.alpha2, c.nameFa).toBe(c.alpha2);
      expect(countryByName(c.nameEn)?.alpha2, c.nameEn).toBe(c.alpha2);
      expect(countryByCode(c.m49)?.alpha2, c.m49).toBe(c.alpha2);
    }
  });

  it('are found by alpha-2, alpha-3 or M49 number, leading zeros optional and in Persian digits', () => {
    expect(countryByCode('iq')?.alpha3).toBe('IRQ');
    expect(countryByCode('CHN')?.m49).toBe('156');
    expect(countryByCode('4')?.alpha3).toBe('AFG');
    expect(countryByCode('004')?.alpha3).toBe('AFG');
    expect(countryByCode('۷۸۴')?.alpha3).toBe('ARE');
    expect(countryByCode('XX')).toBeNull();
  });

  it('are found by Persian name however the letters, spaces and joiners are written', () => {
    expect(countryByName('امارات متحدهٔ عربی')?.alpha3).toBe('ARE');
    expect(countryByName('امارات متحده عربي')?.alpha3).toBe('ARE');
    expect(countryByName('امارات')?.alpha3).toBe('ARE');
    expect(countryByName('ترکيه')?.alpha3).toBe('TUR');
    expect(countryByName('كويت')?.alpha3).toBe('KWT');
    expect(countryByName('هنگ کنگ')?.alpha3).toBe('HKG');
    expect(countryByName('هنگ‌کنگ')?.alpha3).toBe('HKG');
    expect(countryByName('کره جنوبی')?.alpha3).toBe('KOR');
    expect(countryByName('آذربایجان')?.alpha3).toBe('AZE');
    expect(countryByName('جمهوری آذربایجان')?.alpha3).toBe('AZE');
    expect(countryByName('کشور چین')?.alpha3).toBe('CHN');
    expect(countryByName('میانمار')?.alpha3).toBe('MMR');
    expect(countryByName('آمریکا')?.alpha3).toBe('USA');
    expect(countryByName('فدراسیون روسیه')?.alpha3).toBe('RUS');
  });

  it('are found by English name and its common forms', () => {
    expect(countryByName('Türkiye')?.alpha3).toBe('TUR');
    expect(countryByName('turkey')?.alpha3).toBe('TUR');
    expect(countryByName('Republic of Korea')?.alpha3).toBe('KOR');
    expect(countryByName('Guinea')?.alpha3).toBe('GIN');
    expect(countryByName('Guinea-Bissau')?.alpha3).toBe('GNB');
  });

  it('are not guessed when a name could be two of them', () => {
    expect(countryByName('کنگو')).toBeNull();
    expect(countryByName('کنگو - کینشاسا')?.alpha3).toBe('COD');
    expect(countryByName('Atlantis')).toBeNull();
  });

  it('have a World partner that is no country', () => {
    for (const world of ['W00', 'WLD', '0', 'World', 'جهان', '۰']) expect(partnerOf(world)).toBe('W00');
    expect(partnerOf('عراق')).toBe('IRQ');
    expect(partnerOf('368')).toBe('IRQ');
    expect(partnerOf('نارنیا')).toBeNull();
  });
});
