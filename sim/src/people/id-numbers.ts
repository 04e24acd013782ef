import { checkCharacter } from '@bianmin/identity/bulk';
import type { Rng } from '../random.js';
import type { Sex } from './names.js';

/**
 * 居民身份证号 (GB 11643): region, birth date, a 3-digit sequence whose last digit is odd for men
 * and even for women, and the MOD 11-2 check character — issued once each. The region is the
 * district of 云湖市 (3399dd): province 33 has no prefecture 99 in GB/T 2260, so no real person
 * holds one of these numbers.
 */
export class IdNumberOffice {
  private readonly issued = new Set<string>();

  issue(regionCode: string, dateOfBirth: string, sex: Sex, rng: Rng): string {
    const born = dateOfBirth.replace(/-/g, '');
    // 001–999, odd for men; 002–998, even for women.
    let sequence = rng.int(0, 498) * 2 + (sex === '男' ? 1 : 2);
    for (let tries = 0; tries < 500; tries++) {
      const first17 = `${regionCode}${born}${String(sequence).padStart(3, '0')}`;
      if (!this.issued.has(first17)) {
        this.issued.add(first17);
        return first17 + checkCharacter(first17);
      }
      sequence = sequence + 2 <= 999 ? sequence + 2 : 2 - (sequence % 2);
    }
    throw new Error(`no sequence numbers left for ${regionCode} ${dateOfBirth}`);
  }
}
