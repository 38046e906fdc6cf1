import { describe, expect, it } from 'vitest';
import { renderTemplate, renderTemplateHtml, splitName, templateValues } from './render';

const values = templateValues({
  customer: { name: 'Ayşe Nur Yılmaz', kind: 'person', emails: ['ayse@example.test'], phones: ['+905321234567'], city: null },
  business: { name: 'Çiçek & Ağaç <Ltd>', phone: null, email: 'info@cicek.test' },
  personnel: { name: 'İsmail Öz', email: null, phone: null, title: 'Satış' },
});

describe('message templates', () => {
  it('fills in customer, business and personnel fields; missing or unknown ones render empty', () => {
    expect(renderTemplate('Merhaba {{customer.firstName}} {{ customer.lastName }},', values)).toBe('Merhaba Ayşe Nur Yılmaz,');
    expect(renderTemplate('{{customer.name}} / {{customer.email}} / {{customer.phone}}', values)).toBe('Ayşe Nur Yılmaz / ayse@example.test / +905321234567');
    expect(renderTemplate('{{business.name}} — {{personnel.name}} ({{personnel.title}})', values)).toBe('Çiçek & Ağaç <Ltd> — İsmail Öz (Satış)');
    expect(renderTemplate('[{{customer.city}}][{{personnel.email}}][{{customer.shoeSize}}][{{nope}}]', values)).toBe('[][][][{{nope}}]');
  });

  it('escapes the template and every value in the HTML part', () => {
    const evil = templateValues({
      customer: { name: '<script>alert("x")</script> Kötü', kind: 'person', emails: [], phones: [], city: null },
      business: { name: 'A&B', phone: null, email: null },
      personnel: null,
    });
    const html = renderTemplateHtml('Sayın {{customer.name}},\n<b>{{business.name}}</b>', evil);
    expect(html).toBe('Sayın &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Kötü,<br>\n&lt;b&gt;A&amp;B&lt;/b&gt;');
    expect(html).not.toContain('<script');
  });

  it('splits a person’s name into first and last, and keeps a company’s whole', () => {
    expect(splitName('Ayşe Nur Yılmaz')).toEqual({ first: 'Ayşe Nur', last: 'Yılmaz' });
    expect(splitName('Cem')).toEqual({ first: 'Cem', last: '' });
    expect(splitName('Deniz Tekstil A.Ş.', 'company')).toEqual({ first: 'Deniz Tekstil A.Ş.', last: '' });
  });
});
