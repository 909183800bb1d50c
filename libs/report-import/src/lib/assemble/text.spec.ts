import { cleanText } from './text';

describe('cleanText: the spaces a PDF copy puts into Chinese text', () => {
  it('removes the spaces beside Chinese text and before ASCII punctuation', () => {
    expect(cleanText(' 截至 2024 年 12 月 31 日 ')).toBe('截至2024年12月31日');
    expect(cleanText('净资产 400.21 万元 ,较上年减少 1.9%')).toBe('净资产400.21万元,较上年减少1.9%');
    expect(cleanText('（ [2019]77 ）文件')).toBe('（[2019]77）文件');
  });

  it('keeps the spaces of Latin text', () => {
    expect(cleanText('the Work Plan  of 2024 年')).toBe('the Work Plan  of 2024年');
  });

  it('removes letter-spacing: a single character between spaces', () => {
    expect(cleanText('预 算 编 码:')).toBe('预算编码:');
    expect(cleanText('姓  名')).toBe('姓名');
    expect(cleanText('部门职能 概 述')).toBe('部门职能概述');
  });

  it('keeps one space between two words of two characters or more, as the author wrote it', () => {
    expect(cleanText('组织了“七一颂党恩 礼赞新赵州”文艺演出')).toBe('组织了“七一颂党恩 礼赞新赵州”文艺演出');
    expect(cleanText('杜力伟　贾岩峰   郭晓旗')).toBe('杜力伟 贾岩峰 郭晓旗');
  });

  it('removes every space between Chinese characters of a text letter-spaced throughout', () => {
    // 「整体 支出」 looks like two words, but the text around it is letter-spaced
    expect(cleanText('部 门 整体 支出 绩 效')).toBe('部门整体支出绩效');
    // one single character among words is no letter-spacing throughout: its spaces go, the word's stays
    expect(cleanText('“七一颂党恩 礼赞新赵州” 文艺演出 等 活动')).toBe('“七一颂党恩 礼赞新赵州”文艺演出等活动');
  });
});
