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

export function CalendarIcon(props: IconProps) {
  return (
    <svg aria-hidden="true" {...base(props.size)}>
      <rect x="3" y="5" width="18" height="16" rx="2" />
      <path d="M16 3v4M8 3v4M3 10h18" />
    </svg>
  );
}

export function BookIcon(props: IconProps) {
  return (
    <svg aria-hidden="true" {...base(props.size)}>
      <path d="M4 19.5V5a2 2 0 0 1 2-2h14v16H6.5A2.5 2.5 0 0 0 4 21.5" />
      <path d="M20 19v3H6.5A2.5 2.5 0 0 1 4 19.5" />
    </svg>
  );
}

export function SproutIcon(props: IconProps) {
  return (
    <svg aria-hidden="true" {...base(props.size)}>
      <path d="M12 21v-9" />
      <path d="M12 12C12 7 9 4 4 4c0 5 3 8 8 8Z" />
      <path d="M12 14c0-4 3-7 8-7 0 4-3 7-8 7Z" />
    </svg>
  );
}

/** A small grove of trees for the landing page (decorative). */
export function GroveIllustration() {
  const trees = [
    { x: 70, r: 46, h: 70, fill: '#8ac8a5' },
    { x: 160, r: 62, h: 92, fill: '#3f8f66' },
    { x: 250, r: 50, h: 76, fill: '#67b78b' },
    { x: 325, r: 38, h: 58, fill: '#b3dbc4' },
  ];
  return (
    <svg viewBox="0 0 400 300" width="100%" aria-hidden="true" focusable="false">
      <defs>
        <clipPath id="grove-clip">
          <rect x="0" y="0" width="400" height="300" rx="24" />
        </clipPath>
      </defs>
      <g clipPath="url(#grove-clip)">
        <rect x="0" y="0" width="400" height="300" fill="#e6f2ea" />
        <circle cx="330" cy="70" r="28" fill="#fff6d8" />
        <path d="M0 250 Q100 225 200 245 T400 240 V300 H0 Z" fill="#cfe7d8" />
        {trees.map((tree) => (
          <g key={tree.x}>
            <rect x={tree.x - 5} y={250 - tree.h} width="10" height={tree.h} rx="4" fill="#5b4636" />
            <circle cx={tree.x} cy={250 - tree.h - tree.r * 0.6} r={tree.r} fill={tree.fill} />
            <circle
              cx={tree.x - tree.r * 0.45}
              cy={250 - tree.h - tree.r * 0.2}
              r={tree.r * 0.6}
              fill={tree.fill}
            />
            <circle
              cx={tree.x + tree.r * 0.5}
              cy={250 - tree.h - tree.r * 0.25}
              r={tree.r * 0.55}
              fill={tree.fill}
            />
          </g>
        ))}
        {[110, 205, 290].map((x) => (
          <g key={x} fill="#215e43">
            <circle cx={x} cy="236" r="7" />
            <rect x={x - 7} y="243" width="14" height="14" rx="6" />
          </g>
        ))}
      </g>
    </svg>
  );
}
