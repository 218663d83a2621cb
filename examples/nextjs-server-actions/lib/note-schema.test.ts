import { describe, expect, it } from 'vitest';
import { parseNoteForm } from './note-schema';

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe('parseNoteForm', () => {
  it('trims and accepts a title with an empty body', () => {
    expect(parseNoteForm(form({ title: '  Groceries ', body: '' }))).toEqual({
      success: true,
      data: { title: 'Groceries', body: '' },
    });
  });

  it('answers a blank title with a message for that field only', () => {
    expect(parseNoteForm(form({ title: '   ', body: 'text' }))).toEqual({
      success: false,
      fieldErrors: { title: ['Give the note a title'] },
    });
  });

  it('treats missing fields as empty and limits lengths', () => {
    expect(parseNoteForm(form({}))).toMatchObject({ success: false, fieldErrors: { title: ['Give the note a title'] } });
    expect(parseNoteForm(form({ title: 'x'.repeat(101), body: 'y'.repeat(2001) }))).toEqual({
      success: false,
      fieldErrors: { title: ['Keep the title to 100 characters'], body: ['Keep the note to 2000 characters'] },
    });
  });
});
