/** The app mark: a database cylinder with a shield, on the brand gradient. */
export function Logo({ size = 22 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false">
      <defs>
        <linearGradient id="rsmate-logo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#5560e0" />
          <stop offset="1" stopColor="#d6336c" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill="url(#rsmate-logo)" />
      <ellipse cx="14" cy="9.5" rx="7" ry="2.6" fill="none" stroke="#fff" strokeWidth="1.9" />
      <path d="M7 9.5v12c0 1.45 3.1 2.6 7 2.6" fill="none" stroke="#fff" strokeWidth="1.9" strokeLinecap="round" />
      <path d="M21 9.5v4.2" fill="none" stroke="#fff" strokeWidth="1.9" strokeLinecap="round" />
      <path d="M7 15.5c0 1.45 3.1 2.6 7 2.6" fill="none" stroke="#fff" strokeWidth="1.9" strokeLinecap="round" />
      <path
        d="M22 15.2l4.4 1.6v3.4c0 2.9-1.9 4.9-4.4 5.9-2.5-1-4.4-3-4.4-5.9v-3.4z"
        fill="#fff"
      />
      <path d="M20.2 20.6l1.3 1.3 2.5-2.6" fill="none" stroke="#d6336c" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
