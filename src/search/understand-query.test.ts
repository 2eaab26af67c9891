import { describe, expect, it } from 'vitest';
import { loadRunOnRepairer } from '../ingest/run-on-repair.js';
import { PROJECT_ROOT } from '../project-root.js';
import { loadQuestionWords, understandQuery } from './understand-query.js';

const questionWords = loadQuestionWords(PROJECT_ROOT);
const off = { questionWords: false, runOnRepair: false, relaxOnZero: false };

describe('understandQuery', () => {
  it('takes question words and particles out, whatever their hamza or punctuation', () => {
    const on = { ...off, questionWords: true };
    expect(understandQuery(' - من هو جمال أحمد حمزة خاشقجي؟ ', on, { questionWords })).toBe('جمال أحمد حمزة خاشقجي؟');
    expect(understandQuery('كم عدد سكان الجزائر؟', on, { questionWords })).toBe('عدد سكان الجزائر؟');
    expect(understandQuery('إين تقع مالي', on, { questionWords })).toBe('تقع مالي');
    expect(understandQuery('ما هي عاصمة مصر', on, { questionWords })).toBe('عاصمة مصر');
  });

  it('searches a query made only of question words as typed, and leaves text alone with the switch off', () => {
    expect(understandQuery('من هو؟', { ...off, questionWords: true }, { questionWords })).toBe('من هو؟');
    expect(understandQuery('من هو بلينكن', off, { questionWords })).toBe('من هو بلينكن');
  });

  it('splits words run together when the profile asks for it', () => {
    const repairer = loadRunOnRepairer(PROJECT_ROOT);
    const glued = 'الجزائروالولاياتالمتحدة';
    expect(understandQuery(glued, { ...off, runOnRepair: true }, { questionWords, repairer })).toBe('الجزائر والولايات المتحدة');
    expect(understandQuery(glued, off, { questionWords, repairer })).toBe(glued);
  }, 30_000); // the word list loads in ~0.1 s alone, seconds on a loaded machine
});
