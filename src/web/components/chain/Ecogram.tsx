import type { RelationQuality } from '../../../contracts/households.js';
import { layoutEcogram } from '../../../domain/chain/ecogram.js';

export interface EcoPerson {
  id: string;
  name: string;
  label: string;
}

/** Line style per relation quality: colour and dash both carry the meaning (not colour alone). */
export const QUALITY_STYLE: Record<
  RelationQuality | 'professional',
  { stroke: string; dash?: string; width: number }
> = {
  supportive: { stroke: '#1d6b30', width: 4 },
  neutral: { stroke: '#495057', dash: '2 6', width: 3 },
  stressful: { stroke: '#b02525', dash: '12 6', width: 4 },
  professional: { stroke: '#1a5aa3', dash: '1 0', width: 1.5 },
};

function firstLine(name: string, max = 13): string {
  return name.length > max ? `${name.slice(0, max - 1)}…` : name;
}

export function Ecogram({
  title,
  desc,
  members,
  contacts,
  professionals,
}: {
  title: string;
  desc: string;
  members: EcoPerson[];
  contacts: (EcoPerson & { quality: RelationQuality })[];
  professionals: EcoPerson[];
}) {
  const l = layoutEcogram(
    members.map((m) => m.id),
    contacts.map((c) => c.id),
    professionals.map((p) => p.id),
  );
  const node = (n: { x: number; y: number; r: number }, person: EcoPerson, fill: string, stroke: string) => (
    <g key={person.id}>
      <circle cx={n.x} cy={n.y} r={n.r} fill={fill} stroke={stroke} strokeWidth={2} />
      <text x={n.x} y={n.y - 2} textAnchor="middle" fontSize={12} fontWeight={700} fill="#1a1b1e">
        {firstLine(person.name)}
      </text>
      <text x={n.x} y={n.y + 13} textAnchor="middle" fontSize={10.5} fill="#343a40">
        {firstLine(person.label, 14)}
      </text>
    </g>
  );
  const edge = (n: { x: number; y: number }, kind: RelationQuality | 'professional', key: string) => {
    const s = QUALITY_STYLE[kind];
    return (
      <line
        key={`e-${key}`}
        x1={l.centre.x}
        y1={l.centre.y}
        x2={n.x}
        y2={n.y}
        stroke={s.stroke}
        strokeWidth={s.width}
        strokeDasharray={s.dash}
        strokeLinecap="round"
      />
    );
  };
  const householdR =
    members.length <= 1 ? 44 : Math.hypot(l.members[0]!.x - l.centre.x, l.members[0]!.y - l.centre.y) + 40;
  return (
    <svg
      role="img"
      aria-labelledby="ecogram-title ecogram-desc"
      viewBox={`0 0 ${l.size} ${l.size}`}
      style={{ width: '100%', maxWidth: 720, height: 'auto', display: 'block' }}
    >
      <title id="ecogram-title">{title}</title>
      <desc id="ecogram-desc">{desc}</desc>
      {professionals.map((p, i) => edge(l.professionals[i]!, 'professional', p.id))}
      {contacts.map((c, i) => edge(l.contacts[i]!, c.quality, c.id))}
      <circle
        cx={l.centre.x}
        cy={l.centre.y}
        r={householdR}
        fill="#f1f7f3"
        stroke="#1d6b30"
        strokeWidth={2}
      />
      {members.map((m, i) =>
        node(l.members[i]!, { ...m, name: m.name.split(' ')[0] ?? m.name }, '#ffffff', '#1d6b30'),
      )}
      {contacts.map((c, i) => node(l.contacts[i]!, c, '#ffffff', '#495057'))}
      {professionals.map((p, i) => node(l.professionals[i]!, p, '#e7f0fa', '#1a5aa3'))}
    </svg>
  );
}
