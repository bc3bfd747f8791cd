import { describe, expect, it } from 'vitest';
import { ApiError, callApi, isCancelled, toApiError } from './errors';

describe('toApiError', () => {
  it('takes the formatter object as Wails passes it', () => {
    const e = toApiError({ code: 'auth_failed', message: 'wrong password', detail: '28P01', hint: 'Check it' });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.message, e.detail, e.hint]).toEqual(['auth_failed', 'wrong password', '28P01', 'Check it']);
  });

  it('parses the object when it arrives as a JSON string', () => {
    const e = toApiError('{"code":"timeout","message":"no answer","hint":"raise it"}');
    expect([e.code, e.message, e.detail, e.hint]).toEqual(['timeout', 'no answer', '', 'raise it']);
  });

  it('keeps a plain string as the message', () => {
    const e = toApiError('boom');
    expect([e.code, e.message]).toEqual(['internal', 'boom']);
  });

  it('wraps an Error (e.g. a call timeout)', () => {
    expect(toApiError(new Error('Call to x timed out')).message).toBe('Call to x timed out');
  });

  it('says when the backend is missing', () => {
    const e = toApiError(new TypeError("Cannot read properties of undefined (reading 'go')"));
    expect(e.code).toBe('no_backend');
  });
});

describe('callApi', () => {
  it('passes results through and normalises rejections', async () => {
    await expect(callApi(async () => 42)).resolves.toBe(42);
    await expect(callApi(() => Promise.reject({ code: 'x', message: 'y' }))).rejects.toMatchObject({ code: 'x', message: 'y' });
  });

  it('recognises a cancelled attempt', () => {
    expect(isCancelled(new ApiError('canceled', 'the connection attempt was cancelled'))).toBe(true);
    expect(isCancelled(new ApiError('timeout', 'late'))).toBe(false);
  });
});
