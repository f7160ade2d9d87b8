/** A few inline SVG icons (decorative: the control around each carries the accessible name). */
interface IconProps {
  size?: number;
}

const base = (size = 20) => ({
  width: size,
  height: size,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  focusable: false,
});

export function BellIcon(props: IconProps) {
  return (
    <svg aria-hidden="true" {...base(props.size)}>
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

export function SearchIcon(props: IconProps) {
  return (
    <svg aria-hidden="true" {...base(props.size)}>
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

export function ChevronDownIcon(props: IconProps) {
  return (
    <svg aria-hidden="true" {...base(props.size)}>
      <path d="m6 9 6 6 6-6" />
    </svg>
  );
}

export function TreeIcon(props: IconProps) {
  return (
    <svg
      width={props.size ?? 30}
      height={props.size ?? 30}
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="8" fill="#1f5c45" />
      <circle cx="12" cy="13" r="6" fill="#8fd1a9" />
      <circle cx="20" cy="12" r="7" fill="#cfeedd" />
      <rect x="15" y="17" width="2.5" height="9" rx="1" fill="#cfeedd" />
    </svg>
  );
}
