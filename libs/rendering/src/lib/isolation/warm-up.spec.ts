import { renderDocument } from '../render';
import { WARM_UP_INPUT } from './warm-up';

describe('the warm-up document of a fresh render thread', () => {
  it('renders as a PDF (a failure would leave the fonts unparsed, silently)', async () => {
    const pdf = await renderDocument('pdf', WARM_UP_INPUT);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  }, 60000);
});
