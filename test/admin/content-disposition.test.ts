import { describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/admin/http/content-disposition.js';

describe('content disposition', () => {
  it('gives an ASCII fallback and the UTF-8 name encoded as RFC 5987 asks', () => {
    expect(contentDisposition('attachment', "Kế hoạch (Đợt 1) 'mẫu'*.docx")).toBe(
      `attachment; filename="Ke hoach _Dot 1_ _mau_.docx"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%28%C4%90%E1%BB%A3t%201%29%20%27m%E1%BA%ABu%27%2A.docx`,
    );
  });

  it('keeps a stored name from carrying a path, quotes or line breaks into the header', () => {
    const header = contentDisposition('inline', '..\\..\\etc/passwd\r\nSet-Cookie: x="1".jpg');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `inline; filename="passwdSet-Cookie_ x_1_.jpg"; filename*=UTF-8''passwdSet-Cookie%3A%20x%3D%221%22.jpg`,
    );
    expect(contentDisposition('attachment', '///')).toBe(`attachment; filename="tep"; filename*=UTF-8''tep`);
    expect(contentDisposition('attachment', '📷.jpg')).toBe(
      `attachment; filename="_.jpg"; filename*=UTF-8''%F0%9F%93%B7.jpg`,
    );
  });
});
