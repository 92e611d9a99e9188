/**
 * Layout of the ecogram (network map): household members in the centre, the informal network on a ring around
 * them and involved professionals on an outer ring. Pure geometry; rings grow with the number of people so that
 * no two circles overlap.
 */
export interface EcoNode {
  id: string;
  x: number;
  y: number;
  r: number;
}

export interface EcoLayout {
  size: number;
  centre: { x: number; y: number };
  members: EcoNode[];
  contacts: EcoNode[];
  professionals: EcoNode[];
}

export const MEMBER_R = 40;
export const NODE_R = 44;
const GAP = 10;

function ring(
  ids: readonly string[],
  radius: number,
  r: number,
  centre: { x: number; y: number },
  offset: number,
): EcoNode[] {
  return ids.map((id, i) => {
    const angle = -Math.PI / 2 + offset + (2 * Math.PI * i) / Math.max(ids.length, 1);
    return { id, x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle), r };
  });
}

/** The radius at which `count` circles of radius `r` fit on a ring without touching. */
function fitRadius(count: number, r: number, min: number): number {
  if (count <= 1) return min;
  // chord between neighbours = 2·R·sin(π/n) must be at least 2r + GAP
  return Math.max(min, (2 * r + GAP) / (2 * Math.sin(Math.PI / count)));
}

export function layoutEcogram(
  memberIds: readonly string[],
  contactIds: readonly string[],
  professionalIds: readonly string[],
): EcoLayout {
  const memberRing = memberIds.length <= 1 ? 0 : fitRadius(memberIds.length, MEMBER_R, MEMBER_R + GAP);
  const contactRing = fitRadius(contactIds.length, NODE_R, memberRing + MEMBER_R + NODE_R + 70);
  const proRing = fitRadius(professionalIds.length, NODE_R, contactRing + 2 * NODE_R + 50);
  const outer =
    (professionalIds.length > 0 ? proRing : contactIds.length > 0 ? contactRing : memberRing) + NODE_R + 70;
  const size = Math.ceil(2 * outer);
  const centre = { x: size / 2, y: size / 2 };
  return {
    size,
    centre,
    members: ring(memberIds, memberRing, MEMBER_R, centre, 0),
    contacts: ring(contactIds, contactRing, NODE_R, centre, 0),
    // Offset the outer ring by half a step so its lines pass between the inner circles.
    professionals: ring(
      professionalIds,
      proRing,
      NODE_R,
      centre,
      professionalIds.length ? Math.PI / Math.max(professionalIds.length, 2) : 0,
    ),
  };
}
