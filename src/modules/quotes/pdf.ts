import 'server-only';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { readBusinessFile } from '@/server/files/storage';
import { MESSAGES } from '@/i18n/messages';
import type { QuoteDocument } from './queries';
import { formatCalendarDay } from '@/lib/format-date';
import { formatMoney, formatPercent, formatQuantity, lineAmounts } from '@/lib/money';
import { quoteNumberText } from './number';

/**
 * DejaVu Sans (from the `dejavu-fonts-ttf` package, a free licence that allows bundling) has
 * every Turkish letter; the PDF's built-in Helvetica has no ğ, ı or ş.
 */
function fontPath(bold = false): string {
  return path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf', bold ? 'DejaVuSans-Bold.ttf' : 'DejaVuSans.ttf');
}

export function quotePdfFileName(doc: Pick<QuoteDocument, 'quote'>): string {
  const prefix = doc.quote.language === 'en' ? 'quote' : 'teklif';
  return `${prefix}-${String(doc.quote.number).padStart(4, '0')}.pdf`;
}

/** Renders the quote in its own language (the customer's), not the reader's. */
export async function renderQuotePdf(doc: QuoteDocument): Promise<Buffer> {
  const lang = doc.quote.language;
  const t = MESSAGES[lang].quotes.pdf;
  const q = doc.quote;
  const money = (minor: number) => formatMoney(minor, q.currency, lang);
  const logo = doc.business.logoPath ? await readBusinessFile(doc.business.logoPath) : null;

  const pdf = new PDFDocument({ size: 'A4', margin: 50, font: fontPath(), info: { Title: `${t.title} ${quoteNumberText(q.number)}`, Author: doc.business.name } });
  pdf.registerFont('regular', fontPath());
  pdf.registerFont('bold', fontPath(true));
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const left = 50;
  const width = pdf.page.width - 100;
  let y = 50;
  // PDFKit draws PNG and JPEG; a WebP logo is left out rather than failing the whole document.
  if (logo && (logo[0] === 0x89 || logo[0] === 0xff)) {
    try {
      pdf.image(logo, left, y, { fit: [120, 60] });
    } catch {
      // An unreadable image must not stop the quote.
    }
  }
  pdf.font('bold').fontSize(16).text(doc.business.name, left + 140, y, { width: width - 140, align: 'right' });
  const contact = [doc.business.email, doc.business.phone].filter(Boolean).join(' · ');
  if (contact) pdf.font('regular').fontSize(9).fillColor('#555').text(contact, left + 140, pdf.y + 2, { width: width - 140, align: 'right' });
  y = 130;
  pdf.fillColor('#000').font('bold').fontSize(20).text(`${t.title} ${quoteNumberText(q.number)}`, left, y);
  pdf.font('regular').fontSize(10);
  pdf.text(`${t.customer}: ${q.customer?.name ?? '—'}`, left, pdf.y + 8);
  pdf.text(`${t.date}: ${formatCalendarDay(q.createdAt.toISOString().slice(0, 10), lang, 'long')}`);
  if (q.validUntil) pdf.text(`${t.validUntil}: ${formatCalendarDay(q.validUntil, lang, 'long')}`);

  // Lines as a simple table: name wraps, numbers align right.
  const cols = [
    { key: 'name', label: t.item, w: 0.36, align: 'left' as const },
    { key: 'qty', label: t.quantity, w: 0.1, align: 'right' as const },
    { key: 'price', label: t.unitPrice, w: 0.16, align: 'right' as const },
    { key: 'disc', label: t.discount, w: 0.1, align: 'right' as const },
    { key: 'vat', label: t.vat, w: 0.1, align: 'right' as const },
    { key: 'total', label: t.lineTotal, w: 0.18, align: 'right' as const },
  ];
  const drawRow = (cells: string[], bold: boolean) => {
    const top = pdf.y;
    let x = left;
    let bottom = top;
    pdf.font(bold ? 'bold' : 'regular').fontSize(9);
    cols.forEach((c, i) => {
      const w = c.w * width;
      pdf.text(cells[i] ?? '', x + 2, top, { width: w - 4, align: c.align });
      bottom = Math.max(bottom, pdf.y);
      x += w;
    });
    pdf.y = bottom + 4;
    pdf.moveTo(left, pdf.y - 2).lineTo(left + width, pdf.y - 2).strokeColor('#ddd').stroke();
  };
  pdf.y += 16;
  drawRow(cols.map((c) => c.label), true);
  for (const item of doc.items) {
    if (pdf.y > pdf.page.height - 150) pdf.addPage();
    const a = lineAmounts(item);
    drawRow(
      [item.name, formatQuantity(item.quantityMilli, lang), money(item.unitPriceMinor), item.discountBp ? formatPercent(item.discountBp, lang) : '—', formatPercent(item.vatRateBp, lang), money(a.lineTotalMinor)],
      false,
    );
  }

  pdf.y += 8;
  const totals: [string, string][] = [
    [t.subtotal, money(q.subtotalMinor)],
    ...(q.discountMinor ? ([[t.discount, `−${money(q.discountMinor)}`]] as [string, string][]) : []),
    [t.vat, money(q.vatMinor)],
    [t.total, money(q.totalMinor)],
  ];
  totals.forEach(([label, value], i) => {
    const last = i === totals.length - 1;
    const top = pdf.y;
    pdf.font(last ? 'bold' : 'regular').fontSize(last ? 12 : 10);
    pdf.text(label, left + width * 0.5, top, { width: width * 0.3, align: 'right' });
    pdf.text(value, left + width * 0.8, top, { width: width * 0.2, align: 'right' });
    pdf.y += 2;
  });

  if (q.notes) {
    pdf.y += 16;
    pdf.font('bold').fontSize(10).text(t.notes, left);
    pdf.font('regular').fontSize(10).text(q.notes, left, pdf.y + 2, { width });
  }
  pdf.end();
  return done;
}
