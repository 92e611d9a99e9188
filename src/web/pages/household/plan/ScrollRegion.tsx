import type { ReactNode } from 'react';

/** A horizontally scrollable table wrapper that keyboard users can reach and scroll (focusable, labelled). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {children}
    </div>
  );
}
