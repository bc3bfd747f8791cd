// Errors from bound methods arrive as {code, message, detail, hint} (the Go
// ErrorFormatter). Wails 2.9 rejects with that object, but a JSON string, a
// plain string or an Error (call timeout, missing runtime) are possible too.

export class ApiError extends Error {
  readonly code: string;
  readonly detail: string;
  readonly hint: string;

  constructor(code: string, message: string, detail = '', hint = '') {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.detail = detail;
    this.hint = hint;
  }
}

/** Codes the UI reacts to. Others are shown as they come. */
export const ErrorCodes = {
  passwordRequired: 'password_required',
  authFailed: 'auth_failed',
  mfaRequired: 'aws_mfa_required',
  ssoExpired: 'aws_sso_expired',
  sshPassphraseRequired: 'ssh_key_passphrase_required',
  sshPassphraseWrong: 'ssh_key_passphrase_wrong',
  sshPasswordRequired: 'ssh_password_required',
  sshAuthFailed: 'ssh_auth_failed',
  cancelled: 'canceled',
  noBackend: 'no_backend',
  internal: 'internal',
} as const;

function str(v: unknown): string {
  return typeof v === 'string' ? v : v == null ? '' : String(v);
}

function fromObject(o: Record<string, unknown>): ApiError | null {
  if (typeof o.message !== 'string' && typeof o.code !== 'string') return null;
  return new ApiError(str(o.code) || ErrorCodes.internal, str(o.message) || 'Unknown error', str(o.detail), str(o.hint));
}

/** Normalises anything a rejected call may carry into an ApiError. */
export function toApiError(raw: unknown): ApiError {
  if (raw instanceof ApiError) return raw;
  if (typeof raw === 'string') {
    const t = raw.trim();
    if (t.startsWith('{')) {
      try {
        const parsed = fromObject(JSON.parse(t));
        if (parsed) return parsed;
      } catch {
        // not JSON after all: fall through to a plain message
      }
    }
    return new ApiError(ErrorCodes.internal, t || 'Unknown error');
  }
  if (raw instanceof TypeError && /\bgo\b|runtime/.test(raw.message)) {
    return new ApiError(ErrorCodes.noBackend, 'The application backend is not reachable', raw.message,
      'Start the app with `make run` (or `go tool wails dev`) rather than opening the page directly.');
  }
  if (raw instanceof Error) return new ApiError(ErrorCodes.internal, raw.message);
  if (raw && typeof raw === 'object') {
    const parsed = fromObject(raw as Record<string, unknown>);
    if (parsed) return parsed;
  }
  return new ApiError(ErrorCodes.internal, 'Unknown error', str(raw));
}

/** Runs a bound call and rejects only with ApiError. */
export async function callApi<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toApiError(e);
  }
}

/** True when the error is the user's own cancel of a connect attempt. */
export function isCancelled(e: unknown): boolean {
  return e instanceof ApiError && (e.code === ErrorCodes.cancelled || e.code === 'cancelled');
}
